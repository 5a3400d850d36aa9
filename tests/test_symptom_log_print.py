"""The symptom log's summary for the appointment prints on one sheet, on A4
and on Letter, however long the log. Checked in a real Chromium
with the longest summary we can make: 1,000 entries over about three years, 41 places typed under "Somewhere else"
and warning signs on over 150 days, with the period set to "Everything".
The entries list follows the summary, on sheet 1 when there is room.
Also one entry, a period with no entries, and the long summary on screen
(axe, tap targets, no sideways scroll). Every notice on screen ("What your
log shows") is on sheet 1 under "What the log shows", with its dates, and the
GP visit's date too. The last tests prove the one-sheet check fails when the
summary is not shortened (monthly chart, lists cut short), and the notices
check when a notice is left off the paper.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from browser_checks import axe_problems, sideways_scroll_problems, tap_target_problems
from symptom_log_helpers import LOG_PAGE, SHOWN_NOTICES, care_rules, crowded_entries, entry, open_with, records, WRITE_STORED, READY
from sitetools.building import site_url
from sitetools.checks.disclaimer import DISCLAIMER
from sitetools.printing import PAPER_SIZES, Printout, flat, read_pdf, squeezed
from sitetools.symptom_log import OTHER_AREAS, script_values

pytestmark = pytest.mark.browser

SUMMARY_TITLE = "Summary for your appointment"
NOTICES_TITLE = "What the log shows"
ENTRIES_TITLE = "Your entries"
SIGN_WORDS = script_values()["WORDS"]["sign"]  # the words the summary prints (symptom-log-format.js)
HOW_TO_FIX = ("Make the summary shorter: docs/assets/tools/symptom-log/symptom-log-summary.js (renderSummary, printedNotices) "
              "and SUMMARY_LIMITS in symptom-log-format.js.")


def printed(tab, period: str, paper: str) -> Printout:
    tab.emulate_media(media="screen")  # the period's menu is not printed, so not there to choose in print
    tab.select_option("#symptom-log-period", period)
    tab.emulate_media(media="print")
    return read_pdf(tab.pdf(format=paper), paper)


def lines(text: str) -> list[str]:
    """A sheet's lines of text: a heading is a line of its own."""
    return [flat(line) for line in text.splitlines() if line.strip()]


def summary_sheet_problems(printout: Printout, name: str) -> list[str]:
    """The summary fills no more than sheet 1; the entries list follows straight after it
    (on sheet 1 when there is room, so the sheet is not left half empty) or starts sheet 2."""
    sheets, problems = printout.sheets, []
    if SUMMARY_TITLE not in flat(sheets[0].body):
        problems.append(f"{name}: sheet 1 does not start with the summary for the appointment.")
    if ENTRIES_TITLE in lines(sheets[0].body):
        return problems  # the summary ended on sheet 1: its entries follow it there
    if len(sheets) < 2:
        problems.append(f"{name}: only one sheet was printed, without the entries list.")
    elif lines(sheets[1].body)[:1] != [ENTRIES_TITLE]:
        problems.append(f"{name}: the summary does not fit on one sheet. Sheet 2 starts with the summary's "
                        f"{flat(sheets[1].body)[:90]!r} instead of the entries list. {HOW_TO_FIX}")
    return problems


def entries_text(printout: Printout) -> str:
    """Everything printed from the heading of the entries list on, on whichever sheet it starts."""
    every = [line for sheet in printout.sheets for line in lines(sheet.body)]
    return " ".join(every[every.index(ENTRIES_TITLE) + 1:]) if ENTRIES_TITLE in every else ""


DATE = re.compile(r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}")


