"""The symptom log one-handed on a 390 x 844 phone, in a real Chromium: a
twitch saved in 3 taps with no scroll and the confirmation in view, what a
choice opens brought above the Save bar, the quick times kept as the reader
chose them, the same entry again asked about, the side kept through a backup,
the day the twitching started, calm words after the first save, a page that
does not move while the log starts, and axe with the new controls open (light
and dark, phone and desktop). Each check has a case that proves it can fail.
The format's logic is tested in tests/js/version-3.test.mjs and version-4.test.mjs.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_checks import axe_problems, tap_target_problems
from symptom_log_helpers import FIXTURES, LOG_PAGE, READ_STORED, READY, entry, open_with
from sitetools.symptom_log import BACKUP_VERSION

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
PLACE = "docs/symptom-log.md (390 x 844 phone)"
READ_META = """async () => (await idbKeyval.get("meta", idbKeyval.createStore("fibro-twitch-log", "records")))"""
SAVED = '[data-part="saved"]'  # the confirmation in the Save bar
SAVED_YET = "() => document.querySelector('[data-part=saved]').textContent.startsWith('Saved:')"


@pytest.fixture
def phone(browser, site_server):
    context = browser.new_context(service_workers="block", **PHONE)
    tab = context.new_page()
    tab.goto(site_server + LOG_PAGE)
    tab.wait_for_selector(READY)
    yield tab
    context.close()


# In the page: where SELECTOR's element is, and whether a finger on its middle reaches it (nothing on top).
REACH = """selector => {
  const el = document.querySelector(selector), box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  const label = el.closest("label") || (el.id && document.querySelector(`label[for="${el.id}"]`));
  return {x, y, top: box.top, bottom: box.bottom, height: innerHeight, scrolled: scrollY,
          reached: !!top && (top === el || el.contains(top) || (!!label && (top === label || label.contains(top))))};
}"""
QUICK_TAPS = [("the kind Twitch", 'input[name="kind"][value="twitch"]'),
              ("the area Calf", 'input[name="area"][value="Calf"]'),
              ("Save entry", '[data-part="save"]')]


def quick_entry_problems(tab) -> list[str]:
    """Tap each of QUICK_TAPS where it is on the screen; the reader never scrolls (the page may
    bring what a tap opened above the Save bar). What was out of reach, in words."""
    problems = []
    for name, selector in QUICK_TAPS:
        where = tab.evaluate(REACH, selector)
        if where["top"] < 0 or where["bottom"] > where["height"] or not where["reached"]:
            problems.append(f"{PLACE}: {name} is not in reach without scrolling (its box is at y {where['top']:.0f} to "
                            f"{where['bottom']:.0f} on a screen {where['height']} high, scrolled {where['scrolled']}, "
                            f"{'free' if where['reached'] else 'covered'}). Keep the form near the top of "
                            "overrides/partials/symptom-log.html and Save sticky (symptom-log.css).")
            continue
        tab.touchscreen.tap(where["x"], where["y"])
    return problems


def saved_entries(tab) -> list[dict]:
    return tab.evaluate(READ_STORED)["entries"]


def confirmation_problems(tab) -> list[str]:
    """After a save: the words that say so are on the screen, where a finger and an eye reach them."""
    where = tab.evaluate(REACH, SAVED)
    text = " ".join(tab.inner_text(SAVED).split())
    if not text.startswith("Saved:") or where["top"] < 0 or where["bottom"] > where["height"] or not where["reached"]:
        return [f"{PLACE}: after the 3 taps nothing on the screen says the entry was saved (the confirmation {text[:40]!r} "
                f"is at y {where['top']:.0f} to {where['bottom']:.0f} on a screen {where['height']} high, "
                f"{'free' if where['reached'] else 'covered'}). Keep [data-part=saved] in the sticky Save bar "
                "(overrides/partials/symptom-log.html)."]
    return []


def test_a_twitch_is_saved_in_three_taps_with_no_scroll(phone):
    problems = quick_entry_problems(phone)
    assert not problems, "\n".join(problems)
    phone.wait_for_function(SAVED_YET)
    [saved] = saved_entries(phone)
    assert (saved["kind"], saved["area"], saved["side"]) == ("twitch", "Calf", None), saved
    problems = confirmation_problems(phone)
    assert not problems, "\n".join(problems)
    assert phone.get_attribute(SAVED, "role") == "status", f"{PLACE}: screen readers are not told it was saved."


def test_the_confirmation_check_fails_when_the_words_are_out_of_sight(phone):
    """Proof: the confirmation back under the form, below the screen, as review E found it."""
    phone.add_style_tag(content=".symptom-log__saved { position: absolute; top: 1060px; }")
    quick_entry_problems(phone)
    phone.wait_for_function(SAVED_YET)
    problems = confirmation_problems(phone)
    assert len(problems) == 1 and "nothing on the screen says the entry was saved" in problems[0], problems


def test_the_same_entry_again_is_asked_about_first_and_undo_removes_it(phone):
    """The form's guard stops a second press on the cleared form; a re-entry of the same kind, place and
    side within minutes is asked about once, and a second press adds it. Undo takes the last one back."""
    quick_entry_problems(phone)
    phone.wait_for_function(SAVED_YET)
    phone.click('[data-part="save"]')
    assert "already saved" in phone.inner_text(SAVED), phone.inner_text(SAVED)
    phone.check('input[name="kind"][value="twitch"]')
    phone.check('input[name="area"][value="Calf"]')
    phone.click('[data-part="save"]')
    phone.wait_for_function("() => document.querySelector('[data-part=saved]').textContent.includes('a moment ago')")
    assert len(saved_entries(phone)) == 1, f"{PLACE}: the same entry again was saved without a word."
    phone.click('[data-part="save"]')
    phone.wait_for_function(SAVED_YET)
    assert len(saved_entries(phone)) == 2, f"{PLACE}: a second press after the question did not add it."
    phone.click('[data-part="undo-save"]')
    phone.wait_for_function("() => document.querySelector('[data-part=saved]').textContent.includes('removed')")
    assert len(saved_entries(phone)) == 1, f"{PLACE}: Undo did not take back the entry just saved."


# In the page: how far PART (a selector) reaches below the top of the sticky Save bar (> 0: hidden behind it).
BEHIND_BAR = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const bar = document.querySelector('[data-part=save-bar]').getBoundingClientRect();
  return Math.round(box.bottom - Math.min(bar.top, innerHeight));
}"""
SMALL_PHONE = {**PHONE, "viewport": {"width": 320, "height": 568}}


