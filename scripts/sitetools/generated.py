"""Files written from a data file and committed beside it (the care cards,
the movement helper's no-JavaScript version), and the one way their commands
behave: check the data; with problems write nothing and exit 2; rewrite
what is out of date and exit 1 (commit it); else exit 0."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from . import ROOT
from .problems import Problem


def relative_name(path: Path) -> str:
    """PATH as a contributor finds it in the repository, or its bare name outside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def update_command(help_text: str, update: Callable[[], tuple[list[Problem], list[Path]]], data_file: Path,
                   up_to_date: str, said_when_sound: Callable[[], str] | None = None) -> int:
    """Run UPDATE (problems, the files it changed) as a command and say what happened."""
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(help_text)
        return 0
    problems, changed = update()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {relative_name(data_file)}: nothing was written.", file=sys.stderr)
        return 2
    if said_when_sound:
        print(said_when_sound())
    for path in changed:
        print(f"Updated {relative_name(path)}: commit it with the data file.")
    if not changed:
        print(up_to_date)
    return 1 if changed else 0
