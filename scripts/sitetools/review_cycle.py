"""How often every page is checked against its sources: one figure, kept in
mkdocs.yml (extra.review_cycle_years), which the templates read too (the
review dates, the overdue notice, the editorial policy).

Read with plain Python (no packages) so that ./scripts/new-page can use it
before .venv exists; mkdocs.yml has !ENV tags that a plain YAML reader refuses.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import ROOT

SETTING = re.compile(r"(?m)^  review_cycle_years: (\d+)\b")


def review_cycle_years(config: Path = ROOT / "mkdocs.yml") -> int:
    """The number of years between two reviews of a page (extra.review_cycle_years)."""
    found = SETTING.search(config.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{config} has no line '  review_cycle_years: N' under extra:, "
                         "the one figure for how often pages are reviewed.")
    return int(found[1])


def in_words(years: int) -> str:
    """How readers are told the cycle: "once a year", "every 2 years"."""
    return "once a year" if years == 1 else f"every {years} years"


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day YEARS later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