def opened_behind_bar(tab, taps: list[str], shown: str) -> int:
    """Tap each of TAPS at its place on the screen (scrolled to first, as a reader would); how far
    SHOWN then reaches behind the Save bar."""
    for selector in taps:
        tab.evaluate("s => document.querySelector(s).scrollIntoView({block: 'center'})", selector)
        where = tab.evaluate(REACH, selector)
        tab.touchscreen.tap(where["x"], where["y"])
    return tab.evaluate(BEHIND_BAR, shown)


@pytest.mark.parametrize("size", [PHONE, SMALL_PHONE], ids=["390x844", "320x568"])
@pytest.mark.parametrize("taps, shown", [
    (['input[name="area"][value="Calf"]'], '[data-part="side"]'),
    (['input[name="area"][value="Calf"]', 'input[name="side"][value="left"]'], "#symptom-log-when-choice"),
    (['[data-part="area-other-choice"]'], '[data-part="area-other-field"]'),
    (['input[name="kind"][value="cramp"]', 'input[name="when_choice"][value="last-night"]'], '[data-part="disturbed-sleep"]'),
], ids=["side", "when", "somewhere-else", "cramp-sleep"])
def test_what_a_choice_opens_is_above_the_save_bar(browser, site_server, size, taps, shown):
    context = browser.new_context(service_workers="block", **size)
    try:
        tab = context.new_page()
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        behind = opened_behind_bar(tab, taps, shown)
        assert behind <= 0, (f"docs/symptom-log.md ({size['viewport']['width']} x {size['viewport']['height']}): {shown} opens "
                             f"{behind} px behind the Save bar. SymptomLog.reveal (symptom-log-form.js) should bring it into view.")
        assert tab.locator(shown).is_visible()
    finally:
        context.close()


