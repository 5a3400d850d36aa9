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

import yaml

from . import ROOT


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: an !ENV value counts as unset, as nothing here reads one."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def not_handouts(config: Path = ROOT / "mkdocs.yml") -> frozenset[str]:
    """The pages that are not handouts (mkdocs.yml, extra.not_handouts): no print
    button, no PDF, no sheet limit. The templates read the same list."""
    listed = (yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader).get("extra") or {}).get("not_handouts")
    if not isinstance(listed, list) or not listed:
        raise ValueError(f"{config}: extra.not_handouts should list the pages that are not handouts, "
                         "e.g. [index.md, glossary.md]; the print button, the PDF links and the print checks read it.")
    return frozenset(listed)


NOT_HANDOUTS = not_handouts()


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
