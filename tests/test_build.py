"""The strict build: it must fail on a broken link or anchor, naming the file.

Each builder words its warnings its own way (sitetools.building reads both);
where Zensical does not check something MkDocs does, the test says so as an
expected difference (DEVELOPING.md, "Moving to Zensical").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BUILDER, FIXTURES, ROOT, expected_difference, run_build
from sitetools.building import build_warnings

pytestmark = pytest.mark.builds  # each builder's own build and words

# What each builder says about the fixture tests/fixtures/broken-build.
BROKEN_LINK_WARNINGS = {
    "mkdocs": ["'index.md' contains a link 'gone.md', but the target is not found",
               "contains a link 'index.md#nowhere', but there is no such anchor"],
    "zensical": ["index.md, line 12: page does not exist", "index.md, line 12: anchor does not exist"],
}
NOT_VALIDATED = expected_difference(
    "zensical", "its validation covers broken links and anchors only, not mkdocs.yml's omitted_files, "
    "absolute_links and unrecognized_links.",
    "Zensical validates these, or a check of our own reads the built pages for them.")


def test_site_builds_strictly_without_warnings(built_site):
    # The `built_site` fixture fails the session on any warning; this test
    # makes that visible as its own line in the report.
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()


def copy_project_with_pages(tmp_path: Path, pages: Path, nav: str = "\nnav:\n  - index.md\n") -> Path:
    """The real mkdocs.yml and overrides, with only the fixture's pages."""
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(pages, tmp_path / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + nav
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_strict_build_fails_on_broken_link_and_anchor(tmp_path):
    config = copy_project_with_pages(tmp_path, FIXTURES / "broken-build")
    clean, output = run_build(config, tmp_path / "site")
    assert not clean, "A broken link should fail the build"
    for warning in BROKEN_LINK_WARNINGS[BUILDER]:
        assert warning in output, output


@pytest.fixture(scope="module")
def validation_faults(tmp_path_factory) -> tuple[bool, str]:
    """tests/fixtures/validation-faults built once: a page left out of the
    menu, an absolute link and a link that is neither a page nor a file."""
    tmp_path = tmp_path_factory.mktemp("validation-faults")
    config = copy_project_with_pages(tmp_path, FIXTURES / "validation-faults")
    return run_build(config, tmp_path / "site")


def assert_fails_naming(validation_faults, words: str):
    clean, output = validation_faults
    warnings = build_warnings(output)
    assert not clean and any(words in warning for warning in warnings), \
        f"The build should fail with a warning that says {words!r}; it said:\n{output}"


@NOT_VALIDATED
def test_strict_build_fails_on_a_page_left_out_of_the_menu(validation_faults):
    assert_fails_naming(validation_faults, "are not included in the \"nav\" configuration")


@NOT_VALIDATED
def test_strict_build_fails_on_an_absolute_link(validation_faults):
    assert_fails_naming(validation_faults, "contains an absolute link '/muscle-twitching/'")


@NOT_VALIDATED
def test_strict_build_fails_on_a_link_that_is_neither_page_nor_file(validation_faults):
    assert_fails_naming(validation_faults, "contains an unrecognized relative link 'elsewhere/'")


@expected_difference("zensical", "it copies the theme folder's includes/glossary.md into the built site, so the "
                     "glossary's Markdown source is published at includes/glossary.md.",
                     "Zensical leaves non-template files of custom_dir out of the site, or the glossary "
                     "moves to a place both builders read and neither publishes.")
def test_only_pages_and_their_files_are_published(built_site):
    sources = sorted(str(path.relative_to(built_site)) for path in built_site.rglob("*.md"))
    assert not sources, (f"The built site publishes Markdown sources: {', '.join(sources)}. How to fix: keep "
                         "files that only the theme reads out of docs/ and out of what the builder copies.")


@expected_difference("zensical", "Zensical does not tell templates which Markdown file a page comes from "
                     "(no page.file.src_uri); partials/page-source.html works it out from the page's address, "
                     "which cannot tell docs/section.md from docs/section/index.md.",
                     "Zensical gives templates the page's source path.")
def test_pages_in_folders_name_their_own_source_file(tmp_path):
    """The edit link and the report title of a nested page name its real file."""
    from bs4 import BeautifulSoup

    nav = "\nnav:\n  - index.md\n  - section/index.md\n  - section/page.md\n"
    config = copy_project_with_pages(tmp_path, FIXTURES / "nested-pages", nav)
    clean, output = run_build(config, tmp_path / "site")
    assert clean, output
    wrong = []
    for page, source in (("section/index.html", "section/index.md"), ("section/page/index.html", "section/page.md")):
        soup = BeautifulSoup((tmp_path / "site" / page).read_text(encoding="utf-8"), "lxml")
        edit = soup.select_one(".site-page-feedback a")
        if edit is None or not edit["href"].endswith("/docs/" + source):
            wrong.append(f"{page}: its edit link is {edit and edit['href']}, not docs/{source}")
    assert not wrong, "\n".join(wrong) + "\nHow to fix: overrides/partials/page-source.html."
