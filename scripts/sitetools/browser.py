"""The Chromium that the tests, the handouts and the benchmark drive.

Machines here have no internet, so Playwright cannot download its own
browser: use the distribution's, with the flags that stop it calling home.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """$CHROMIUM, else the distribution's Chromium, else None (Playwright's own)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_chromium(playwright):
    """Start Chromium through a running sync_playwright()."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
