"""Mend the theme's own markup where it breaks the HTML standard.

The W3C checker v.Nu (run by the test suite) finds two faults in every
page, both written by the theme's base.html outside any block that
overrides/main.html may replace:

- Material and Zensical give their two hidden toggles (the menu and the
  search checkboxes) autocomplete="off", which HTML allows on text-like
  inputs only. The attribute was there to keep Firefox from reopening the
  menu or search after a reload; overrides/partials/closed-toggles.html
  does that job instead, before the theme's script reads the toggles.
- Zensical hides its menu overlay's label from screen readers
  (aria-hidden), which HTML does not allow on a label of a form control.
  Material writes the same label without it, and so does this step.

Each fix matches the exact markup the theme writes, so our own markup is
never touched: the same fault in a page or partial is still reported.
"""

from __future__ import annotations

import re
from pathlib import Path

FIXES = [
    # (what it mends, pattern, replacement)
    ("autocomplete on the hidden toggles",
     re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
                r' autocomplete="off">'), r"\1>"),
    ("aria-hidden on the menu overlay's label",
     re.compile(r'(<label class="md-overlay" for="__drawer") aria-hidden="true">'), r"\1>"),
]


def mend_page(html: str) -> tuple[str, dict[str, int]]:
    counts = {}
    for name, pattern, replacement in FIXES:
        html, counts[name] = pattern.subn(replacement, html)
    return html, counts


def mend_theme_markup(site: Path) -> str:
    """Apply FIXES to every page of SITE; say how many of each were made."""
    totals = {name: 0 for name, _, _ in FIXES}
    pages = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        mended, counts = mend_page(html)
        if mended != html:
            path.write_text(mended, encoding="utf-8")
            pages += 1
        for name, count in counts.items():
            totals[name] += count
    return f"{pages} pages mended: " + ", ".join(f"{name} {count}" for name, count in totals.items())
