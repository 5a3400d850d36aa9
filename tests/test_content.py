"""Content checks on the built site, each proven able to fail on a broken fixture.

The messages are for the person who edits the page: they name the file (and
the line, where it can be found), say what is wrong in plain words, and say
how to fix it. test_contributor_sees_* builds pages with deliberate mistakes
and asserts the exact messages a contributor would read.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, fixture_site
from project_copy import build_and_load, copy_project
from sitetools.checks import ALL_CHECKS
from sitetools.checks.disclaimer import check_disclaimer
from sitetools.checks.frontmatter import check_front_matter_file
from sitetools.checks.glossary import check_glossary
from sitetools.checks.links import check_links
from sitetools.problems import report
from sitetools.checks.readability import check_readability
from sitetools.checks.safety import check_safety


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
        'index.html: The link "https://www.nhs.uk/" opens in a new tab in an unsafe way (it lacks rel="noopener")',
        'index.html: The image "picture.png" has no description (alt text)',
    )
    assert "good/index.html" not in messages(problems), "the good page was wrongly reported"


def test_glossary_check_catches_faults():
    problems = check_glossary(fixture_site("glossary-faults"))
    assert_reports(
        problems,
        'glossary.md, line 3: The word "twitch" is defined twice (also on line 1).',
        'glossary.md, line 4: "cramp" repeats the definition of "twitch" (line 1)',
        'index.html: The definition shown on "spasm" (its tooltip) is not the one in the glossary.',
        'glossary/index.html: "cramp" is in the glossary source but not listed on the glossary page.',
        'index.html: "Spasms" is a glossary word, but this form of it shows no definition (no tooltip).',
        'glossary.md, line 4: "cramp" is defined in the glossary, but no page uses it.',
    )


def test_disclaimer_check_catches_missing_disclaimer():
    problems = check_disclaimer(fixture_site("no-disclaimer"))
    assert_reports(
        problems,
        'index.html: The page does not show the medical disclaimer "This information is not a substitute for professional medical advice."',
        "movements/index.html: The disclaimer has no link to the 'When to see a doctor' page.",
        'movements/index.html: The page does not show "Next review due" under its text.',
        'index.html: The page does not show "Page last reviewed" under its text.',
        "search result for movements/: The disclaimer shows up in search results",
    )


@pytest.mark.parametrize("name, expected", [
    ("no-front-matter.md", ["docs/no-front-matter.md, line 1: The page does not start with front matter"]),
    ("missing-fields.md", ['docs/missing-fields.md, line 1: In the front matter, "description" is missing or empty.',
                           'In the front matter, "next_review" is missing.',
                           'In the front matter, "review" is missing or empty: readers are told what the last review was',
                           'In the front matter, "sources" is missing or empty']),
    ("bad-dates.md", ['docs/bad-dates.md, line 4: In the front matter, "last_reviewed" is "1 November 2026", which is not a date']),
    ("review-too-late.md", ['docs/review-too-late.md, line 5: In the front matter, "next_review" (2030-01-01) is more than 1 year after',
                            'line 9: In the front matter, "sources" has a web address for source number 1 that does not start with https://',
                            'line 10: In the front matter, "sources" has no title for source number 2.']),
    ("unreadable.md", ['docs/unreadable.md, line 3: The front matter (the lines between \'---\' at the top) cannot be read: '
                       "a value has a colon (:) in it.",
                       'How to fix: Write each line as "name: value", and put a value that contains a colon (:) in "double quotes".']),
])
def test_front_matter_check_names_file_and_field(name, expected):
    assert_reports(check_front_matter_file(FIXTURES / "front-matter" / name), *expected)


def test_readability_check_catches_hard_text():
    problems = check_readability(fixture_site("hard-reading"))
    assert_reports(
        problems,
        "index.html: The page is too hard to read: it scores US school grade",
        'The hardest sentence is: "Fibromyalgia-associated neuromuscular hyperexcitability',
        "index.html: This sentence has 23 words (the limit is 20)",
        "index.html: This paragraph has 4 sentences (the limit is 3)",
    )


def test_safety_check_catches_supplements_without_doctor():
    problems = check_safety(fixture_site("unsafe"))
    assert_reports(
        problems,
        'index.html: Taking magnesium or potassium is mentioned without the words "talk to your doctor first": "Take magnesium supplements',
        "index.html: The page does not link to the 'When to see a doctor' page in its text.",
    )
    assert "Potassium tablets" not in messages(problems), "advice paired with the doctor was wrongly reported"


# --- What a contributor sees --------------------------------------------------
# tests/fixtures/bad-pages/docs/ holds pages with mistakes a contributor could
# make, built with the real theme and a three-word glossary. Two of them live
# in a folder (docs/in-a-folder/index.md and page.md): every check finds them. Every message is
# asserted as it is printed: file, line, what is wrong (the fix is checked below).

BAD_PAGES = FIXTURES / "bad-pages"
SEEN_BY_CONTRIBUTOR = {
    "check_links": [
        'docs/bad-links.md, line 14: The link "http://www.nhs.uk/" is not secure (it does not start with https://).',
        'docs/bad-links.md, line 14: The link "https://tracker.example.com/" goes to "tracker.example.com", '
        "which is not on the list of trusted sites.",
        'docs/bad-links.md, line 16: The link "https://www.nhs.uk/" opens in a new tab in an unsafe way (it lacks rel="noopener").',
        'docs/bad-links.md, line 18: The image "picture.svg" has no description (alt text), so people who cannot see it miss what it shows.',
        'docs/in-a-folder/index.md, line 13: The link "http://www.nhs.uk/" is not secure (it does not start with https://).',
    ],
    "check_glossary": [
        'docs/unsafe.md, line 14: The definition shown on "cramp" (its tooltip) is not the one in the glossary.',
        'docs/in-a-folder/page.md, line 14: "Twitches" is a glossary word, but this form of it shows no definition (no tooltip).',
        'docs/unsafe.md, line 16: "Twitches" is a glossary word, but this form of it shows no definition (no tooltip).',
    ],
    "check_disclaimer": [
        'docs/in-a-folder/index.md, line 1: The page does not show "Page last reviewed" under its text.',
        'docs/in-a-folder/index.md, line 1: The page does not show "Next review due" under its text.',
        'docs/no-review-dates.md, line 1: The page does not show "Page last reviewed" under its text.',
        'docs/no-review-dates.md, line 1: The page does not show "Next review due" under its text.',
    ],
    "check_front_matter": [
        'docs/in-a-folder/index.md, line 1: In the front matter, "last_reviewed" is missing.',
        'docs/in-a-folder/index.md, line 1: In the front matter, "next_review" is missing.',
        'docs/in-a-folder/index.md, line 1: In the front matter, "review" is missing or empty: '
        "readers are told what the last review was, beside its date.",
        'docs/no-review-dates.md, line 1: In the front matter, "last_reviewed" is missing.',
        'docs/no-review-dates.md, line 1: In the front matter, "next_review" is missing.',
        'docs/no-review-dates.md, line 1: In the front matter, "review" is missing or empty: '
        "readers are told what the last review was, beside its date.",
        'docs/no-review-dates.md, line 5: In the front matter, "sources" has no title for source number 1.',
    ],
    "check_readability": [
        "docs/hard-to-read.md, line 14: The page is too hard to read: it scores US school grade 15.2 (Flesch-Kincaid), "
        'and the limit is 8. The hardest sentence is: "Fibromyalgia-associated neuromuscular hyperexcitability '
        "necessitates comprehensive multidisciplinary evaluation, considering electrophysiological characterization "
        'alongside pharmacological interventions."',
        'docs/hard-to-read.md, line 16: This sentence has 23 words (the limit is 20): "This sentence is here to be far '
        'too long, so it keeps going on and on with one more word and then another."',
        'docs/hard-to-read.md, line 18: This paragraph has 4 sentences (the limit is 3): "One. Two. Three. Four...."',
        'docs/in-a-folder/page.md, line 16: This sentence has 23 words (the limit is 20): "This sentence is here to be far '
        'too long, so it keeps going on and on with one more word and then another."',
    ],
    "check_care_advice": [
        'docs/in-a-folder/index.md, line 17: This sentence names "A twitch in the same place for more than 2 weeks" and '
        'says see a doctor, but the care rules give it the level "see a GP": "See a doctor if a twitch lasts more than 2 weeks."',
        'docs/in-a-folder/index.md, line 1: The page gives the level of "A twitch in the same place for more than 2 weeks" '
        'but does not list its source, "NHS, Twitching eyes and muscles", in its front matter.',
        'docs/in-a-folder/page.md, line 1: The page gives the level of "A cramp that lasts more than 10 minutes" but does '
        'not list its source, "NHS, Leg cramps", in its front matter.',
        'docs/when-to-see-a-doctor.md: There is no emergency card (a card whose heading starts "Emergency:", under a '
        'heading with the id "emergency").',
        'docs/when-to-see-a-doctor.md: There is no urgent card (a card whose heading starts "Urgent:", under a heading '
        'with the id "urgent").',
    ],
    "check_safety": [
        'docs/in-a-folder/page.md, line 18: Taking magnesium or potassium is mentioned without the words "talk to your doctor first": '
        '"Take magnesium supplements every day."',
        "docs/in-a-folder/page.md: The page does not link to the 'When to see a doctor' page in its text.",
        'docs/unsafe.md, line 18: Taking magnesium or potassium is mentioned without the words "talk to your doctor first": '
        '"Take magnesium supplements every day."',
        "docs/unsafe.md: The page does not link to the 'When to see a doctor' page in its text.",
    ],
    "check_sources": [
        'docs/glossary.md, line 9: The source "NHS, Twitching eyes and muscles" has no web address; '
        "its address is https://www.nhs.uk/conditions/twitching-eyes-and-muscles/.",
        'docs/in-a-folder/index.md, line 5: The source "NHS, Twitching" is not on the list of accepted sources.',
        'docs/in-a-folder/index.md, line 17: The page says "more than 2 weeks", which comes from "NHS, Twitching eyes and '
        'muscles", but its sources do not list it.',
        'docs/in-a-folder/page.md, line 20: The page says "longer than 10 minutes", which comes from "NHS, Leg cramps", '
        "but its sources do not list it.",
    ],
}


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("bad-pages"), BAD_PAGES / "docs", BAD_PAGES / "glossary.md")
    return build_and_load(project)


def test_every_check_has_bad_pages():
    assert sorted(SEEN_BY_CONTRIBUTOR) == sorted(check.__name__ for check in ALL_CHECKS)


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_every_check_finds_pages_in_folders(check):
    """docs/section/page.md and docs/section/index.md are checked like top-level pages."""
    in_folders = [message for message in SEEN_BY_CONTRIBUTOR[check.__name__] if message.startswith("docs/in-a-folder/")]
    assert in_folders, f"{check.__name__}: the bad pages need a mistake in a page in a folder (docs/in-a-folder/)."


@pytest.mark.builds  # bad_site
@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_contributor_sees_where_and_what(bad_site, check):
    seen = [f"{p.file}, line {p.line}: {p.what}" if p.line else f"{p.file}: {p.what}" for p in check(bad_site)]
    assert seen == SEEN_BY_CONTRIBUTOR[check.__name__], "The messages changed:\n" + "\n".join(seen)


@pytest.mark.builds  # bad_site
@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_every_message_says_how_to_fix(bad_site, check):
    for problem in check(bad_site):
        message = str(problem)
        assert message.startswith("docs/"), f"The message does not start with the file to edit: {message}"
        assert "How to fix: " in message, f"The message does not say how to fix it: {message}"
        fix = message.split("How to fix: ", 1)[1]
        assert len(fix.split()) >= 4, f"The fix is too short to act on: {message}"
