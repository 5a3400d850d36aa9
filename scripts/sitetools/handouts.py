"""./scripts/handouts FOLDER: every handout as a PDF, on A4 and US Letter.

Runs the build's own steps (pipeline.py), so the PDFs are the step "pdfs"'s
very files, the ones readers download; this command only copies them into
FOLDER and says which to look at again (over their sheets, or a blank sheet).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from .pipeline import StepFailed, build_site
from .printing import read_pdf, sheets_allowed


def write_handouts(out: Path) -> int:
    """Build the site with its PDFs and copy every PDF into OUT. Returns how many to check again."""
    out.mkdir(parents=True, exist_ok=True)
    warnings = 0
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        print("Building the site with ./scripts/build's steps (all but the service worker)...", flush=True)
        try:
            build_site(site, skip={"service-worker"})
        except StepFailed as error:
            sys.exit(str(error))
        pdfs = sorted((site / "pdf").glob("*.pdf"))
        for number, pdf in enumerate(pdfs, 1):
            paper = pdf.stem.rpartition("-")[2]
            sheets = read_pdf(pdf.read_bytes(), paper).sheets
            target = out / pdf.name
            shutil.copy2(pdf, target)
            note = ""
            if len(sheets) > sheets_allowed(pdf.name) or any(sheet.is_blank for sheet in sheets):
                warnings += 1
                note = f"  <- check this one: over {sheets_allowed(pdf.name)} sheets or a blank sheet"
            print(f"[{number:>2}/{len(pdfs)}] {pdf.name:<36} {len(sheets)} sheet{'s' if len(sheets) != 1 else ''}"
                  f" -> {target}{note}", flush=True)
    return warnings


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Usage: python -m sitetools.handouts OUT_FOLDER")
    problems = write_handouts(Path(sys.argv[1]))
    print(f"Done: {sys.argv[1]}" + (f" ({problems} to check, see above)" if problems else ""))
    sys.exit(1 if problems else 0)
