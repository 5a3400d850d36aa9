"""Valid HTML on every built page, checked by the W3C Nu HTML checker (v.Nu).

Browsers forgive broken HTML, each in its own way; screen readers, print and
the validators clinicians' IT departments run do not. v.Nu (vnu.jar from the
npm package vnu-jar, pinned in package.json, run offline with Java) reads the
whole built site in one start of Java, and the fixture tests/fixtures/invalid-html
in the same run, so the check costs one Java start (about 7 s). No error is
let through: the theme's own two faults are mended by the build
(scripts/sitetools/theme_markup.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES
from sitetools import ROOT
from sitetools.theme_markup import mend_page

INVALID_FIXTURE = FIXTURES / "invalid-html" / "site"


@dataclass(frozen=True)
class HtmlError:
    file: Path
    line: int
    message: str
    element: str

    def __str__(self) -> str:
        return (f"{self.file}, line {self.line}: the HTML breaks a rule of the HTML standard "
                f"(W3C checker v.Nu): {self.message} The faulty markup: {self.element.strip()} "
                "How to fix: find this markup in the page's Markdown (raw HTML) or in overrides/; "
                "<style> and <link> belong in the page head (overrides/main.html, block extrahead).")


VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(*folders: Path) -> list[HtmlError]:
    """Every error v.Nu finds in the HTML files of FOLDERS, in one start of Java."""
    java = shutil.which("java")
    missing = ("No Java to run the HTML checker v.Nu. ./scripts/test installs it (default-jre-headless)."
               if java is None else None)
    if not VNU_JAR.is_file():
        missing = f"No HTML checker v.Nu at {VNU_JAR}. ./scripts/test installs it (npm ci, package.json)."
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--errors-only",
         *map(str, folders)], capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The HTML checker v.Nu did not run:\n{result.stdout}{result.stderr}", pytrace=False)
    errors = []
    for found in messages:
        if found["type"] not in ("error", "non-document-error"):
            continue
        extract, start = found.get("extract", ""), found.get("hiliteStart", 0)
        element = extract[start:start + found.get("hiliteLength", len(extract))]
        errors.append(HtmlError(Path(found.get("url", "").removeprefix("file:")), found.get("lastLine", 0),
                                found["message"], element))
    return errors


@pytest.fixture(scope="session")
def html_errors(built_site) -> dict[str, list[HtmlError]]:
    """v.Nu's errors, by where they were found: "site" or "fixture"."""
    errors = validate(built_site, INVALID_FIXTURE)
    by_place: dict[str, list[HtmlError]] = {"site": [], "fixture": []}
    for error in errors:
        if error.file.is_relative_to(INVALID_FIXTURE):
            by_place["fixture"].append(HtmlError(error.file.relative_to(INVALID_FIXTURE.parents[3]),
                                                 error.line, error.message, error.element))
        else:
            by_place["site"].append(HtmlError(error.file.relative_to(built_site),
                                              error.line, error.message, error.element))
    return by_place


def report(errors: list[HtmlError]) -> str:
    return f"{len(errors)} HTML error(s) found:\n" + "\n".join(f"- {error}" for error in errors)


def test_every_page_is_valid_html(html_errors):
    assert not html_errors["site"], report(html_errors["site"])


def test_html_check_catches_a_style_in_the_page_body(html_errors):
    text = report(html_errors["fixture"])
    assert ("fixtures/invalid-html/site/index.html, line 11: the HTML breaks a rule of the HTML standard "
            "(W3C checker v.Nu): A “style” element in “body” must be the first child of its parent.") in text, text
    assert "good/index.html" not in text, f"The valid fixture page was wrongly reported:\n{text}"


def test_html_check_reports_a_checkbox_with_autocomplete(html_errors):
    """The fault the theme writes on its toggles is still caught in our own markup."""
    text = report(html_errors["fixture"])
    assert ("fixtures/invalid-html/site/index.html, line 14: the HTML breaks a rule of the HTML standard "
            "(W3C checker v.Nu): Attribute “autocomplete” is only allowed when the input type is") in text, text


def test_theme_markup_mends_the_themes_toggles_and_nothing_else():
    theme = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
             '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
             '<label class="md-overlay" for="__drawer" aria-hidden="true"></label>')
    ours = '<input type="checkbox" id="own-box" autocomplete="off"><label for="own-box" aria-hidden="true">x</label>'
    mended, counts = mend_page(theme + ours)
    assert "autocomplete" not in mended.removesuffix(ours) and "aria-hidden" not in mended.removesuffix(ours), (
        f"scripts/sitetools/theme_markup.py left a fault in the theme's markup: {mended}")
    assert mended.endswith(ours), f"scripts/sitetools/theme_markup.py changed markup that is not the theme's: {mended}"
    assert list(counts.values()) == [2, 1], counts
