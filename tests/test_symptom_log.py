"""The symptom log in a real Chromium: entries kept, changed and
deleted; backups that round-trip; bad backups refused with nothing changed;
two tabs; storage that fails; reader text shown as text; the notices on the
page, from the care rules, and the GP visit that quiets them (their logic is
tested without a browser in tests/js/notices.test.mjs). Printing, accessibility, privacy and weight are in
tests/test_symptom_log_page.py. WebKit runs the core paths in
tests/test_symptom_log_webkit.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from symptom_log_helpers import (
    FIXTURES, LOG_PAGE, NOTHING_CHANGED, READ_STORED, READY, SHOWN_NOTICES, WRITE_STORED, backup, canonical, care_rules,
    entry, notice_rule_problems, records,
)
from sitetools.symptom_log import BACKUP_VERSION

pytestmark = pytest.mark.browser


# --- Helpers -------------------------------------------------------------------

CHANGE = '.symptom-log__entry button:text-is("Change")'
DELETE = '.symptom-log__entry button:text-is("Delete")'


def messages() -> dict:
    """The log's words (docs/assets/tools/symptom-log/symptom-log-messages.json)."""
    path = Path(__file__).parents[1] / "docs" / "assets" / "tools" / "symptom-log" / "symptom-log-messages.json"
    return json.loads(path.read_text(encoding="utf-8"))


def open_log(tab, site_server, query: str = ""):
    tab.goto(site_server + LOG_PAGE + query)
    tab.wait_for_selector(READY)
    return tab


def stored(tab) -> dict:
    return tab.evaluate(READ_STORED)


def stored_entry_count(tab) -> int:
    """How many entries storage holds, counted in the page: a log near its limit is 20 MB to send back."""
    return tab.evaluate(f"async () => (await ({READ_STORED})()).entries.length")


def seed(tab, entries, days=()):
    """Put entries straight into storage, then reload, as if typed on an earlier day."""
    tab.evaluate(WRITE_STORED, records(entries, days))
    tab.reload()
    tab.wait_for_selector(READY)


def show_everything(tab):
    tab.select_option("#symptom-log-period", "all")


def add(tab, kind="twitch", area="Calf", when=None, duration=None, pain=None, signs=(), notes="", other_area=None):
    form = tab.locator('[data-part="entry-form"]')
    form.locator(f'input[name="kind"][value="{kind}"]').check()
    if other_area is not None:
        form.locator('[data-part="area-other-choice"]').check()
        tab.fill("#symptom-log-area-other", other_area)
    else:
        form.locator(f'input[name="area"][value="{area}"]').check()
    if when:
        tab.fill("#symptom-log-when", when)
    if duration:
        form.locator(f'input[name="duration"][value="{duration}"]').check()
    if pain is not None:
        form.locator(f'input[name="pain"][value="{pain}"]').check()
    for sign in signs:
        form.locator(f'input[name="signs"][value="{sign}"]').check()
    tab.fill("#symptom-log-notes", notes)
    tab.click('[data-part="save"]')
    tab.wait_for_function(f"() => /saved/i.test(document.querySelector('[data-part=saved]').textContent"
                          f" + document.querySelector('[data-part=entry-status]').textContent)"
                          f" || !document.querySelector('[data-part=entry-errors]').hidden")


def listed(tab) -> list[str]:
    return [" ".join(t.split()) for t in tab.locator(".symptom-log__entry").all_inner_texts()]


# A file of SIZE bytes made in the page and put in the file field: sending a large file
# from Python to the browser is slow.
CHOOSE_FILE_OF_SIZE = """({size, name}) => {
  const input = document.querySelector("#symptom-log-import"), chosen = new DataTransfer();
  chosen.items.add(new File([new Uint8Array(size).fill(32)], name, {type: "application/json"}));
  input.files = chosen.files;
  input.dispatchEvent(new Event("change", {bubbles: true}));
}"""


