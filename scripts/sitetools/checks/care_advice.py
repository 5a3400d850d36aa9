"""The care rules on the pages: every sign carries its level, and sudden signs are never left to wait.

The care rules (docs/assets/tools/care-rules/care-rules.json, sitetools.care_rules) give each
sign its level: emergency, urgent (the same day), see a GP, or see a doctor. This check reads
the built pages and names every place that says otherwise:
- the cards on when-to-see-a-doctor: the emergency and urgent cards are there, and each card
  lists only signs of its own level;
- a card or label that says "not urgent" and lists a sign that is an emergency when it comes
  on suddenly says "came on gradually";
- a sentence that names a sign (by one of its "phrases") and says how soon to get help says
  the sign's own level (or, if it says "suddenly", the emergency level);
- a page that names slurred speech, weakness or trouble swallowing says what to do if it comes
  on suddenly, or links to the emergency card;
- a page that gives a sign's level lists that sign's source in its front matter;
- the paper diary names every new sign the GP rule sends a reader back for.
"""

from __future__ import annotations

import re

from bs4 import Tag

from .. import care_rules
from .frontmatter import read_front_matter
from ..problems import Problem, line_of_text
from .readability import sentences
from ..site import Page, Site

DOCTOR_PAGE = "when-to-see-a-doctor"
DIARY_PAGE = "symptom-diary"
# How a sentence says how soon. "Not urgent" is said first, so that "urgent" inside it is not read as urgent.
CLAIMS = [
    ("gp", re.compile(r"\b(?:non-urgent|not urgent)\b", re.I)),
    ("emergency", re.compile(r"\b(?:999|911|emergency)\b", re.I)),
    ("urgent", re.compile(r"\b(?:urgent|today|same day|111)\b", re.I)),
    ("gp", re.compile(r"\bGP\b")),
    ("doctor", re.compile(r"\bsee a doctor\b|\bcall your (?:doctor|health care provider)\b", re.I)),
]
SUDDEN = re.compile(r"\bsudden(?:ly)?\b", re.I)
NAMES_SIGN = re.compile(r"slurred speech|\bweakness\b|swallow", re.I)
NOT_URGENT = re.compile(r"\b(?:non-urgent|not urgent)\b", re.I)
LEVEL_WORDS = {"emergency": "an emergency (call 999)", "urgent": "urgent (the same day)", "gp": "see a GP",
               "doctor": "see a doctor"}


def claims(sentence: str) -> set[str]:
    """The levels a sentence says, leaving out the name of the page "when to see a doctor"."""
    text = re.sub(r"when to see a doctor", " ", sentence, flags=re.I)
    found = set()
    for level, pattern in CLAIMS:
        if pattern.search(text):
            found.add(level)
            text = pattern.sub(" ", text)
    return found


def signs_named(sentence: str, rules: dict) -> list[dict]:
    lower = sentence.lower()
    return [s for s in rules["signs"] if any(p.lower() in lower for p in s.get("phrases") or [])]


def allowed_levels(sentence: str, named: list[dict]) -> set[str]:
    allowed = {s["level"] for s in named}
    if "urgent" in allowed:
        allowed.add("gp")  # "ask for an urgent GP appointment"
    if SUDDEN.search(sentence) and any(s.get("if_sudden") for s in named):
        allowed.add("emergency")
    return allowed


def _blocks(text: Tag):
    for block in text.find_all(["p", "li", "td", "dd", "h1", "h2", "h3", "h4"]):
        if block.find(["p", "li"]):
            continue
        yield block, " ".join(block.get_text(" ").split())


def page_sources(page: Page) -> set[str] | None:
    if page.source is None or not page.source.is_file():
        return None
    data, _ = read_front_matter(page.source)
    return {(s or {}).get("title", "") for s in (data or {}).get("sources") or [] if isinstance(s, dict)}


