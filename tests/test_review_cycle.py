"""One review cycle, said the same way everywhere.

How often pages are checked against their sources is one figure in
mkdocs.yml (extra.review_cycle_years). The front-matter check refuses a
next_review further away (tests/test_content.py, fixture review-too-late.md),
the overdue notice and the editorial policy read it, and this test finds any
other text that names a different cycle. Each page's review line says what
the last review was (front matter: review), beside its dates.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, ROOT
from sitetools.checks.frontmatter import read_front_matter
from sitetools.problems import Problem, report
from sitetools.review_cycle import in_words, review_cycle_years

# Words that name how often pages are reviewed.
CYCLE = re.compile(r"\b(?:at least )?(?:once a year|once every \w+ years?|every (?:\d+|one|two|three|four|five) years?"
                   r"|every year|yearly|annually)\b", re.IGNORECASE)
# Where the cycle is told to readers and writers.
TOLD_IN = ["docs/**/*.md", "overrides/**/*.html", "*.md", "scripts/page-template.md"]


def cycle_problems(files: list[Path], root: Path, years: int) -> list[Problem]:
    """Every mention of a review cycle in FILES that is not the one in mkdocs.yml."""
    expected = in_words(years)
    problems = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for found in CYCLE.finditer(line):
                said = found[0].lower().removeprefix("at least ")
                if said != expected:
                    problems.append(Problem(
                        path.relative_to(root).as_posix(),
                        f'The text says pages are checked "{found[0]}", but the review cycle is {expected} '
                        f"(review_cycle_years: {years} in mkdocs.yml).",
                        f'Write "{expected}", or change review_cycle_years in mkdocs.yml if the cycle itself changes.',
                        number))
    return problems


def test_every_text_names_the_same_review_cycle():
    files = sorted({path for pattern in TOLD_IN for path in ROOT.glob(pattern)})
    problems = cycle_problems(files, ROOT, review_cycle_years())
    assert not problems, report(problems)


def test_review_cycle_check_can_fail():
    folder = FIXTURES / "review-cycle"
    problems = cycle_problems([folder / "about.md"], folder, 1)
    assert [str(p) for p in problems] == [
        'about.md, line 3: The text says pages are checked "at least every 3 years", but the review cycle is '
        'once a year (review_cycle_years: 1 in mkdocs.yml). How to fix: Write "once a year", or change '
        "review_cycle_years in mkdocs.yml if the cycle itself changes."]


def test_every_page_shows_what_its_review_was(site):
    """The review line under each page says what the last review was, from its front matter."""
    problems = []
    for page in site.pages:
        if page.source is None:
            continue
        data, _ = read_front_matter(page.source)
        shown = page.soup.select_one("footer.site-page-footer .site-review-dates .site-review-kind")
        text = " ".join(shown.get_text(" ").split()) if shown else ""
        if not data or not data.get("review") or data["review"] not in text:
            problems.append(Problem(page.name, "The review line under the page does not say what the review was.",
                                    'Keep dates.review_dates(meta) in overrides/partials/page-footer.html and a '
                                    '"review:" line in the front matter.'))
    assert not problems, report(problems)