def notices_print_problems(tab, printout: Printout, name: str) -> list[str]:
    """Every notice on screen is on sheet 1, under "What the log shows", with its first date and its level."""
    first = flat(printout.sheets[0].body)
    problems = [] if NOTICES_TITLE in first else [f"{name}: sheet 1 has no heading {NOTICES_TITLE!r}."]
    screen = tab.evaluate(SHOWN_NOTICES, "[data-part=notices] [data-notice]")
    paper = {n["id"]: n for n in tab.evaluate(SHOWN_NOTICES, "[data-part=printed-notices] [data-notice]")}
    for notice in screen:
        printed_notice = paper.get(notice["id"])
        if printed_notice is None:
            problems.append(f"{name}: the notice {notice['id']!r} on screen is not on the printed summary "
                            "(symptom-log-summary.js, printedNotices).")
            continue
        if squeezed(printed_notice["text"])[:100] not in squeezed(first):
            problems.append(f"{name}: the notice {notice['id']!r} is not on sheet 1: {printed_notice['text'][:80]!r}")
        first_date = DATE.search(notice["entries"])  # the first entry's date, as the screen lists it
        if first_date and first_date.group(0) not in printed_notice["text"]:
            problems.append(f"{name}: the notice {notice['id']!r} on paper lacks its date {first_date.group(0)}.")
        if printed_notice["level"] != notice["level"]:
            problems.append(f"{name}: the notice {notice['id']!r} is {notice['level']} on screen, {printed_notice['level']} on paper.")
    return problems


def footer_problems(printout: Printout, name: str) -> list[str]:
    problems, address = [], squeezed(site_url() + LOG_PAGE)
    for number, sheet in enumerate(printout.sheets, 1):
        if address not in squeezed(sheet.text) or DISCLAIMER not in flat(sheet.text):
            problems.append(f"{name}: sheet {number} lacks the running footer (the page address and disclaimer).")
        if sheet.is_blank:
            problems.append(f"{name}: sheet {number} is blank.")
    return problems


@pytest.fixture(scope="module")
def long_log(browser, site_server):
    """One tab with the 1,000-entry log stored, shared by the tests below (storing it takes a while)."""
    context = browser.new_context()
    tab = open_with(context.new_page(), site_server, *crowded_entries())
    yield tab
    context.close()


@pytest.mark.parametrize("period, chart", [("all", "Entries each month"), ("91", "Entries each day")],
                         ids=["everything", "3-months"])
@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_three_years_of_entries_print_a_one_sheet_summary(long_log, paper, period, chart):
    entries, _ = crowded_entries()
    if period != "all":
        since = str(dt.date.today() - dt.timedelta(days=int(period) - 1))
        entries = [e for e in entries if e["when"] >= since]
    printout = printed(long_log, period, paper)
    name = f"docs/symptom-log.md printed on {paper} ({period} days of a log of 1,000 entries over 3 years)"
    problems = summary_sheet_problems(printout, name) + footer_problems(printout, name) + \
        notices_print_problems(long_log, printout, name)
    assert not problems, "\n".join(problems)
    first = flat(printout.sheets[0].body)
    for part in ("By body area", "more areas", NOTICES_TITLE, chart):
        assert part in first, f"{name}: sheet 1 lacks {part!r}."
    # What the summary cuts short is all in the entries list.
    rest = entries_text(printout)
    listed = squeezed(rest).lower()
    places = {e["area"] for e in entries if e["area"] in OTHER_AREAS}
    missing = [area for area in places if squeezed(area).lower() not in listed]
    assert not missing, f"{name}: the entries list lacks these places: {missing[:5]}"
    for sign, words in SIGN_WORDS.items():
        count = sum(sign in e["signs"] for e in entries)
        # Counted as whole words: "The area feels weak" is also the start of an older "... weak or stiff".
        shown = len(re.findall(re.escape(words) + r"(?! or stiff)", rest))
        assert shown == count, f"{name}: the entries list shows {words!r} {shown} times, not {count}."
    assert rest.count("Twitch, ") + rest.count("Spasm, ") + rest.count("Cramp, ") >= len(entries), \
        f"{name}: the entries list does not show all {len(entries)} entries."


