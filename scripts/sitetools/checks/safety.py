"""Medical safety wording: supplements need a doctor, and help is one link away."""

from __future__ import annotations

import re

from ..problems import Problem, line_of_text
from ..site import Site

MINERAL = re.compile(r"\b(magnesium|potassium)\b", re.IGNORECASE)
TAKING = re.compile(r"\b(supplements?|supplementation|tablets?|pills?|capsules?|take|taking|doses?)\b", re.IGNORECASE)
ADVICE = re.compile(r"talk to your doctor first", re.IGNORECASE)
DOCTOR_PAGE = "when-to-see-a-doctor"


def check_safety(site: Site) -> list[Problem]:
    problems = []
    for page in site.content_pages:
        text = page.writer_text()
        if text is None:
            continue
        for block in text.find_all(["p", "li", "td", "dd"]):
            if block.find(["p", "li"]):
                continue
            words = " ".join(block.get_text(" ").split())
            if MINERAL.search(words) and TAKING.search(words) and not ADVICE.search(words):
                problems.append(Problem(
                    page.name, f'Taking magnesium or potassium is mentioned without the words "talk to your doctor first": "{words[:100]}"',
                    'Add the sentence "Talk to your doctor first." to the same paragraph or list item, '
                    "so no reader starts a supplement without advice.",
                    line_of_text(page.source, words)))
        if page.url_path.strip("/") == DOCTOR_PAGE:
            continue
        if not any(DOCTOR_PAGE in a.get("href", "") for a in text.select("a[href]")):
            problems.append(Problem(page.name, "The page does not link to the 'When to see a doctor' page in its text.",
                                    "Add a sentence such as: If you are worried about a symptom, "
                                    "read [when to see a doctor](when-to-see-a-doctor.md).", None))
    return problems
