"""What the tools are for: information and a private record only.

The symptom log and the "twitch, spasm or cramp?" helper each show one line
saying so, above the tool (overrides/partials/intended-purpose.html), and
their text never claims more: no "diagnose" or "diagnosis" except in "not a
diagnosis". Each check is proven on tests/fixtures/tool-text/.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, ROOT, fixture_site
from sitetools.bundle_log import PAGE as LOG_PAGE_FILES
from sitetools.problems import Problem, report
from sitetools.site import Site

TOOL_PAGES = {"symptom-log/index.html": "log", "movements/index.html": "helper"}
# Every file whose words a reader sees in the tools.
TOOL_TEXT = [
    "docs/assets/tools/movement-helper/questions.json",
    "docs/assets/tools/movement-helper/movement-helper.js",
    *[f"docs/assets/tools/symptom-log/{name}" for name in LOG_PAGE_FILES],
    "docs/assets/tools/symptom-log/symptom-log-format.js",
    "docs/assets/tools/symptom-log/symptom-log-files.js",
    "docs/assets/tools/symptom-log/symptom-log-figures.js",
    "overrides/partials/movement-helper.html",
    "overrides/partials/symptom-log.html",
    "overrides/partials/intended-purpose.html",
]
PURPOSE_WORDS = ["information only, not a diagnosis.", "advice"]
DIAGNOS = re.compile(r"diagnos\w*", re.IGNORECASE)
# "not a diagnosis", and the names of the places that hold it (not_diagnosis, .movement-helper__not-diagnosis).
ALLOWED = re.compile(r"not a diagnosis|not[_-]diagnosis", re.IGNORECASE)
PARTIAL = "overrides/partials/intended-purpose.html"


def purpose_problems(site: Site, pages: dict[str, str]) -> list[Problem]:
    """Each tool page shows the intended-purpose line with every part of it."""
    problems = []
    for rel, tool in pages.items():
        page = site.page(rel)
        line = page.soup.select_one("article .site-intended-purpose") if page else None
        text = " ".join(line.get_text(" ").split()) if line else ""
        missing = [words for words in [f"What this {tool} is for:", *PURPOSE_WORDS] if words not in text]
        if missing:
            problems.append(Problem(rel, f"The {tool} page does not say what the {tool} is for in full; missing: {missing}.",
                                    f"Keep purpose.line(\"{tool}\") from {PARTIAL} above the tool in its template."))
    return problems


def diagnosis_problems(files: list[Path], root: Path) -> list[Problem]:
    """Tool text that says "diagnose" or "diagnosis" other than in "not a diagnosis"."""
    problems = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for found in DIAGNOS.finditer(ALLOWED.sub("", line)):
                problems.append(Problem(path.relative_to(root).as_posix(),
                                        f'The tool says "{found[0]}": the tools give information and keep a record, '
                                        "they never diagnose.",
                                        'Say what the reader can do instead, or write "This is not a diagnosis."',
                                        number))
    return problems


def test_tool_pages_say_what_the_tool_is_for(site):
    problems = purpose_problems(site, TOOL_PAGES)
    assert not problems, report(problems)


def test_purpose_check_can_fail():
    problems = purpose_problems(fixture_site("tool-text"), {"movements/index.html": "helper"})
    assert [f"{p.file}: {p.what}" for p in problems] == [
        "movements/index.html: The helper page does not say what the helper is for in full; missing: "
        f"{['What this helper is for:', *PURPOSE_WORDS]}."]


def test_tool_text_never_claims_to_diagnose():
    problems = diagnosis_problems([ROOT / name for name in TOOL_TEXT], ROOT)
    assert not problems, report(problems)


def test_diagnosis_check_can_fail():
    folder = FIXTURES / "tool-text"
    problems = diagnosis_problems([folder / "questions.json"], folder)
    assert [str(p) for p in problems] == [
        'questions.json, line 4: The tool says "diagnose": the tools give information and keep a record, they never '
        'diagnose. How to fix: Say what the reader can do instead, or write "This is not a diagnosis."']


POLICY = "docs/editorial-policy.md"
# The partial's sentences that say whose advice each tool shows.
ADVICE_SENTENCE = re.compile(r"^\s*((?:When your entries|It shows)[^{}\n]*\.)\s*$", re.MULTILINE)


def policy_problems(partial: str, policy: str) -> list[Problem]:
    """The editorial policy says what the tools are for in the partial's own words, so the two never disagree."""
    return [Problem(POLICY, f'The editorial policy does not say, as the tool pages do: "{sentence}"',
                    f"Copy the sentence from {PARTIAL}, or change both.")
            for sentence in ADVICE_SENTENCE.findall(partial) if sentence not in policy]


def test_the_editorial_policy_says_what_the_tools_are_for_in_the_same_words():
    partial = (ROOT / PARTIAL).read_text(encoding="utf-8")
    assert len(ADVICE_SENTENCE.findall(partial)) == 2, f"{PARTIAL}: the log's and the helper's advice sentences moved"
    problems = policy_problems(partial, (ROOT / POLICY).read_text(encoding="utf-8"))
    assert not problems, report(problems)


def test_the_policy_check_names_a_sentence_that_differs():
    partial = "      When your entries match a sign that the NHS or MedlinePlus lists, it shows their advice.\n"
    problems = policy_problems(partial, "When your entries match a sign that the NHS lists, it shows their advice.")
    assert [p.what for p in problems] == [
        'The editorial policy does not say, as the tool pages do: "When your entries match a sign that the NHS or '
        'MedlinePlus lists, it shows their advice."']