# Run in the page, printing: the font size (px) of the week grid's sleep hours, and of the
# smallest other text on the summary (the chart's picture and screen-reader words left out).
PRINTED_SIZES = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const shown = el => el.getClientRects().length > 0 && !el.closest("svg, .symptom-log__visually-hidden");
  const own = el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const summary = document.querySelector(".symptom-log__summary");
  const sleep = [...summary.querySelectorAll(".symptom-log__sleep")].filter(shown);
  const others = [...summary.querySelectorAll("*")].filter(el => shown(el) && own(el) && !el.closest(".symptom-log__sleep"));
  return {sleep: sleep.length ? Math.min(...sleep.map(size)) : null, others: Math.min(...others.map(size))};
}"""


def sleep_size_problems(tab, name: str) -> list[str]:
    """The week grid's sleep hours print no smaller than the summary's smallest other text."""
    sizes = tab.evaluate(PRINTED_SIZES)
    if sizes["sleep"] is None:
        return [f"{name}: the week grid shows no hours slept."]
    if sizes["sleep"] < sizes["others"] - 0.01:
        return [f"{name}: the week grid's hours slept print at {sizes['sleep'] * 0.75:.1f} pt, smaller than the sheet's "
                f"smallest other text ({sizes['others'] * 0.75:.1f} pt): docs/assets/tools/symptom-log/symptom-log.css "
                "(.symptom-log__sleep, print)."]
    return []


def test_the_week_grid_prints_its_hours_slept_at_a_readable_size(long_log):
    long_log.emulate_media(media="screen")
    long_log.select_option("#symptom-log-period", "91")
    long_log.emulate_media(media="print")
    name = "docs/symptom-log.md printed (3 months of a long log)"
    assert sleep_size_problems(long_log, name) == []
    # The check fails on hours slept printed smaller than the rest, as they were (0.85em of 8 pt).
    handle = long_log.add_style_tag(content="@media print { .symptom-log__sleep { font-size: 0.85em !important; } }")
    try:
        problems = sleep_size_problems(long_log, name)
    finally:
        handle.evaluate("style => style.remove()")
    assert len(problems) == 1 and "hours slept print at 6.8 pt" in problems[0] and "symptom-log.css" in problems[0], problems


def test_three_years_are_charted_by_month_in_the_picture_and_its_table(long_log):
    long_log.emulate_media(media="screen")
    long_log.select_option("#symptom-log-period", "all")
    summary = long_log.locator('[data-part="summary"]')
    title = summary.locator("svg title").text_content()
    assert "entries each month" in title, f"docs/symptom-log.md: the chart of 3 years should say it shows months: {title!r}"
    rows = summary.locator("table tbody tr")
    years = [rows.nth(i).locator("th").text_content() for i in range(rows.count())]
    first, last = min(e["when"] for e in crowded_entries()[0]), dt.date.today()
    assert years == [str(y) for y in range(int(first[:4]), last.year + 1)], f"One row a year expected, got {years}"
    box = summary.locator(".symptom-log__table-box")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label", timeout=1000).startswith("Entries each month")
    # Every month's entries add up to the whole log.
    cells = summary.locator("table tbody td").all_text_contents()
    total = sum(int(cell.split(",")[0].split()[0]) for cell in cells if cell.strip())
    assert total == 1000, f"The month table counts {total} entries, not 1000."


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_one_entry_prints_a_summary_then_the_entry_on_the_same_sheet(page, site_server, paper):
    today = dt.date.today()
    open_with(page, site_server, [entry("one", f"{today}T07:30", "cramp", "Foot", pain=4, signs=["weak-or-stiff"])])
    printout = printed(page, "28", paper)
    name = f"docs/symptom-log.md printed on {paper} (one entry)"
    problems = summary_sheet_problems(printout, name) + footer_problems(printout, name)
    assert not problems, "\n".join(problems)
    assert ENTRIES_TITLE in lines(printout.sheets[0].body), f"{name}: the one entry does not follow the summary on sheet 1."
    assert "Cramp, Foot" in entries_text(printout), f"{name}: the entries list lacks the entry."


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_a_period_without_entries_prints_one_sheet_that_says_so(page, site_server, paper):
    old = dt.date.today() - dt.timedelta(days=60)
    open_with(page, site_server, [entry("old", f"{old}T07:30")])
    printout = printed(page, "14", paper)
    name = f"docs/symptom-log.md printed on {paper} (no entries in the last 2 weeks)"
    problems = footer_problems(printout, name)
    assert not problems, "\n".join(problems)
    first = flat(printout.sheets[0].body)
    assert SUMMARY_TITLE in first and "No entries in this time." in first, f"{name}: sheet 1 should say there are no entries."
    assert len(printout.sheets) == 1, f"{name}: {len(printout.sheets)} sheets printed, not 1."
    assert ENTRIES_TITLE not in lines(printout.sheets[0].body), f"{name}: an empty entries list is printed."


@pytest.mark.parametrize("width, palette", [(1280, "dark"), (320, "light")])
def test_the_long_summary_on_screen_passes_axe_and_does_not_scroll_sideways(browser, site_server, width, palette):
    """The month table and its scrolling box, on a desktop and a phone, in light and dark colours."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=palette)
    try:
        tab = open_with(context.new_page(), site_server, *crowded_entries())
        tab.select_option("#symptom-log-period", "all")
        assert tab.locator(".symptom-log__table-box table").count() == 1, "The test needs the month table on screen."
        # The summary in view: with the period select at the foot of a 320 px screen, the form's sticky
        # Save bar lies over the last area choices, which axe counts as a too-small target. That
        # overlap is the phone form's own question (tests/test_symptom_log_phone.py), not the summary's.
        tab.locator(".symptom-log__table-box").scroll_into_view_if_needed()
        place = f"docs/symptom-log.md ({width}px, {palette} colours, 1,000 entries, Everything)"
        problems = axe_problems(tab, place) + tap_target_problems(tab, place) + sideways_scroll_problems(tab, place)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


