"""The command: ./scripts/movement-helper checks the data and rewrites the fallback; exits 1 if it changed it."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from .checks import check
from .data import DATA_FILE, FALLBACK_FILE, load, relative_name
from .rendering import render_fallback
from .walks import question_walks


def update_fallback(data_file: Path = DATA_FILE, fallback_file: Path = FALLBACK_FILE) -> tuple[list[Problem], bool]:
    """Check the data; if it is sound, write the fallback. (problems, whether the file changed)."""
    data = load(data_file)
    problems = check(data, data_file)
    if problems:
        return problems, False
    text = render_fallback(data, data_file)
    old = fallback_file.read_text(encoding="utf-8") if fallback_file.is_file() else None
    if old == text:
        return [], False
    fallback_file.write_text(text, encoding="utf-8")
    return [], True


def main() -> int:
    """Check the helper's data file and update the page's no-JavaScript version from it.
    Exits 0 if it was up to date, 1 if it had to change it (commit the change), 2 if the data has problems."""
    import sys
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(main.__doc__)
        return 0
    problems, changed = update_fallback()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {relative_name(DATA_FILE)}: nothing was written.", file=sys.stderr)
        return 2
    walks_found = question_walks(load())
    print(f"{relative_name(DATA_FILE)}: {len(walks_found)} paths through the questions, all ending at an outcome.")
    if changed:
        print(f"Updated {relative_name(FALLBACK_FILE)}: commit it with the data file.")
        return 1
    print(f"{relative_name(FALLBACK_FILE)} is up to date.")
    return 0

