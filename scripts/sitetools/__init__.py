"""The site's own tooling, shared by the commands in scripts/ and the tests.

One module, one job:
- pages: every page in docs/ (folders too) with its address: the one list all walk;
- building: the strict MkDocs build and the published address;
- served: the GitHub-Pages-like server on 127.0.0.1;
- browser: the Chromium the tests, handouts and benchmark drive;
- webkit: WebKit (Safari's engine) for the WebKit tests, on a virtual screen;
- printing: print a page to PDF and read the sheets back (scripts/handouts);
- page_weight: what a first visit downloads (the byte-budget test, the bench);
- review_dates: pages overdue for review and due soon (scripts/review-dates);
- checks: the content checks (`python -m sitetools.checks SITE_DIR`).

Nothing here imports from tests/: the tests import from here.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