# --- Proof the one-sheet check can fail --------------------------------------------

UNLIMITED = {"dailyChartDays": 10 ** 6, "areas": 10 ** 6}
ALL_NOTICE_LINES = {"noticeItems": 10 ** 6}


@pytest.mark.parametrize("limits", [UNLIMITED, {"dailyChartDays": 10 ** 6}, ALL_NOTICE_LINES],
                         ids=["nothing-shortened", "charted-by-day", "every-notice-line"])
def test_the_one_sheet_check_fails_on_a_summary_not_shortened(long_log, limits):
    """With the summary's limits lifted (as before this check), the 3-year summary runs onto sheet 2."""
    saved = long_log.evaluate("() => Object.assign({}, SymptomLogFormat.SUMMARY_LIMITS)")
    try:
        long_log.evaluate("limits => Object.assign(SymptomLogFormat.SUMMARY_LIMITS, limits)", limits)
        long_log.emulate_media(media="screen")
        long_log.select_option("#symptom-log-period", "28")
        problems = summary_sheet_problems(printed(long_log, "all", "A4"), "docs/symptom-log.md printed on A4")
    finally:
        long_log.evaluate("saved => Object.assign(SymptomLogFormat.SUMMARY_LIMITS, saved)", saved)
        long_log.emulate_media(media="screen")
        long_log.select_option("#symptom-log-period", "28")
    assert any("does not fit on one sheet" in p and "docs/assets/tools/symptom-log/symptom-log-summary.js" in p for p in problems), \
        f"The one-sheet check did not notice a summary that runs onto sheet 2: {problems}"


# --- Every notice on screen is on paper, with the GP visit ----------------------------

def every_notice(today: dt.date) -> list[dict]:
    """Entries that raise every kind of notice, over the last 4 weeks."""
    day = lambda back: str(today - dt.timedelta(days=back))  # noqa: E731
    return [
        entry("t1", f"{day(27)}T10:00", area="Calf"), entry("t2", f"{day(1)}T10:00", area="Calf"),
        entry("t3", f"{day(20)}T10:00", area="Thigh"),
        entry("s1", f"{day(19)}T10:00", area="Arm or hand",
              signs=["weak", "feeling-change", "thinner-muscles", "speech-or-swallowing"]),
        entry("c1", f"{day(18)}T03:00", "cramp", "Calf", disturbed_sleep=True, duration="over-10-minutes", signs=["feeling-change"]),
        entry("u1", f"{day(2)}T10:00", area="Eyelid or face", signs=["speech-or-swallowing"], sudden=True),
    ]


