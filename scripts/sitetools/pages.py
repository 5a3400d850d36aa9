"""The site's pages: every Markdown file in docs/, in folders too, with its address.

The one list of pages that the content checks, the print tests and handouts,
the browser tests and the review dates all walk, so a page in a folder
(docs/section/page.md, docs/section/index.md) is checked like any other.
Addresses follow MkDocs' directory URLs: docs/section/page.md is built into
section/page/index.html, docs/section/index.md into section/index.html.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Pages that are not handouts: no print button, no two-sheet limit. The symptom
# log prints the reader's own entries, as many sheets as they fill (its own button).
# overrides/partials/print-button.html names the same pages.
NOT_HANDOUTS = {"index.md", "glossary.md", "about.md", "symptom-log.md", "editorial-policy.md", "accessibility.md",
                "privacy.md"}


@dataclass(frozen=True)
class SitePage:
    source: str  # the file inside docs/: "movements.md", "section/page.md"
    path: str  # its address below the site root: "movements/", "section/page/", or "" for home

    @property
    def name(self) -> str:
        """The file a contributor edits: "docs/section/page.md"."""
        return f"docs/{self.source}"

    @property
    def html(self) -> str:
        """The built file inside the site: "section/page/index.html"."""
        return self.path + "index.html"

    @property
    def is_handout(self) -> bool:
        return self.source not in NOT_HANDOUTS

    @property
    def slug(self) -> str:
        """A short name for test ids and handout files: "section-page", "index"."""
        return self.path.strip("/").replace("/", "-") or "index"


def address_of(source: str) -> str:
    """The address MkDocs gives the file docs/SOURCE: "a/b.md" -> "a/b/", "a/index.md" -> "a/"."""
    folder, _, file = source.rpartition("/")
    stem = file.removesuffix(".md")
    parts = [part for part in (folder, "" if stem == "index" else stem) if part]
    return "/".join(parts) + "/" if parts else ""


def site_pages(docs: Path) -> list[SitePage]:
    """Every page written in docs/, folders included, sorted by file."""
    files = [md.relative_to(docs) for md in docs.rglob("*.md")]
    # MkDocs leaves out files and folders whose names start with a dot.
    sources = sorted(f.as_posix() for f in files if not any(part.startswith(".") for part in f.parts))
    return [SitePage(source, address_of(source)) for source in sources]
