"""What the GP reads on the summary sheet, on A4 and Letter, printed from
light and from dark colours with background graphics on (as a reader's
browser may print it): the date it was made, blank lines for a name and date
of birth, the sides and the date the twitching started (when the log has
them), the day questions, the chart's two named scales and how to read it;
the summary on one sheet even for three years of entries; sheet 1 at least
three-quarters used when entries follow; white margins and a readable footer.
Each check is proven to fail on a small broken case at the end.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_checks import axe_problems
from symptom_log_helpers import LOG_PAGE, READY, WRITE_STORED, crowded_entries, entry, records
from sitetools.printing import FOOTER_HEIGHT_CM, PAPER_SIZES, POINTS_PER_CM, Printout, flat, read_pdf
from test_symptom_log_print import ENTRIES_TITLE, entries_text, lines, summary_sheet_problems

pytestmark = pytest.mark.browser

PALETTES = ("light", "dark")
TOP_MARGIN_CM = 1.0  # site.css, @page
LEAST_FILL = 0.75  # of sheet 1's room for text, when entries follow
LIGHTEST_MARGIN = 235  # grey level (0 black, 255 white) the margins must reach on average
MEDICINE = "Started a new tablet for sleep, half a tablet at night"  # a reader's own words
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def readable(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def sided_log(today: dt.date) -> tuple[list[dict], list[dict], dict]:
    """Four weeks of entries with sides and without, the day questions answered, and the start date."""
    day = lambda back: str(today - dt.timedelta(days=back))  # noqa: E731
    entries = [entry(f"e{n}", f"{day(n)}T0{n % 10}:15", ["twitch", "spasm", "cramp"][n % 3],
                     ["Calf", "Eyelid or face", "Thigh"][n % 3], side=[None, "left", "right", "both"][n % 4], pain=n % 7)
               for n in range(0, 27)]
    days = [{"date": day(n), "sleep_hours": 4 + n % 5, "caffeine": n % 4, "stress": ["low", "medium", "high"][n % 3],
             "medicine_change": MEDICINE if n == 10 else None} for n in range(0, 28)]
    meta = {"version": 2, "created": "2026-01-01T00:00:00Z", "gp_visits": [], "twitching_started": day(90)}
    return entries, days, meta


def three_years(today: dt.date) -> tuple[list[dict], list[dict], dict]:
    """The longest summary: the 1,000-entry log with sides, the longest medicine changes, and a start date."""
    entries, days = crowded_entries()
    for number, item in enumerate(entries):
        item["side"] = [None, "left", "right", "both"][number % 4]
    for number, item in enumerate(days[:12]):
        item["medicine_change"] = f"Change {number}: " + "a long note about a medicine " * 6
    return entries, days, {"version": 2, "created": "2023-01-01T00:00:00Z", "gp_visits": [],
                           "twitching_started": str(today - dt.timedelta(days=1200))}


def open_log(browser, site_server, palette: str, log) -> tuple:
    context = browser.new_context(color_scheme=palette)
    tab = context.new_page()
    tab.goto(site_server + LOG_PAGE)
    tab.wait_for_selector(READY)
    entries, days, meta = log
    tab.evaluate(WRITE_STORED, records(entries, days, meta=meta))
    tab.reload()
    tab.wait_for_selector(READY)
    return context, tab


def print_sheet(tab, period: str, paper: str, palette: str) -> bytes:
    """Printed as a reader with "Background graphics" ticked."""
    tab.emulate_media(media="screen")
    tab.select_option("#symptom-log-period", period)
    tab.emulate_media(media="print", color_scheme=palette)
    return tab.pdf(format=paper, print_background=True)


# --- The checks ------------------------------------------------------------------------

def content_problems(printout: Printout, name: str, today: dt.date, started: dt.date) -> list[str]:
    """Sheet 1 carries what the GP needs: the date, the lines for a name and date of birth, the sides,
    the start date, the day answers and the chart's scales with how to read it."""
    first = flat(printout.sheets[0].body)
    wanted = {
        "the date it was made": f"Made on {readable(today)}",
        "a line for the name": "Name (if you wish):",
        "a line for the date of birth": "Date of birth (if you wish):",
        "the sides": "By side",
        "the date the twitching started": f"Twitching started {readable(started)}",
        "hours slept": "Hours slept From",
        "caffeine": "Caffeine drinks a day",
        "stress": "Stress",
        "the medicine changes": MEDICINE,
        "the entries' scale": "Entries each day",
        "how to read the chart": "How to read the chart:",
    }
    problems = [f"{name}: sheet 1 lacks {what} ({words!r})." for what, words in wanted.items() if words not in first]
    if "(left side)" not in entries_text(printout):
        problems.append(f"{name}: the entries list does not say an entry's side, e.g. '(left side)'.")
    return problems


