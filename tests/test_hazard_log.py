"""The hazard log (hazard-log.md) names, for every hazard, tests that exist.

A control without a test that proves it is only a hope: this fails if a hazard names no
test, or names one that is not in tests/. Tests the symptom log work has still to write are
marked "log helper" and are listed, not failed. Proven able to fail on
tests/fixtures/hazard-log/missing-test.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, ROOT

HAZARD_LOG = ROOT / "hazard-log.md"
HAZARD = re.compile(r"^## (H\d+)\. (.+)$", re.M)
TEST = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
# A Node unit test, by its file and its name as written in test("..."): `tests/js/notices.test.mjs::a name`.
JS_TEST = re.compile(r"`(tests/js/[\w.-]+\.mjs)::([^`]+)`")


def hazards(path: Path) -> dict[str, tuple[str, str]]:
    """{"H1": (title, its section's text)}."""
    text = path.read_text(encoding="utf-8")
    found = list(HAZARD.finditer(text))
    return {m.group(1): (m.group(2), text[m.end():found[i + 1].start() if i + 1 < len(found) else len(text)])
            for i, m in enumerate(found)}


def hazard_log_problems(path: Path, root: Path = ROOT) -> list[str]:
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    problems = []
    for hid, (title, section) in hazards(path).items():
        tests = TEST.findall(section)
        js_tests = JS_TEST.findall(section)
        if not tests and not js_tests and "log helper" not in section:
            problems.append(f'{name}: {hid} ("{title}") names no test that proves its control. How to fix: add a '
                            "line `tests/test_....py::test_...` under Tests.")
        for file, test in tests:
            source = root / file
            if not source.is_file() or not re.search(rf"^def {test}\(", source.read_text(encoding="utf-8"), re.M):
                problems.append(f'{name}: {hid} ("{title}") names the test {file}::{test}, which does not exist. '
                                "How to fix: correct the name, or write the test.")
        for file, test in js_tests:
            source = root / file
            if not source.is_file() or f'test("{test}"' not in source.read_text(encoding="utf-8"):
                problems.append(f'{name}: {hid} ("{title}") names the JavaScript test {file}::{test}, which does not '
                                "exist. How to fix: correct the name (as written in test(\"...\")), or write the test.")
    return problems


def test_every_hazard_names_tests_that_exist():
    assert hazards(HAZARD_LOG), "hazard-log.md lists no hazards"
    problems = hazard_log_problems(HAZARD_LOG)
    assert not problems, "\n".join(problems)


def test_the_hazard_log_check_names_a_missing_test_and_a_hazard_without_one():
    text = "\n".join(hazard_log_problems(FIXTURES / "hazard-log" / "missing-test.md"))
    assert ('missing-test.md: H1 ("A sudden sign is read as non-urgent") names the test '
            "tests/test_care_rules.py::test_there_is_no_such_test, which does not exist.") in text, text
    assert 'missing-test.md: H2 ("Two places give different advice") names no test that proves its control.' in text, text
    assert ('missing-test.md: H3 ("A new sign is kept quiet") names the JavaScript test '
            "tests/js/notices.test.mjs::no such test, which does not exist.") in text, text
    assert len(text.splitlines()) == 3, text
