"""WebKit, the engine of every iPhone browser, runs the site: the home page
loads, the site's scripts run, storage (localStorage and IndexedDB) keeps what
a page saves across a reload, and search finds a page. Also that each WebKit
session starts with empty storage, which the `webkit` fixture promises. The
page checks are proven able to fail on tests/fixtures/webkit-faults/site/: a
page with no heading and no scripts that wipes its storage on every load.

These are the harness's smoke tests: the tools' own WebKit tests (symptom log,
movements helper) build on the same `webkit` fixture.
"""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser_checks import NEEDED_WHEN_NOTHING_MATCHES
from conftest import BUILDER, FIXTURES, build, expected_difference, serve
from sitetools.webkit import start_webkit

pytestmark = pytest.mark.webkit

WAIT = 15  # seconds; WebKit under Xvfb on a busy shared machine can be slow


def becomes_true(webkit, script: str, *args, wait: float = WAIT) -> bool:
    """Whether the JavaScript SCRIPT (a `return ...` body) turns true within WAIT seconds."""
    try:
        WebDriverWait(webkit, wait).until(lambda driver: driver.execute_script(script, *args))
        return True
    except TimeoutException:
        return False


def heading_problems(webkit, url: str) -> list[str]:
    webkit.get(url)
    heading = webkit.find_elements(By.CSS_SELECTOR, ".md-content h1")
    if heading and heading[0].text.strip():
        return []
    return [f"WebKit opened the home page ({url}) but it shows no main heading: "
            f"the page did not load (WebKit shows: {webkit.title!r})."]


def script_problems(webkit, url: str, wait: float = WAIT) -> list[str]:
    webkit.get(url)
    # Material's bundle announces a ready page through window.document$; then
    # site.js makes each glossary word's definition reachable by keyboard.
    problems = []
    if not becomes_true(webkit, "return !!window.document$", wait=wait):
        problems.append("In WebKit, the theme's script (Material's bundle) did not run on the home page: "
                        "search, tooltips and the colour switch would not work on an iPhone.")
    if not becomes_true(webkit, """
            const words = document.querySelectorAll('.md-content abbr[title]');
            return words.length > 0 && [...words].every(word => word.hasAttribute('tabindex'));""", wait=wait):
        problems.append("In WebKit, the site's own script (docs/assets/javascripts/site.js) did not finish on the "
                        "home page: its glossary words were not made reachable by keyboard.")
    return problems


def local_storage_problems(webkit, url: str) -> list[str]:
    webkit.get(url)
    webkit.execute_script("localStorage.setItem('webkit-check', 'kept')")
    webkit.refresh()
    kept = webkit.execute_script("return localStorage.getItem('webkit-check')")
    if kept == "kept":
        return []
    return [f"In WebKit, something saved in localStorage was gone after reloading the page (read back: {kept!r}): "
            "a tool that stores a reader's data there would lose it."]


# Save a record in IndexedDB, or read it back; calls back with the value or an error text.
INDEXED_DB = """
const [action, done] = arguments;
const opening = indexedDB.open('webkit-check', 1);
opening.onupgradeneeded = () => opening.result.createObjectStore('records');
opening.onerror = () => done('error: ' + opening.error);
opening.onsuccess = () => {
  const db = opening.result;
  const step = db.transaction('records', 'readwrite').objectStore('records');
  const request = action === 'save' ? step.put('kept', 'record') : step.get('record');
  request.onsuccess = () => { db.close(); done(action === 'save' ? 'saved' : request.result); };
  request.onerror = () => done('error: ' + request.error);
};
"""


def indexed_db_problems(webkit, url: str) -> list[str]:
    webkit.get(url)
    saved = webkit.execute_async_script(INDEXED_DB, "save")
    if saved != "saved":
        return [f"In WebKit, the page could not save a record in IndexedDB ({saved})."]
    webkit.refresh()
    kept = webkit.execute_async_script(INDEXED_DB, "read")
    if kept == "kept":
        return []
    return [f"In WebKit, a record saved in IndexedDB was gone after reloading the page (read back: {kept!r}): "
            "a tool that stores a reader's data there would lose it."]


def test_webkit_loads_the_home_page_and_runs_its_scripts(webkit, site_server):
    problems = heading_problems(webkit, site_server) + script_problems(webkit, site_server)
    assert not problems, "\n".join(problems)


def test_webkit_keeps_stored_data_across_a_reload(webkit, site_server):
    problems = local_storage_problems(webkit, site_server) + indexed_db_problems(webkit, site_server)
    assert not problems, "\n".join(problems)


def test_webkit_checks_catch_a_page_that_does_not_load_and_loses_its_data(webkit):
    server, url = serve(FIXTURES / "webkit-faults" / "site", "/")
    try:
        problems = (heading_problems(webkit, url) + script_problems(webkit, url, wait=2)
                    + local_storage_problems(webkit, url) + indexed_db_problems(webkit, url))
    finally:
        server.shutdown()
    text = "\n".join(problems)
    for expected in ["shows no main heading", "the theme's script (Material's bundle) did not run",
                     "the site's own script (docs/assets/javascripts/site.js) did not finish",
                     "something saved in localStorage was gone after reloading the page (read back: None)",
                     "a record saved in IndexedDB was gone after reloading the page"]:
        assert expected in text, f"The WebKit check did not report {expected!r}; it said:\n{text}"