def fill_problems(data: bytes, printout: Printout, name: str) -> list[str]:
    """When entries follow the summary, sheet 1's text reaches at least LEAST_FILL of the way down."""
    if len(printout.sheets) < 2:
        return []
    fill = sheet_fill(data)
    if fill < LEAST_FILL:
        return [f"{name}: sheet 1 is only {fill:.0%} used while the entries run on to sheet 2 "
                f"(at least {LEAST_FILL:.0%} expected; symptom-log.css, print: the entries follow the summary)."]
    return []


def sheet_fill(data: bytes) -> float:
    """How far down sheet 1's room for text (between the top margin and the footer) its lowest word reaches."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "sheet.pdf"
        pdf.write_bytes(data)
        out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                             capture_output=True, text=True, encoding="utf-8", check=True).stdout
    sheet = BeautifulSoup(out, "html.parser").find("page")
    top, footer = TOP_MARGIN_CM * POINTS_PER_CM, float(sheet["height"]) - FOOTER_HEIGHT_CM * POINTS_PER_CM
    lowest = max(float(w["ymax"]) for w in sheet.find_all("word") if float(w["ymax"]) < footer)
    return (lowest - top) / (footer - top)


def margin_problems(data: bytes, name: str) -> list[str]:
    """Sheet 1's margins are white (no dark page printed round the text), and the footer is dark on light."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "sheet.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(Path(folder) / "p")],
                       check=True)
        pgm = (Path(folder) / "p.pgm").read_bytes()
    width, height = (int(v) for v in pgm.split(b"\n")[1].split())
    pixels = pgm[len(b"\n".join(pgm.split(b"\n")[:3])) + 1:]
    row = lambda y: pixels[y * width:(y + 1) * width]  # noqa: E731
    side = max(2, width // 40)
    bands = {"top margin": b"".join(row(y) for y in range(0, max(2, height // 60))),
             "left margin": b"".join(row(y)[:side] for y in range(height)),
             "footer": b"".join(row(y) for y in range(height - height // 25, height))}
    problems = []
    for band, values in bands.items():
        average = sum(values) / len(values)
        if average < LIGHTEST_MARGIN:
            problems.append(f"{name}: the {band} of sheet 1 is dark (grey level {average:.0f} of 255): "
                            "printed from dark colours, the sheet should be black on white (site.css, print).")
    return problems


# --- The summary sheet, every paper and palette -----------------------------------------

@pytest.fixture(scope="module", params=PALETTES)
def sided(request, browser, site_server):
    today = dt.date.today()
    context, tab = open_log(browser, site_server, request.param, sided_log(today))
    yield request.param, tab
    context.close()


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_summary_sheet_gives_the_gp_what_they_need(sided, paper):
    palette, tab = sided
    today = dt.date.today()
    data = print_sheet(tab, "28", paper, palette)
    printout = read_pdf(data, paper)
    name = f"docs/symptom-log.md printed on {paper} from {palette} colours (4 weeks, sides and day answers)"
    problems = (summary_sheet_problems(printout, name) + content_problems(printout, name, today, today - dt.timedelta(days=90))
                + fill_problems(data, printout, name) + margin_problems(data, name))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("paper", PAPER_SIZES)
@pytest.mark.parametrize("palette", PALETTES)
def test_three_years_with_sides_and_medicines_still_print_one_summary_sheet(browser, site_server, paper, palette):
    today = dt.date.today()
    context, tab = open_log(browser, site_server, palette, three_years(today))
    try:
        data = print_sheet(tab, "all", paper, palette)
        printout = read_pdf(data, paper)
        name = f"docs/symptom-log.md printed on {paper} from {palette} colours (3 years, sides, long medicine notes)"
        problems = summary_sheet_problems(printout, name) + fill_problems(data, printout, name) + margin_problems(data, name)
        assert not problems, "\n".join(problems)
        first = flat(printout.sheets[0].body)
        for part in ("By side", "and 9 more changes", "Entries each month", "Average hours slept"):
            assert part in first, f"{name}: sheet 1 lacks {part!r}."
    finally:
        context.close()


def test_the_week_grid_starts_on_a_monday(sided):
    _, tab = sided
    tab.emulate_media(media="screen")
    tab.select_option("#symptom-log-period", "28")
    head = tab.locator('[data-part="summary"] table thead th').all_text_contents()
    assert head[1:] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], f"The week grid starts on {head[1]}, not Monday."
    first_week = tab.locator('[data-part="summary"] table tbody th').first.text_content()
    monday = dt.date.today() - dt.timedelta(days=27)
    monday -= dt.timedelta(days=monday.weekday())
    assert first_week == f"{monday.day} {MONTHS[monday.month - 1][:3]}", f"The first week starts on {first_week}."


def test_the_summary_on_screen_passes_axe(sided):
    """The chart in two bands, the Monday week grid and the new rows, in light and dark colours."""
    palette, tab = sided
    tab.emulate_media(media="screen", color_scheme=palette)
    tab.select_option("#symptom-log-period", "28")
    problems = axe_problems(tab, f"docs/symptom-log.md ({palette} colours, 4 weeks with sides and day answers)")
    assert not problems, "\n".join(problems)


# --- Proof each check can fail ---------------------------------------------------------

def test_the_content_check_fails_on_a_log_without_the_new_answers(browser, site_server):
    """A log with no sides, no start date and no day answers: the check names each missing part."""
    today = dt.date.today()
    log = ([entry("plain", f"{today}T07:30", "cramp", "Foot")], [], None)
    context, tab = open_log(browser, site_server, "light", log)
    try:
        printout = read_pdf(print_sheet(tab, "28", "A4", "light"), "A4")
        problems = content_problems(printout, "plain log", today, today - dt.timedelta(days=90))
    finally:
        context.close()
    missing = {p.split("lacks ")[1].split(" (")[0] for p in problems if "lacks" in p}
    assert missing == {"the sides", "the date the twitching started", "hours slept", "caffeine", "stress",
                       "the medicine changes"}, problems
    assert any("(left side)" in p for p in problems), problems


def test_the_fill_check_fails_when_the_entries_start_a_new_sheet(browser, site_server):
    """The entries forced onto sheet 2 again (as before): a short summary leaves sheet 1 half empty."""
    today = dt.date.today()
    context, tab = open_log(browser, site_server, "light", sided_log(today))
    try:
        tab.add_style_tag(content="@media print { .symptom-log__entries { break-before: page !important; } }")
        data = print_sheet(tab, "14", "A4", "light")
        problems = fill_problems(data, read_pdf(data, "A4"), "entries on a new sheet")
    finally:
        context.close()
    assert len(problems) == 1 and "% used while the entries run on to sheet 2" in problems[0], problems


def test_the_margin_check_fails_on_a_dark_printed_page(page):
    page.set_content('<html style="color-scheme: dark"><body style="background: #222; color: #eee">'
                     '<p>Printed from dark colours</p></body></html>')
    problems = margin_problems(page.pdf(format="A4", print_background=True), "dark page")
    assert any("top margin" in p for p in problems) and any("footer" in p for p in problems), problems
