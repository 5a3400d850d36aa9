"""Small screens: at 320 CSS pixels wide (a small phone, or a desktop at 400 %
zoom) no page scrolls sideways, and tables stay readable: text of at least
14px, no word cut off, and a table wider than the screen scrolls inside its
own box, which keyboard users can focus. Proven able to fail on
tests/fixtures/a11y-faults/site/wide/.
"""

from __future__ import annotations

import pytest

from browser_checks import open_page, page_id, sideways_scroll_problems, site_pages, table_problems, tabs, where
from conftest import FIXTURES, serve

pytestmark = pytest.mark.browser
__all__ = ["tabs"]  # a fixture, used by name

PAGES = site_pages()


@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_no_sideways_scrolling_and_readable_tables_at_320px(tabs, site_server, address, source):
    tab = open_page(tabs.get("small phone"), site_server + address)
    place = where(address, source, "320px")
    problems = sideways_scroll_problems(tab, place) + table_problems(tab, place)
    assert not problems, "\n".join(problems)


def test_comparison_table_is_checked(tabs, site_server):
    """The check above must see the comparison table, or it proves nothing."""
    tab = open_page(tabs.get("small phone"), site_server + "movements/")
    assert tab.locator(".md-content table").count() >= 1, "docs/movements.md has no table any more"


def test_small_screen_checks_catch_a_wide_page_and_a_tiny_table(tabs):
    server, url = serve(FIXTURES / "a11y-faults" / "site", "/")
    try:
        tab = open_page(tabs.get("small phone"), url + "wide/")
        text = "\n".join(sideways_scroll_problems(tab, "wide/index.html") + table_problems(tab, "wide/index.html"))
    finally:
        server.shutdown()
    assert "wide/index.html: The page scrolls sideways; too wide: div.banner" in text, text
    assert 'wide/index.html: The text in table 1 ("Kind") is 11.0px, too small to read' in text, text
    assert 'wide/index.html: table 1 ("Kind") is wider than the screen and does not scroll inside its own box' in text, text
