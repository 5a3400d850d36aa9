"""Run every content check on a built site and print what to fix.

Usage: python -m sitecheck SITE_DIR   (run from tests/, after `mkdocs build`)
"""

import sys
from pathlib import Path

from . import ALL_CHECKS
from .problems import report
from .site import Site

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    from mkdocs.config import load_config  # the site's own address is not an outside link
    site_url = load_config(str(ROOT / "mkdocs.yml"))["site_url"]
    site = Site.load(Path(sys.argv[1]), ROOT / "docs", ROOT / "overrides/includes/glossary.md", site_url)
    problems = [p for check in ALL_CHECKS for p in check(site)]
    print(report(problems) if problems else "No problems found.")
    sys.exit(1 if problems else 0)
