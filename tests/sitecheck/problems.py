"""A problem found on the site, phrased for the person who will fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str  # the file to open and edit, e.g. "docs/movements.md"
    what: str  # what is wrong, in plain words
    fix: str  # how to put it right
    line: int | None = None  # where in that file, when we can tell

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}: {self.what} How to fix: {self.fix}"


def line_of(path: Path | None, needle: str) -> int | None:
    """The first line of `path` that contains `needle` (case-insensitive)."""
    if path is None or not path.is_file() or not needle:
        return None
    needle = needle.lower()
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in text.lower():
            return number
    return None


def report(problems: list[Problem]) -> str:
    """All problems, one per paragraph, for a test failure message."""
    count = len(problems)
    heading = f"{count} problem{'s' if count != 1 else ''} found:"
    return "\n\n".join([heading, *(f"- {p}" for p in problems)])
