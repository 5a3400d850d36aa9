"""The project's layout stays as the README says: tooling lives in
scripts/sitetools/, tests only in tests/, and nothing outside tests/ imports
from it. Proven able to fail on tests/fixtures/layout-faults/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

# Ways a file can reach into tests/: import a test module, put tests/ on the
# path, or run a file in it.
REACHES_INTO_TESTS = re.compile(
    r"from conftest|import conftest|sys\.path.*[\"']tests|tests/[\w/-]+\.py|pythonpath.*tests")
OUTSIDE_TESTS = ("scripts", ".ci", ".github")


def files_outside_tests(root: Path) -> list[Path]:
    return [path for folder in OUTSIDE_TESTS if (root / folder).is_dir()
            for path in sorted((root / folder).rglob("*")) if path.is_file() and "__pycache__" not in path.parts]


def reach_problems(root: Path) -> list[str]:
    problems = []
    for path in files_outside_tests(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if REACHES_INTO_TESTS.search(line):
                problems.append(f"{path.relative_to(root)}, line {number}: this file uses code from tests/ "
                                f"({line.strip()}). How to fix: move the shared code into scripts/sitetools/ "
                                "and import it from there; tests/ is only for tests.")
    return problems


def layout_table_problems(root: Path) -> list[str]:
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Where things are", 1)[1].split("\n## ", 1)[0]
    paths = re.findall(r"^\| `([^`]+)` \|", section, flags=re.M)
    return [f"README.md, \"Where things are\": it lists `{path}`, which does not exist. "
            "How to fix: update the table to match the folders." for path in paths if not (root / path).exists()]


def test_nothing_outside_tests_uses_tests():
    problems = reach_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_readme_layout_table_matches_the_tree():
    problems = layout_table_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_layout_checks_catch_a_command_that_reaches_into_tests():
    problems = reach_problems(FIXTURES / "layout-faults")
    assert len(problems) == 2, problems
    assert problems[0].startswith("scripts/report.py, line 4: this file uses code from tests/")


def test_layout_checks_catch_a_stale_readme_table():
    assert layout_table_problems(FIXTURES / "layout-faults") == [
        "README.md, \"Where things are\": it lists `tools/`, which does not exist. "
        "How to fix: update the table to match the folders."]


def test_content_checks_run_as_a_command(built_site):
    """Contributors run the checks on a build with `python -m sitetools.checks`."""
    result = subprocess.run([sys.executable, "-m", "sitetools.checks", str(built_site)],
                            cwd=ROOT / "scripts", capture_output=True, text=True)
    assert result.returncode == 0 and "No problems found." in result.stdout, result.stdout + result.stderr
