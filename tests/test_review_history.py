"""A review line claims a check only of the words that were checked.

A page whose words changed after its last_reviewed date must say the later
changes are not yet checked (sitetools/checks/review_history.py). Proven on
a small git repository made for the test.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import ROOT, skip_or_fail
from sitetools.problems import report
from sitetools.checks.review_history import is_shallow, review_history_problems

PAGE = """---
title: Leg cramps
last_reviewed: 2026-12-01
review: {review}
---

# Leg cramps

{words}
"""
CLAIM = "checked against its sources by a second editor"


def test_no_review_line_claims_a_check_of_changed_words():
    if is_shallow(ROOT):
        skip_or_fail("This clone has no history (a shallow clone): fetch it in full, e.g. fetch-depth: 0 on checkout.")
    problems = review_history_problems(ROOT, sorted((ROOT / "docs").glob("**/*.md")))
    assert not problems, report(problems)


def _commit(repo: Path, day: str, review: str, words: str) -> None:
    (repo / "docs").mkdir(exist_ok=True)
    (repo / "docs" / "leg-cramps.md").write_text(PAGE.format(review=review, words=words), encoding="utf-8")
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for command in (["add", "-A"], ["-c", "user.name=test", "-c", "user.email=test@localhost",
                                    "commit", "-q", "-m", day]):
        subprocess.run(["git", "-C", str(repo), *command], check=True, env=env)


def _problems(repo: Path) -> list[str]:
    return [str(p) for p in review_history_problems(repo, [repo / "docs" / "leg-cramps.md"])]


def test_review_history_check_can_fail(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "2026-12-01", CLAIM, "Stretch your calf.")
    # Only the front matter changes: the checked words are the same.
    _commit(tmp_path, "2026-12-05", CLAIM + " and for plain language", "Stretch your calf.")
    assert _problems(tmp_path) == []
    _commit(tmp_path, "2026-12-07", CLAIM, "Stretch your calf. Walk about.")
    assert _problems(tmp_path) == [
        f'docs/leg-cramps.md, line 1: The review line says "{CLAIM}", but the page has changed since then '
        "(last reviewed 2026-12-01), so no one has checked its current words. How to fix: Change \"review\" to say "
        "the later changes are not yet checked by a second editor; once they are checked, set last_reviewed to that "
        "day and say what the check was."]
    _commit(tmp_path, "2026-12-07", "checked against its sources; later changes not yet checked by a second editor",
            "Stretch your calf. Walk about.")
    assert _problems(tmp_path) == []
