"""A problem found on the site, phrased for the person who will fix it."""

from __future__ import annotations

import re
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


def _plain(text: str) -> list[str]:
    """Lower-case words only, so "**Take** [magnesium](x.md)" matches "take magnesium"."""
    text = re.sub(r"\]\([^)]*\)|\{[^}]*\}", " ", text)  # link targets, attribute lists
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def line_of_text(path: Path | None, text: str) -> int | None:
    """The line of the Markdown source where TEXT, as shown on the built
    page, begins. Markup (bold, links, list dashes) is ignored; if the start
    is not found word for word, shorter starts are tried."""
    if path is None or not path.is_file():
        return None
    words = _plain(text)
    lines = [_plain(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for size in (8, 5, 3):
        start = words[:size]
        if not start:
            break
        for number, line in enumerate(lines, 1):
            if any(line[i:i + len(start)] == start for i in range(len(line) - len(start) + 1)):
                return number
    return None


def line_of_word(path: Path | None, word: str) -> int | None:
    """The first line of the page's text (not its front matter) that has WORD
    as a whole word, matching case; else in any case."""
    if path is None or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0] == "---":
        start = next((i + 1 for i, line in enumerate(lines[1:], 1) if line == "---"), 0)
    for flags in (0, re.IGNORECASE):
        pattern = re.compile(r"\b%s\b" % re.escape(word), flags)
        for number, line in enumerate(lines[start:], start + 1):
            if pattern.search(line):
                return number
    return None


def report(problems: list[Problem]) -> str:
    """All problems, one per paragraph, for a test failure message."""
    count = len(problems)
    heading = f"{count} problem{'s' if count != 1 else ''} found:"
    return "\n\n".join([heading, *(f"- {p}" for p in problems)])