def import_backup(tab, data: bytes | str | int | Path, name="backup.json"):
    """Choose DATA in the file field and load it. An int: a file of that many spaces, made in the page;
    a Path: the file itself, which the browser reads from disk (a big file goes much faster so)."""
    if isinstance(data, int):
        tab.evaluate(CHOOSE_FILE_OF_SIZE, {"size": data, "name": name})
    elif isinstance(data, Path):
        tab.set_input_files("#symptom-log-import", files=[data])
    else:
        data = data.encode() if isinstance(data, str) else data
        tab.set_input_files("#symptom-log-import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])
    tab.get_by_role("button", name="Load this backup", exact=True).click()
    tab.wait_for_function("() => document.querySelector('[data-part=backup-status]').textContent.startsWith('Loaded')"
                          " || !document.querySelector('[data-part=import-errors]').hidden")


def import_errors(tab) -> list[str]:
    if tab.locator('[data-part="import-errors"]').is_hidden():
        return []
    return [" ".join(t.split()) for t in tab.locator('[data-part="import-error-list"] li').all_inner_texts()]


# --- Add, change, delete, undo ------------------------------------------------------

def test_add_change_delete_and_undo(page, site_server):
    open_log(page, site_server)
    add(page, "twitch", "Eyelid or face", duration="moment", pain=2, notes="Left eye")
    log = stored(page)["entries"]
    assert len(log) == 1, f"docs/assets/tools/symptom-log/symptom-log.js: saving an entry stored {len(log)} entries, not 1."
    saved = log[0]
    assert (saved["kind"], saved["area"], saved["duration"], saved["pain"], saved["notes"]) == \
        ("twitch", "Eyelid or face", "moment", 2, "Left eye"), saved
    assert "Saved: twitch, eyelid or face" in page.inner_text('[data-part="saved"]'), "No saved message was announced."
    assert page.get_attribute('[data-part="saved"]', "role") == "status"
    assert listed(page) and listed(page)[0].startswith("Twitch, Eyelid or face"), listed(page)

    # Change it: the form fills in, and saving changes that entry, not a new one.
    page.click(CHANGE)
    assert page.is_checked('input[name="kind"][value="twitch"]') and page.input_value("#symptom-log-notes") == "Left eye"
    page.check('input[name="pain"][value="5"]')
    page.fill("#symptom-log-notes", "Left eye, worse tonight")
    page.click('[data-part="save"]')
    page.wait_for_function("() => document.querySelector('[data-part=entry-status]').textContent.includes('changes are saved')")
    log = stored(page)["entries"]
    assert len(log) == 1 and log[0]["id"] == saved["id"] and log[0]["pain"] == 5, log
    assert log[0]["notes"] == "Left eye, worse tonight"

    # Delete it, then undo.
    page.click(DELETE)
    page.wait_for_selector('[data-part="undo"]')
    assert stored(page)["entries"] == [] and listed(page) == [], "The deleted entry is still there."
    assert page.evaluate("document.activeElement.dataset.part") == "undo", "Focus should move to the Undo button."
    page.click('[data-part="undo"]')
    page.wait_for_function("() => document.querySelector('[data-part=entry-status]').textContent.includes('back')")
    assert stored(page)["entries"] == log, "Undo did not bring back the same entry."
    assert len(listed(page)) == 1


def test_a_change_keeps_the_id_and_fields_this_page_does_not_know(page, site_server):
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "backup-v1.json").read_bytes())
    show_everything(page)
    item = page.locator('.symptom-log__entry[data-entry-id="v1-twitch-eyelid"]')
    item.locator('button:text-is("Change")').click()
    page.fill("#symptom-log-notes", "changed")
    page.click('[data-part="save"]')
    page.wait_for_function("() => document.querySelector('[data-part=entry-status]').textContent.includes('changes')")
    changed = next(e for e in stored(page)["entries"] if e.get("id") == "v1-twitch-eyelid")
    assert changed["notes"] == "changed" and changed["mood"] == "tired", f"A change lost a field: {changed}"
    assert len(stored(page)["entries"]) == 3


def test_changing_an_older_entry_keeps_its_weak_or_stiff_tick(page, site_server):
    """Version 5 split "weak or stiff"; an older entry keeps it, shown only while that entry is changed."""
    open_log(page, site_server)
    retired = page.locator("[data-retired-sign]")
    assert retired.is_hidden(), "The retired 'weak or stiff' box shows on a new entry."
    import_backup(page, (FIXTURES / "backup-v4.json").read_bytes())
    show_everything(page)
    page.locator('.symptom-log__entry[data-entry-id="v1-cramp-calf"]').locator('button:text-is("Change")').click()
    assert retired.is_visible() and retired.locator("input").is_checked(), "The older entry's tick is not shown."
    page.check('input[name="signs"][value="stiff"]')
    page.click('[data-part="save"]')
    page.wait_for_function("() => document.querySelector('[data-part=entry-status]').textContent.includes('changes')")
    changed = next(e for e in stored(page)["entries"] if e.get("id") == "v1-cramp-calf")
    assert sorted(changed["signs"]) == ["stiff", "weak-or-stiff"], f"A change lost the older tick: {changed}"
    assert retired.is_hidden(), "The retired box stays on show after the change was saved."


def test_a_missing_answer_is_explained_and_nothing_is_saved(page, site_server):
    open_log(page, site_server)
    page.check('input[name="area"][value="Calf"]')
    page.fill("#symptom-log-notes", "typed text")
    page.click('[data-part="save"]')
    summary = page.locator('[data-part="entry-errors"]')
    summary.wait_for()
    assert "Choose what you noticed" in summary.inner_text()
    assert page.evaluate("document.activeElement.dataset.part") == "entry-errors", "The error summary should take focus."
    assert stored(page)["entries"] == [] and page.input_value("#symptom-log-notes") == "typed text"
    page.click("[data-part=entry-error-list] a")
    assert page.evaluate("document.activeElement.name") == "kind", "The error's link should focus the question."


def test_somewhere_else_and_the_kind_questions(page, site_server):
    open_log(page, site_server)
    assert page.is_hidden('[data-part="frequency"]') and page.is_hidden('[data-part="disturbed-sleep"]')
    page.check('input[name="kind"][value="twitch"]')
    assert page.is_visible('[data-part="frequency"]'), "How often is asked for twitches."
    page.check('input[name="kind"][value="cramp"]')
    assert page.is_visible('[data-part="disturbed-sleep"]') and page.is_hidden('[data-part="frequency"]')
    page.check('input[name="disturbed_sleep"][value="yes"]')
    page.check('input[name="duration"][value="over-10-minutes"]')
    add(page, "cramp", other_area="Left big toe")
    saved = stored(page)["entries"][0]
    assert saved["area"] == "Left big toe" and saved["disturbed_sleep"] is True and saved["frequency"] is None, saved