def sentence_problems(page: Page, text: Tag, rules: dict) -> list[Problem]:
    problems = []
    listed = page_sources(page)
    needed: dict[str, str] = {}
    for _, words in _blocks(text):
        for sentence in sentences(words):
            named = signs_named(sentence, rules)
            said = claims(sentence)
            if not named or not said:
                continue
            wrong = said - allowed_levels(sentence, named)
            for level in sorted(wrong):
                for sign in named:
                    problems.append(Problem(
                        page.name, f'This sentence names "{sign["label"]}" and says {LEVEL_WORDS[level]}, but the care '
                                   f'rules give it the level "{LEVEL_WORDS[sign["level"]]}": "{sentence}"',
                        "Say the level the care rules give it (docs/assets/tools/care-rules/care-rules.json), "
                        "or say that it applies when the sign comes on suddenly.", line_of_text(page.source, sentence)))
            signs = care_rules.signs_by_id(rules)
            for sign in named:
                # "... that comes on suddenly is an emergency" takes the emergency sign's source.
                if "emergency" in said and sign.get("if_sudden") and SUDDEN.search(sentence):
                    sign = signs[sign["if_sudden"]]
                needed.setdefault(rules["sources"][sign["source"]]["title"], sign["label"])
    if listed is not None:
        for title, label in needed.items():
            if title not in listed:
                problems.append(Problem(page.name, f'The page gives the level of "{label}" but does not list its source, '
                                                   f'"{title}", in its front matter.',
                                        f'Add "- title: {title}" (with its url) to the page\'s sources.', 1))
    return problems


def not_urgent_problems(page: Page, text: Tag, rules: dict) -> list[Problem]:
    """A "not urgent" card or label over a sign that is an emergency when sudden must say "came on gradually"."""
    problems = []
    gradual = [s for s in rules["signs"] if s.get("if_sudden")]
    for box in text.select(".admonition, details"):
        title = box.select_one(".admonition-title, summary")
        if title is None or not NOT_URGENT.search(title.get_text(" ")):
            continue
        words = " ".join(box.get_text(" ").split()).lower()
        listed = [s for s in gradual if s["text"].lower() in words
                  or any(p.lower() in words for p in s.get("phrases") or [])]
        if listed and "came on gradually" not in words:
            problems.append(Problem(
                page.name, f'The card "{" ".join(title.get_text(" ").split())}" says "not urgent" for '
                           f'"{listed[0]["label"]}", which is an emergency when it comes on suddenly, '
                           'but it does not say "came on gradually".',
                'Add the care rules\' note: "This card is for signs that came on gradually ..." '
                "(./scripts/care-cards writes it on the cards it makes).",
                line_of_text(page.source, title.get_text(" "))))
    return problems


def _sections(text):
    """The article cut at each h2: a sign and its sudden wording must sit in the same section."""
    section: list = []
    body = text.h2.parent if text.find("h2") is not None else text
    for node in body.children:
        if getattr(node, "name", None) == "h2" and section:
            yield section
            section = []
        section.append(node)
    if section:
        yield section


def sudden_problems(page: Page, text: Tag) -> list[Problem]:
    """Slurred speech, weakness or swallowing named without the sudden/gradual difference: the page
    links to the emergency card, or the same section (between two h2 headings) says "sudden". A
    "suddenly" in another section ("a spasm suddenly tightens") does not count."""
    # A link to the emergency card anywhere on the page is a way to the difference; a stray word is not.
    if any(a.get("href", "").split("#")[-1] == "emergency" and DOCTOR_PAGE in a.get("href", "") + page.rel
           for a in text.select("a[href]")):
        return []
    problems = []
    for section in _sections(text):
        words = " ".join(" ".join(getattr(n, "get_text", lambda *a: str(n))(" ").split()) for n in section)
        found = NAMES_SIGN.search(words)
        if not found:
            continue
        if SUDDEN.search(words):
            continue
        problems.append(Problem(
            page.name, f'The page names "{found.group(0)}" but the same section does not say what to do if it comes on '
                       "suddenly, and the page does not link to the emergency card.",
            "Add a sentence such as: Weakness that comes on suddenly is an "
            "[emergency](when-to-see-a-doctor.md#emergency).", line_of_text(page.source, found.group(0))))
    return problems


