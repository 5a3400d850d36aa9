"""Review dates: which pages are overdue for review, and which are due soon.

Every content page gives its next_review in its front matter. Once that day
has passed, the page shows a notice (overrides/partials/review-overdue.html)
and this command fails, so the weekly workflow run turns red until a
reviewer checks the page. It is not a check on pull requests or publishing:
the notice must still go out.

As a command (run by scripts/review-dates):
    python -m sitetools.review_dates [--today YYYY-MM-DD] [--within DAYS] [--docs FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from . import ROOT
from .building import build_date
from .checks.frontmatter import read_front_matter
from .pages import site_pages
from .review_cycle import review_cycle_years

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class Review:
    name: str  # "docs/movements.md"
    due: dt.date  # its next_review

    def days_from(self, today: dt.date) -> int:
        return (self.due - today).days


def reviews(docs: Path) -> list[Review]:
    """Every page's next review, soonest first. Pages without a valid date are
    left to the front matter check, which names them."""
    found = []
    for page in site_pages(docs):
        data, _ = read_front_matter(docs / page.source)
        due = (data or {}).get("next_review")
        if isinstance(due, dt.date) and not isinstance(due, dt.datetime):
            found.append(Review(page.name, due))
    return sorted(found, key=lambda review: (review.due, review.name))


def overdue_and_due_soon(docs: Path, today: dt.date, within: int = DUE_SOON_DAYS) -> tuple[list[Review], list[Review]]:
    """Pages whose review day has passed, and pages due within WITHIN days (today included)."""
    every = reviews(docs)
    overdue = [review for review in every if review.due < today]
    soon = [review for review in every if 0 <= review.days_from(today) <= within]
    return overdue, soon


def days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def report(overdue: list[Review], soon: list[Review], today: dt.date, within: int) -> str:
    lines = [f"Review dates on {today.isoformat()}:"]
    if overdue:
        lines.append(f"Overdue for review ({len(overdue)}): these pages show a notice that their review is overdue.")
        lines += [f"  {r.name}: the review was due on {r.due.isoformat()}, {days(-r.days_from(today))} ago." for r in overdue]
    else:
        lines.append("No page is overdue for review.")
    if soon:
        lines.append(f"Due within {days(within)} ({len(soon)}):")
        lines += [f"  {r.name}: the review is due on {r.due.isoformat()}, in {days(r.days_from(today))}." for r in soon]
    else:
        lines.append(f"No page is due for review within {days(within)}.")
    if overdue:
        latest = "a year" if review_cycle_years() == 1 else f"{review_cycle_years()} years"
        lines.append("How to fix: check each overdue page against its sources, then set last_reviewed to the day "
                     f"you checked it, next_review to a day within {latest} and review to what the check was, "
                     "in the page's front matter.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./scripts/review-dates",
        description="List pages overdue for review and pages due soon. "
                    "Exits 1 while any page is overdue (the weekly workflow run then fails), else 0.")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="the day to compare with, YYYY-MM-DD (default: BUILD_DATE, else today in UTC)")
    parser.add_argument("--within", type=int, default=DUE_SOON_DAYS,
                        help=f"list pages due within this many days (default: {DUE_SOON_DAYS})")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the pages' folder (default: docs/)")
    args = parser.parse_args(argv)
    today = args.today or dt.date.fromisoformat(build_date())
    overdue, soon = overdue_and_due_soon(args.docs, today, args.within)
    print(report(overdue, soon, today, args.within))
    return 1 if overdue else 0


if __name__ == "__main__":
    sys.exit(main())
