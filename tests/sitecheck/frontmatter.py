"""Front matter: the facts about a page that readers and reviewers rely on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .problems import Problem, line_of
from .site import Site

EXAMPLE = """---
title: Twitch, spasm or cramp?
description: One sentence that says what the page is about.
last_reviewed: 2026-11-25
next_review: 2027-11-25
sources:
  - title: NHS, Twitching eyes and muscles
    url: https://www.nhs.uk/conditions/twitching-eyes-and-muscles/
---"""
MAX_REVIEW_GAP_YEARS = 3
MAX_DESCRIPTION = 160  # what search engines show


def read_front_matter(path: Path) -> tuple[dict | None, str | None]:
    """The page's front matter, or None and the reason it cannot be read."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None, "The page does not start with front matter (a block between two '---' lines)."
    try:
        block = text[4:text.index("\n---", 3)]
        data = yaml.safe_load(block)
    except ValueError:
        return None, "The front matter is not closed by a '---' line."
    except yaml.YAMLError as error:
        return None, f"The front matter is not valid YAML ({error.problem if hasattr(error, 'problem') else error})."
    if not isinstance(data, dict):
        return None, "The front matter is empty."
    return data, None


def check_front_matter_file(path: Path, name: str | None = None) -> list[Problem]:
    name = name or f"docs/{path.name}"
    data, error = read_front_matter(path)
    fix_all = f"Start the page with front matter like this:\n{EXAMPLE}"
    if data is None:
        return [Problem(name, error, fix_all, 1)]

    def problem(field: str, what: str, fix: str) -> Problem:
        return Problem(name, f'The "{field}" field {what}', fix, line_of(path, f"{field}:") or 1)

    problems = []
    for field in ("title", "description"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(field, "is missing or empty.", f'Add a line "{field}: ..." to the front matter.'))
    description = data.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problems.append(problem("description", f"is {len(description)} characters long; search engines cut it at {MAX_DESCRIPTION}.",
                                "Shorten it to one plain sentence."))
    dates = {}
    for field in ("last_reviewed", "next_review"):
        value = data.get(field)
        if value is None:
            problems.append(problem(field, "is missing.", f'Add "{field}: YYYY-MM-DD", e.g. "{field}: 2026-11-25".'))
        elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            problems.append(problem(field, f'is "{value}", which is not a date written as YYYY-MM-DD.',
                                    "Write the date as year-month-day, e.g. 2026-11-25."))
        else:
            dates[field] = value
    if len(dates) == 2:
        last, nxt = dates["last_reviewed"], dates["next_review"]
        latest = last.replace(year=last.year + MAX_REVIEW_GAP_YEARS) if not (last.month == 2 and last.day == 29) \
            else last.replace(year=last.year + MAX_REVIEW_GAP_YEARS, day=28)
        if nxt <= last:
            problems.append(problem("next_review", f"({nxt}) is not after last_reviewed ({last}).",
                                    "Set the next review to a date after the last review, at most 3 years later."))
        elif nxt > latest:
            problems.append(problem("next_review", f"({nxt}) is more than {MAX_REVIEW_GAP_YEARS} years after last_reviewed ({last}).",
                                    f"Set it to {latest} or earlier: health pages are reviewed at least every 3 years."))
        if last > dt.date.today():
            problems.append(problem("last_reviewed", f"({last}) is in the future.", "Use the date the page was actually reviewed."))
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(problem("sources", "is missing or empty: every page must say where its facts come from.",
                                'Add "sources:" with one "- title: ..." line per source (and "url: https://..." when it has one).'))
    else:
        for number, source in enumerate(sources, 1):
            if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"].strip():
                problems.append(problem("sources", f"entry {number} has no title.",
                                        'Write each source as "- title: Publisher, Page name" and, if it has one, "url: https://...".'))
            elif "url" in source and not str(source["url"]).startswith("https://"):
                problems.append(problem("sources", f'entry {number} has a url that does not start with https:// ("{source["url"]}").',
                                        "Use the secure https:// address of the source."))
    return problems


def check_front_matter(site: Site) -> list[Problem]:
    """Every Markdown page has valid front matter, and the built page uses it."""
    problems = []
    for path in sorted(site.docs.glob("*.md")):
        problems += check_front_matter_file(path)
    for page in site.pages:
        if page.source is None:
            continue
        data, _ = read_front_matter(page.source)
        meta = page.soup.select_one('meta[name="description"]')
        if data and data.get("description") and (meta is None or meta.get("content") != data["description"]):
            problems.append(Problem(page.name, "The page's description is not used as its search-engine description.",
                                    "Keep the theme's default <meta name=description> handling (overrides/main.html).",
                                    line_of(page.source, "description:")))
    return problems