@pytest.fixture(scope="module")
def noticed_log(browser, site_server):
    context = browser.new_context()
    tab = open_with(context.new_page(), site_server, every_notice(dt.date.today()))
    yield tab
    context.close()


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_every_notice_on_screen_is_on_the_printed_summary(noticed_log, paper):
    assert noticed_log.locator("[data-part=notices] [data-notice]").count() == 10, "The test needs every kind of notice."
    printout = printed(noticed_log, "28", paper)
    name = f"docs/symptom-log.md printed on {paper} (entries that raise every notice)"
    problems = summary_sheet_problems(printout, name) + notices_print_problems(noticed_log, printout, name)
    assert not problems, "\n".join(problems)
    first = flat(printout.sheets[0].body)
    assert "Warning signs" not in first and "None noted" not in first, f"{name}: the old 'Warning signs' row is printed."
    # The sudden entry is from 2 days ago: the emergency only if it is happening now (review F, F6).
    earlier = care_rules()["sudden_rule"]["earlier"]
    assert f"{earlier['level']}: {earlier['label']}:" in first, first
    # As on screen: the sudden rule, printed once, with the emergency number.
    rule = care_rules()["sudden_rule"]["text"]
    assert rule in first and "911 in the US" in first, \
        f"{name}: the sudden rule shown on screen ({rule!r}) is not printed with what to do."
    # Only a tick that is the emergency when sudden says "if it came on gradually"; "See a GP" is not all gradual.
    # The tick is printed first, then the rule it met: never a sign the reader did not report (review F, F3).
    assert ("See a GP, not urgent, if it came on gradually: Ticked \u201cThe area feels weak\u201d with a twitch; "
            "the rule it meets: The area feels weak or stiff:") in first, first
    assert "Ticked \u201cA change or loss of feeling\u201d with a cramp; the rule it meets:" in first, first
    assert "See a GP, not urgent: Twitches in more than one place:" in first, first
    assert "for signs that came on gradually" not in first, f"{name}: a blanket gradual line covers every 'See a GP' sign."