@pytest.mark.parametrize("kind", ["twitch", "spasm", "cramp"])
def test_kind_in_the_address_starts_an_entry_of_that_kind(page, site_server, kind):
    """The movements page links to /symptom-log/?kind=twitch|spasm|cramp."""
    open_log(page, site_server, f"?kind={kind}")
    assert page.is_checked(f'input[name="kind"][value="{kind}"]'), f"?kind={kind} did not choose {kind}"
    open_log(page, site_server, "?kind=<b>x</b>")
    assert not page.locator('input[name="kind"]:checked').count(), "An unknown kind must choose nothing."


def test_questions_about_the_day_are_saved_and_shown(page, site_server):
    open_log(page, site_server)
    page.click("summary:has-text('Questions about your day')")
    page.fill("#symptom-log-sleep", "6.5")
    page.fill("#symptom-log-caffeine", "3")
    page.check('input[name="stress"][value="high"]')
    page.fill("#symptom-log-medicine", "New water tablet")
    page.get_by_role("button", name="Save this day", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-part=day-status]').textContent.includes('saved')")
    days = stored(page)["days"]
    assert len(days) == 1 and days[0]["sleep_hours"] == 6.5 and days[0]["caffeine"] == 3 and days[0]["stress"] == "high", days
    add(page)
    assert "6.5 h" in page.inner_text('[data-part="summary"]'), "Hours slept should show beside the day's entries."


# --- Kept: reload, new tab, two tabs ---------------------------------------------

def test_entries_survive_a_reload_and_a_new_tab(page, site_server):
    open_log(page, site_server)
    add(page, "spasm", "Back", pain=4, notes="After lifting")
    before = stored(page)
    page.reload()
    page.wait_for_selector(READY)
    assert stored(page) == before and len(listed(page)) == 1, "The entry was lost on reload."
    other = page.context.new_page()
    open_log(other, site_server)
    assert stored(other) == before and listed(other) == listed(page), "A new tab does not show the entry."


def test_two_tabs_do_not_overwrite_each_other(page, site_server):
    first = open_log(page, site_server)
    second = open_log(page.context.new_page(), site_server)  # opened before either saves
    add(first, "twitch", "Calf", notes="from the first tab")
    add(second, "cramp", "Foot", notes="from the second tab")
    notes = sorted(e["notes"] for e in stored(first)["entries"])
    assert notes == ["from the first tab", "from the second tab"], f"One tab overwrote the other: {notes}"
    # Each tab hears of the other's entries (BroadcastChannel) without a reload.
    first.wait_for_function("() => document.querySelectorAll('.symptom-log__entry').length === 2")
    # A change in one tab keeps what the other tab saved meanwhile.
    first.locator(CHANGE).first.click()
    add(second, "spasm", "Thigh", notes="third")
    first.fill("#symptom-log-notes", "changed in the first tab")
    first.click('[data-part="save"]')
    first.wait_for_function("() => document.querySelector('[data-part=entry-status]').textContent.includes('changes')")
    notes = sorted(e["notes"] for e in stored(first)["entries"])
    assert len(notes) == 3 and "third" in notes and "changed in the first tab" in notes, notes


# --- Backups and CSV -----------------------------------------------------------------

def export(tab, button="Save a backup file") -> bytes:
    with tab.expect_download() as info:
        tab.get_by_role("button", name=button, exact=True).click()
    return open(info.value.path(), "rb").read()


def test_export_then_import_into_an_empty_browser_gives_the_same_log(page, browser, site_server):
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "backup-v1.json").read_bytes())
    add(page, "twitch", "Thigh", pain=3, signs=["feeling-change"], notes='Quote " and comma, here')
    before = stored(page)
    data = json.loads(export(page))
    assert data["format"] == "fibro-twitch-log" and data["version"] == BACKUP_VERSION and data["exported"].endswith("Z"), data
    assert data["app_note"].startswith("A field this page does not know"), "An unknown top-level field was dropped."
    context = browser.new_context()
    try:
        fresh = open_log(context.new_page(), site_server)
        assert stored(fresh)["entries"] == []
        import_backup(fresh, json.dumps(data))
        assert "Loaded 4 new entries and 2 days." in fresh.inner_text('[data-part="backup-status"]')
        assert canonical(stored(fresh)) == canonical(before), "The imported log differs from the exported one."
        show_everything(fresh)
        show_everything(page)
        assert listed(fresh) == listed(page)
        # Importing the same file again adds nothing twice.
        import_backup(fresh, json.dumps(data))
        assert "Loaded 0 new entries and 0 days. 4 entries were already in your log." in fresh.inner_text('[data-part="backup-status"]')
        assert canonical(stored(fresh)) == canonical(before)
    finally:
        context.close()


LIMIT = 20 * 1024 * 1024  # SymptomLogFormat.MAX_BYTES: the biggest backup the page loads, and the biggest log it keeps


