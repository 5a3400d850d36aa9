"""Printed handouts, checked in a real Chromium on A4 and US Letter paper.

Every page is printed to PDF the way a reader prints it (scripts/sitetools/printing.py)
and the PDF is read back (for a handout, the very PDF the session build printed in
its "pdfs" step, so each handout is printed once per run): how many sheets, no blank sheet, the disclaimer,
address and review date on every sheet, no navigation or search, boxes and
tables whole. A small fixture site (tests/fixtures/print-faults) proves each
check fails, with a message the person who edits the page can act on.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, ROOT, build, fixture_site, serve, site_url
from sitetools import care_rules
from sitetools.pages import SitePage, site_pages
from sitetools.printing import PAPER_SIZES, sheets_allowed, Printout, flat, pdf_links, print_page, read_pdf, squeezed
from sitetools.checks.disclaimer import DISCLAIMER
from sitetools.problems import Problem, report

pytestmark = pytest.mark.browser

PAGES = site_pages(ROOT / "docs")
REVIEWED = "Page last reviewed"
PRINT_STYLES = 'docs/assets/stylesheets/site.css (section "Print")'  # where every print fix goes
MIN_DIARY_ROW_CM = 2.0  # room for two lines of handwriting
CM_PER_CSS_PX = 2.54 / 96
# The grid sheet is the one a reader reprints each week and keeps by the bed: it names the number to call.
EMERGENCY_ACTION = care_rules.load()["levels"]["emergency"]["action"]
# The urgent sign, by the name the log's tick and the cards give it: the grid's sheet says it is urgent.
URGENT_SIGN = care_rules.signs_by_id(care_rules.load())["one-leg-swollen"]["label"]

# What the page shows besides the printed text, read from the page itself.
PAGE_FACTS = """() => {
  const text = (el) => (el ? el.textContent.replace(/\\s+/g, " ").trim() : "");
  const own = document.querySelector("article").cloneNode(true);
  own.querySelectorAll(".site-page-feedback, [data-print-button]").forEach((el) => el.remove());
  // Phrases only the site's frame shows: two neighbouring navigation
  // entries, the search box, skip link, table of contents, footer, buttons.
  const nav = [...document.querySelectorAll(
    ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")].map(text);
  const chrome = nav.slice(1).map((label, i) => nav[i] + " " + label);
  // The search box: Material's input, or the button that opens Zensical's.
  const search = document.querySelector(".md-search__input, .md-search__button");
  chrome.push(search && (search.placeholder || text(search)), text(document.querySelector(".md-search-result__meta")),
    text(document.querySelector(".md-skip")), text(document.querySelector(".md-nav--secondary > .md-nav__title")),
    text(document.querySelector(".site-page-feedback a")), text(document.querySelector("[data-print-button]")),
    ...[...document.querySelectorAll(".md-footer__direction")].map(text));
  // Boxes and tables: the text of each line or cell, to find them on the sheets.
  const blocks = [...document.querySelectorAll(
    "article .admonition, article details, article table")].filter((el) => !el.closest(".site-print-only"))
    .map((el) => ({
      label: text(el.querySelector(".admonition-title, summary, th")) || "table",
      kind: el.matches("table") ? "table" : "box",
      parts: [...el.querySelectorAll(".admonition-title, summary, li, p, th, td")]
        .filter((part) => !part.querySelector("li, p")).map(text).filter((t) => t.length > 3),
    }));
  const grid = document.querySelector("#diary-grid");
  const rows = grid ? [...document.querySelectorAll("#diary-grid ~ * tbody tr")] : [];
  const guide = document.querySelector("#how-to-fill-it-in");
  const labels = grid ? [...document.querySelectorAll("#diary-grid ~ * thead th")] : [];
  return {
    own: text(own), chrome: chrome.filter(Boolean), blocks,
    disclaimer: text(document.querySelector(".site-disclaimer")),
    rowHeights: rows.map((row) => row.getBoundingClientRect().height),
    lastRow: rows.length ? text(rows[rows.length - 1].cells[0]) : null,
    guide: text(guide),
    labels: labels.map(text),
  };
}"""


@dataclass
class Printed:
    """A page printed on one paper size, with what the page itself shows."""
    name: str  # the file to edit, e.g. "docs/movements.md"
    address: str  # where the page lives, as printed on it
    printout: Printout
    facts: dict  # PAGE_FACTS, read from the page while it is printed

    def problem(self, what: str, fix: str) -> Problem:
        return Problem(self.name, f"Printed on {self.printout.paper} paper, {what}", fix)

    def sheets_with(self, phrase: str) -> set[int]:
        return {number for number, sheet in enumerate(self.printout.sheets, 1) if phrase in flat(sheet.text)}


def print_and_read(page, url: str, paper: str, name: str, address: str) -> Printed:
    _, printout = print_page(page, url, paper)
    return Printed(name, address, printout, page.evaluate(PAGE_FACTS))


def read_printed(page, url: str, pdf: Path, paper: str, name: str, address: str) -> Printed:
    """A page already printed to PDF by the same print_page (the build's "pdfs" step):
    that PDF read back, and the page's facts read in print media, as print_and_read does."""
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return Printed(name, address, read_pdf(pdf.read_bytes(), paper), page.evaluate(PAGE_FACTS))


# --- The checks ---------------------------------------------------------------

def check_sheets(printed: Printed, handout: bool) -> list[Problem]:
    problems = []
    sheets = printed.printout.sheets
    if handout and len(sheets) > sheets_allowed(printed.name):
        problems.append(printed.problem(
            f"the page takes {len(sheets)} sheets; a handout must fit on {sheets_allowed(printed.name)} sheets.",
            "Shorten the page (about 450 words of text at most), or move a section to a page of its own."))
    for number, sheet in enumerate(sheets, 1):
        if sheet.is_blank:
            problems.append(printed.problem(
                f"sheet {number} of {len(sheets)} is blank.",
                "Look for a forced page break at the end of the page, and keep the reset of "
                f"min-height on Material's containers in {PRINT_STYLES}."))
    return problems


def check_every_sheet_says_where_it_is_from(printed: Printed) -> list[Problem]:
    """Each sheet, even one that gets separated, carries address, review date and disclaimer."""
    problems = []
    sheets = printed.printout.sheets
    footer = f"Keep the running footer: overrides/partials/print-running-footer.html writes it, {PRINT_STYLES} places it."
    for number, sheet in enumerate(sheets, 1):
        where = f"sheet {number} of {len(sheets)}"
        if squeezed(printed.address) not in squeezed(sheet.text):
            problems.append(printed.problem(f"{where} does not show the page's address {printed.address}", footer))
        if REVIEWED not in flat(sheet.text):
            problems.append(printed.problem(
                f'{where} does not show "{REVIEWED}".',
                f"Set last_reviewed in the page's front matter. {footer}"))
        if DISCLAIMER not in flat(sheet.text):
            problems.append(printed.problem(f'{where} does not show the disclaimer "{DISCLAIMER}"', footer))
    if printed.facts["disclaimer"] not in flat(printed.printout.text):
        problems.append(printed.problem(
            "the disclaimer box under the page is missing.",
            f"Do not hide .site-disclaimer in {PRINT_STYLES}; it comes from overrides/partials/disclaimer.html."))
    return problems


def check_only_the_article_prints(printed: Printed) -> list[Problem]:
    own = printed.facts["own"].lower()
    text = flat(printed.printout.text)
    shown = [phrase for phrase in dict.fromkeys(printed.facts["chrome"])
             if phrase.lower() not in own and re.search(rf"\b{re.escape(phrase)}\b", text)]
    return [printed.problem(
        f'the site\'s navigation or search is printed: "{phrase}".',
        "Only the article may print: hide the header, navigation, search, footer and buttons "
        f"in {PRINT_STYLES}.") for phrase in shown]


def check_boxes_stay_whole(printed: Printed) -> list[Problem]:
    """A box or table is split when two of its lines are found, each once, on different sheets."""
    problems = []
    for block in printed.facts["blocks"]:
        found = {min(sheets) for part in block["parts"] if len(sheets := printed.sheets_with(part)) == 1}
        if len(found) > 1:
            first, last = min(found), max(found)
            problems.append(printed.problem(
                f'the {block["kind"]} "{block["label"]}" is split over sheets {first} and {last}.',
                f"Keep break-inside: avoid for boxes and tables in {PRINT_STYLES}; "
                "a box or table longer than a sheet must be shortened."))
    return problems


def check_diary_grid(printed: Printed) -> list[Problem]:
    """The diary's grid: rows to write in, and a sheet of its own (the guide comes after)."""
    facts, problems = printed.facts, []
    if not facts["rowHeights"]:
        return problems
    lowest = min(facts["rowHeights"]) * CM_PER_CSS_PX
    if lowest < MIN_DIARY_ROW_CM:
        problems.append(printed.problem(
            f"rows of the diary grid are {lowest:.1f} cm tall; people need at least {MIN_DIARY_ROW_CM:.0f} cm to write in.",
            f"Keep the row height of the #diary-grid table in {PRINT_STYLES}."))
    grid_sheets, guide_sheets = printed.sheets_with(facts["lastRow"]), printed.sheets_with(facts["guide"])
    if grid_sheets and guide_sheets and min(guide_sheets) <= max(grid_sheets):
        problems.append(printed.problem(
            f'the guide ("{facts["guide"]}") starts on the grid\'s sheet {max(grid_sheets)}; the grid needs a sheet of its own.',
            f"Keep break-before: page on #how-to-fill-it-in in {PRINT_STYLES}."))
    # A label with a word split over two lines ("Sleep (hour s)") reads back from the PDF as other words.
    grid_text = " ".join(flat(printed.printout.sheets[number - 1].text) for number in grid_sheets)
    for label in facts["labels"] if grid_sheets else []:
        if flat(label) not in grid_text:
            problems.append(printed.problem(
                f'the diary\'s column label "{label}" does not print whole: a word is split over two lines.',
                f"Give that column more width (the #diary-grid column widths in {PRINT_STYLES}), or a shorter label."))
    if grid_sheets and not any(flat(EMERGENCY_ACTION) in flat(printed.printout.sheets[number - 1].text)
                               for number in grid_sheets):
        problems.append(printed.problem(
            f'the diary grid\'s sheet does not say "{EMERGENCY_ACTION}" A reader reprints only that sheet each week.',
            "Put the emergency line under the grid, in the care rules' words (levels > emergency > action in "
            f"{care_rules.relative_name(care_rules.DATA_FILE)})."))
    if grid_sheets and not any(flat(f"{URGENT_SIGN} is urgent") in flat(printed.printout.sheets[number - 1].text)
                               for number in grid_sheets):
        problems.append(printed.problem(
            f'the diary grid\'s sheet does not say "{URGENT_SIGN} is urgent". A reader with a hot, swollen calf '
            "would read only the emergency line.",
            "Put the urgent line under the emergency line, with the sign's label from the care rules "
            f"(signs > one-leg-swollen in {care_rules.relative_name(care_rules.DATA_FILE)})."))
    return problems


def all_problems(printed: Printed, handout: bool) -> list[Problem]:
    return (check_sheets(printed, handout) + check_every_sheet_says_where_it_is_from(printed)
            + check_only_the_article_prints(printed) + check_boxes_stay_whole(printed)
            + check_diary_grid(printed))


# The print layout is measured in Arial's metrics (Liberation Sans on Linux):
# site.css, section "Print". ./scripts/test installs it when it is missing.
DESIGNED_FONTS = {"Liberation Sans", "Arial"}
FONT_FIX = ("Install the fonts the handouts are laid out in: ./scripts/test and ./scripts/handouts install "
            "fonts-liberation when it is missing (or run: apt-get install fonts-liberation). Keep the "
            f"font-family of the text in {PRINT_STYLES}.")


def drawn_fonts(tab) -> set[str]:
    """The fonts Chromium really draws the article's text in on paper: not what
    the CSS asks for, which falls back quietly when a font is missing."""
    tab.emulate_media(media="print")
    cdp = tab.context.new_cdp_session(tab)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "article p"})["nodeIds"]
        return {font["familyName"] for node in nodes[:5]
                for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    finally:
        cdp.detach()


def check_fonts(name: str, fonts: set[str]) -> list[Problem]:
    other = sorted(fonts - DESIGNED_FONTS)
    if not other:
        return []
    return [Problem(name, f"Printed, the text is drawn in {', '.join(other)}, not in Liberation Sans (Arial's "
                          "measurements), which the handouts are laid out for: a handout can then need more sheets.",
                    FONT_FIX)]


# --- The site -------------------------------------------------------------------

@pytest.fixture(scope="module")
def printer(browser):
    """One tab for all the printing: pages load from its cache after the first."""
    context = browser.new_context(service_workers="block")  # printing needs no precache
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def sheet_counts(request):
    """Sheets per page and paper, shown after the tests: the numbers to watch as pages grow."""
    counts: dict[str, dict[str, int]] = {}
    yield counts
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not counts:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line("Printed sheets per page:  " + "  ".join(f"{paper:>6}" for paper in PAPER_SIZES))
        for name, by_paper in sorted(counts.items()):
            reporter.write_line(f"  {name:<24}" + "  ".join(f"{by_paper.get(paper, '-'):>6}" for paper in PAPER_SIZES))


@pytest.fixture(scope="module")
def built_pdfs(built_site) -> dict[tuple[str, str], Path]:
    """(page address, paper): the PDF the session build printed for it, for each handout."""
    return {(path, paper): pdf for path, pdf, paper in pdf_links(built_site) if pdf.is_file()}


@pytest.mark.parametrize("paper", PAPER_SIZES)
@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.slug)
def test_page_prints_as_a_clean_handout(printer, site_server, site_page: SitePage, paper, sheet_counts, built_pdfs):
    url, address = site_server + site_page.path, site_url() + site_page.path
    pdf = built_pdfs.get((site_page.path, paper))
    printed = (read_printed(printer, url, pdf, paper, site_page.name, address) if pdf
               else print_and_read(printer, url, paper, site_page.name, address))
    sheet_counts.setdefault(site_page.slug, {})[paper] = len(printed.printout.sheets)
    problems = all_problems(printed, site_page.is_handout)
    assert not problems, report(problems)


def test_every_handout_is_checked_on_the_pdf_the_build_made(built_pdfs):
    """Readers download the build's PDFs: the checks above read those, not a second printing."""
    handouts = {(site_page.path, paper) for site_page in PAGES if site_page.is_handout for paper in PAPER_SIZES}
    missing = sorted(handouts - set(built_pdfs))
    assert not missing, ("The session build printed no PDF for: " + ", ".join(f"/{path} on {paper}" for path, paper in missing)
                         + ". Each handout's \"Download PDF\" links (overrides/partials/pdf-links.html) name the "
                         "PDFs the build's pdfs step prints (scripts/sitetools/printing.py, write_pdfs).")


def test_pages_print_in_the_fonts_they_are_laid_out_for(printer, site_server):
    """A missing font is never silent: the sheet counts above are real, and this says why they grew."""
    problems = []
    for site_page in PAGES:
        printer.goto(site_server + site_page.path)
        problems += check_fonts(site_page.name, drawn_fonts(printer))
    assert not problems, report(problems)


def test_diary_grid_is_checked(printer, site_server):
    """The diary checks above only run where a grid is found: make sure it is."""
    printer.goto(site_server + "symptom-diary/")
    printer.emulate_media(media="print")
    facts = printer.evaluate(PAGE_FACTS)
    assert len(facts["rowHeights"]) == 8, ("docs/symptom-diary.md: the diary grid (#diary-grid) should have "
                                           "an example row and 7 day rows.")
    assert facts["guide"], "docs/symptom-diary.md: the guide heading {#how-to-fill-it-in} is missing."


def test_print_button(page, site_server):
    """On handout pages: a real, visible button that the keyboard reaches and
    that opens printing; on the other pages none. Never on paper."""
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    for site_page in PAGES:
        page.goto(site_server + site_page.path)
        button = page.locator("button[data-print-button]")
        if not site_page.is_handout:
            assert button.count() == 0, (f"{site_page.name} is not a handout but shows a print button. "
                                         "Keep overrides/partials/print-button.html and NOT_HANDOUTS in scripts/sitetools/pages.py in step.")
            continue
        assert button.is_visible(), (f'{site_page.name}: the "Print this page" button is not visible. '
                                     "docs/assets/javascripts/site.js shows it; check that it loads.")
        assert button.inner_text().strip() == "Print this page"
    # The keyboard reaches it with Tab, and Enter prints.
    page.goto(site_server + "symptom-diary/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-print-button]')"):
            break
    else:
        pytest.fail("The print button cannot be reached with the Tab key.")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1, "Pressing Enter on the print button did not open printing."
    assert not page.locator(".site-words-used").is_visible(), "The printed word list shows on screen."
    page.emulate_media(media="print")
    assert page.locator("button[data-print-button]").is_hidden(), "The print button would be printed."
    assert page.locator(".site-words-used").is_visible(), "The word list would not be printed."


def check_word_list(site) -> list[Problem]:
    """The printed "Words used on this page" lists each glossary word the page
    uses (its tooltips), and no other. Read from the built HTML."""
    problems = []
    fix = ("The list is made by overrides/partials/print-extras.html from the glossary "
           "(overrides/includes/glossary.md); keep it there, and define words only in the glossary.")
    for page in site.pages:
        article = page.article()
        if article is None or article.select_one("dl.site-glossary"):  # the glossary lists every word
            continue
        used = {abbr["title"]: abbr.get_text() for abbr in article.select("abbr[title]")
                if not abbr.find_parent(class_="site-words-used")}
        box = article.select_one(".site-words-used")
        listed = {dd.get_text(): dt.get_text() for dt, dd in zip(box.select("dt"), box.select("dd"))} if box else {}
        for definition, word in used.items():
            if definition not in listed:
                problems.append(Problem(page.name, f'The printed word list ("Words used on this page") leaves out "{word}".', fix))
        for definition, word in listed.items():
            if definition not in used:
                problems.append(Problem(page.name, f'The printed word list lists "{word}", which the page does not use.', fix))
    return problems


def test_printed_word_list_matches_the_tooltips(site):
    problems = check_word_list(site)
    assert not problems, report(problems)


# --- Proof that each check can fail --------------------------------------------

def test_word_list_check_catches_a_list_out_of_step():
    problems = check_word_list(fixture_site("print-words"))
    text = "\n".join(str(problem) for problem in problems)
    for phrase in ['index.html: The printed word list ("Words used on this page") leaves out "spasm".',
                   'index.html: The printed word list lists "fatigue", which the page does not use.']:
        assert phrase in text, f"Expected the word list check to say {phrase!r}; it said:\n{text or '(nothing)'}"


FAULTS = FIXTURES / "print-faults"


@pytest.fixture(scope="module")
def faults_server(tmp_path_factory):
    """The fixture site, built with the real overrides and served with the real site.css and site.js."""
    dest = tmp_path_factory.mktemp("print-faults")
    build(FAULTS / "mkdocs.yml", dest)
    for asset in ("stylesheets/site.css", "javascripts/site.js"):
        shutil.copy(ROOT / "docs" / "assets" / asset, dest / "assets" / asset)
    fixture_url = "https://example.org/print-faults/"
    server, url = serve(dest, urlsplit(fixture_url).path)
    yield url, fixture_url
    server.shutdown()


# The fixture's pages, listed as the real site's are (folders included).
FAULT_PAGES = {page.source: page for page in site_pages(FAULTS / "docs")}


def print_fixture(page, faults_server, source: str, paper: str = "A4") -> list[Problem]:
    url, fixture_url = faults_server
    site_page = FAULT_PAGES[source]
    printed = print_and_read(page, url + site_page.path, paper, site_page.name, fixture_url + site_page.path)
    return all_problems(printed, site_page.is_handout)


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_a_good_fixture_page_passes(printer, faults_server, paper):
    problems = print_fixture(printer, faults_server, "good-page.md", paper)
    assert not problems, report(problems)


def test_print_checks_walk_pages_in_folders(printer, faults_server):
    """docs/section/index.md and docs/section/page.md are found and checked like the others."""
    nested = sorted(source for source in FAULT_PAGES if "/" in source)
    assert nested == ["in-a-folder/index.md", "in-a-folder/lost-disclaimer.md"], nested
    problems = print_fixture(printer, faults_server, "in-a-folder/index.md")
    assert not problems, report(problems)
    text = "\n".join(str(problem) for problem in print_fixture(printer, faults_server, "in-a-folder/lost-disclaimer.md"))
    for phrase in [f'docs/in-a-folder/lost-disclaimer.md: Printed on A4 paper, sheet 1 of 1 does not show the disclaimer "{DISCLAIMER}"',
                   "sheet 1 of 1 does not show the page's address https://example.org/print-faults/in-a-folder/lost-disclaimer/"]:
        assert phrase in text, f"Expected the print check to say {phrase!r}; it said:\n{text or '(nothing)'}"


def test_font_check_catches_text_in_another_font(printer, faults_server):
    url, _ = faults_server
    printer.goto(url + "wrong-font/")
    text = "\n".join(str(problem) for problem in check_fonts("docs/wrong-font.md", drawn_fonts(printer)))
    expected = "docs/wrong-font.md: Printed, the text is drawn in DejaVu Sans, not in Liberation Sans"
    assert expected in text, f"Expected the font check to say {expected!r}; it said:\n{text or '(nothing)'}"


@pytest.mark.parametrize("slug, expected", [
    ("too-long", ["docs/too-long.md: Printed on A4 paper, the page takes",
                  "sheets; a handout must fit on 2 sheets. How to fix: Shorten the page"]),
    ("lost-disclaimer", [f'docs/lost-disclaimer.md: Printed on A4 paper, sheet 1 of 1 does not show the disclaimer "{DISCLAIMER}"',
                         "sheet 1 of 1 does not show the page's address https://example.org/print-faults/lost-disclaimer/",
                         'sheet 1 of 1 does not show "Page last reviewed".',
                         "Printed on A4 paper, the disclaimer box under the page is missing."]),
    ("blank-sheet", ["docs/blank-sheet.md: Printed on A4 paper, sheet 2 of 2 is blank."]),
    ("navigation-printed", ['the site\'s navigation or search is printed: "A good page Too long".',
                            'the site\'s navigation or search is printed: "Search".']),
    ("split-box", ['docs/split-box.md: Printed on A4 paper, the box "A box too tall for one sheet" is split over sheets']),
    ("cramped-diary", ["docs/cramped-diary.md: Printed on A4 paper, rows of the diary grid are 0.",
                       "cm tall; people need at least 2 cm to write in.",
                       'the guide ("How do I fill in the diary?") starts on the grid\'s sheet 1; the grid needs a sheet of its own.',
                       'the diary\'s column label "Sleeplessness (hours)" does not print whole: a word is split over two lines.',
                       "the diary grid's sheet does not say \"Call 999 in the UK, 911 in the US, or your local emergency "
                       'number, straight away." A reader reprints only that sheet each week.',
                       "the diary grid's sheet does not say \"One painful leg that is swollen, warm or red is urgent\"."]),
])
def test_print_checks_catch_faults(printer, faults_server, slug, expected):
    text = "\n".join(str(problem) for problem in print_fixture(printer, faults_server, f"{slug}.md"))
    for phrase in expected:
        assert phrase in text, f"Expected the print check to say {phrase!r}; it said:\n{text or '(nothing)'}"
