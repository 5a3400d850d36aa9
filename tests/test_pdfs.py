"""The "Download PDF" handouts: one for every handout page, on A4 and US Letter,
each keeping the handout rules, and each with a QR code that leads back to
its page's own address.

The PDFs are the session build's own (./scripts/build, step "pdfs"); the QR
codes are read as a phone would, from a picture of the sheet (pdftoppm, then
zbarimg). Proven able to fail: tests/fixtures/bad-pdfs/ holds a PDF whose
QR code leads elsewhere and one with none.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, site_url
from sitetools import ROOT
from sitetools.pages import SitePage, site_pages
from sitetools.printing import PAPER_SIZES, sheets_allowed, pdf_size, read_pdf, squeezed
from sitetools.qr_codes import read_qr_codes

# PDF page sizes in points (1/72 inch). A4 is 595.3 x 841.9; Chromium rounds to whole points.
PAPER_POINTS = {"A4": (595.3, 841.9), "Letter": (612, 792)}


def needs_tools():
    missing = [tool for tool in ("pdftoppm", "zbarimg") if not shutil.which(tool)]
    if missing:
        message = f"{', '.join(missing)} missing: ./scripts/test installs poppler-utils and zbar-tools."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def handout_pdfs(site: Path) -> dict[str, dict[str, Path]]:
    """{page address: {paper: PDF file}} from the "Download PDF" links on every built page."""
    found = {}
    for html in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        folder = html.parent.relative_to(site).as_posix()
        address = "" if folder == "." else folder + "/"
        links = {a["data-pdf"]: (html.parent / a["href"]).resolve() for a in soup.select("a[data-pdf][href]")}
        if links:
            found[address] = links
    return found


def offer_problems(offered: set[str], pages: list[SitePage]) -> list[str]:
    """Pages whose PDF links disagree with the one handout list (mkdocs.yml, extra.not_handouts)."""
    handouts = {page.path for page in pages if page.is_handout}
    return ([f"{page.name}: a handout with no \"Download PDF\" links (overrides/partials/pdf-links.html)"
             for page in pages if page.path in handouts - offered]
            + [f"{page.name}: offers a PDF but mkdocs.yml lists it in extra.not_handouts"
               for page in pages if page.path in offered - handouts])


def qr_problems(pdf: Path, address: str) -> list[str]:
    """Problems with the QR code printed beside the page's address with its sources: on the
    last sheet, or on the one before it when a box after the sources runs onto a sheet of its own."""
    sheets, _ = pdf_size(pdf)
    codes = read_qr_codes(pdf, sheets) or (read_qr_codes(pdf, sheets - 1) if sheets > 1 else [])
    if not codes:
        return [f"{pdf.name}: no QR code could be read on its last two sheets. It is drawn by "
                "scripts/sitetools/qr_codes.py into the empty span of overrides/partials/print-extras.html."]
    if codes != [address]:
        return [f"{pdf.name}: the QR code leads to {', '.join(codes)}, not to the page's address {address}."]
    return []


def test_every_handout_offers_its_pdf_on_both_papers(built_site):
    pdfs = handout_pdfs(built_site)
    problems = offer_problems(set(pdfs), site_pages(ROOT / "docs"))
    assert not problems, "\n".join(problems)
    assert len(pdfs) >= 5, f"only {len(pdfs)} handout pages found: {sorted(pdfs)}"
    for address, links in pdfs.items():
        assert set(links) == set(PAPER_SIZES), f"{address}: PDF links for {sorted(links)}, not {PAPER_SIZES}"
        for paper, pdf in links.items():
            assert pdf.is_file(), f"{address}: the {paper} PDF {pdf.name} was not built"


def test_pdfs_keep_the_handout_rules(built_site):
    """Right paper, at most the sheets the handout is allowed (printing.sheets_allowed), none blank, the address on every sheet."""
    problems = []
    for address, links in handout_pdfs(built_site).items():
        for paper, pdf in links.items():
            _, (width, height) = pdf_size(pdf)
            size = (round(width, 1), round(height, 1))
            if any(abs(got - want) > 1.5 for got, want in zip(size, PAPER_POINTS[paper])):
                problems.append(f"{pdf.name}: its sheets are {size} points, not {paper} {PAPER_POINTS[paper]}")
            printout = read_pdf(pdf.read_bytes(), paper)
            sheets = printout.sheets
            if len(sheets) > sheets_allowed(pdf.name):
                problems.append(f"{pdf.name}: {len(sheets)} sheets; this handout fits on {sheets_allowed(pdf.name)}")
            problems += [f"{pdf.name}: sheet {n} is blank" for n, sheet in enumerate(sheets, 1) if sheet.is_blank]
            url = urljoin(site_url(), address)
            problems += [f"{pdf.name}: sheet {n} lacks the page's address {url}"
                         for n, sheet in enumerate(sheets, 1) if squeezed(url) not in squeezed(sheet.text)]
    assert not problems, "\n".join(problems)


def test_qr_code_on_each_pdf_leads_to_its_page(built_site):
    needs_tools()
    problems = []
    for address, links in handout_pdfs(built_site).items():
        for pdf in links.values():
            problems += qr_problems(pdf, urljoin(site_url(), address))
    assert not problems, "\n".join(problems)


def test_qr_check_can_fail():
    needs_tools()
    folder = FIXTURES / "bad-pdfs"
    wrong = qr_problems(folder / "wrong-address.pdf", "https://example.org/guide/movements/")
    assert wrong == ["wrong-address.pdf: the QR code leads to https://example.org/guide/elsewhere/, "
                     "not to the page's address https://example.org/guide/movements/."], wrong
    missing = qr_problems(folder / "no-code.pdf", "https://example.org/guide/movements/")
    assert len(missing) == 1 and "no QR code could be read" in missing[0], missing


def test_offer_check_can_fail():
    pages = [SitePage("index.md", ""), SitePage("movements.md", "movements/"), SitePage("glossary.md", "glossary/")]
    assert offer_problems({"", "movements/"}, pages) == [
        "docs/index.md: offers a PDF but mkdocs.yml lists it in extra.not_handouts"]
    assert offer_problems(set(), pages) == [
        'docs/movements.md: a handout with no "Download PDF" links (overrides/partials/pdf-links.html)']