# Material's search box and results are in the page; Zensical's are in a
# <dialog> inside an open shadow root at the end of the page.
SEARCH_ROOT = {
    "mkdocs": "return document",
    "zensical": """return [...document.querySelectorAll("body > *")].map(el => el.shadowRoot)
                     .find(root => root && root.querySelector("dialog"))""",
}[BUILDER]
SEARCH_BOX = {"mkdocs": "input.md-search__input", "zensical": "dialog input[role=combobox]"}[BUILDER]
RESULT_LINKS = {"mkdocs": ".md-search-result__item a", "zensical": "ol[role=listbox] a[role=option]"}[BUILDER]
RESULT_META = {"mkdocs": ".md-search-result__meta", "zensical": "[role=status]"}[BUILDER]


def test_webkit_search_finds_a_page(webkit, site_server):
    webkit.get(site_server)
    if BUILDER == "zensical":
        webkit.find_element(By.CSS_SELECTOR, ".md-search__button").click()
        becomes_true(webkit, f"const root = (() => {{ {SEARCH_ROOT} }})(); "
                             f"return !!(root && root.querySelector('{SEARCH_BOX}'))")
    box = webkit.execute_script(f"const root = (() => {{ {SEARCH_ROOT} }})(); return root.querySelector('{SEARCH_BOX}')")
    if BUILDER == "mkdocs":
        box.click()  # Zensical's box has focus once its dialog opens
    box.send_keys("cramp")
    found = becomes_true(webkit, f"""
        const root = (() => {{ {SEARCH_ROOT} }})();
        return [...root.querySelectorAll('{RESULT_LINKS}')]
            .some(link => new URL(link.href).pathname.endsWith('/movements/'));""")
    shown = webkit.execute_script(
        f"const root = (() => {{ {SEARCH_ROOT} }})(); "
        f"return (root.querySelector('{RESULT_META}') || {{}}).textContent || 'no results box'")
    assert found, (
        f'In WebKit, typing "cramp" into the search box did not list the movements page '
        f"(the search box says: {shown.strip()!r}): search does not work on an iPhone.")


def way_on_problems(webkit, base: str) -> list[str]:
    """A search that finds nothing offers working links to the pages most readers need (site.js, section 6)."""
    webkit.get(base)
    box = webkit.find_element(By.CSS_SELECTOR, SEARCH_BOX)
    box.click()
    box.send_keys("twiching")  # a typo, as readers' searches often have
    offered = becomes_true(webkit, """return document.querySelectorAll(
        '.md-search-result .site-search-help:not([hidden]) a').length >= arguments[0]""", len(NEEDED_WHEN_NOTHING_MATCHES))
    links = webkit.execute_script("""return [...document.querySelectorAll('.md-search-result .site-search-help:not([hidden]) a')]
        .map(link => link.href)""")
    problems = [] if offered else ['In WebKit, searching for "twiching" found nothing and offered no way on '
                                   "(docs/assets/javascripts/site.js, section 6): a dead end on an iPhone."]
    for page in NEEDED_WHEN_NOTHING_MATCHES:
        link = next((href for href in links if href == base + page), None)
        if link is None:
            problems.append(f"In WebKit, searching for \"twiching\" offered no link to /{page} (it offered: {links or 'nothing'}).")
            continue
        webkit.get(link)
        heading = " ".join(h1.text for h1 in webkit.find_elements(By.CSS_SELECTOR, ".md-content h1"))
        if not heading.strip() or "404" in heading or "not found" in heading.lower():
            problems.append(f"In WebKit, the link to /{page} offered after an empty search did not open the page "
                            f"(WebKit shows: {heading or webkit.title!r}).")
    return problems


NO_WAY_ON = expected_difference(
    "zensical", "its search is a dialog of its own in a shadow root, which site.js (section 6) does not reach, "
    "so a search that finds nothing offers no links (nor on the fixture, so there is nothing to catch).",
    "Zensical lets a site add to its empty search result, or site.js reaches into its dialog.")


@NO_WAY_ON
def test_webkit_search_that_finds_nothing_offers_the_pages_most_readers_need(webkit, site_server):
    problems = way_on_problems(webkit, site_server)
    assert not problems, "\n".join(problems)


@NO_WAY_ON
def test_webkit_way_on_check_catches_links_that_lead_nowhere(webkit, tmp_path):
    build(FIXTURES / "search-missing-word" / "mkdocs.yml", tmp_path)
    server, url = serve(tmp_path, "/")
    try:
        text = "\n".join(way_on_problems(webkit, url))
    finally:
        server.shutdown()
    assert "In WebKit, the link to /understanding/ offered after an empty search did not open the page" in text, text
    assert "/when-to-see-a-doctor/ offered" not in text, text


def test_each_webkit_session_starts_with_empty_storage(webkit_display, site_server):
    first = start_webkit(webkit_display)
    try:
        first.get(site_server)
        first.execute_script("localStorage.setItem('left-over', 'from the first session')")
    finally:
        first.quit()
    second = start_webkit(webkit_display)
    try:
        second.get(site_server)
        # Material saves the colour scheme on every page load: look for our own key only.
        left = second.execute_script("return localStorage.getItem('left-over')")
    finally:
        second.quit()
    assert left is None, (
        f"A new WebKit session found localStorage left by an earlier one ({left!r}): "
        "WebKit tests would see each other's data. MiniBrowser must run with --automation.")
