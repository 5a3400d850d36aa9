"""The symptom log under attack, in a real Chromium: two tabs,
double presses, slow and failing storage, odd dates, built-in names and big
logs. Each test says which way a reader could lose an entry, keep one they
cannot remove, or be told something untrue. The logic behind them (checking
backups, merging a change, CSV cells, the size limit) has fast unit tests in
tests/js/, run by tests/test_symptom_log_js.py.
"""

from __future__ import annotations

import json

import pytest

from symptom_log_helpers import FIXTURES, NOTHING_CHANGED, entry
from test_symptom_log import (
    CHANGE, DELETE, add, export, import_backup, import_errors, listed, open_log, seed, show_everything, stored,
)

pytestmark = pytest.mark.browser

SAVE = '[data-part="save"]'
STATUS = '[data-part="entry-status"]'
SAVED = '[data-part="saved"]'  # a new entry's confirmation, in the Save bar
ERRORS = '[data-part="entry-errors"]'


def status(tab) -> str:
    """What the log said after a save or a change: the Save bar's words, then the status under the form."""
    return " ".join((tab.inner_text(SAVED) + " " + tab.inner_text(STATUS)).split())


def form_errors(tab) -> str:
    return "" if tab.is_hidden(ERRORS) else " ".join(tab.inner_text(ERRORS).split())


def wait_for_words(tab, selector: str, words: str):
    tab.wait_for_function("([selector, words]) => document.querySelector(selector).textContent.includes(words)",
                          arg=[selector, words])


def save_and_wait(tab):
    tab.click(SAVE)
    tab.wait_for_function("""() => !document.querySelector('[data-part=entry-errors]').hidden ||
      /saved|changed/i.test(document.querySelector('[data-part=saved]').textContent +
                            document.querySelector('[data-part=entry-status]').textContent)""")


def unhandled_errors(tab) -> list[str]:
    found = []
    tab.on("pageerror", lambda error: found.append(str(error)))
    tab.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    return found


# --- 1 and 2: two tabs --------------------------------------------------------------

@pytest.mark.parametrize("how", ["Delete", "Delete everything"])
def test_a_change_to_an_entry_deleted_in_another_tab_does_not_bring_it_back(page, site_server, how):
    """Point 1: it used to come back without an id, which broke every later backup."""
    first = open_log(page, site_server)
    seed(first, [entry("x", "2026-03-01T10:00", notes="old")])
    second = open_log(page.context.new_page(), site_server)
    show_everything(first)
    show_everything(second)
    first.click(CHANGE)
    first.fill("#symptom-log-notes", "changed here")
    if how == "Delete":
        second.click(DELETE)
        second.wait_for_selector('[data-part="undo"]')
    else:
        second.click('[data-part="delete-all"]')
        second.click('[data-part="delete-all-yes"]')
        wait_for_words(second, '[data-part="backup-status"]', "deleted")
    save_and_wait(first)
    assert stored(first)["entries"] == [], f"symptom-log-storage.js (changeEntry): the deleted entry was stored again: {stored(first)}"
    assert "deleted in another tab or window" in form_errors(first), form_errors(first)
    assert "saved" not in status(first), status(first)
    assert first.input_value("#symptom-log-notes") == "changed here", "What the reader typed was lost."
    # What they typed can be saved as a new entry, with an id of its own.
    save_and_wait(first)
    log = stored(first)["entries"]
    assert len(log) == 1 and log[0]["id"] and log[0]["id"] != "x" and log[0]["notes"] == "changed here", log


def two_tabs_changing(page, site_server, saved: dict):
    """Two tabs of the log, each with the one SAVED entry open to change."""
    first = open_log(page, site_server)
    seed(first, [saved])
    second = open_log(page.context.new_page(), site_server)
    for tab in (first, second):
        show_everything(tab)
        tab.click(CHANGE)
    return first, second


def test_two_tabs_changing_different_answers_keep_both(page, site_server):
    """Point 2: the later save used to bring back the other tab's old notes."""
    first, second = two_tabs_changing(page, site_server, entry("x", "2026-03-01T10:00", notes="old notes", pain=2))
    second.fill("#symptom-log-notes", "notes from the second tab")
    save_and_wait(second)
    first.check('input[name="pain"][value="7"]')
    save_and_wait(first)
    saved = stored(first)["entries"]
    assert len(saved) == 1 and saved[0]["notes"] == "notes from the second tab" and saved[0]["pain"] == 7, \
        f"symptom-log-format.js (mergeEdit): one tab's change was lost: {saved}"