def big_log(compact_bytes: int) -> list[dict]:
    """3,000 entries with long notes, whose backup without spaces is about COMPACT_BYTES."""
    def make(notes_length):
        return [entry(f"big-{n:05}", f"2025-{1 + n % 12:02}-{1 + n % 28:02}T{n % 24:02}:{n % 60:02}", notes="n" * notes_length)
                for n in range(3000)]
    empty = len(json.dumps(backup(make(0)), separators=(",", ":")))
    return make((compact_bytes - empty) // 3000)


@pytest.mark.parametrize("compact_bytes, loads_back", [(LIMIT - 100_000, True), (LIMIT + 100_000, False)],
                         ids=["spaced over the limit", "over the limit"])
def test_a_backup_over_the_limit_is_made_smaller_or_the_reader_is_told(page, browser, site_server, compact_bytes, loads_back,
                                                                        tmp_path):
    """The import refuses files over the limit, so the export must never leave a reader with a
    backup this page cannot load back without saying so. With the spaces left out, a backup
    just under the limit loads back; a log stored over it (from before the limit) is saved, and the reader is told."""
    open_log(page, site_server)
    seed(page, big_log(compact_bytes))
    note = " ".join(page.inner_text('[data-part="size-note"]').split())
    assert note.startswith("Your log is nearly full.") and "of the 20 MB" in note, \
        f"symptom-log.js (renderSize): the reader is not told the log is nearly full: {note!r}"
    if not loads_back:
        add(page, "twitch", "Calf", notes="one more")
        assert "Your log is full" in page.inner_text('[data-part="entry-errors"]'), "A save over the limit was not refused."
        assert stored_entry_count(page) == 3000
    data = export(page)
    status = " ".join(page.inner_text('[data-part="backup-status"]').split())
    assert len(json.loads(data)["entries"]) == 3000, "docs/symptom-log.md: the big backup lost entries."
    if loads_back:
        assert len(data) <= LIMIT, (f"docs/symptom-log.md: the backup is {len(data):,} bytes, over the limit, so this page "
                                    "could not load it back; written without spaces it fits (symptom-log-backup.js, exportBackup).")
        assert status == "The backup file is saved in your downloads. Keep it somewhere safe.", status
        context = browser.new_context()
        try:
            fresh = open_log(context.new_page(), site_server)
            saved = tmp_path / "backup.json"
            saved.write_bytes(data)
            import_backup(fresh, saved)
            assert import_errors(fresh) == [], import_errors(fresh)
            assert stored_entry_count(fresh) == 3000
        finally:
            context.close()
    else:
        assert len(data) > LIMIT
        assert "It is more than 20 MB, so this page cannot load it back. Keep it, and save a spreadsheet file too." \
            in status, f"docs/symptom-log.md: a backup this page cannot load back was saved without a word: {status!r}"


def test_csv_matches_the_entries_and_neutralises_formulas(page, site_server):
    open_log(page, site_server)
    hostile = ["=HYPERLINK(\"http://x\")", "+1+2", "-3", "@SUM(A1)", "plain, with \"quotes\"\nand a new line",
               "\0=1+1", "\n=1+1", "\u200b=1+1", "\ufeff=1+1", "\uff1d1+1"]
    starts = "=+-@\0\n\u200b\ufeff\uff1d"
    seed(page, [entry(f"csv-{n}", f"2026-03-{n + 1:02}T10:00", notes=note, area="Calf" if n else "=cmd|' /C calc'!A0")
                for n, note in enumerate(hostile)],
         [{"date": "2026-03-01", "sleep_hours": 7, "caffeine": 2, "stress": "low", "medicine_change": "-new pill"}])
    text = export(page, "Save as a spreadsheet (CSV)").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == [f"csv-{n}" for n in range(len(hostile))], rows
    for row, note in zip(rows, hostile):
        expected = "'" + note if note[0] in starts else note
        assert row["notes"] == expected, f"CSV notes cell {row['notes']!r} should be {expected!r}"
    assert rows[0]["area"] == "'=cmd|' /C calc'!A0" and rows[0]["medicine_change"] == "'-new pill", rows[0]
    assert rows[0]["sleep_hours"] == "7" and rows[0]["kind"] == "twitch" and rows[1]["sleep_hours"] == ""
    for row in rows:
        for column, cell in row.items():
            assert not cell or cell[0] not in starts, f"CSV column {column} starts a formula: {cell!r}"


# --- Bad imports: refused, said plainly, nothing changed --------------------------------

# Every reason a backup is refused, with its words, is tested without a browser in
# tests/js/bad-imports.test.mjs. Here: what the page does with a refusal, for each
# way the page reaches one: a file it reads and refuses (one good entry, one bad:
# nothing of it is stored), and a file too big to read at all (refused by its size,
# unread: read, a file of spaces would be refused as not a backup).
BAD_IMPORTS = {
    "bad field": (json.dumps(backup([entry("ok", "2026-03-01T10:00"), entry("bad", "2026-03-02T10:00", pain=11)])),
                  "Entry 2 (2 March 2026, 10:00): its pain score is 11; it must be a whole number from 0 to 10, or null."),
    "over the limit": (LIMIT + 1, "The file is more than 20 MB. This page can only load backups of 20 MB or less."),
}


@pytest.mark.parametrize("case", BAD_IMPORTS, ids=list(BAD_IMPORTS))
def test_a_bad_import_is_refused_and_changes_nothing(page, site_server, case):
    data, message = BAD_IMPORTS[case]
    open_log(page, site_server)
    seed(page, [entry("kept-1", "2026-02-01T09:00", notes="already here")])
    before = stored(page)
    import_backup(page, data)
    errors = import_errors(page)
    assert errors, f"The {case} file was not refused."
    assert any(message in error for error in errors), f"Expected {message!r} in the error summary; it said {errors}"
    assert errors[-1] == NOTHING_CHANGED, f"The error summary should end {NOTHING_CHANGED!r}; it ends {errors[-1]!r}"
    assert stored(page) == before, f"The {case} file changed the stored log."
    assert page.evaluate("document.activeElement.dataset.part") == "import-errors", "The error summary should take focus."
    assert message[:30] in page.inner_text("#symptom-log-import-error"), "The file field should show the error too."
    assert page.get_attribute("#symptom-log-import", "aria-describedby") == "symptom-log-import-error"


# --- Versions and migrations ------------------------------------------------------------

def test_every_old_backup_version_imports(page, site_server):
    """A fixture for each version this page has known: each still imports, unknown fields kept."""
    open_log(page, site_server)
    version = page.evaluate("SymptomLogFormat.VERSION")
    for number in range(1, version + 1):
        fixture = FIXTURES / f"backup-v{number}.json"
        assert fixture.is_file(), f"{fixture}: keep a backup of version {number} to test its migration."
        data = json.loads(fixture.read_text())
        import_backup(page, fixture.read_bytes())
        assert not import_errors(page), import_errors(page)
        log = stored(page)
        by_id = {e["id"]: e for e in log["entries"]}
        for original in data["entries"]:
            assert original["id"] in by_id, f"{fixture.name}: entry {original['id']} was not imported."
        assert by_id["v1-twitch-eyelid"]["mood"] == "tired", "An entry's unknown field was dropped."
        assert any(day.get("weather") == "cold" for day in log["days"]), "A day's unknown field was dropped."


def test_migrations_run_in_order_on_import_and_on_load(page, site_server):
    open_log(page, site_server)
    # The table steps version n to n + 1 and refuses a gap, whatever the versions.
    result = page.evaluate("""() => {
      const steps = {1: b => ({...b, entries: b.entries.map(e => ({...e, note2: "from 1"}))}),
                     2: b => ({...b, entries: b.entries.map(e => ({...e, note3: e.note2 + " then 2"}))})};
      const out = SymptomLogFormat.migrate({version: 1, entries: [{id: "a"}]}, steps, 3);
      let gap = "";
      try { SymptomLogFormat.migrate({version: 1, entries: []}, {}, 2); } catch (e) { gap = e.message; }
      return {version: out.version, entry: out.entries[0], gap: gap};
    }""")
    assert result["version"] == 3 and result["entry"]["note3"] == "from 1 then 2", result
    assert result["gap"] == "No migration from backup version 1", result
    # What an older page stored is read through the same table on load.
    page.evaluate(WRITE_STORED, records([entry("old-1", "2026-03-01T10:00")], meta={"version": 0}))
    # A step from a made-up version 0, added the moment the format script defines the table.
    page.add_init_script("""Object.defineProperty(window, "SymptomLogFormat", {configurable: true,
      get() { return this.__format; },
      set(format) {
        format.MIGRATIONS[0] = b => ({...b, entries: b.entries.map(e => ({...e, upgraded: true}))});
        this.__format = format;
      }});""")
    page.reload()
    page.wait_for_selector(READY)
    log = stored(page)
    assert log["entries"][0].get("upgraded") is True, "Stored entries were not migrated on load."
    assert page.evaluate("""async () => (await idbKeyval.get("meta", idbKeyval.createStore("fibro-twitch-log", "records"))).version""") == BACKUP_VERSION


# --- Storage that fails ---------------------------------------------------------------------

def test_no_storage_is_said_before_the_reader_types(page, site_server):
    page.add_init_script("""Object.defineProperty(window, "indexedDB", {get() {
      throw new DOMException("The user denied permission to access the database.", "SecurityError"); }});""")
    page.goto(site_server + LOG_PAGE)
    alert = page.locator('[data-part="storage-problem"]')
    alert.wait_for()
    assert "not letting the log save anything" in alert.inner_text() and alert.get_attribute("role") == "alert"
    assert alert.locator("a").get_attribute("href").endswith("symptom-diary/"), "It should point to the paper diary."
    add(page, "twitch", "Calf", notes="please keep this")
    assert "not saved" in page.inner_text('[data-part="entry-errors"]')
    assert page.input_value("#symptom-log-notes") == "please keep this"


def test_a_failed_save_keeps_what_was_typed(page, site_server):
    open_log(page, site_server)
    page.evaluate("""() => { IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    add(page, "cramp", "Foot", pain=6, notes="typed on a full phone")
    message = page.inner_text('[data-part="entry-errors"]')
    assert "no room left" in message and "still here" in message, message
    assert page.input_value("#symptom-log-notes") == "typed on a full phone"
    assert page.is_checked('input[name="pain"][value="6"]') and page.is_checked('input[name="kind"][value="cramp"]')
    assert "saved" not in page.inner_text('[data-part="saved"]').lower()


# --- Reader text is text ----------------------------------------------------------------------

def test_hostile_notes_are_shown_as_text(page, site_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "hostile-notes.json").read_bytes())
    show_everything(page)
    text = " ".join(listed(page))
    assert "<img src=x onerror=alert(1)>" in text and "<script>window.hostileRan = true</script>" in text, text
    assert "<b>Calf</b>" in text
    assert page.locator(".symptom-log img, .symptom-log script, .symptom-log b").count() == 0, "Notes became HTML."
    assert not dialogs and not page.evaluate("window.hostileRan"), "A note's code ran."
    # Typed in the form too.
    add(page, "twitch", "Calf", notes="<svg onload=alert(2)>")
    assert "<svg onload=alert(2)>" in " ".join(listed(page)) and page.locator(".symptom-log__entry svg").count() == 0
    assert not dialogs


# --- Notices -------------------------------------------------------------------------------------

# Which entries meet which sign, and when a GP visit quiets them, is tested in
# tests/js/notices.test.mjs. Here: what the page shows, from the care rules.

EVERY_NOTICE = [
    entry("t1", "2026-03-01T10:00", area="Calf"), entry("t2", "2026-03-20T10:00", area="Calf"),
    entry("t3", "2026-03-05T10:00", area="Thigh"),
    entry("s1", "2026-03-06T10:00", area="Arm or hand",
          signs=["weak", "feeling-change", "thinner-muscles", "speech-or-swallowing"]),
    entry("c1", "2026-03-07T03:00", "cramp", "Calf", disturbed_sleep=True, duration="over-10-minutes", signs=["feeling-change"]),
    entry("c2", "2026-03-09T03:00", "cramp", "Arm or hand", signs=["feeling-change"]),
    entry("u1", "2026-03-08T10:00", area="Eyelid or face", signs=["speech-or-swallowing"], sudden=True),
]
SCREEN = "docs/symptom-log.md on screen (\u201cWhat your log shows\u201d)"


def shown_notices(tab, selector="[data-part=notices] [data-notice]") -> list[dict]:
    return tab.evaluate(SHOWN_NOTICES, selector)


@pytest.fixture(scope="module")
def every_notice(browser, site_server):
    """The log with an entry for every notice, opened once for the tests that only read it."""
    context = browser.new_context(service_workers="block")
    tab = open_log(context.new_page(), site_server)
    seed(tab, EVERY_NOTICE)
    yield tab
    context.close()


def test_each_notice_on_screen_has_its_level_and_source_from_the_care_rules(every_notice):
    page = every_notice
    shown = shown_notices(page)
    # Its sudden entry is dated before today: "logged as sudden" on that day, not "call 999 now".
    # In order of level: emergency, see a GP, see a doctor, then the sign no source names.
    assert [n["id"] for n in shown] == ["sudden-earlier", "twitch-two-weeks", "twitch-many-places", "weak-or-stiff+weak",
                                        "cramp-numb-or-swollen+feeling-change", "speech-or-swallowing", "thinner-muscles",
                                        "cramps-disturb-sleep", "long-cramp", "feeling-change", "not-named"], shown
    problems = notice_rule_problems(care_rules(), shown, SCREEN)
    assert not problems, "\n".join(problems)
    for notice in shown:
        # It names its entries with their dates, and says its advice directly, not as a quote.
        assert "March 2026" in notice["text"] and "The advice:" not in notice["text"], notice
        # Its own words name no condition (a source's title may: "NHS, Motor neurone disease, symptoms").
        words = re.sub(r"Source: [^.]+\.", "", notice["text"])
        for word in (r"motor neurone", r"\bMND\b", r"\bALS\b", r"serious", r"diagnos", r"stroke"):
            assert not re.search(word, words, re.IGNORECASE), f"A notice must name no condition: {notice['text']}"
    sudden = page.locator('[data-part=notices] [data-notice="sudden-earlier"]')
    assert "call 999 now" not in sudden.inner_text().lower() and "Is it happening now? Call 999" in sudden.inner_text()
    assert sudden.get_by_role("link", name="See the emergency signs").get_attribute("href") == "../when-to-see-a-doctor/#emergency"
    sudden_rule = " ".join(page.inner_text('[data-part="sudden-rule"]').split())
    assert care_rules()["sudden_rule"]["text"] in sudden_rule, "The gradual signs should say what to do if one came on suddenly."
    # A change in feeling with a cramp in the arm: no source names it, so no level and no source.
    cramp_arm = next(n for n in shown if n["id"] == "not-named")
    assert "Cramp, Arm or hand: 9 March 2026" in cramp_arm["text"] and "legs" not in cramp_arm["text"], cramp_arm
    assert "MedlinePlus" not in cramp_arm["text"] and not cramp_arm["source"], cramp_arm


def test_one_painful_swollen_leg_shows_the_urgent_card_at_once_and_after_saving(page, site_server):
    """The urgent level gets its own box in the form, as the emergency does: the urgent card's words."""
    open_log(page, site_server)
    rules = care_rules()
    card = next(c for c in rules["cards"] if c["id"] == "urgent")
    form = page.locator('[data-part="entry-form"]')
    box = page.locator('[data-part="urgent-alert"]')
    assert box.is_hidden()
    form.locator('input[name="kind"][value="cramp"]').check()
    form.locator('input[name="signs"][value="stiff"]').check()
    assert box.is_hidden(), "A stiff area shows the urgent box."
    form.locator('input[name="signs"][value="one-leg-swollen"]').check()
    assert box.is_visible() and box.get_attribute("role") == "alert", "Ticking one painful, swollen leg shows no urgent box."
    text = " ".join(box.inner_text().split())
    step_up = next(s for s in rules["signs"] if s["id"] == "one-leg-swollen")["step_up"]
    assert card["heading"] in text and step_up in text, text
    assert rules["levels"]["urgent"]["short"] in text and rules["sources"]["nhs-dvt"]["title"] in text, text
    assert box.get_by_role("link").get_attribute("href") == "../when-to-see-a-doctor/#urgent"
    form.locator('input[name="signs"][value="one-leg-swollen"]').uncheck()
    assert box.is_hidden()
    # Saved: the form is empty again, and the urgent words stay on show beside "Saved".
    add(page, "cramp", "Thigh", signs=["one-leg-swollen"])
    assert box.is_visible(), "After saving one painful, swollen leg, the form shows no urgent box."
    assert card["heading"] in " ".join(box.inner_text().split())
    assert shown_notices(page)[0]["level"] == "urgent", "The urgent leg is not the first notice."
    # The next change to the form reads its ticks again.
    form.locator('input[name="kind"][value="twitch"]').check()
    assert box.is_hidden()


def test_the_care_rules_check_fails_when_the_rules_give_a_sign_another_level(every_notice):
    """An edited copy of care-rules.json, with one sign at another level: the page no longer matches it."""
    edited = care_rules()
    next(sign for sign in edited["signs"] if sign["id"] == "cramps-disturb-sleep")["level"] = "urgent"
    problems = notice_rule_problems(edited, shown_notices(every_notice), SCREEN)
    assert problems and all("cramps-disturb-sleep" in p and p.startswith(SCREEN) for p in problems), problems


def test_a_sign_ticked_as_sudden_points_to_the_emergency_card_at_once(page, site_server):
    open_log(page, site_server)
    rules = care_rules()
    form = page.locator('[data-part="entry-form"]')
    alert = page.locator('[data-part="sudden-alert"]')
    assert alert.is_hidden()
    # Ticked with no sign, or with a sign that is no emergency when sudden: no emergency is shown.
    page.check("#symptom-log-sudden")
    assert alert.is_hidden(), "A twitch ticked as sudden, with no sign, shows the emergency alert."
    form.locator('input[name="signs"][value="thinner-muscles"]').check()
    assert alert.is_hidden(), "Thinner muscles ticked as sudden shows the emergency alert."
    form.locator('input[name="signs"][value="thinner-muscles"]').uncheck()
    # Stiffness ticked as sudden is never the emergency (a calf is often stiff after a cramp).
    form.locator('input[name="signs"][value="stiff"]').check()
    assert alert.is_hidden(), "A stiff area ticked as sudden shows the emergency alert."
    form.locator('input[name="signs"][value="stiff"]').uncheck()
    form.locator('input[name="signs"][value="weak"]').check()
    # Before any save: the emergency level's words, from the care rules, and the link to the emergency card.
    assert alert.is_visible() and alert.get_attribute("role") == "alert"
    text = " ".join(alert.inner_text().split())
    assert rules["levels"]["emergency"]["label"] in text and "sudden weakness or numbness" in text, text
    assert alert.get_by_role("link").get_attribute("href") == "../when-to-see-a-doctor/#emergency"
    page.uncheck("#symptom-log-sudden")
    assert alert.is_hidden()
    # Saved, it is the first notice, and the entry says so.
    page.check("#symptom-log-sudden")
    add(page, "twitch", "Arm or hand")
    assert stored(page)["entries"][0]["sudden"] is True
    assert shown_notices(page)[0]["id"] == "sudden"
    assert "Came on suddenly" in listed(page)[0]
    # Ticked without a sign: said, and nothing saved.
    page.check("#symptom-log-sudden")
    add(page, "twitch", "Calf")
    assert "Tick the sign that came on suddenly" in page.inner_text('[data-part="entry-errors"]')
    assert len(stored(page)["entries"]) == 1


def test_a_gp_visit_quiets_the_notices_until_something_new(page, site_server):
    open_log(page, site_server)
    seed(page, [entry("a", "2026-03-01T10:00", area="Calf"), entry("b", "2026-03-20T10:00", area="Calf"),
                entry("c", "2026-03-05T10:00", area="Thigh")])
    assert [n["id"] for n in shown_notices(page)] == ["twitch-two-weeks", "twitch-many-places"]
    rule = care_rules()["gp_rule"]["text"]
    assert rule in page.inner_text('[data-part="gp-rule"]')
    page.fill("#symptom-log-gp-visit", "2026-03-25")
    page.get_by_role("button", name="Save the date", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-part=gp-visit-status]').textContent.startsWith('Saved')")
    assert shown_notices(page) == [], "The notices the GP has seen should be quiet after the visit."
    note = page.inner_text('[data-part="visit-note"]')
    assert "You saw a GP about this on 25 March 2026" in note and messages()["visit_note_nothing_new"] in note, note
    assert "A twitch in the same place for more than 2 weeks" in page.inner_text('[data-part="earlier"]')
    assert page.evaluate("async () => (await idbKeyval.get('meta', idbKeyval.createStore('fibro-twitch-log', 'records'))).gp_visits") \
        == ["2026-03-25"]
    # A new place after the visit: for the records, never "See a GP" again (gp_rule.once).
    add(page, "twitch", "Eyelid or face", when="2026-04-01T10:00")
    assert shown_notices(page) == [], "A new place after a GP visit sends the reader back to the GP."
    records = page.inner_text('[data-part="earlier"]')
    assert "for your records and your next appointment: Twitches in more than one place: Eyelid or face" in records, records
    # Something new after the visit: a new sign.
    add(page, "twitch", "Calf", when="2026-04-02T10:00", signs=["thinner-muscles"])
    shown = shown_notices(page)
    assert [n["id"] for n in shown] == ["thinner-muscles"], shown
    assert "New since your GP visit on 25 March 2026: Muscles look thinner." in shown[0]["text"]
    # Removing the visit brings every notice back.
    page.get_by_role("button", name="Remove the last visit date", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-part=gp-visit-status]').textContent.includes('removed')")
    assert [n["id"] for n in shown_notices(page)] == ["twitch-two-weeks", "twitch-many-places", "thinner-muscles"]


def test_a_gp_visit_can_be_noted_before_any_sign_is_logged(page, site_server):
    open_log(page, site_server)
    seed(page, [entry("a", "2026-03-01T10:00", area="Calf")])
    assert shown_notices(page) == []
    assert page.is_visible('[data-part="gp-visit-form"]'), \
        "A reader who saw a GP before logging any sign cannot note the visit (overrides/partials/symptom-log.html)."
    assert page.inner_text('[data-part="visit-note"]') == messages()["no_notices_yet"]
    assert "The advice:" not in page.inner_text('[data-part="notices-section"]')
    page.fill("#symptom-log-gp-visit", "2026-03-02")
    page.get_by_role("button", name="Save the date", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-part=gp-visit-status]').textContent.startsWith('Saved')")
    assert "You saw a GP about this on 2 March 2026" in page.inner_text('[data-part="visit-note"]')


def test_a_gp_visit_goes_into_the_backup_and_comes_back(page, browser, site_server):
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "backup-v2.json").read_bytes())
    assert page.evaluate("async () => (await idbKeyval.get('meta', idbKeyval.createStore('fibro-twitch-log', 'records'))).gp_visits") \
        == ["2026-03-10"]
    assert "You saw a GP about this on 10 March 2026" in page.inner_text('[data-part="visit-note"]')
    data = json.loads(export(page))
    assert data["gp_visits"] == ["2026-03-10"] and "gp_visits" not in data.get("app_note", ""), data


