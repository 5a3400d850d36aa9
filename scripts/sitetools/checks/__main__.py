"""Run every content check on a built site and print what to fix.

Usage: python -m sitetools.checks SITE_DIR   (run from scripts/, after `mkdocs build`)
"""

import sys
from pathlib import Path

from . import ALL_CHECKS
from ..problems import report
from ..site import Site
from .. import ROOT
from ..building import site_url


if __name__ == "__main__":
    # The site's own address is not an outside link.
    site = Site.load(Path(sys.argv[1]), ROOT / "docs", ROOT / "overrides/includes/glossary.md", site_url())
    problems = [p for check in ALL_CHECKS for p in check(site)]
    print(report(problems) if problems else "No problems found.")
    sys.exit(1 if problems else 0)
