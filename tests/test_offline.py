"""Away from the network: after one visit, the whole site works offline.

One reader, one browser context with the service worker (the other browser
tests block it): they open the home page online, the worker saves the site,
then the network goes (context.set_offline, like airplane mode) and they open
every page in the menu, never visited online, search, and see the offline
note. Everything the browser asks for is recorded: none of it may leave
127.0.0.1, and the saved copies hold only this site's own files.

How each test was proven able to fail is in the docstrings: every mutation
named there, made to the source, made the test fail with the message shown.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser_checks import privacy_problems, record_requests, search_results, site_pages
from sitetools.app_manifest import MANIFEST

pytestmark = pytest.mark.browser

OFFLINE_NOTE = re.compile(r"^You are offline\. This copy was saved on \d{1,2} [A-Z][a-z]+ \d{4}\.$")
# In the page, before its own scripts: whether the load event had fired when the worker
# was registered. (Timed in the page itself: Playwright may pass on a request seen
# after the load event before the event itself.)
WHEN_REGISTERED = """
addEventListener("load", () => { window.loadEventFired = true; });
const register = ServiceWorkerContainer.prototype.register;
ServiceWorkerContainer.prototype.register = function (...args) {
  window.registeredAfterLoad = window.loadEventFired === true;
  return register.apply(this, args);
};
"""
MENU = [address for address, source in site_pages() if source.startswith("docs/")]


def wait_until_saved(tab) -> None:
    """The worker is active once its precache is complete (install waits for every
    file), and controls the page once it has claimed it (clientsClaim)."""
    tab.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=30_000)
    tab.evaluate("navigator.serviceWorker.ready.then(() => true)")


@pytest.fixture(scope="module")
def reader(browser, site_server):
    """A context that opened the home page online and let the worker save the site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = record_requests(context)
    tab = context.new_page()
    tab.add_init_script(WHEN_REGISTERED)
    tab.goto(site_server, wait_until="load")
    wait_until_saved(tab)
    registered_after_load = tab.evaluate("window.registeredAfterLoad")  # before other tests move the tab on
    yield context, tab, requests, registered_after_load
    context.close()


def test_site_can_be_installed(reader, site_server):
    """Chromium's own verdict: the manifest parses, is scoped to the site's path, and
    nothing stops installing. Proven able to fail: with the manifest link removed from
    overrides/main.html, Chromium answered "No manifest URL" (installability error
    'no-manifest')."""
    context, tab, _, _ = reader
    cdp = context.new_cdp_session(tab)
    try:
        errors = [error for error in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
                  # Playwright's contexts are private windows, where no browser installs anything:
                  # that is about the test's browser, not the site.
                  if error["errorId"] != "in-incognito"]
        manifest = cdp.send("Page.getAppManifest")
    finally:
        cdp.detach()
    assert not errors, (f"Chromium says the site cannot be added to a home screen: {errors}. "
                        f"How to fix: check {MANIFEST} (scripts/sitetools/app_manifest.py) and its icons.")
    assert manifest["url"] == site_server + MANIFEST and not manifest["errors"], manifest
    parsed = manifest.get("parsed") or {}
    if parsed:  # Chromium 130 and newer also return the manifest as it read it
        assert parsed.get("scope") == site_server, f"The app's scope is {parsed.get('scope')}, not {site_server}"


def test_every_page_and_search_work_offline(reader, site_server):
    """Every page in the menu loads from the saved copy, though only the home page was
    visited online; each says it is offline and when it was saved; links to other sites
    say they need the network; search finds pages. Proven able to fail: with
    "glossary/**" added to NOT_PRECACHED (service_worker.py), the glossary page failed
    offline (net::ERR_INTERNET_DISCONNECTED); with the offline note's text changed
    (site.js), the check named every page and the text it showed."""
    context, tab, _, _ = reader
    visited_online = {site_server}
    context.set_offline(True)
    try:
        problems = []
        for address in MENU:
            url = site_server + address
            assert url not in visited_online or address == "", url
            try:
                response = tab.goto(url, wait_until="load")
            except Exception as error:  # the browser's own offline error page
                problems.append(f"{address or 'home'}: did not open offline ({str(error).splitlines()[0]})")
                tab = context.new_page()  # the error page may still be loading in the old one
                continue
            if not (response and response.ok and response.from_service_worker):
                problems.append(f"{address or 'home'}: not served from the saved copy "
                                f"({response.status if response else 'no answer'})")
                continue
            note = tab.locator(".site-offline-note")
            note.wait_for(timeout=5_000)
            tab.wait_for_function("document.querySelector('.site-offline-note').textContent.includes('saved on')",
                                  timeout=5_000)
            text = note.text_content().strip()
            if not OFFLINE_NOTE.match(text):
                problems.append(f"{address or 'home'}: the offline note says {text!r}")
            if tab.locator("h1").count() != 1:
                problems.append(f"{address or 'home'}: no page heading: the page did not load whole")
            # Links out of the site (sources, edit, report a problem) say they need the network.
            outside = tab.evaluate("""() => [...document.querySelectorAll('.md-content a[href]')]
                .filter(a => /^https?:$/.test(a.protocol) && a.origin !== location.origin)
                .map(a => ({href: a.href, labelled: !!a.querySelector('.site-needs-network')}))""")
            unlabelled = [link["href"] for link in outside if not link["labelled"]]
            if unlabelled:
                problems.append(f"{address or 'home'}: links that need the network do not say so: {unlabelled[:3]}")
        assert not problems, "Offline, after one visit:\n" + "\n".join(problems)
        # Search: the index and Material's search worker come from the saved copy too.
        tab.goto(site_server + "understanding/", wait_until="load")
        results = search_results(tab, "cramp")
        assert "movements/" in results[:3], f"Offline search for 'cramp' found {results}"
        # Back online, the note goes away.
        context.set_offline(False)
        tab.wait_for_function("!document.querySelector('.site-offline-note') && !document.querySelector('.site-needs-network')")
    finally:
        context.set_offline(False)


def test_only_the_sites_own_files_are_saved_and_nothing_leaves_the_machine(reader, site_server):
    """The saved copies hold files of this site's own address only; no cookie; no
    request left 127.0.0.1 during these tests (the worker's downloads included);
    the worker was registered only after the page's load event (proven able to fail:
    with site.js registering at once, not on load, this test said so).
    Proven able to fail: with site.js putting https://example.org/x into a cache,
    this test named it; privacy_problems fails on tests/fixtures/privacy-leak
    (tests/test_privacy.py)."""
    context, tab, requests, registered_after_load = reader
    saved = tab.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }""")
    assert len(saved) > 10, f"Only {len(saved)} files were saved: the worker did not precache the site"
    foreign = [url for url in saved if not url.startswith(site_server)]
    assert not foreign, f"The saved copies hold files from outside the site: {foreign}"
    assert not any(url.endswith((".map", ".pdf")) or "/lunr/" in url for url in saved), saved
    assert any(url.startswith(site_server + "sw.js") for url in requests), "the worker was never fetched"
    assert registered_after_load is True, (
        "sw.js was registered before the page's load event: the precache would compete with the first paint. "
        "How to fix: register the worker in site.js on window's load event.")
    problems = privacy_problems(context, requests, urlsplit(site_server).hostname, "offline reading")
    assert not problems, "\n".join(problems)
