"""A QR code of each page's own address, for its printed sheet and its PDF.

overrides/partials/print-extras.html leaves an empty marker beside the
printed address (MARKER); this step, run after the strict build, fills it
with the QR code drawn as inline SVG by segno. Inline, not a file: the
printed sheet needs no extra request, it prints offline, and it costs each
page about 0.6 KB compressed. The address is the page's path under
site_url, so a patient who scans a handout reaches the latest version.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

MARKER = '<span class="site-print-qr"></span>'
# M: the code still scans with about 15 % of it smudged or folded.
ERROR_LEVEL = "m"


def page_address(site_url: str, site: Path, html: Path) -> str:
    """https://host/path/ + the page's folder: what use_directory_urls publishes."""
    folder = html.parent.relative_to(site).as_posix()
    return site_url.rstrip("/") + "/" + ("" if folder == "." else folder + "/")


def qr_svg(address: str) -> str:
    out = io.BytesIO()
    segno.make(address, error=ERROR_LEVEL, micro=False).save(
        out, kind="svg", xmldecl=False, svgns=True, omitsize=True, nl=False,
        border=2, svgclass="site-print-qr__code", lineclass=None)
    # Drawn for paper only (site.css shows .site-print-only in print); screen readers skip it.
    svg = out.getvalue().decode("ascii").replace("<svg ", '<svg aria-hidden="true" ', 1)
    return svg.replace("<path ", '<path shape-rendering="crispEdges" ', 1)  # no hairlines between squares


def add_qr_codes(site: Path, site_url: str) -> str:
    count = 0
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if MARKER not in text:
            continue
        filled = MARKER.replace("></", ">" + qr_svg(page_address(site_url, site, html)) + "</")
        html.write_text(text.replace(MARKER, filled, 1), encoding="utf-8")
        count += 1
    return f"QR codes on {count} pages"


def read_qr_codes(pdf: Path, sheet: int, dpi: int = 150) -> list[str]:
    """The QR codes printed on SHEET (1 = first) of PDF, as a phone reads them:
    pdftoppm draws the sheet as a picture, zbarimg reads it (both from Debian:
    poppler-utils and zbar-tools, installed by ./scripts/test)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        picture = Path(folder) / "sheet"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(sheet), "-l", str(sheet), "-singlefile",
                        str(pdf), str(picture)], check=True, capture_output=True)
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                                 str(picture) + ".png"], capture_output=True, text=True)
    # zbarimg exits 4 when it finds no code: that is an answer, not an error.
    if result.returncode not in (0, 4):
        raise RuntimeError(f"zbarimg could not read {pdf.name}: {result.stderr.strip()}")
    return [line for line in result.stdout.splitlines() if line]