def stored_then_printed(tab, site_server, stored, period, paper):
    """The log page with STORED written to its storage and read back, printed for PERIOD on PAPER."""
    tab.goto(site_server + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.evaluate(WRITE_STORED, stored)
    tab.reload()
    tab.wait_for_selector(READY)
    return printed(tab, period, paper)


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_gp_visit_is_on_the_printed_summary(browser, site_server, paper):
    today = dt.date.today()
    context = browser.new_context()
    try:
        tab = context.new_page()
        visit = str(today - dt.timedelta(days=10))
        meta = {"version": 2, "created": "2026-01-01T00:00:00Z", "gp_visits": [visit]}
        printout = stored_then_printed(tab, site_server, records(every_notice(today), meta=meta), "28", paper)
        name = f"docs/symptom-log.md printed on {paper} (a GP visit 10 days ago)"
        problems = summary_sheet_problems(printout, name) + notices_print_problems(tab, printout, name)
        assert not problems, "\n".join(problems)
        first = flat(printout.sheets[0].body)
        seen = f"Seen by a GP about this on {int(visit[8:])} "
        assert seen in first, f"{name}: sheet 1 does not show the GP visit's date ({seen!r})."
        assert "Already there before the GP visit:" in first, f"{name}: the notices the GP saw are not listed."
        assert "quiet since" not in first, f"{name}: 'quiet since' is printed beside notices logged again after the visit."
    finally:
        context.close()


def test_the_notices_check_fails_when_a_notice_is_left_off_the_paper(noticed_log):
    noticed_log.emulate_media(media="screen")
    noticed_log.select_option("#symptom-log-period", "28")
    # The page draws itself again when printing starts, so the notice is left out of every drawing.
    noticed_log.evaluate("""() => { const log = document.querySelector('[data-module=symptom-log]').symptomLog;
      const made = log.printedNotices.bind(log);
      log.printedNotices = result => { const box = made(result);
        box.querySelector('[data-notice=long-cramp]').remove(); return box; };
      log.render(); }""")
    try:
        noticed_log.emulate_media(media="print")
        printout = read_pdf(noticed_log.pdf(format="A4"), "A4")
        problems = notices_print_problems(noticed_log, printout, "docs/symptom-log.md printed on A4")
    finally:
        noticed_log.evaluate("() => { delete document.querySelector('[data-module=symptom-log]').symptomLog.printedNotices; }")
        noticed_log.emulate_media(media="screen")
        noticed_log.select_option("#symptom-log-period", "14")  # drawn again, with every notice
    assert problems == ["docs/symptom-log.md printed on A4: the notice 'long-cramp' on screen is not on the printed summary "
                        "(symptom-log-summary.js, printedNotices)."], problems


def reviewers_log(today: dt.date) -> tuple[list[dict], list[dict], dict]:
    """Review G's walk: 7 entries over 3 months, a GP visit, two days answered, a start date."""
    day = lambda n: str(today - dt.timedelta(days=n))  # noqa: E731
    entries = [
        entry("t1", f"{day(28)}T20:00", side="left"),
        entry("t2", f"{day(18)}T10:00", "twitch", "Arm or hand", side="right"),
        entry("t3", f"{day(10)}T10:00", side="left", signs=["weak"]),
        entry("c1", f"{day(1)}T03:00", "cramp", "Calf", side="right", disturbed_sleep=True, duration="over-10-minutes",
              signs=["feeling-change"], when_approx="last-night"),
        entry("s1", f"{day(0)}T10:00", "spasm", "Back", signs=["stiff", "feeling-change"], when_approx="earlier-today"),
        entry("c2", f"{day(0)}T11:00", "cramp", "Thigh", side="left", signs=["one-leg-swollen"]),
        entry("t4", f"{day(0)}T11:30", "twitch", "Eyelid or face", side="left", signs=["speech-or-swallowing"], sudden=True),
    ]
    days = [{"date": day(1), "sleep_hours": 4, "caffeine": 5, "stress": "high", "medicine_change": "Started amitriptyline 10 mg"},
            {"date": day(0), "sleep_hours": 6.5, "caffeine": 2, "stress": "medium"}]
    meta = {"version": 5, "created": "2026-01-01T00:00:00Z", "gp_visits": [day(16)], "twitching_started": day(68)}
    return entries, days, meta


NOTICE_SIZES = """() => {
  const size = selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  return {notice: size('[data-part=printed-notices] [data-notice]'), fact: size('.symptom-log__facts dd')};
}"""


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_reviewers_three_months_print_a_one_sheet_summary_with_notices_at_body_size(browser, site_server, paper):
    """Review G printed 7 entries over 3 months on 2 A4 or 3 Letter sheets, its notices smaller than its facts."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        printout = stored_then_printed(tab, site_server, records(*reviewers_log(dt.date.today())), "91", paper)
        name = f"docs/symptom-log.md printed on {paper} (review G's 7 entries over 3 months)"
        problems = summary_sheet_problems(printout, name) + notices_print_problems(tab, printout, name)
        assert not problems, "\n".join(problems)
        first = flat(printout.sheets[0].body)
        assert "No entries" in first, f"{name}: the weeks with no entries are not one line on sheet 1."
        sizes = tab.evaluate(NOTICE_SIZES)
        assert sizes["notice"] >= sizes["fact"], (f"{name}: the notices print at {sizes['notice']}px, smaller than the facts "
                                                  f"({sizes['fact']}px): docs/assets/tools/symptom-log/symptom-log.css.")
        assert len(printout.sheets) <= 2, f"{name}: {len(printout.sheets)} sheets for 7 entries."
    finally:
        context.close()
