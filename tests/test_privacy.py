"""Reading about your health here leaks nothing: loading every page, switching
colours and searching asks no other host for anything and sets no cookie.
Proven able to fail on tests/fixtures/privacy-leak/ (a web font and a cookie).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_checks import open_page, privacy_problems, record_requests, search_results, site_pages
from conftest import FIXTURES, serve

pytestmark = pytest.mark.browser


def test_reading_switching_colours_and_searching_stays_on_the_site(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = record_requests(context)
    tab = context.new_page()
    try:
        for address, _ in site_pages():
            open_page(tab, site_server + address)
        toggle = tab.locator("form[data-md-component='palette'] label:not([hidden])")
        toggle.click()
        tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        search_results(tab, "cramp")
        search_results(tab, "magnesium")
        assert len(requests) > 20, f"Only {len(requests)} requests were recorded: the recording did not work"
        problems = privacy_problems(context, requests, urlsplit(site_server).hostname, "the built site")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_privacy_check_catches_a_web_font_and_a_cookie(browser):
    server, url = serve(FIXTURES / "privacy-leak" / "site", "/")
    context = browser.new_context()
    requests = record_requests(context)
    try:
        context.new_page().goto(url)
        text = "\n".join(privacy_problems(context, requests, "127.0.0.1", "index.html"))
    finally:
        context.close()
        server.shutdown()
    assert "index.html: The browser contacted fonts.googleapis.com" in text, text
    assert "index.html: The site set cookies (visitor)" in text, text