@pytest.mark.parametrize("choice", ["keep-mine", "keep-theirs"])
def test_two_tabs_changing_the_same_answer_let_the_reader_choose(page, site_server, choice):
    first, second = two_tabs_changing(page, site_server, entry("x", "2026-03-01T10:00", notes="old notes"))
    second.fill("#symptom-log-notes", "theirs")
    save_and_wait(second)
    first.fill("#symptom-log-notes", "mine")
    save_and_wait(first)
    question = form_errors(first)
    assert "Another tab or window changed the notes of this entry" in question and "\u201ctheirs\u201d" in question, question
    assert stored(first)["entries"][0]["notes"] == "theirs", "Nothing may be saved before the reader chooses."
    first.click(f'[data-part="{choice}"]')
    expected = "mine" if choice == "keep-mine" else "theirs"
    first.wait_for_function("""() => /saved|kept/.test(document.querySelector('[data-part=entry-status]').textContent)""")
    assert [e["notes"] for e in stored(first)["entries"]] == [expected], stored(first)


# --- 3 and 4: double presses and slow saves ------------------------------------------

def hold_storage(tab, ms: int):
    """Slow storage: a write the page starts in the next MS waits, as another
    transaction on the store keeps it busy that long (writes to one store take turns)."""
    tab.evaluate("""ms => new Promise(started => {
      const request = indexedDB.open("fibro-twitch-log");
      request.onsuccess = () => {
        const db = request.result, tx = db.transaction("records", "readwrite"), store = tx.objectStore("records");
        const end = performance.now() + ms;
        const spin = () => { if (performance.now() < end) store.get("probe").onsuccess = spin; };
        spin();
        tx.oncomplete = () => db.close();
        started();
      };
    })""", ms)


@pytest.mark.parametrize("gap_ms", [0, 150], ids=["double click", "two clicks 150 ms apart"])
def test_a_double_press_on_save_stores_one_entry_and_says_so(page, site_server, gap_ms):
    open_log(page, site_server)
    page.check('input[name="kind"][value="twitch"]')
    page.check('input[name="area"][value="Calf"]')
    hold_storage(page, 100)
    page.click(SAVE)
    page.wait_for_timeout(gap_ms)
    page.click(SAVE)
    page.wait_for_function("""() => !document.querySelector('[data-part=entry-errors]').hidden ||
      /saved/i.test(document.querySelector('[data-part=saved]').textContent)""")
    page.wait_for_timeout(400)
    assert len(stored(page)["entries"]) == 1, f"symptom-log-form.js (saveEntry): {len(stored(page)['entries'])} entries stored."
    assert form_errors(page) == "", f"The second press said there was a problem: {form_errors(page)}"
    assert page.get_attribute(SAVE, "aria-disabled") == "false"


def test_typing_the_next_entry_during_a_slow_save_is_kept(page, site_server):
    open_log(page, site_server)
    page.check('input[name="kind"][value="cramp"]')
    page.check('input[name="area"][value="Foot"]')
    page.fill("#symptom-log-notes", "first entry")
    hold_storage(page, 2000)
    page.click(SAVE)
    page.fill("#symptom-log-notes", "the next entry, typed while the first was saved")
    assert page.get_attribute(SAVE, "aria-disabled") == "true", "Save should say it is busy while a save is under way."
    wait_for_words(page, SAVED, "Saved")
    assert page.input_value("#symptom-log-notes") == "the next entry, typed while the first was saved", \
        "symptom-log-form.js (saveEntry): the form was cleared over what the reader was typing."
    assert "still in the form" in status(page), status(page)
    assert [e["notes"] for e in stored(page)["entries"]] == ["first entry"]


# --- 5 and 6: storage that fails, and what the reader is told ----------------------------------

