"""A review line may claim a check only of the words that were checked.

Each page's front matter says what its last review was ("review") and when
("last_reviewed"). If git history shows the page's words changed after that
day, the line must not claim that anyone checked the current text: it must
say the later changes are not yet checked.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .frontmatter import read_front_matter
from ..problems import Problem

# The words a review line uses to say the current text has not had its check.
NOT_YET_CHECKED = "not yet checked"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def is_shallow(root: Path) -> bool:
    """A shallow clone has no history to compare with."""
    return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"


def _words(text: str) -> str:
    """The page's body (after the front matter), with spacing evened out."""
    if text.startswith("---\n") and "\n---" in text[3:]:
        text = text[text.index("\n---", 3) + 4:]
    return " ".join(text.split())


def _words_on(root: Path, rel: str, day: str) -> str | None:
    """The page's words as committed at the end of DAY, or None if it had no version then."""
    log = _git(root, "log", "-1", "--follow", "--name-only", "--format=%H",
               f"--until={day} 23:59:59 +0000", "--", rel).split()
    if not log:
        return None
    commit, old_path = log[0], log[-1]
    return _words(_git(root, "show", f"{commit}:{old_path}"))


def review_history_problems(root: Path, pages: list[Path]) -> list[Problem]:
    """Pages whose review line claims a check, but whose words changed after last_reviewed."""
    problems = []
    for path in pages:
        front, _ = read_front_matter(path)
        if not front or not front.get("last_reviewed") or not front.get("review"):
            continue  # the front-matter check reports these
        review = str(front["review"])
        if NOT_YET_CHECKED in review:
            continue
        rel = path.relative_to(root).as_posix()
        day = str(front["last_reviewed"])
        reviewed = _words_on(root, rel, day)
        if reviewed == _words(path.read_text(encoding="utf-8")):
            continue
        changed = "did not exist" if reviewed is None else "has changed since then"
        problems.append(Problem(
            rel,
            f'The review line says "{review}", but the page {changed} (last reviewed {day}), '
            "so no one has checked its current words.",
            f'Change "review" to say the later changes are {NOT_YET_CHECKED} by a second editor; once they are '
            "checked, set last_reviewed to that day and say what the check was.",
            1))
    return problems
