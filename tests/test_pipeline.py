"""The steps of ./scripts/build are listed once: STEPS in
scripts/sitetools/pipeline.py. The module's own table of steps follows it, and
./scripts/build --help prints them from it (the deploy workflow and the script
only point there). Proven able to fail on a table with a step missing and one
out of order."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT
from sitetools import pipeline
from sitetools.pipeline import STEPS

TABLE_LINE = re.compile(r"^  ([a-z][a-z-]*) {2,}\S", re.MULTILINE)


def step_table_problems(docstring: str, steps: list[str]) -> list[str]:
    listed = TABLE_LINE.findall(docstring)
    if listed == steps:
        return []
    return [f"scripts/sitetools/pipeline.py: its table of steps lists {listed}, but STEPS runs {steps}. "
            "How to fix: make the table in the module's docstring follow STEPS, in order."]


def test_the_step_table_follows_steps():
    problems = step_table_problems(pipeline.__doc__, [step.name for step in STEPS])
    assert not problems, "\n".join(problems)


def test_the_step_table_check_can_fail():
    table = "Steps:\n\n  build   the strict build\n  csp     policies\n  prune   less to publish\n"
    assert step_table_problems(table, ["build", "prune", "csp", "pdfs"]) == [
        "scripts/sitetools/pipeline.py: its table of steps lists ['build', 'csp', 'prune'], but STEPS runs "
        "['build', 'prune', 'csp', 'pdfs']. How to fix: make the table in the module's docstring follow STEPS, in order."]


def test_build_help_names_every_step_in_order():
    result = subprocess.run([str(ROOT / "scripts" / "build"), "--help"], capture_output=True, text=True, timeout=60)
    text = " ".join(result.stdout.split())
    assert result.returncode == 0, result.stderr
    assert ", ".join(step.name for step in STEPS) in text, f"./scripts/build --help does not list STEPS in order:\n{text}"