def test_the_save_bar_check_fails_when_nothing_is_brought_into_view(browser, site_server):
    """Proof: with reveal() doing nothing, the side opens behind the bar on a small phone, as review E found."""
    context = browser.new_context(service_workers="block", **SMALL_PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        tab.evaluate("() => { document.querySelector('[data-module=symptom-log]').symptomLog.reveal = () => {}; }")
        tab.evaluate("() => scrollTo(0, document.querySelector('input[name=area][value=Calf]').getBoundingClientRect().top"
                     " + scrollY - innerHeight + 160)")
        where = tab.evaluate(REACH, 'input[name="area"][value="Calf"]')
        tab.touchscreen.tap(where["x"], where["y"])
        assert tab.evaluate(BEHIND_BAR, '[data-part="side"]') > 0
    finally:
        context.close()


def test_a_cramp_last_night_asks_if_it_woke_you_without_more(phone):
    phone.check('input[name="kind"][value="cramp"]')
    phone.check('input[name="when_choice"][value="last-night"]')
    assert phone.locator('[data-part="disturbed-sleep"]').is_visible(), f"{PLACE}: 'Did the cramp wake you?' needs More first. Keep it above the More button (overrides/partials/symptom-log.html)."
    assert phone.locator('[data-part="more"]').is_hidden()
    night = " ".join(phone.inner_text('label:has(input[name="when_choice"][value="last-night"])').split())
    expected = phone.evaluate("() => SymptomLogFormat.nightBefore(SymptomLogFormat.quickTime('last-night').slice(0, 10), true)")
    assert night == f"Last night ({expected})", f"{PLACE}: the chip does not say which night: {night!r}"
    assert "Last night" in phone.inner_text('[data-part="when-shown"]'), "The line beside Save does not say when."


def test_three_tap_check_fails_when_save_is_off_the_screen(phone):
    """Proof: with Save no longer kept at the foot of the screen, it is out of reach."""
    phone.add_style_tag(content=".symptom-log__actions--sticky { position: static !important; }")
    problems = quick_entry_problems(phone)
    assert len(problems) == 1 and "Save entry is not in reach" in problems[0], problems
    assert not saved_entries(phone), "Nothing should be saved when Save was out of reach."


def test_the_optional_questions_fold_away_on_a_phone_and_open_on_request(phone):
    more, button = phone.locator('[data-part="more"]'), phone.locator('[data-part="more-button"]')
    assert more.is_hidden() and button.get_attribute("aria-expanded") == "false", f"{PLACE}: the optional questions show at first."
    assert phone.locator("#symptom-log-when").is_hidden(), f"{PLACE}: the date and time field shows before it is asked for."
    button.focus()
    phone.keyboard.press("Enter")
    assert more.is_visible() and button.get_attribute("aria-expanded") == "true", f"{PLACE}: the button did not open them."
    assert phone.locator("#symptom-log-notes").is_visible()


# In the page: the time a quick choice stands for now, as the form fills it in.
QUICK_TIME = "choice => SymptomLogFormat.quickTime(choice)"


@pytest.mark.parametrize("choice, words", [("earlier-today", "earlier on "), ("last-night", ", during the night")])
def test_a_quick_time_is_kept_as_chosen_and_never_shown_as_a_clock_time(phone, choice, words):
    phone.check('input[name="kind"][value="cramp"]')
    phone.check('input[name="area"][value="Foot"]')
    phone.check(f'input[name="when_choice"][value="{choice}"]')
    expected = phone.evaluate(QUICK_TIME, choice)
    field = phone.locator("#symptom-log-when")
    assert field.is_hidden(), f"{PLACE}: choosing {choice} shows a clock time the reader did not give."
    assert field.input_value() == expected, f"{PLACE}: {choice} filled in {field.input_value()}, not {expected}."
    phone.click('[data-part="save"]')
    phone.wait_for_function(SAVED_YET)
    [saved] = saved_entries(phone)
    assert (saved["when"], saved["when_approx"]) == (expected, choice), saved
    listed = " ".join(phone.inner_text(".symptom-log__entry-title").split())
    assert words in listed and expected[11:16] not in listed, f"{PLACE}: the entry shows {listed!r} for {choice}."


def test_another_time_shows_the_full_picker(phone):
    phone.check('input[name="kind"][value="twitch"]')
    phone.check('input[name="area"][value="Back"]')
    phone.check('input[name="when_choice"][value="other"]')
    phone.fill("#symptom-log-when", "2026-03-01T22:15")
    phone.click('[data-part="save"]')
    phone.wait_for_function(SAVED_YET)
    assert (saved_entries(phone)[0]["when"], saved_entries(phone)[0]["when_approx"]) == ("2026-03-01T22:15", None)
    assert phone.locator("#symptom-log-when").is_hidden(), f"{PLACE}: after saving, the form should be back to Now."


def test_typing_a_time_picks_another_time(browser, site_server):
    """On a wide screen the date and time show at once; typing there means "Another time", not "Now"."""
    context = browser.new_context(service_workers="block")
    try:
        tab = context.new_page()
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        tab.fill("#symptom-log-when", "2026-03-02T06:30")
        assert tab.is_checked('input[name="when_choice"][value="other"]')
    finally:
        context.close()


# --- Left, right or both -----------------------------------------------------------------

def test_a_side_is_asked_only_where_the_body_has_two(phone):
    side = phone.locator('[data-part="side"]')
    for area, sided in [("Calf", True), ("Back", False), ("Eyelid or face", True), ("Chest or tummy", False)]:
        phone.check(f'input[name="area"][value="{area}"]')
        assert side.is_visible() == sided, f"{PLACE}: {area} {'should' if sided else 'should not'} ask left, right or both."
    phone.check('[data-part="area-other-choice"]')
    assert side.is_hidden(), f"{PLACE}: 'Somewhere else' should not ask for a side."


def test_a_side_is_kept_exported_and_imported(phone, browser, site_server):
    phone.check('input[name="kind"][value="twitch"]')
    phone.check('input[name="area"][value="Calf"]')
    phone.check('input[name="side"][value="left"]')
    phone.click('[data-part="save"]')
    phone.wait_for_function(SAVED_YET)
    [saved] = saved_entries(phone)
    assert saved["side"] == "left", saved
    assert "(left side)" in phone.inner_text(".symptom-log__entry"), "The entries list does not say the side."
    # Change it to another area: no side is kept for the back.
    phone.get_by_role("button", name="Change the entry", exact=False).click()
    assert phone.is_checked('input[name="side"][value="left"]'), "Change did not show the side."
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Save a backup file", exact=True).click()
    data = json.loads(open(info.value.path(), "rb").read())
    assert data["version"] == BACKUP_VERSION and data["entries"][0]["side"] == "left", data
    with phone.expect_download() as info:
        phone.get_by_role("button", name="Save as a spreadsheet (CSV)", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8-sig").read())))
    assert rows[0]["side"] == "left", rows
    # Into an empty browser: the side comes back.
    context = browser.new_context(service_workers="block")
    try:
        fresh = context.new_page()
        fresh.goto(site_server + LOG_PAGE)
        fresh.wait_for_selector(READY)
        load(fresh, json.dumps(data).encode())
        assert [e["side"] for e in saved_entries(fresh)] == ["left"]
    finally:
        context.close()


def load(tab, data: bytes):
    tab.set_input_files("#symptom-log-import", files=[{"name": "b.json", "mimeType": "application/json", "buffer": data}])
    tab.get_by_role("button", name="Load this backup", exact=True).click()
    tab.wait_for_function("() => document.querySelector('[data-part=backup-status]').textContent.startsWith('Loaded')"
                          " || !document.querySelector('[data-part=import-errors]').hidden")
    errors = tab.locator('[data-part="import-errors"]')
    assert errors.is_hidden(), errors.inner_text()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_every_backup_version_imports_with_side_and_start_date(phone, version):
    """A fixture of each version: its entries come in with a side (null before version 3) and a rough
    time (null before version 4), all or nothing."""
    fixture = FIXTURES / f"backup-v{version}.json"
    original = json.loads(fixture.read_text())
    load(phone, fixture.read_bytes())
    by_id = {e["id"]: e for e in saved_entries(phone)}
    assert set(by_id) == {e["id"] for e in original["entries"]}, f"{fixture.name}: not every entry was imported."
    for item in original["entries"]:
        assert by_id[item["id"]]["side"] == item.get("side"), f"{fixture.name}: entry {item['id']} has the wrong side."
        assert by_id[item["id"]]["when_approx"] == item.get("when_approx"), f"{fixture.name}: entry {item['id']} has the wrong rough time."
    meta = phone.evaluate(READ_META)
    assert meta["version"] == BACKUP_VERSION and meta.get("twitching_started") == original.get("twitching_started"), meta


def test_a_bad_side_loads_nothing(phone):
    """All or nothing: one entry with a side the page does not know, and no entry is stored."""
    data = json.loads((FIXTURES / "backup-v3.json").read_text())
    data["entries"][2]["side"] = "middle"
    phone.set_input_files("#symptom-log-import", files=[{"name": "b.json", "mimeType": "application/json",
                                                         "buffer": json.dumps(data).encode()}])
    phone.get_by_role("button", name="Load this backup", exact=True).click()
    phone.wait_for_selector('[data-part="import-errors"]:not([hidden])')
    text = " ".join(phone.inner_text('[data-part="import-errors"]').split())
    assert 'its side ("side") is "middle"; it must be left, right, both or null.' in text, text
    assert "Nothing was imported or changed." in text and not saved_entries(phone)


# --- When the twitching started -------------------------------------------------------------

def test_the_start_date_is_asked_once_and_kept(browser, site_server):
    context = browser.new_context(service_workers="block", **PHONE)
    try:
        tab = open_with(context.new_page(), site_server, [entry("first", "2026-03-04T08:00"), entry("c", "2026-03-01T08:00", "cramp")])
        tab.click("summary:has-text('Questions about your day')")
        hint = tab.inner_text('[data-part="started-hint"]')
        assert "Your first twitch entry is from 4 March 2026" in hint, f"{PLACE}: the hint does not give the first twitch: {hint}"
        tab.fill("#symptom-log-started", "2026-02-10")
        tab.get_by_role("button", name="Save this date", exact=True).click()
        tab.wait_for_function("() => document.querySelector('[data-part=started-status]').textContent.startsWith('Saved')")
        assert tab.evaluate(READ_META)["twitching_started"] == "2026-02-10"
        tab.reload()
        tab.wait_for_selector(READY)
        assert tab.input_value("#symptom-log-started") == "2026-02-10", "The start date is not shown again."
        tab.click("summary:has-text('Questions about your day')")
        with tab.expect_download() as info:
            tab.get_by_role("button", name="Save a backup file", exact=True).click()
        assert json.loads(open(info.value.path(), "rb").read())["twitching_started"] == "2026-02-10"
        tab.fill("#symptom-log-started", "2999-01-01")
        tab.get_by_role("button", name="Save this date", exact=True).click()
        assert "today or before" in tab.inner_text('[data-part="started-status"]')
        assert tab.evaluate(READ_META)["twitching_started"] == "2026-02-10", "A date in the future was saved."
        # A start after the first twitch logged would print two dates that disagree: refused, as the form says.
        tab.fill("#symptom-log-started", "2026-03-10")
        tab.get_by_role("button", name="Save this date", exact=True).click()
        said = tab.inner_text('[data-part="started-status"]')
        assert "Your first twitch entry is from 4 March 2026. Enter that day or earlier." in said, \
            f"{PLACE}: a start date after the first twitch entry is not refused: {said!r}"
        assert tab.evaluate(READ_META)["twitching_started"] == "2026-02-10", "A start date after the first twitch was saved."
    finally:
        context.close()


# --- Calm words after the first save -------------------------------------------------------------

ALARMING = ("may delete", "did not agree", "delete it", "for sure")


def storage_message_problems(text: str) -> list[str]:
    """The Save bar after a first save: what was saved, then what to do and when (a backup AND
    the home screen: one does not stand in for the other), never alarm first."""
    problems = []
    if not text.startswith("Saved: twitch, calf"):
        problems.append(f"{PLACE}: after the first save the Save bar should start 'Saved: twitch, calf'; it starts {text[:40]!r}.")
    problems += [f"{PLACE}: the first message after a save says {word!r}: {text}" for word in ALARMING if word in text]
    problems += [f"{PLACE}: the message does not say {need!r}: {text}" for need in ("backup file", "once a month") if need not in text]
    if "or add this site" in text:
        problems.append(f"{PLACE}: the message offers the home screen instead of a backup ('or'); it must say 'and': {text}")
    return problems


@pytest.mark.parametrize("answer", ["false", "true", "null"])
def test_the_first_save_says_calmly_what_keeps_the_log(browser, site_server, answer):
    context = browser.new_context(service_workers="block", **PHONE)
    try:
        tab = context.new_page()
        tab.add_init_script(f"navigator.storage.persist = () => Promise.resolve({answer});")
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY)
        quick_entry_problems(tab)
        tab.wait_for_selector('[data-part="persist-answer"]:not([hidden])')
        text = " ".join(tab.inner_text(SAVED).split())
        problems = storage_message_problems(text) if answer != "true" else [
            f"{PLACE}: {word!r} in {text}" for word in ALARMING if word in text]
        if answer == "false":
            problems += [] if "home screen" in text else [f"{PLACE}: the message does not mention the home screen: {text}"]
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_storage_message_check_fails_on_the_old_words():
    old = ("Entry saved. You can see it under “Your entries”. Your browser did not agree to keep your log for sure. "
           "It may delete it when space runs low, so save a backup now and then.")
    problems = "\n".join(storage_message_problems(old))
    assert "'may delete'" in problems and "'did not agree'" in problems and "'once a month'" in problems, problems
    review_e = ("Saved: twitch, calf, 23:14. Your log is kept on this device. To be safe, save a backup file about "
                "once a month, or add this site to your home screen.")
    assert "must say 'and'" in "\n".join(storage_message_problems(review_e))


def test_the_browser_is_asked_again_on_a_later_visit(browser, site_server):
    """A log with entries that the browser has not yet promised to keep: each visit asks again
    (the answer may change once the site is on the home screen), and says the answer."""
    context = browser.new_context(service_workers="block", **PHONE)
    try:
        tab = context.new_page()
        tab.add_init_script("navigator.storage.persisted = () => Promise.resolve(false);"
                            "navigator.storage.persist = () => { window.askedAgain = true; return Promise.resolve(true); };")
        open_with(tab, site_server, [entry("t", "2026-03-04T08:00")])
        try:
            tab.wait_for_function("() => window.askedAgain === true", timeout=5000)
        except PlaywrightTimeout:
            pass
        assert tab.evaluate("window.askedAgain === true"), \
            f"{PLACE}: the log did not ask the browser again on this visit (checkPersisted, symptom-log.js)."
        tab.wait_for_selector('[data-part="persist-answer"]:not([hidden])')
        assert "agreed to keep your log" in tab.inner_text('[data-part="persist-answer"]')
    finally:
        context.close()


# --- No jump while the log starts ------------------------------------------------------------------

CLS_LIMIT = 0.05
# In the page: the layout shifts so far (not after the reader's input), added up, and what moved.
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0; const moved = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => {
    if (e.hadRecentInput) return;
    total += e.value;
    (e.sources || []).forEach(s => s.node && moved.push(s.node.id || s.node.className || s.node.nodeName));
  })).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done({total, moved})));
})"""


def layout_shift(browser, site_server, size: dict, init_script: str = "") -> dict:
    """The page's layout shift while the log starts, on a slow phone: network and CPU slowed, so
    the page is drawn before the log's script runs, as on a real phone (not a timing test)."""
    context = browser.new_context(service_workers="block", **size)
    try:
        tab = context.new_page()
        if init_script:
            tab.add_init_script(init_script)
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                      "downloadThroughput": 200_000, "uploadThroughput": 90_000})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        tab.goto(site_server + LOG_PAGE)
        tab.wait_for_selector(READY, timeout=60_000)
        return tab.evaluate(LAYOUT_SHIFT)
    finally:
        context.close()


