"""The symptom log with a big log: time to show the summary, save, delete, back up and load back (./scripts/bench --log)."""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from sitetools.building import site_url
from sitetools.served import serve  # the same server the tests use

from .common import build_published, busy_note, log, save


LOG_ENTRIES = 1000
BIG_LOG_ENTRIES = 50_000
CPU_SLOWDOWN = 4
# In the page, before its scripts: when the log says it is ready (summary drawn).
READY_CLOCK = """new MutationObserver((changes, watcher) => {
  if (document.querySelector("[data-symptom-log-ready]")) { window.logReadyAt = performance.now(); watcher.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-symptom-log-ready"]});"""


def log_bench(out: Path, runs: int) -> int:
    """Open the log page with LOG_ENTRIES stored, CPU slowed CPU_SLOWDOWN times; median of RUNS loads."""
    from playwright.sync_api import sync_playwright

    from sitetools.browser import launch_chromium
    from sitetools.symptom_log import LOG_PAGE, READY, WRITE_STORED, many_entries, records

    entries, days = many_entries(LOG_ENTRIES)
    with tempfile.TemporaryDirectory(prefix="bench-log-") as tmp:
        site = Path(tmp)
        log("Building the site as ./scripts/build does (the PDFs left out)...")
        build_published(site)
        server, base = serve(site, urlsplit(site_url()).path, compress=True)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                context = browser.new_context(viewport={"width": 375, "height": 740})
                tab = context.new_page()
                tab.goto(base + LOG_PAGE)
                tab.wait_for_selector(READY)
                tab.evaluate(WRITE_STORED, records(entries, days))
                tab.add_init_script(READY_CLOCK)
                cdp = context.new_cdp_session(tab)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                ready, everything = [], []
                for run in range(runs + 1):  # the first load warms the cache: not counted
                    tab.goto(base + LOG_PAGE)
                    tab.wait_for_selector(READY, timeout=120_000)
                    shown = tab.locator(".symptom-log__entry").count()
                    start = tab.evaluate("performance.now()")
                    tab.select_option("#symptom-log-period", "all")
                    took = tab.evaluate("performance.now()") - start
                    if run:
                        ready.append(tab.evaluate("window.logReadyAt"))
                        everything.append(took)
                    log(f"load {run}: ready at {tab.evaluate('window.logReadyAt'):.0f} ms, "
                        f"{shown} entries listed; 'Everything' drawn in {took:.0f} ms" + ("" if run else " (warm-up)"))
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                usage = tab.evaluate("navigator.storage.estimate().then(e => e.usage)")
                export_bytes = tab.evaluate("""() => JSON.stringify(SymptomLogFormat.makeBackup(
                  document.querySelector('[data-module="symptom-log"]').symptomLog.log.entries,
                  document.querySelector('[data-module="symptom-log"]').symptomLog.log.days), null, 2).length""")
                stored_json = len(json.dumps(records(entries, days)))
                big = big_log_bench(browser, base)
                browser.close()
        finally:
            server.shutdown()
    figures = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "entries": LOG_ENTRIES, "days": len(days), "cpu_slowdown": CPU_SLOWDOWN, "runs": runs,
        "ready_ms_median": round(statistics.median(ready)), "ready_ms_runs": [round(r) for r in ready],
        "everything_ms_median": round(statistics.median(everything)),
        "storage_usage_bytes": usage, "records_json_bytes": stored_json, "backup_file_bytes": export_bytes,
        "big_log": big,
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(f"Symptom log, {LOG_ENTRIES:,} entries and {len(days):,} days, CPU slowed {CPU_SLOWDOWN}x, phone size, "
          f"median of {runs} loads (cache warm):")
    print(f"  page open to summary shown ('ready'): {figures['ready_ms_median']:,} ms  (runs: {figures['ready_ms_runs']})")
    print(f"  switching the summary to 'Everything': {figures['everything_ms_median']:,} ms")
    print(f"  stored: {usage:,} bytes used by the site (navigator.storage.estimate, IndexedDB); "
          f"the records as JSON {stored_json:,} bytes; a backup file {export_bytes:,} bytes")
    print(f"Symptom log, {BIG_LOG_ENTRIES:,} entries and {big['days']:,} days, CPU not slowed, 'Everything' shown:")
    print(f"  page open to ready: {big['ready_ms']:,} ms; 'Everything' drawn in {big['everything_ms']:,} ms")
    print(f"  save an entry: {big['save_ms']:,} ms; delete one: {big['delete_ms']:,} ms")
    print(f"  save a backup file: {big['export_ms']:,} ms ({big['backup_file_bytes']:,} bytes, "
          f"limit {big['limit_bytes']:,}); load it back into an empty browser: {big['import_ms']:,} ms "
          f"({big['import_status']})")
    note = busy_note([figures["load_average"]])
    if note:
        print(note)
    save(out, "symptom_log", figures)
