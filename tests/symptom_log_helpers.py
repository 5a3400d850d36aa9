"""Shared by the symptom log's tests (Chromium and WebKit): its fixtures, and
the log's data helpers from scripts/sitetools/symptom_log.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitetools.symptom_log import (  # noqa: F401 (re-exported for the tests)
    LOG_PAGE, READ_STORED, READY, WRITE_STORED, backup, crowded_entries, entry, many_entries, records,
)

FIXTURES = Path(__file__).parent / "fixtures" / "symptom-log"
NOTHING_CHANGED = "Nothing was imported or changed."


def canonical(log: dict) -> str:
    """A log's entries and days, in an order that does not depend on how they were read."""
    def key(item):
        return json.dumps(item, sort_keys=True)
    return json.dumps({"entries": sorted(log["entries"], key=key), "days": sorted(log["days"], key=key)},
                      sort_keys=True, indent=1)


def open_with(tab, site_server, entries, days=()):
    """The log page in TAB with these entries and days stored, drawn afresh."""
    tab.goto(site_server + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.evaluate(WRITE_STORED, records(entries, days))
    tab.reload()
    tab.wait_for_selector(READY)
    return tab
