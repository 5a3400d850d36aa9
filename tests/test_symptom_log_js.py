"""The symptom log's JavaScript unit tests (tests/js/*.test.mjs), run with
Node's own test runner: the logic that needs no page (checking backups,
merging a change, CSV cells, the size limit, built-in names as data).
One pytest test runs them all, so ./scripts/test and CI run them too, and a
failure is reported with the names of the failing tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).parent / "js"


def node_test_failures(folder: Path) -> list[str]:
    """The failing tests in FOLDER's *.test.mjs, each with the reason Node gives; [] when all pass."""
    node = shutil.which("node")
    assert node, "Node is not installed: ./scripts/test needs it for the symptom log's JavaScript tests."
    files = sorted(str(path) for path in folder.glob("*.test.mjs"))
    assert files, f"{folder}: no *.test.mjs files to run."
    run = subprocess.run([node, "--test", "--test-reporter=tap", *files], capture_output=True, text=True, timeout=120)
    failures = re.findall(r"^\s*not ok \d+ - (.+)$", run.stdout, re.MULTILINE)
    if run.returncode and not failures:
        failures = [f"node --test exited with {run.returncode}: {run.stderr.strip() or run.stdout.strip()[-2000:]}"]
    if failures:
        reasons = re.findall(r"^\s*(error: .+)$", run.stdout, re.MULTILINE)
        return [f"{name}" + (f" ({reason.strip()})" if reason else "")
                for name, reason in zip(failures, reasons + [""] * len(failures))]
    return []


def test_javascript_unit_tests_pass():
    failures = node_test_failures(JS_TESTS)
    assert not failures, ("tests/js: these JavaScript tests fail (run node --test tests/js/ to see them in full):\n"
                          + "\n".join(failures))


def test_a_failing_javascript_test_is_reported(tmp_path):
    (tmp_path / "broken.test.mjs").write_text(
        'import {test} from "node:test";\nimport assert from "node:assert/strict";\n'
        'test("two is three", () => assert.equal(2, 3));\ntest("one is one", () => assert.equal(1, 1));\n')
    failures = node_test_failures(tmp_path)
    assert len(failures) == 1 and failures[0].startswith("two is three"), failures