def card_problems(page: Page, text: Tag, rules: dict) -> list[Problem]:
    """The cards on when-to-see-a-doctor: emergency and urgent there, each sign on a card of its level."""
    problems = []
    for card_id, start, needs in (("emergency", "Emergency:", ("999", "911")), ("urgent", "Urgent:", ("111",))):
        boxes = [b for b in text.select(".admonition")
                 if (b.select_one(".admonition-title") or b).get_text(" ").strip().startswith(start)]
        if not boxes or not text.select_one(f"#{card_id}"):
            problems.append(Problem(page.name, f'There is no {card_id} card (a card whose heading starts "{start}", '
                                               f'under a heading with the id "{card_id}").',
                                    f'Add --8<-- "care-cards/{card_id}.md" under a heading {{#{card_id}}}.'))
        elif not all(word in boxes[0].get_text(" ") for word in needs):
            problems.append(Problem(page.name, f'The {card_id} card does not give the number to call ({", ".join(needs)}).',
                                    "Run ./scripts/care-cards and include its card."))
    by_text = {care_rules.sign_line(s).lower(): s for s in rules["signs"]}
    heading_level = {card["heading"]: card["level"] for card in rules["cards"]}
    for box in text.select(".admonition"):
        title = " ".join((box.select_one(".admonition-title") or box).get_text(" ").split())
        level = heading_level.get(title)
        if level is None:
            level = next((lvl for lvl, start in care_rules.HEADING_STARTS.items() if title.startswith(start)), None)
        if level is None:
            continue
        for item in box.select("li"):
            words = " ".join(item.get_text(" ").split()).lower()
            sign = by_text.get(words)
            if sign is None:
                sign = next((s for s in rules["signs"] if s["text"].lower() in words), None)
            if sign is not None and sign["level"] != level:
                problems.append(Problem(
                    page.name, f'The card "{title}" lists "{sign["label"]}" at the level "{LEVEL_WORDS[level]}", but '
                               f'the care rules give it "{LEVEL_WORDS[sign["level"]]}".',
                    "Keep every sign at its source's level: run ./scripts/care-cards and include its cards.",
                    line_of_text(page.source, title)))
    return problems


def diary_problems(page: Page, text: Tag | None, rules: dict) -> list[Problem]:
    """The paper diary's sign column: its guide names every new sign the GP rule sends a reader back for."""
    words = " ".join(text.get_text(" ").split()).lower() if text is not None else ""
    signs = care_rules.signs_by_id(rules)
    return [Problem(page.name, f'The diary does not name the new sign "{signs[sid]["label"]}", one the care rules\' GP '
                               "rule sends a reader back for.",
                    f'Add "{signs[sid]["label"].lower()}" to the list under "New sign" in the diary\'s guide.',
                    line_of_text(page.source, "New sign"))
            for sid in rules["gp_rule"].get("new_signs") or [] if signs[sid]["label"].lower() not in words]


def check_care_advice(site: Site, rules: dict | None = None) -> list[Problem]:
    rules = rules if rules is not None else care_rules.load()
    problems = []
    for page in site.content_pages:
        text = page.writer_text()
        if page.url_path.strip("/") == DIARY_PAGE:
            problems += diary_problems(page, text, rules)
        if text is None:  # nothing a writer wrote to check
            continue
        if page.url_path.strip("/") == DOCTOR_PAGE:
            problems += card_problems(page, text, rules)
        problems += sentence_problems(page, text, rules)
        problems += not_urgent_problems(page, text, rules)
        problems += sudden_problems(page, text)
    return problems
