"""In Chromium, the Content-Security-Policy blocks nothing the site needs and
stops what it must: opening every page with the service worker on, search,
the movement helper's questions, the symptom log (add an entry, save a
backup and a CSV, print the summary) report no violation; an inline script
injected into a page does not run. Proven able to fail on
tests/fixtures/csp-faults/site/injected/, a page with an injected script.
"""

from __future__ import annotations

import json

import pytest

from browser_checks import site_pages
from conftest import BUILDER, FIXTURES, serve
from symptom_log_helpers import LOG_PAGE, READY

pytestmark = pytest.mark.browser

# Kept in the page from its first line on: each violation the browser reports.
RECORD = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push({
  directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
  source: event.sourceFile, line: event.lineNumber}));"""
FIX = ("The policy is written by the csp step of ./scripts/build (scripts/sitetools/content_security.py): "
       "allow what the page needs there, or load it from the site's own files.")


def until(tab, script: str, what: str, wait: float = 15):
    """Wait until the JavaScript SCRIPT is true. Not wait_for_function: Playwright runs
    its condition through eval(), which the policy rightly blocks."""
    for _ in range(int(wait * 10)):
        if tab.evaluate(script):
            return
        tab.wait_for_timeout(100)
    pytest.fail(f"{what} (waited {wait} s under the Content-Security-Policy).", pytrace=False)


def open_page(tab, url: str):
    """Load a page and wait until site.js has made its glossary words reachable."""
    tab.goto(url)
    tab.wait_for_selector(".md-content abbr[title]:not([tabindex])", state="detached")


# A result for the movements page, in Material's search box or in Zensical's
# (a <dialog> in an open shadow root: Playwright's locators reach into it).
SEARCH = {
    "mkdocs": ("input.md-search__input", ".md-search-result__item a[href*='movements/']"),
    "zensical": ("dialog[aria-label='Search'] input[role=combobox]",
                 "dialog[aria-label='Search'] ol[role=listbox] a[role=option][href*='movements/']"),
}[BUILDER]


def search_for(tab, query: str):
    if BUILDER == "zensical":
        tab.click(".md-search__button")
    box = tab.locator(SEARCH[0])
    box.click()
    box.press_sequentially(query)
    tab.locator(SEARCH[1]).first.wait_for()


class Violations:
    """What the browser blocked in one context, in the page and in its console."""

    def __init__(self, context):
        context.add_init_script(RECORD)
        self.console: list[str] = []
        context.on("console", lambda message: self.console.append(message.text)
                   if "Content Security Policy" in message.text else None)

    def problems(self, tab, place: str) -> list[str]:
        found = tab.evaluate("window.__cspViolations || []")
        said = [f"{place}: the browser blocked {v['directive']} {v['blocked'] or 'inline'} "
                f"({v['source'] or 'the page'}, line {v['line']}{', ' + repr(v['sample']) if v['sample'] else ''}). "
                f"How to fix: {FIX}" for v in found]
        said += [f"{place}: the console says: {text[:300]}" for text in self.console]
        tab.evaluate("window.__cspViolations = []")
        self.console.clear()
        return said


def test_every_page_and_tool_works_under_the_policy(browser, site_server, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, bypass_csp=False)
    violations = Violations(context)
    tab = context.new_page()
    problems = []
    try:
        # Every page, with the service worker (worker-src) installing from the home page.
        open_page(tab, site_server)
        tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
        problems += violations.problems(tab, "home page, installing the service worker")
        for address, source in site_pages():
            open_page(tab, site_server + address)
            problems += violations.problems(tab, f"{source} (page /{address})")

        # Search: Material's (or Zensical's) search worker and its index.
        open_page(tab, site_server)
        search_for(tab, "cramp")
        problems += violations.problems(tab, 'searching for "cramp"')

        # The movement helper, answered to its end.
        open_page(tab, site_server + "movements/")
        for answer in ["No", "Continue", "A small flicker or ripple under the skin", "No, the joint stays still",
                       "No, or hardly at all"]:
            tab.get_by_role("button", name=answer, exact=True).click()
        tab.wait_for_selector('[data-module="movement-helper"][data-step="twitch"]')
        problems += violations.problems(tab, "the movement helper (page /movements/)")

        # The symptom log: add an entry, save a backup and a CSV (Blob downloads), print.
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        form = tab.locator('[data-part="entry-form"]')
        form.locator('input[name="kind"][value="twitch"]').check()
        form.locator('input[name="area"][value="Calf"]').check()
        tab.fill("#symptom-log-notes", "under the policy")
        tab.click('[data-part="save"]')
        until(tab, "document.querySelector('[data-part=saved]').textContent.includes('Saved')",
              "The symptom log did not say the entry was saved")
        with tab.expect_download() as backup:
            tab.get_by_role("button", name="Save a backup file", exact=True).click()
        saved = json.loads(open(backup.value.path(), encoding="utf-8").read())
        assert [e["notes"] for e in saved["entries"]] == ["under the policy"], saved
        with tab.expect_download() as csv:
            tab.click('[data-part="export-csv"]')
        assert "under the policy" in open(csv.value.path(), encoding="utf-8").read()
        tab.emulate_media(media="print")
        tab.pdf(path=str(tmp_path / "log.pdf"))
        tab.emulate_media(media="screen")
        problems += violations.problems(tab, f"the symptom log (page /{LOG_PAGE})")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_an_injected_inline_script_is_blocked_and_reported(browser):
    server, url = serve(FIXTURES / "csp-faults" / "site", "/")
    context = browser.new_context(bypass_csp=False)
    violations = Violations(context)
    try:
        tab = context.new_page()
        tab.goto(url + "injected/")
        ran = tab.evaluate("[window.allowed === true, window.injected === true]")
        problems = violations.problems(tab, "injected/index.html")
    finally:
        context.close()
        server.shutdown()
    assert ran == [True, False], (
        f"On injected/index.html the page's own script ran: {ran[0]}; the injected one ran: {ran[1]}. "
        "The policy must run the hashed script and block the other.")
    text = "\n".join(problems)
    assert "injected/index.html: the browser blocked script-src-elem inline" in text, text