# --- Delete everything, backup reminder, persistent storage ----------------------------------------------

def test_delete_everything_asks_first(page, site_server):
    open_log(page, site_server)
    seed(page, [entry("a", "2026-03-01T10:00"), entry("b", "2026-03-02T10:00")])
    page.click('[data-part="delete-all"]')
    assert "Delete all 2 entries" in page.inner_text('[data-part="delete-all-confirm"]')
    page.get_by_role("button", name="No, keep my log", exact=True).click()
    assert len(stored(page)["entries"]) == 2
    page.click('[data-part="delete-all"]')
    page.get_by_role("button", name="Yes, delete everything", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-part=backup-status]').textContent.includes('deleted')")
    assert stored(page) == {"entries": [], "days": []}


def test_backup_reminder_after_30_days(page, site_server):
    open_log(page, site_server)
    old = "2026-01-01T00:00:00Z"
    page.evaluate(WRITE_STORED, records([entry("a", "2026-03-01T10:00")], meta={"version": BACKUP_VERSION, "created": old}))
    page.reload()
    page.wait_for_selector(READY)
    assert page.is_visible('[data-part="backup-reminder"]'), "No reminder though the log was never backed up in 30 days."
    assert page.inner_text('[data-part="backup-reminder-words"]') == messages()["backup_never"], \
        "A log never backed up is told its last backup is old."
    export(page)
    page.wait_for_function("() => document.querySelector('[data-part=backup-reminder]').hidden")


