"""The symptom log's core paths in WebKit (Safari's engine, on every iPhone):
add, reload, export, import, a bad import, hostile notes. The same checks as
tests/test_symptom_log.py, through the `webkit` fixture (Selenium + WebKitGTK).
A backup is handed to the page's own import (the code behind "Load this
backup"), since WebKitWebDriver cannot choose a file for a file field.
"""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from symptom_log_helpers import FIXTURES, LOG_PAGE, NOTHING_CHANGED, READ_STORED, backup, canonical, entry
from sitetools.symptom_log import BACKUP_VERSION

pytestmark = pytest.mark.webkit

WAIT = 20  # seconds: WebKit under Xvfb on a busy machine is slow


def until(webkit, script: str, what: str):
    try:
        WebDriverWait(webkit, WAIT).until(lambda driver: driver.execute_script(script))
    except Exception:
        pytest.fail(f"In WebKit, {what} (waited {WAIT} s).", pytrace=False)


def open_log(webkit, site_server):
    webkit.get(site_server + LOG_PAGE)
    until(webkit, "return !!document.querySelector('[data-symptom-log-ready]')",
          "the symptom log did not start (docs/assets/tools/symptom-log/symptom-log.min.js)")


def stored(webkit) -> dict:
    return webkit.execute_async_script(
        f"const done = arguments[arguments.length - 1]; ({READ_STORED})().then(done, e => done(String(e)));")


def import_text(webkit, text: str) -> None:
    webkit.execute_async_script("""const done = arguments[arguments.length - 1];
      const log = document.querySelector('[data-module="symptom-log"]').symptomLog;
      // Backups come with the log's second bundle, which a reader's press fetches first (log.more()).
      log.more().then(() => log.importFile(new File([arguments[0]], "backup.json", {type: "application/json"})))
        .then(done, e => done(String(e)));""",
                                text)


def errors(webkit) -> list[str]:
    return webkit.execute_script("""const box = document.querySelector('[data-part="import-errors"]');
      return box.hidden ? [] : [...box.querySelectorAll("li")].map(li => li.textContent.trim());""")


def listed(webkit) -> list[str]:
    return webkit.execute_script("return [...document.querySelectorAll('.symptom-log__entry')].map(e => e.textContent)")


def test_webkit_add_and_reload(webkit, site_server):
    open_log(webkit, site_server)
    webkit.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="twitch"]').click()
    webkit.find_element(By.CSS_SELECTOR, 'input[name="area"][value="Calf"]').click()
    webkit.find_element(By.CSS_SELECTOR, 'input[name="pain"][value="3"]').click()
    webkit.find_element(By.ID, "symptom-log-notes").send_keys("typed in WebKit")
    webkit.find_element(By.CSS_SELECTOR, '[data-part="save"]').click()
    until(webkit, "return document.querySelector('[data-part=saved]').textContent.includes('Saved:')",
          "saving an entry did not say it was saved")
    log = stored(webkit)
    assert len(log["entries"]) == 1 and log["entries"][0]["notes"] == "typed in WebKit", log
    assert log["entries"][0]["pain"] == 3 and log["entries"][0]["kind"] == "twitch"
    webkit.refresh()
    until(webkit, "return !!document.querySelector('[data-symptom-log-ready]')", "the log did not start after a reload")
    assert stored(webkit) == log, "In WebKit the entry was lost on reload."
    assert any("typed in WebKit" in item for item in listed(webkit)), listed(webkit)


def test_webkit_export_then_import(webkit, site_server):
    open_log(webkit, site_server)
    import_text(webkit, (FIXTURES / "backup-v1.json").read_text())
    assert not errors(webkit), errors(webkit)
    before = stored(webkit)
    assert len(before["entries"]) == 3, before
    # Catch the file the page hands to the browser to download.
    exported = webkit.execute_async_script("""const done = arguments[arguments.length - 1];
      const make = URL.createObjectURL;
      URL.createObjectURL = blob => { blob.text().then(done); return make.call(URL, blob); };
      HTMLAnchorElement.prototype.click = function () {};
      document.querySelector('[data-part="export-json"]').click();""")
    data = json.loads(exported)
    assert data["format"] == "fibro-twitch-log" and data["version"] == BACKUP_VERSION and data["app_note"], data
    # Into an empty log: the same entries and days.
    webkit.execute_async_script("""const done = arguments[arguments.length - 1];
      idbKeyval.clear(idbKeyval.createStore("fibro-twitch-log", "records")).then(done);""")
    webkit.refresh()
    until(webkit, "return !!document.querySelector('[data-symptom-log-ready]')", "the log did not start again")
    assert stored(webkit)["entries"] == []
    import_text(webkit, exported)
    assert not errors(webkit), errors(webkit)
    assert canonical(stored(webkit)) == canonical(before), "In WebKit the imported log differs from the exported one."


@pytest.mark.parametrize("case, text, message", [
    ("not JSON", "not json {", "or it is damaged. A spreadsheet file (CSV) cannot be loaded."),
    ("newer version", json.dumps({**backup([]), "version": BACKUP_VERSION + 1}), "made by a newer version of this page"),
    ("bad field", json.dumps(backup([entry("b", "2026-03-01T10:00", kind="jump")])), 'its kind is "jump"'),
])
def test_webkit_refuses_a_bad_import(webkit, site_server, case, text, message):
    open_log(webkit, site_server)
    import_text(webkit, json.dumps(backup([entry("kept", "2026-02-01T10:00")])))
    before = stored(webkit)
    import_text(webkit, text)
    found = errors(webkit)
    assert found and any(message in line for line in found), f"{case}: {found}"
    assert found[-1] == NOTHING_CHANGED, found
    assert stored(webkit) == before, f"In WebKit the {case} file changed the log."


def test_webkit_shows_hostile_notes_as_text(webkit, site_server):
    open_log(webkit, site_server)
    import_text(webkit, (FIXTURES / "hostile-notes.json").read_text())
    webkit.execute_script("""const period = document.getElementById("symptom-log-period");
      period.value = "all"; period.dispatchEvent(new Event("change"));""")
    text = " ".join(listed(webkit))
    assert "<img src=x onerror=alert(1)>" in text and "<script>window.hostileRan = true</script>" in text, text
    assert webkit.execute_script("return document.querySelectorAll('.symptom-log img, .symptom-log script').length") == 0
    assert not webkit.execute_script("return window.hostileRan === true"), "In WebKit a note's script ran."
