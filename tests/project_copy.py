"""A throw-away copy of the project, to build and check changed pages
without touching the real docs/ (other people may be editing them)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, build, site_url
from sitetools.site import Site
from sitetools.pages import site_pages

COPIED = ["mkdocs.yml", "overrides", "docs", "scripts"]


def copy_project(dest: Path, pages: Path | None = None, glossary: Path | None = None) -> Path:
    """Copy the project into DEST. PAGES replaces the Markdown pages (the
    site's CSS and JavaScript stay) and the menu then lists them all;
    GLOSSARY replaces overrides/includes/glossary.md."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    if pages is not None:
        for page in site_pages(dest / "docs"):  # folders too; the CSS and JavaScript stay
            (dest / "docs" / page.source).unlink()
        shutil.copytree(pages, dest / "docs", dirs_exist_ok=True)
        config = dest / "mkdocs.yml"
        # Without a nav, MkDocs lists every page: no "page not in nav" warning.
        text = re.sub(r"(?m)^nav:\n(?:[ \t]+.*\n?|\n)*", "", config.read_text(encoding="utf-8"))
        config.write_text(text, encoding="utf-8")
    if glossary is not None:
        shutil.copy2(glossary, dest / "overrides" / "includes" / "glossary.md")
    return dest


def build_and_load(project: Path) -> Site:
    """Build the copy strictly (a warning fails the test) and load it for the checks."""
    build(project / "mkdocs.yml", project / "site")
    return Site.load(project / "site", project / "docs", project / "overrides" / "includes" / "glossary.md", site_url())