def big_log_bench(browser, base: str) -> dict:
    """BIG_LOG_ENTRIES entries stored, "Everything" shown, CPU not slowed: each step timed
    in the page, from the press to the message that says it is done."""
    from sitetools.symptom_log import LOG_PAGE, READY, WRITE_STORED, many_entries, records

    entries, days = many_entries(BIG_LOG_ENTRIES)
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.evaluate(WRITE_STORED, records(entries, days))
    tab.add_init_script(READY_CLOCK)
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY, timeout=300_000)
    ready = tab.evaluate("window.logReadyAt")

    def timed(action, done: str) -> float:
        start = tab.evaluate("performance.now()")
        action()
        tab.wait_for_function(done, timeout=300_000)
        return tab.evaluate("performance.now()") - start

    everything = timed(lambda: tab.select_option("#symptom-log-period", "all"), "() => true")
    tab.check('input[name="kind"][value="twitch"]')
    tab.check('input[name="area"][value="Calf"]')
    save_ms = timed(lambda: tab.click('[data-part="save"]'),
                    "() => document.querySelector('[data-part=entry-status]').textContent.includes('saved')")
    delete_ms = timed(lambda: tab.locator('.symptom-log__entry button:text-is("Delete")').first.click(),
                      "() => document.querySelector('[data-part=undo]')")
    with tab.expect_download(timeout=300_000) as download:
        export_ms = timed(lambda: tab.click('[data-part="export-json"]'),
                          "() => document.querySelector('[data-part=backup-status]').textContent.includes('saved')")
    backup = Path(download.value.path()).read_bytes()
    log(f"{BIG_LOG_ENTRIES:,} entries: ready {ready:.0f} ms, everything {everything:.0f} ms, save {save_ms:.0f} ms, "
        f"delete {delete_ms:.0f} ms, export {export_ms:.0f} ms ({len(backup):,} bytes)")
    context.close()
    fresh = browser.new_context()
    tab = fresh.new_page()
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.set_input_files("#symptom-log-import", files=[{"name": "backup.json", "mimeType": "application/json", "buffer": backup}])
    import_ms = timed(lambda: tab.click('[data-part="import-form"] button[type="submit"]'),
                      """() => document.querySelector('[data-part=backup-status]').textContent.startsWith('Loaded')
                         || !document.querySelector('[data-part=import-errors]').hidden""")
    loaded = " ".join((tab.inner_text('[data-part="backup-status"]') or tab.inner_text('[data-part="import-errors"]')).split())
    limit = tab.evaluate("SymptomLogFormat.MAX_BYTES")
    fresh.close()
    return {"entries": BIG_LOG_ENTRIES, "days": len(days), "ready_ms": round(ready), "everything_ms": round(everything),
            "save_ms": round(save_ms), "delete_ms": round(delete_ms), "export_ms": round(export_ms),
            "backup_file_bytes": len(backup), "limit_bytes": limit, "import_ms": round(import_ms), "import_status": loaded}
