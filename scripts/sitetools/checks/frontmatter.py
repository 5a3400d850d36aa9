"""Front matter: the facts about a page that readers and reviewers rely on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ..pages import site_pages
from ..review_cycle import in_words, review_cycle_years, years_after
from ..problems import Problem, line_of
from ..site import Site

EXAMPLE = """---
title: Twitch, spasm or cramp?
description: One sentence that says what the page is about.
last_reviewed: 2026-11-25
next_review: 2027-11-25
review: checked against its sources and for plain language by an editor who did not write it
sources:
  - title: NHS, Twitching eyes and muscles
    url: https://www.nhs.uk/conditions/twitching-eyes-and-muscles/
---"""
MAX_DESCRIPTION = 160  # what search engines show


# What YAML's error messages mean, in plain words.
YAML_PROBLEMS = {
    "mapping values are not allowed": "a value has a colon (:) in it",
    "could not find expected ':'": "a line has no colon (:) after its name",
    "cannot start any token": "a line starts with a tab or a special character",
    "expected <block end>": "the spaces at the start of the lines do not line up",
    "did not find expected key": "the spaces at the start of the lines do not line up",
    "found duplicate anchor": "a line starts with '&'",
}


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
        problem = str(getattr(error, "problem", "") or "")
        reason = next((plain for words, plain in YAML_PROBLEMS.items() if words in problem),
                      'its lines are not all written as "name: value"')
        return None, f"The front matter (the lines between '---' at the top) cannot be read: {reason}."
    if not isinstance(data, dict):
        return None, "The front matter is empty."
    return data, None


READ_FIX = ('Write each line as "name: value", and put a value that contains a colon (:) in "double quotes". '
            'Start each source with two spaces, a dash and a space: "  - title: ...". ')


def check_front_matter_file(path: Path, name: str | None = None) -> list[Problem]:
    name = name or f"docs/{path.name}"
    data, error = read_front_matter(path)
    if data is None:
        fix = f"Start the page with front matter like this:\n{EXAMPLE}"
        if "cannot be read" in error:
            fix = READ_FIX + "Compare with this example:\n" + EXAMPLE
        return [Problem(name, error, fix, _yaml_error_line(path) or 1)]

    def problem(field: str, what: str, fix: str, line: int | None = None) -> Problem:
        return Problem(name, f'In the front matter, "{field}" {what}', fix, line or line_of(path, f"{field}:") or 1)

    problems = []
    for field in ("title", "description"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(field, "is missing or empty.",
                                    f'Add a line "{field}: ..." between the two "---" lines at the top of the page.'))
    description = data.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problems.append(problem("description", f"is {len(description)} characters long; search engines cut it at {MAX_DESCRIPTION}.",
                                f"Shorten it to one plain sentence of at most {MAX_DESCRIPTION} characters."))
    dates = {}
    for field in ("last_reviewed", "next_review"):
        value = data.get(field)
        if value is None:
            problems.append(problem(field, "is missing.",
                                    f'Add a line "{field}: YYYY-MM-DD" to the front matter, e.g. "{field}: 2026-11-25".'))
        elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            problems.append(problem(field, f'is "{value}", which is not a date written as YYYY-MM-DD.',
                                    "Write the date in numbers as year-month-day, e.g. 2026-11-25."))
        else:
            dates[field] = value
    if len(dates) == 2:
        last, nxt = dates["last_reviewed"], dates["next_review"]
        cycle = review_cycle_years()
        latest = years_after(last, cycle)
        if nxt <= last:
            problems.append(problem("next_review", f"({nxt}) is not after last_reviewed ({last}).",
                                    f"Set the next review to a date after the last review: at most {latest} "
                                    f"(pages are reviewed {in_words(cycle)})."))
        elif nxt > latest:
            problems.append(problem("next_review", f"({nxt}) is more than {_years(cycle)} after last_reviewed ({last}).",
                                    f"Set it to {latest} or earlier: every page is checked against its sources "
                                    f"{in_words(cycle)} (review_cycle_years in mkdocs.yml)."))
        if last > dt.date.today():
            problems.append(problem("last_reviewed", f"({last}) is in the future.",
                                    "Use the date the page was actually checked against its sources (today, if that was today)."))
    review = data.get("review")
    if not isinstance(review, str) or not review.strip():
        problems.append(problem("review", "is missing or empty: readers are told what the last review was, beside its date.",
                                'Add a line "review: ..." directly after next_review, saying what was checked and by whom, '
                                'e.g. "review: checked against its sources and for plain language by an editor who did not '
                                'write it". Write only what is true.', line_of(path, "next_review:")))
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(problem("sources", "is missing or empty: every page must say where its facts come from.",
                                'Add "sources:" with one "  - title: ..." line per source (and "    url: https://..." below it '
                                "when it has one). CONTRIBUTING.md lists the accepted sources."))
    else:
        for number, source in enumerate(sources, 1):
            if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"].strip():
                problems.append(problem("sources", f"has no title for source number {number}.",
                                        'Write each source as "  - title: Publisher, Page name" and, below it if it has one, '
                                        '"    url: https://...". Copy the accepted sources from CONTRIBUTING.md.',
                                        _source_line(path, number)))
            elif "url" in source and not str(source["url"]).startswith("https://"):
                problems.append(problem("sources", f'has a web address for source number {number} that does not start '
                                        f'with https:// ("{source["url"]}").',
                                        "Use the secure https:// address of the source.", line_of(path, str(source["url"]))))
    return problems


def _years(count: int) -> str:
    return f"{count} year{'s' if count != 1 else ''}"


def _yaml_error_line(path: Path) -> int | None:
    """The page line where the front matter stops making sense (it starts on line 2)."""
    text = path.read_text(encoding="utf-8")
    try:
        yaml.safe_load(text[4:text.index("\n---", 3)])
    except (ValueError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        return mark.line + 2 if mark else None
    return None


def _source_line(path: Path, number: int) -> int | None:
    """The line where source NUMBER (1, 2...) starts, below "sources:"."""
    start = line_of(path, "sources:")
    if start is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    dashes = [n for n, line in enumerate(lines[start:], start + 1) if line.lstrip().startswith("- ")]
    return dashes[number - 1] if number <= len(dashes) else start


def check_front_matter(site: Site) -> list[Problem]:
    """Every Markdown page has valid front matter, and the built page uses it."""
    problems = []
    for page in site_pages(site.docs):
        problems += check_front_matter_file(site.docs / page.source, page.name)
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
