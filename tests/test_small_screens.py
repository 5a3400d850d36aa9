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


# Firefox puts a checkbox back as it was when the page is reloaded. The theme's
# menu and search are hidden checkboxes, so a reload could reopen them; this
# does the same as Firefox: it ticks each toggle once, as soon as it is read.
RESTORE_TOGGLES_CHECKED = """
const restored = new WeakSet();
new MutationObserver(() => {
  document.querySelectorAll("#__drawer, #__search").forEach(toggle => {
    if (!restored.has(toggle)) { restored.add(toggle); toggle.checked = true; }
  });
}).observe(document, {childList: true, subtree: true});
"""


def open_toggle_problems(tab, place: str) -> list[str]:
    opened = tab.evaluate("[...document.querySelectorAll('#__drawer:checked, #__search:checked')].map(t => t.dataset.mdToggle)")
    return [f"{place}: after a reload the {name} opens by itself (Firefox puts its checkbox back ticked). "
            "overrides/partials/closed-toggles.html should untick it before the theme's script runs."
            for name in opened]


def reloaded_tab(browser, url: str, strip_partial: bool = False):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.add_init_script(RESTORE_TOGGLES_CHECKED)
    if strip_partial:  # the fault: the page without overrides/partials/closed-toggles.html
        tab.route("**/*", lambda route: route.fulfill(response=route.fetch(), body=route.fetch().text().replace(
            '<script>document.querySelectorAll("#__drawer, #__search")', "<script>void(0)//"))
                  if route.request.resource_type == "document" else route.continue_())
    tab.goto(url)
    tab.wait_for_load_state("load")
    tab.evaluate("new Promise(done => setTimeout(done, 300))")
    return context, tab


def test_menu_and_search_start_closed_when_the_browser_restores_them(browser, site_server):
    context, tab = reloaded_tab(browser, site_server + "managing/")
    try:
        problems = open_toggle_problems(tab, "docs/managing.md")
        assert tab.locator("#__drawer, #__search").count() == 2, "The theme's two toggles were not found."
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_open_toggle_check_catches_a_page_without_the_partial(browser, site_server):
    context, tab = reloaded_tab(browser, site_server + "managing/", strip_partial=True)
    try:
        text = "\n".join(open_toggle_problems(tab, "docs/managing.md"))
    finally:
        context.close()
    assert "docs/managing.md: after a reload the drawer opens by itself" in text, text
    assert "the search opens by itself" in text, text