def test_an_import_whose_write_throws_part_way_stores_nothing(page, site_server):
    """Point 5: a write that throws at once used to leave the first entries stored."""
    open_log(page, site_server)
    seed(page, [entry("kept", "2026-02-01T09:00")])
    before = stored(page)
    page.evaluate("""() => { const put = IDBObjectStore.prototype.put; let calls = 0;
      IDBObjectStore.prototype.put = function (...args) {
        if (++calls === 3) throw new DOMException("could not be cloned", "DataCloneError");
        return put.apply(this, args); }; }""")
    import_backup(page, json.dumps({"format": "fibro-twitch-log", "version": 1, "entries": [
        entry(f"new-{n}", f"2026-03-0{n}T10:00") for n in range(1, 6)], "days": []}))
    errors = import_errors(page)
    assert errors and errors[-1] == NOTHING_CHANGED, errors
    assert "too complicated for this browser to store" in errors[0] and "room" not in errors[0], errors
    assert stored(page) == before, f"symptom-log-storage.js (transact): part of the import was stored: {stored(page)}"


def test_a_deeply_nested_backup_is_refused_as_such(page, site_server):
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "deeply-nested.json").read_bytes())
    errors = import_errors(page)
    assert "a field is nested more than 50 levels deep" in errors[0] and "full" not in " ".join(errors), errors
    assert stored(page)["entries"] == []


def test_a_failed_meta_write_stores_nothing_so_trying_again_stores_one(page, site_server):
    """Point 6: the entry used to be written before 'No room left ... Try again', so trying again made two."""
    open_log(page, site_server)
    page.evaluate("""() => { window.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (key === "meta") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return window.realPut.call(this, value, key); }; }""")
    add(page, "cramp", "Foot", notes="on a full phone")
    assert "no room left" in form_errors(page) and "not saved" in form_errors(page), form_errors(page)
    assert stored(page)["entries"] == [], "The page said 'not saved', but the entry was stored."
    page.evaluate("() => { IDBObjectStore.prototype.put = window.realPut; }")
    save_and_wait(page)
    assert len(stored(page)["entries"]) == 1, stored(page)


def test_a_failed_read_back_does_not_say_the_entry_was_not_saved(page, site_server):
    open_log(page, site_server)
    page.evaluate("() => { IDBObjectStore.prototype.getAll = () => { throw new DOMException('broken', 'UnknownError'); }; }")
    add(page, "twitch", "Calf", notes="written")
    assert "Saved: twitch, calf" in status(page) and form_errors(page) == "", (status(page), form_errors(page))
    page.reload()
    page.wait_for_selector("[data-symptom-log-ready]")
    assert [e["notes"] for e in stored(page)["entries"]] == ["written"]


def test_a_failed_undo_and_a_failed_delete_everything_are_said(page, site_server):
    errors = unhandled_errors(page)
    open_log(page, site_server)
    seed(page, [entry("a", "2026-03-01T10:00"), entry("b", "2026-03-02T10:00")])
    show_everything(page)
    page.locator(DELETE).first.click()
    page.wait_for_selector('[data-part="undo"]')
    page.evaluate("""() => { IDBObjectStore.prototype.put = () => { throw new DOMException("full", "QuotaExceededError"); };
      IDBObjectStore.prototype.clear = () => { throw new DOMException("broken", "UnknownError"); }; }""")
    page.click('[data-part="undo"]')
    wait_for_words(page, STATUS, "could not be brought back")
    assert page.is_visible('[data-part="undo"]'), "Undo should stay, to try again."
    page.click('[data-part="delete-all"]')
    page.click('[data-part="delete-all-yes"]')
    wait_for_words(page, '[data-part="backup-status"]', "nothing was deleted")
    assert len(stored(page)["entries"]) == 1
    assert not errors, f"Unhandled errors: {errors}"


# --- 7: an older page in another tab --------------------------------------------------------

BUMP_DB_VERSION = """const open = IDBFactory.prototype.open;
IDBFactory.prototype.open = function (name, version) {
  return open.call(this, name, name === "fibro-twitch-log" && version ? version + 1 : version); };"""