@pytest.mark.parametrize("name, size", [("phone", PHONE), ("desktop", {"viewport": {"width": 1280, "height": 900}})])
def test_the_page_does_not_move_while_the_log_starts(browser, site_server, name, size):
    shift = layout_shift(browser, site_server, size)
    assert shift["total"] <= CLS_LIMIT, (
        f"docs/symptom-log.md ({name}): the page moves while the log starts: cumulative layout shift "
        f"{shift['total']:.3f}, over {CLS_LIMIT} (moved: {', '.join(shift['moved'])}). Draw the log's parts in "
        "overrides/partials/symptom-log.html from the start instead of showing them from its script.")


def test_layout_shift_check_catches_a_log_shown_late(browser, site_server):
    """Proof: a log hidden until its script is ready pushes the page down."""
    late = ("document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style');"
            "s.textContent = '.symptom-log:not([data-symptom-log-ready]) { display: none; }';"
            "document.head.append(s); });")
    shift = layout_shift(browser, site_server, PHONE, late)
    assert shift["total"] > CLS_LIMIT, f"The layout shift check did not notice a log shown late ({shift})."


# --- Accessibility with the new controls open --------------------------------------------------------

COMBINATIONS = [("phone", PHONE, "light"), ("phone", PHONE, "dark"),
                ("desktop", {"viewport": {"width": 1280, "height": 900}}, "light"),
                ("desktop", {"viewport": {"width": 1280, "height": 900}}, "dark")]


