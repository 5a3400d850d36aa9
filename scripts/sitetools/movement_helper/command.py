"""The command: ./scripts/movement-helper checks the data and rewrites the fallback; exits 1 if it changed it."""

from __future__ import annotations

from pathlib import Path

from ..generated import update_command
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
    def update() -> tuple[list[Problem], list[Path]]:
        problems, changed = update_fallback()
        return problems, [FALLBACK_FILE] if changed else []

    def paths() -> str:
        return f"{relative_name(DATA_FILE)}: {len(question_walks(load()))} paths through the questions, all ending at an outcome."
    return update_command(main.__doc__, update, DATA_FILE, f"{relative_name(FALLBACK_FILE)} is up to date.", paths)