def test_a_newer_page_waits_for_an_older_tab_and_says_so(page, site_server):
    """Point 7: the new tab never became ready, and Save did nothing and said nothing."""
    older = page
    older.goto(site_server + "symptom-log/")
    # An older page's open connection, with no handler to let go of it.
    older.evaluate("() => new Promise(done => { const r = indexedDB.open('fibro-twitch-log'); "
                   "r.onupgradeneeded = () => r.result.createObjectStore('records'); r.onsuccess = () => { window.held = r.result; done(); }; })")
    newer = page.context.new_page()
    newer.add_init_script(BUMP_DB_VERSION)
    newer.goto(site_server + "symptom-log/")
    alert = newer.locator('[data-part="storage-problem"]')
    alert.wait_for()
    assert "Close the other tabs with the symptom log" in alert.inner_text(), alert.inner_text()
    newer.check('input[name="kind"][value="twitch"]')
    newer.check('input[name="area"][value="Calf"]')
    newer.fill("#symptom-log-notes", "typed while waiting")
    newer.click(SAVE)
    assert "waiting for another tab" in form_errors(newer) and "still here" in form_errors(newer), form_errors(newer)
    older.close()
    newer.wait_for_selector("[data-symptom-log-ready]")
    assert newer.is_hidden('[data-part="storage-problem"]')
    save_and_wait(newer)
    assert "Saved: twitch, calf" in status(newer), status(newer)


def test_an_open_log_lets_a_newer_page_in_and_says_to_reload(page, site_server):
    open_log(page, site_server)
    newer = page.context.new_page()
    newer.add_init_script(BUMP_DB_VERSION)
    open_log(newer, site_server)
    alert = page.locator('[data-part="storage-problem"]')
    alert.wait_for()
    assert "reload this page" in alert.inner_text(), alert.inner_text()
    add(page, "twitch", "Calf", notes="after the newer page")
    assert "reload this page" in form_errors(page) and "still here" in form_errors(page), form_errors(page)


# --- 8: dates after today ---------------------------------------------------------------------

def test_a_date_after_now_is_refused_when_typed(page, site_server):
    open_log(page, site_server)
    add(page, "twitch", "Calf", when="2062-12-07T10:00")
    assert "later than now" in form_errors(page), form_errors(page)
    assert stored(page)["entries"] == []


def test_entries_dated_after_today_are_listed_to_change_or_delete(page, site_server):
    """Point 8: a backup from 9999, or an entry made "now" in Auckland and opened in Los Angeles."""
    open_log(page, site_server)
    tomorrow = page.evaluate("() => { const d = new Date(Date.now() + 864e5); "
                             "return SymptomLogFormat.localNow(d); }")
    seed(page, [entry("far", "9999-12-31T23:59"), entry("ahead", tomorrow), entry("today", page.evaluate("SymptomLogFormat.localNow()"))])
    for period in ("14", "all"):
        page.select_option("#symptom-log-period", period)
        ids = page.eval_on_selector_all(".symptom-log__entry", "items => items.map(i => i.dataset.entryId)")
        assert ids == ["far", "ahead", "today"], f"Showing {period}: listed {ids}; every stored entry must be listed."
    assert page.locator(".symptom-log__entry-later").count() == 2
    # The one from 9999 can be changed without touching its date, and deleted.
    page.locator('[data-entry-id="far"] button:text-is("Change")').click()
    page.fill("#symptom-log-notes", "noted")
    save_and_wait(page)
    assert "changes are saved" in status(page), form_errors(page)
    page.locator('[data-entry-id="far"] button:text-is("Delete")').click()
    page.wait_for_selector('[data-part="undo"]')
    assert sorted(e["id"] for e in stored(page)["entries"]) == ["ahead", "today"]


# --- The GP visit: one checked write, like every other change -----------------------------------------

VISIT_STATUS = '[data-part="gp-visit-status"]'
META = "async () => (await idbKeyval.get('meta', idbKeyval.createStore('fibro-twitch-log', 'records')))"


def save_visit(tab, date: str):
    tab.fill("#symptom-log-gp-visit", date)
    tab.get_by_role("button", name="Save the date", exact=True).click()


def test_a_gp_visit_that_cannot_be_stored_says_why_and_stores_nothing(page, site_server):
    open_log(page, site_server)
    seed(page, [entry("a", "2026-03-01T10:00"), entry("b", "2026-03-20T10:00")])
    page.evaluate("""() => { window.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (key === "meta") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return window.realPut.call(this, value, key); }; }""")
    save_visit(page, "2026-03-25")
    wait_for_words(page, VISIT_STATUS, "not saved")
    assert "no room left, so the date was not saved" in page.inner_text(VISIT_STATUS), page.inner_text(VISIT_STATUS)
    assert not (page.evaluate(META) or {}).get("gp_visits"), "The page said 'not saved', but the visit was stored."
    page.evaluate("() => { IDBObjectStore.prototype.put = window.realPut; }")
    save_visit(page, "2026-03-25")
    wait_for_words(page, VISIT_STATUS, "Saved")
    assert page.evaluate(META)["gp_visits"] == ["2026-03-25"]