@pytest.mark.parametrize("name, size, palette", COMBINATIONS, ids=[f"{c[0]}-{c[2]}" for c in COMBINATIONS])
def test_axe_with_the_quick_entry_controls_open(browser, site_server, name, size, palette):
    context = browser.new_context(service_workers="block", color_scheme=palette, **size)
    try:
        tab = open_with(context.new_page(), site_server, [entry("t", "2026-03-04T08:00", side="right")])
        tab.check('input[name="area"][value="Calf"]')
        tab.check('input[name="when_choice"][value="last-night"]')
        if name == "phone":
            tab.click('[data-part="more-button"]')
        tab.click("summary:has-text('What do these words mean?')")
        tab.click("summary:has-text('Questions about your day')")
        assert tab.locator('[data-part="side"]').is_visible() and tab.locator("#symptom-log-started").is_visible()
        place = f"docs/symptom-log.md ({name}, {palette} colours, quick entry open)"
        problems = axe_problems(tab, place) + tap_target_problems(tab, place)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_the_urgent_box_stays_in_sight_after_saving_one_painful_swollen_leg(phone):
    """A phone folds the optional questions away after a save: the urgent box must not fold with them."""
    phone.check('input[name="kind"][value="cramp"]')
    phone.check('input[name="area"][value="Calf"]')
    phone.click('[data-part="more-button"]')
    phone.check('input[name="signs"][value="one-leg-swollen"]')
    box = phone.locator('[data-part="urgent-alert"]')
    assert box.is_visible(), f"{PLACE}: ticking one painful, swollen leg shows no urgent box."
    phone.click('[data-part="save"]')
    phone.wait_for_function(SAVED_YET)
    assert box.is_visible(), (f"{PLACE}: after saving one painful, swollen leg the urgent box is folded away "
                              "(docs/assets/tools/symptom-log/symptom-log-screen-notices.js, showUrgentAlert).")
    assert "Urgent, the same day" in box.inner_text()
