"""Byte budget: what each page makes a reader download, compressed, against tests/budget.json.

Bytes, not time: the same build gives the same figures on any machine. A page
that grows past its budget fails with the figures, so the growth is a decision.
"""

from __future__ import annotations

from conftest import FIXTURES, ROOT, expected_difference, fixture_site
from sitetools.page_weight import BUDGET_FILE, check_budget, load_budget, page_weight
from sitetools.problems import report


@expected_difference("zensical", "its JavaScript bundle is about 57 KB compressed (Material's is 35 KB), so every "
                     "page is about 105 KB, over the 90 KB budget tests/budget.json sets for what we publish.",
                     "Zensical's bundle shrinks, or we publish with Zensical and agree a new budget for it.")
def test_every_page_is_within_its_byte_budget(site):
    problems = check_budget(site, load_budget(ROOT / BUDGET_FILE))
    assert not problems, report(problems)


def test_budget_sees_each_pages_stylesheets_and_scripts(site):
    """A page whose files went uncounted would pass any budget."""
    for page in site.pages:
        weight = page_weight(site, page)
        assert weight.css and weight.js, f"{page.rel}: no stylesheet or script counted ({weight.figures()})"


def test_budget_check_fails_with_the_figures():
    folder = FIXTURES / "over-budget"
    problems = check_budget(fixture_site("over-budget"), load_budget(folder / "budget.json"), "budget.json")
    text = "\n".join(str(p) for p in problems)
    for kind in ("HTML", "CSS", "JavaScript", "whole download"):
        assert f"index.html: The page's {kind} is " in text, f"Expected a figure for the {kind}; got:\n{text}"
    assert "over its budget of 1 bytes" in text and "raise the figure in budget.json" in text, text
    # The figures name the files and their real compressed sizes.
    assert "assets/page.css " in text and "assets/page.js " in text, text
    # Too many files: counted and named, with where new styles and scripts belong.
    assert "index.html: The page loads 2 stylesheets and scripts, over its budget of 1 " in text, text
    assert "(assets/page.css, assets/page.js)" in text and "docs/assets/javascripts/site.js" in text, text