def test_two_tabs_adding_and_removing_gp_visits_keep_each_others_dates(page, site_server):
    first = open_log(page, site_server)
    seed(first, [entry("a", "2026-03-01T10:00"), entry("b", "2026-03-20T10:00")])
    second = open_log(page.context.new_page(), site_server)
    save_visit(first, "2026-03-21")
    wait_for_words(first, VISIT_STATUS, "Saved")
    save_visit(second, "2026-03-25")
    wait_for_words(second, VISIT_STATUS, "Saved")
    assert first.evaluate(META)["gp_visits"] == ["2026-03-21", "2026-03-25"], "One tab's visit overwrote the other's."
    wait_for_words(first, '[data-part="visit-note"]', "25 March 2026")
    # The first tab still shows 25 March as the last visit when the second removes it.
    first.evaluate("() => { document.querySelector('[data-module=symptom-log]').symptomLog.channel.onmessage = null; }")
    second.get_by_role("button", name="Remove the last visit date", exact=True).click()
    wait_for_words(second, VISIT_STATUS, "removed")
    first.get_by_role("button", name="Remove the last visit date", exact=True).click()
    wait_for_words(first, VISIT_STATUS, "already removed")
    assert first.evaluate(META)["gp_visits"] == ["2026-03-21"], "Removing a visit twice removed another one."


# --- 9: built-in names --------------------------------------------------------------------------

def test_built_in_names_are_stored_listed_and_backed_up_as_data(page, site_server):
    open_log(page, site_server)
    import_backup(page, (FIXTURES / "built-in-names.json").read_bytes())
    assert import_errors(page) == [], import_errors(page)
    show_everything(page)
    assert len(listed(page)) == 4, listed(page)
    places = page.locator('[data-part=notices] [data-notice="twitch-many-places"]').inner_text()
    assert "__proto__" in places and "constructor" in places and "native code" not in places, places
    assert "native code" not in page.inner_text('[data-part="summary"]')
    backed_up = json.loads(export(page))
    kept = next(e for e in backed_up["entries"] if e["id"] == "__proto__")
    assert kept.get("__proto__") == {"polluted": "yes"}, f"The __proto__ field was dropped: {kept}"


# --- 11: a big log ---------------------------------------------------------------------------------

def test_a_long_list_is_drawn_in_parts_and_every_entry_can_be_reached(page, site_server):
    open_log(page, site_server)
    seed(page, [entry(f"e{n:03}", f"2025-{1 + n % 12:02}-{1 + n % 28:02}T10:{n % 60:02}") for n in range(250)])
    show_everything(page)
    assert page.locator(".symptom-log__entry").count() == 100
    more = page.locator('[data-part="show-more"]')
    assert more.inner_text() == "Show 100 more of 150 older entries"
    more.click()
    assert page.evaluate("document.activeElement.dataset.entryId"), "Focus should move to the first entry shown."
    page.click('[data-part="show-more"]')
    assert page.locator(".symptom-log__entry").count() == 250 and page.is_hidden('[data-part="show-more"]')


# --- 13: a change that changes nothing ---------------------------------------------------------------

def test_saving_a_change_without_changing_anything_keeps_the_entry_as_it_was(page, site_server):
    open_log(page, site_server)
    original = entry("x", "2026-03-01T10:15:42", notes="first line\r\nsecond line", pain=3)
    seed(page, [original])
    show_everything(page)
    page.click(CHANGE)
    save_and_wait(page)
    assert stored(page)["entries"] == [original], f"An unchanged save changed the entry: {stored(page)['entries']}"
    assert "Nothing was changed" in status(page), status(page)
    page.click(CHANGE)
    page.check('input[name="pain"][value="4"]')
    save_and_wait(page)
    assert stored(page)["entries"] == [{**original, "pain": 4}], stored(page)["entries"]
