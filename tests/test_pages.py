"""The one list of pages (scripts/sitetools/pages.py) finds pages in folders,
and every walk over the site uses it: the content checks (Site.load), the
print tests and handouts, and the browser tests (accessibility, small screens,
privacy). Proven on tests/fixtures/bad-pages, which has two pages in a folder."""

from __future__ import annotations

import pytest

from browser_checks import NOT_FOUND, site_pages as browser_pages
from conftest import FIXTURES
from sitetools import ROOT
from sitetools.pages import NOT_HANDOUTS, SitePage, address_of, not_handouts, site_pages

DOCS = FIXTURES / "bad-pages" / "docs"


def test_addresses_follow_mkdocs_directory_urls():
    assert [address_of(source) for source in ("index.md", "movements.md", "section/index.md", "section/page.md")] == [
        "", "movements/", "section/", "section/page/"]


def test_pages_in_folders_are_listed():
    pages = site_pages(DOCS)
    assert SitePage("in-a-folder/index.md", "in-a-folder/") in pages
    assert SitePage("in-a-folder/page.md", "in-a-folder/page/") in pages
    nested = next(page for page in pages if page.source == "in-a-folder/page.md")
    assert (nested.name, nested.html, nested.slug) == (
        "docs/in-a-folder/page.md", "in-a-folder/page/index.html", "in-a-folder-page")


def test_browser_tests_walk_pages_in_folders():
    walked = browser_pages(DOCS)
    assert ("in-a-folder/page/", "docs/in-a-folder/page.md") in walked
    assert ("in-a-folder/", "docs/in-a-folder/index.md") in walked
    assert walked[-1] == (NOT_FOUND, "overrides/404.html")



def test_every_page_that_is_not_a_handout_exists():
    """A misspelt name in mkdocs.yml's extra.not_handouts would quietly make a page a handout again."""
    sources = {page.source for page in site_pages(ROOT / "docs")}
    assert NOT_HANDOUTS <= sources, f"mkdocs.yml, extra.not_handouts names no page: {sorted(NOT_HANDOUTS - sources)}"


def test_a_config_without_the_handout_list_is_refused(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  build_date: !ENV [BUILD_DATE, \"\"]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="extra.not_handouts should list the pages that are not handouts"):
        not_handouts(config)
