"""The symptom log's second bundle (the notices, the summary, the entries list, the
day questions and backups: bundle_log.LATER), in a real Chromium: a first visit
does not fetch it; the first touch or key does; a summary printed before it has
arrived says so on paper; a press made before it arrived is made once it has, and
a bundle that cannot arrive is said in words.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from symptom_log_helpers import LOG_PAGE, READY, entry, open_with
from sitetools.bundle_log import CARE_RULES, LATER_BUNDLE

pytestmark = pytest.mark.browser

WAITING = '[data-part="summary-waiting"]'
ARRIVED = "() => !!window.SymptomLogNotices"


def later_requests(tab) -> list[str]:
    seen = []
    tab.on("request", lambda request: seen.append(request.url) if LATER_BUNDLE in request.url else None)
    return seen


def test_the_rest_of_the_log_comes_on_first_use_and_paper_says_when_it_had_not(browser, site_server):
    context = browser.new_context()
    try:
        tab = context.new_page()
        seen = later_requests(tab)
        tab.goto(site_server + LOG_PAGE, wait_until="networkidle")
        tab.wait_for_selector(READY)
        assert not seen, f"docs/symptom-log.md: a first visit fetched {LATER_BUNDLE} before the reader did anything."
        assert tab.locator(WAITING).is_hidden(), "The summary's not-ready line shows on screen."
        # Printing starts the fetch but cannot wait for it: held back here, as on a slow line.
        tab.route(f"**/{LATER_BUNDLE}", lambda route: route.abort())
        tab.emulate_media(media="print")
        line = tab.locator(WAITING)
        assert line.is_visible() and "not ready when this page was printed" in line.inner_text(), \
            "A summary printed before its code arrived is a blank space, with no line saying so."
        tab.emulate_media(media="screen")
        tab.unroute(f"**/{LATER_BUNDLE}")
        tab.keyboard.press("Tab")
        tab.wait_for_function(ARRIVED)
        tab.wait_for_selector('[data-part="summary"] .symptom-log__summary-dates')
        assert tab.locator(WAITING).count() == 0, "The summary was not drawn when the rest of the log arrived."
    finally:
        context.close()


def test_a_log_with_entries_is_ready_with_its_notices_and_summary(browser, site_server):
    context = browser.new_context()
    try:
        today = dt.date.today().isoformat()
        tab = open_with(context.new_page(), site_server, [entry("a", f"{today}T08:00", signs=["weak"])])
        assert tab.locator('[data-part="summary"] .symptom-log__summary-dates').count() == 1
        assert tab.locator('[data-part="entries"] li').count() >= 1, "The entries were not listed when the log was ready."
        assert tab.locator('[data-part="notices"] [data-notice]').count() >= 1, "The notices were not shown when the log was ready."
    finally:
        context.close()


def test_a_press_before_the_rest_arrives_is_made_when_it_does(browser, site_server):
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.route(f"**/{LATER_BUNDLE}", lambda route: route.abort())
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        tab.click('[data-part="export-csv"]')
        problem = tab.locator('[data-part="storage-problem"]')
        problem.wait_for(state="visible")
        assert "did not load" in problem.inner_text() and "Reload this page" in problem.inner_text(), problem.inner_text()
        assert not tab.evaluate(ARRIVED)
        tab.unroute(f"**/{LATER_BUNDLE}")
        with tab.expect_download() as download:
            tab.click('[data-part="export-csv"]')
        assert download.value.suggested_filename.endswith(".csv")
        assert tab.locator('[data-part="storage-problem"]').is_hidden(), "The did-not-load line stayed after the rest arrived."
        assert "spreadsheet file is saved" in tab.locator('[data-part="backup-status"]').inner_text()
    finally:
        context.close()


def test_a_sudden_or_urgent_sign_still_shows_its_level_when_the_rest_cannot_arrive(browser, site_server):
    """The notices (which say which ticks are an emergency when sudden) come in the second bundle;
    if it cannot be fetched, the first still shows the care rules' sudden rule for those ticks."""
    rules = json.loads(CARE_RULES.read_text(encoding="utf-8"))
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.route(f"**/{LATER_BUNDLE}", lambda route: route.abort())
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        form = tab.locator('[data-part="entry-form"]')
        alert = tab.locator('[data-part="sudden-alert"]')
        tab.check("#symptom-log-sudden")
        tab.locator('[data-part="storage-problem"]').wait_for(state="visible")
        assert not tab.evaluate(ARRIVED)
        form.locator('input[name="signs"][value="stiff"]').check()
        assert alert.is_hidden(), "docs/symptom-log.md: a stiff area ticked as sudden shows the emergency when the notices did not load."
        form.locator('input[name="signs"][value="weak"]').check()
        assert alert.is_visible(), ("docs/symptom-log.md: with the log's second bundle unable to load, weakness ticked as "
                                    "sudden shows no emergency (symptom-log-form.js, showLevelsUnchecked).")
        text = " ".join(alert.inner_text().split())
        assert rules["sudden_rule"]["text"] in text and rules["levels"]["emergency"]["label"] in text, text
        assert alert.get_by_role("link").get_attribute("href") == "../when-to-see-a-doctor/#emergency"
        # The urgent leg too: its level's words, without "it came on suddenly".
        urgent = tab.locator('[data-part="urgent-alert"]')
        assert urgent.is_hidden()
        form.locator('input[name="signs"][value="one-leg-swollen"]').check()
        assert urgent.is_visible(), ("docs/symptom-log.md: with the log's second bundle unable to load, one painful, "
                                     "swollen leg shows no urgent box (symptom-log-form.js, showLevelsUnchecked).")
        assert rules["levels"]["urgent"]["action"] in " ".join(urgent.inner_text().split())
    finally:
        context.close()