def test_persistent_storage_is_asked_for_and_the_answer_said(page, site_server):
    page.add_init_script("navigator.storage.persist = () => { window.askedToPersist = true; return Promise.resolve(false); };")
    open_log(page, site_server)
    add(page)
    page.wait_for_selector('[data-part="persist-answer"]:not([hidden])')
    assert page.evaluate("window.askedToPersist") is True
    assert "add this site to your home screen" in page.inner_text('[data-part="persist-answer"]')
    assert "add this site to your home screen" in page.inner_text('[data-part="saved"]')


def test_a_missing_part_throws_a_named_error(page, site_server):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.route("**/symptom-log/", lambda route: route.fulfill(
        response=route.fetch(), body=route.fetch().text().replace('data-part="summary"', "")))
    page.goto(site_server + LOG_PAGE)
    page.wait_for_timeout(500)
    assert any('SymptomLogError' in e and 'missing its part "summary"' in e for e in errors), errors
    assert page.is_hidden(".symptom-log"), "A log that could not start must stay hidden."


def test_a_sudden_sign_on_an_earlier_day_is_not_told_call_999_now_in_the_form(page, site_server):
    """The form's instant box says what the entry's notice will say: for a day before today, the
    emergency holds only if it is happening now (care rules' sudden_rule.earlier)."""
    open_log(page, site_server)
    earlier = care_rules()["sudden_rule"]["earlier"]
    form = page.locator('[data-part="entry-form"]')
    alert = page.locator('[data-part="sudden-alert"]')
    page.check("#symptom-log-sudden")
    form.locator('input[name="signs"][value="weak"]').check()
    today_words = " ".join(alert.inner_text().split())
    assert earlier["level"] not in today_words, today_words
    form.locator('input[name="when_choice"][value="other"]').check()
    page.fill("#symptom-log-when", "2026-01-05T10:00")
    page.dispatch_event("#symptom-log-when", "change")
    words = " ".join(alert.inner_text().split())
    assert earlier["level"] in words and "Is it happening now?" in words, (
        f"docs/symptom-log.md: a sudden sign dated 5 January 2026 shows \"{words}\" in the form, "
        "not the earlier-day words its notice gives (symptom-log-screen-notices.js, showSuddenAlert).")
