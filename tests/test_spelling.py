"""One spelling, American English: every word a reader sees is in
pyspellchecker's bundled American dictionary (it works offline) or in the
project word list, scripts/sitetools/checks/words.txt. Source titles keep
their publisher's spelling. Proven on tests/fixtures/spelling/.
"""

from __future__ import annotations

from conftest import FIXTURES, fixture_site
from sitetools.problems import report
from sitetools.spelling import check_spelling


def test_every_word_is_spelled_the_american_way(site):
    problems = check_spelling(site)
    assert not problems, report(problems)


def test_spelling_check_can_fail():
    folder = FIXTURES / "spelling"
    problems = check_spelling(fixture_site("spelling"), folder / "questions.json")
    seen = [f"{p.file}, line {p.line}: {p.what}" if p.line else f"{p.file}: {p.what}" for p in problems]
    assert seen == [
        'docs/index.md, line 6: The word "fibres" is not in the dictionary (did you mean "fibers"? '
        "This site uses American spelling).",
        'docs/index.md, line 10: The word "colour" is not in the dictionary (did you mean "color"? '
        "This site uses American spelling).",
        'questions.json: The word "behaviour" is not in the dictionary (did you mean "behavior"? '
        "This site uses American spelling).",
    ], "\n".join(seen)
    assert "neurone" not in report(problems), "A source title kept its publisher's spelling, and should not be reported."
