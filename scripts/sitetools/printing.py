"""Print a page of the site to PDF in Chromium, and read the PDF back.

The one place that says how the site is printed: the build's step "pdfs"
(write_pdfs), the print tests and scripts/handouts (handouts.py, which copies
that step's PDFs) all use it, so the handouts clinicians e-mail are the very
PDFs the tests checked.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


PAPER_SIZES = ("A4", "Letter")
MAX_HANDOUT_SHEETS = 2
# Handouts that may take more sheets, with the reason: each holds advice that a
# GP's printed copy must keep whole. Every other handout fits on MAX_HANDOUT_SHEETS.
LONGER_HANDOUTS = {
    "when-to-see-a-doctor": (5, "the what-to-do flow picture, then every care card at its level, the emergency and urgent cards first"),
    "understanding": (3, "the what-to-do flow picture, so the decision is on paper too"),
    "movements": (3, "the helper's printed flow, which names every sign with its level"),
    "symptom-diary": (3, "the week's grid on a sheet of its own, then its guide with every sign to note"),
    "could-it-be-mnd": (3, "calm first, then what to do for each kind of sign, with its level and the sudden signs"),
    "managing": (3, "a week's checklist of the steps, to tick on paper"),
}


def sheets_allowed(page: str) -> int:
    """How many sheets a handout may take. PAGE: its slug, its file (docs/NAME.md) or a PDF's name."""
    slug = Path(page).stem.removesuffix("-A4").removesuffix("-Letter")
    return LONGER_HANDOUTS.get(slug, (MAX_HANDOUT_SHEETS,))[0]
# The running footer sits in the bottom page margin (site.css, section "Print": 1.6 cm).
# Text lower than this is the footer, not the page's own text.
FOOTER_HEIGHT_CM = 1.4
POINTS_PER_CM = 72 / 2.54


@dataclass(frozen=True)
class Sheet:
    text: str  # everything printed on the sheet
    body: str  # the sheet's own text: everything but the running footer

    @property
    def is_blank(self) -> bool:
        return not self.body.strip()


@dataclass(frozen=True)
class Printout:
    paper: str
    sheets: list[Sheet]

    @property
    def text(self) -> str:
        return "\n".join(sheet.text for sheet in self.sheets)


def print_pdf(page, url: str, paper: str) -> bytes:
    """Print URL as a reader does: print media, the given paper, browser
    margins left to site.css, background colours off (the browsers' default)."""
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise RuntimeError(f"{url} answered {response.status if response else 'nothing'}")
    page.emulate_media(media="print")
    return page.pdf(format=paper, print_background=False)


def read_pdf(data: bytes, paper: str) -> Printout:
    """The text on each sheet, as poppler's pdftotext reads it: every word with
    its place on the sheet (-bbox), in the order Chromium drew them (-raw), so
    a table cell that wraps stays one phrase. pdftotext reads the text whatever
    the font: pypdf missed the running footer when Chromium drew it in DejaVu
    Sans, as it does on a machine without Liberation Sans."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "printed.pdf"
        pdf.write_bytes(data)
        result = subprocess.run(["pdftotext", "-raw", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                                capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"pdftotext could not read the printed PDF: {result.stderr.strip()}")
    sheets = []
    for sheet in BeautifulSoup(result.stdout, "html.parser").find_all("page"):
        # pdftotext measures from the top of the sheet, in points.
        footer_top = float(sheet["height"]) - FOOTER_HEIGHT_CM * POINTS_PER_CM
        text, body, line = [], [], None
        for word in sheet.find_all("word"):
            top = round(float(word["ymin"]))
            gap = "" if not text else (" " if top == line else "\n")
            line = top
            text.append(gap + word.get_text())
            if float(word["ymax"]) < footer_top:
                body.append(gap + word.get_text())
        sheets.append(Sheet("".join(text), "".join(body)))
    return Printout(paper, sheets)


def pdf_size(pdf: Path) -> tuple[int, tuple[float, float]]:
    """(number of sheets, (width, height) of the first in points), as poppler's
    pdfinfo reads them: the same package as pdftotext, so no second PDF library."""
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"pdfinfo could not read {pdf.name}: {result.stderr.strip()}")
    fields = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    width, _, height = fields["Page size"].split()[:3]
    return int(fields["Pages"]), (float(width), float(height))


def print_page(page, url: str, paper: str) -> tuple[bytes, Printout]:
    data = print_pdf(page, url, paper)
    return data, read_pdf(data, paper)


def flat(text: str) -> str:
    """Text with line breaks and spacing folded, for looking phrases up."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without any white space: a long address may wrap anywhere."""
    return re.sub(r"\s+", "", text)


# --- ./scripts/build, step "pdfs" ---------------------------------------------

# overrides/partials/pdf-links.html: <a href="../pdf/movements-A4.pdf" data-pdf="A4">
PDF_LINK = re.compile(r'<a [^>]*href="([^"]+\.pdf)"[^>]*data-pdf="([^"]+)"')


def pdf_links(site: Path) -> list[tuple[str, Path, str]]:
    """(page address below the site root, PDF file, paper) for every "Download PDF" link:
    the templates decide which pages are handouts, this step prints what they link to."""
    jobs = []
    for html in sorted(site.rglob("index.html")):
        folder = html.parent
        for href, paper in dict.fromkeys(PDF_LINK.findall(html.read_text(encoding="utf-8"))):
            if paper not in PAPER_SIZES:
                raise ValueError(f"{html.relative_to(site)}: unknown paper {paper!r} (use {PAPER_SIZES})")
            target = (folder / href).resolve()
            path = folder.relative_to(site).as_posix()
            jobs.append(("" if path == "." else path + "/", target, paper))
    return jobs


def write_pdfs(site: Path, site_url: str) -> str:
    """Print every page that links to its PDF, on the paper the link names, from the
    built site served on 127.0.0.1. Service workers are blocked: printing needs no precache."""
    from playwright.sync_api import sync_playwright

    from .browser import launch_chromium
    from .served import serve

    jobs = pdf_links(site)
    server, base = serve(site, urlsplit(site_url).path)
    too_long = []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context = browser.new_context(service_workers="block")
            tab = context.new_page()
            for path, target, paper in jobs:
                data, printout = print_page(tab, base + path, paper)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                if len(printout.sheets) > sheets_allowed(target.name):
                    too_long.append(f"{target.name} ({len(printout.sheets)} sheets)")
            browser.close()
    finally:
        server.shutdown()
    note = f"; over their sheets: {', '.join(too_long)}" if too_long else ""
    return f"{len(jobs)} PDFs for {len({job[0] for job in jobs})} handouts{note}"
