"""Content checks on the built site, each proven able to fail on a broken fixture.

The messages are for the person who edits the page: they name the file, say
what is wrong in plain words, and say how to fix it.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, fixture_site
from sitecheck import ALL_CHECKS
from sitecheck.disclaimer import check_disclaimer
from sitecheck.frontmatter import check_front_matter_file
from sitecheck.glossary import check_glossary
from sitecheck.links import check_links
from sitecheck.problems import report
from sitecheck.readability import check_readability
from sitecheck.safety import check_safety


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_site_passes(site, check):
    problems = check(site)
    assert not problems, report(problems)


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


def assert_reports(problems, *expected: str):
    text = messages(problems)
    for phrase in expected:
        assert phrase in text, f"Expected the check to say {phrase!r}; it said:\n{text}"


def test_links_check_catches_broken_links():
    problems = check_links(fixture_site("broken-links"), hosts={"www.nhs.uk"})
    assert_reports(
        problems,
        'index.html: The link "missing/" leads to a page that does not exist.',
        'index.html: The link "good/#nowhere" points to a section "#nowhere" that does not exist',
        'index.html: The link "http://www.nhs.uk/" is not secure',
        '"https://tracker.example.com/" goes to "tracker.example.com", which is not on the list of trusted sites',
        'index.html: The link "https://www.nhs.uk/" opens a new tab without rel="noopener"',
        'index.html: The image "good/picture.png" has no description (alt text).',
    )
    assert "good/index.html" not in messages(problems), "the good page was wrongly reported"


def test_glossary_check_catches_faults():
    problems = check_glossary(fixture_site("glossary-faults"))
    assert_reports(
        problems,
        'glossary.md, line 3: The word "twitch" is defined twice (also on line 1).',
        'glossary.md, line 4: "cramp" repeats the definition of "twitch" (line 1)',
        'index.html: The tooltip on "spasm" does not come from the glossary.',
        'glossary/index.html: "cramp" is in the glossary source but not listed on the glossary page.',
        'index.html: "Spasms" is a glossary word but shows no definition here',
    )


def test_disclaimer_check_catches_missing_disclaimer():
    problems = check_disclaimer(fixture_site("no-disclaimer"))
    assert_reports(
        problems,
        'index.html: The page does not show the disclaimer "This information is not a substitute for professional medical advice."',
        "movements/index.html: The disclaimer has no link to the 'When to see a doctor' page.",
        'movements/index.html: The page does not show "Next review due".',
        'index.html: The page does not show "Page last reviewed".',
        "search result for movements/: The disclaimer shows up in search results",
    )


@pytest.mark.parametrize("name, expected", [
    ("no-front-matter.md", ["docs/no-front-matter.md, line 1: The page does not start with front matter"]),
    ("missing-fields.md", ['docs/missing-fields.md, line 1: The "description" field is missing or empty.',
                           'The "next_review" field is missing.',
                           'The "sources" field is missing or empty']),
    ("bad-dates.md", ['docs/bad-dates.md, line 4: The "last_reviewed" field is "1 November 2026", which is not a date']),
    ("review-too-late.md", ['docs/review-too-late.md, line 5: The "next_review" field (2030-01-01) is more than 3 years after',
                            'entry 1 has a url that does not start with https://',
                            'entry 2 has no title']),
])
def test_front_matter_check_names_file_and_field(name, expected):
    assert_reports(check_front_matter_file(FIXTURES / "front-matter" / name), *expected)


def test_readability_check_catches_hard_text():
    problems = check_readability(fixture_site("hard-reading"))
    assert_reports(
        problems,
        "index.html: The page reads at school grade",
        "index.html: This sentence has 23 words (the limit is 20)",
        "index.html: This paragraph has 4 sentences (the limit is 3)",
    )


def test_safety_check_catches_supplements_without_doctor():
    problems = check_safety(fixture_site("unsafe"))
    assert_reports(
        problems,
        'index.html: Taking magnesium or potassium is mentioned without "talk to your doctor first": "Take magnesium supplements',
        "index.html: The page does not link to the 'When to see a doctor' page in its text.",
    )
    assert "Potassium tablets" not in messages(problems), "advice paired with the doctor was wrongly reported"
