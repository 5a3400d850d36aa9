"""Markdown style: pymarkdown, configured in pyproject.toml [tool.pymarkdown].

Consistent Markdown keeps pages easy to edit and review. Each finding names
the file, line and rule; common rules also get a plain-words fix.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

PYMARKDOWN = Path(sys.executable).parent / "pymarkdown"
CHECKED = ["docs/*.md", "README.md", "CONTRIBUTING.md", "DEVELOPING.md"]

# The rules contributors meet most, in plain words.
PLAIN_FIX = {
    "MD001": "Go down one heading level at a time: after '#' comes '##', then '###'.",
    "MD004": 'Start each bullet with "- " (a dash and a space).',
    "MD009": "Delete the spaces at the end of the line.",
    "MD010": "Replace the tab with spaces.",
    "MD012": "Leave only one empty line here.",
    "MD022": "Leave one empty line above and below the heading.",
    "MD025": "Use '#' for the page heading only, once; use '##' for the sections.",
    "MD031": "Leave one empty line above and below the block.",
    "MD032": "Leave one empty line above and below the list.",
    "MD033": "Write it in Markdown, not HTML: pages must not contain HTML tags.",
    "MD041": "Start the page (after the front matter) with its heading: '# Page heading'.",
    "MD045": "Describe the image in the square brackets: ![what it shows](picture.png).",
    "MD047": "End the file with one empty line.",
}
# "/path/page.md:8:29: MD009: Trailing spaces [...] (no-trailing-spaces)"
FINDING = re.compile(r"^(?P<where>\S+?:\d+:\d+): (?P<rule>MD\d+): (?P<what>.*?)(?: \([\w,-]+\))?$")


def scan(*patterns: str) -> tuple[int, list[str]]:
    files = sorted({str(p.relative_to(ROOT)) for pattern in patterns for p in ROOT.glob(pattern)})
    result = subprocess.run([str(PYMARKDOWN), "--strict-config", "scan", *files],
                            cwd=ROOT, capture_output=True, text=True)  # cwd: reads pyproject.toml
    return result.returncode, (result.stdout + result.stderr).splitlines()


def explain(line: str) -> str:
    """One finding as a contributor reads it: where, what, how to fix."""
    match = FINDING.match(line)
    if not match:
        return line
    where = match["where"].removeprefix(str(ROOT) + "/").rsplit(":", 1)[0].replace(":", ", line ")
    fix = PLAIN_FIX.get(match["rule"], "See the rule's page: "
                        f"https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{match['rule'].lower()}/")
    return f"{where}: {match['what']} [{match['rule']}] How to fix: {fix}"


def report(lines: list[str]) -> str:
    return "\n".join([
        "The Markdown style check found these problems:", *(f"- {explain(line)}" for line in lines),
        "Many can be fixed automatically: .venv/bin/pymarkdown fix FILE (then check the change).",
    ])


def test_markdown_style():
    code, lines = scan(*CHECKED)
    assert code == 0, report(lines)


def test_markdown_style_check_catches_bad_formatting():
    code, lines = scan("tests/fixtures/markdown-style/badly-formatted.md")
    text = report(lines)
    assert code != 0
    for expected in [
        "tests/fixtures/markdown-style/badly-formatted.md, line 6: Headings should be surrounded by blank lines.",
        "[MD022] How to fix: Leave one empty line above and below the heading.",
        "line 8: Trailing spaces [Expected: 0 or 2; Actual: 3] [MD009] How to fix: Delete the spaces",
        "line 10: Multiple consecutive blank lines",
        'line 11: Inconsistent Unordered List Start style [Expected: dash; Actual: asterisk] [MD004] How to fix: Start each bullet with "- "',
        "line 14: Multiple top-level headings in the same document",
    ]:
        assert expected in text, f"Expected {expected!r} in:\n{text}"
