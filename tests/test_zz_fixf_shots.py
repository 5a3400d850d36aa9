"""Temporary: screenshots for the fix-f report (not committed)."""
from pathlib import Path

import pytest

from test_symptom_log import open_log, import_backup, show_everything

OUT = Path("/work/wt/fix-f-shots")
pytestmark = pytest.mark.browser


def test_fixf_shots(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, service_workers="block")
    tab = open_log(context.new_page(), site_server)
    form = tab.locator('[data-part="entry-form"]')
    form.locator('input[name="kind"][value="cramp"]').check()
    form.locator('input[name="area"][value="Calf"]').check()
    more = tab.locator('[data-part="more-button"]')
    if more.is_visible():
        more.click()
    form.locator('input[name="signs"][value="stiff"]').check()
    tab.check("#symptom-log-sudden")
    tab.locator("#symptom-log-sudden").scroll_into_view_if_needed()
    tab.evaluate("window.scrollBy(0, -420)")
    tab.screenshot(path=str(OUT / "phone-cramp-stiff-sudden.png"))
    assert tab.locator('[data-part="sudden-alert"]').is_hidden()
    form.locator('input[name="signs"][value="stiff"]').uncheck()
    form.locator('input[name="signs"][value="weak"]').check()
    tab.locator('[data-part="sudden-alert"]').scroll_into_view_if_needed()
    tab.screenshot(path=str(OUT / "phone-cramp-weak-sudden.png"))
    tab.goto(site_server + "symptom-log/")
    tab.wait_for_selector("[data-symptom-log-ready]")
    import_backup(tab, Path("/work/wt/review-f-shots/backup.json").read_bytes())
    show_everything(tab)
    tab.locator('[data-part="notices"]').scroll_into_view_if_needed()
    tab.locator('[data-part="notices"]').screenshot(path=str(OUT / "phone-notices-review-f-backup.png"))
    context.close()
