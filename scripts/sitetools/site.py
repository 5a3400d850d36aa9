"""The built site as the checks see it: HTML pages and their Markdown sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .pages import site_pages

# Parts of a page that the theme adds around the writer's text: sources,
# review dates, disclaimer, the glossary list, the printed word list, the
# notice on a page whose review is overdue, the print button and the
# "Download PDF" links.
# The "Twitch, spasm or cramp?" helper is a tool whose words live in its data file and are
# checked there (sitetools.movement_helper: reading grade, sentence length, wording, mirrors).
THEME_PARTS = ("footer.site-page-footer, dl.site-glossary, .site-words-used, .md-content__button, .site-pdf-links, .site-print-only, "
               '.site-review-overdue, [data-module="movement-helper"]')

# Pages that are reference material rather than reading: no grade limit.
REFERENCE_PAGES = {"glossary.md", "about.md"}


@dataclass
class Page:
    html_path: Path  # e.g. site/movements/index.html
    rel: str  # path inside the site, e.g. "movements/index.html"
    source: Path | None  # e.g. docs/movements.md, or None for the 404 page
    doc: str | None = None  # the source inside docs/: "movements.md", "section/page.md"

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html_path.read_text(encoding="utf-8"), "lxml")

    @property
    def name(self) -> str:
        """The file a contributor edits: "docs/movements.md", else the HTML file."""
        if self.doc is not None:
            return f"docs/{self.doc}"
        return self.rel

    @property
    def url_path(self) -> str:
        """The page's address below the site root: "movements/" or ""."""
        return self.rel.removesuffix("index.html")

    def article(self) -> Tag | None:
        return self.soup.select_one("article")

    def writer_text(self) -> Tag | None:
        """The article as the writer wrote it: a copy without the theme's parts."""
        article = self.article()
        if article is None:
            return None
        copy = BeautifulSoup(str(article), "lxml").select_one("article")
        for part in copy.select(THEME_PARTS):
            part.decompose()
        return copy


@dataclass
class Site:
    root: Path  # the built site
    docs: Path | None = None  # the Markdown sources, when known
    glossary_source: Path | None = None  # overrides/includes/glossary.md
    site_url: str = "https://example.org/"  # where the site is published
    pages: list[Page] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path, docs: Path | None = None, glossary_source: Path | None = None,
             site_url: str = "https://example.org/") -> "Site":
        site = cls(Path(root), docs, glossary_source, site_url)
        # Which Markdown file each built page came from: the one list of pages.
        sources = {page.html: page.source for page in site_pages(docs)} if docs is not None else {}
        for html in sorted(site.root.rglob("*.html")):
            rel = html.relative_to(site.root).as_posix()
            doc = sources.get(rel)
            site.pages.append(Page(html, rel, docs / doc if doc else None, doc))
        return site

    def page(self, rel: str) -> Page | None:
        return next((p for p in self.pages if p.rel == rel), None)

    @property
    def content_pages(self) -> list[Page]:
        """Pages written in docs/ (everything except the 404 page)."""
        return [p for p in self.pages if p.source is not None or p.rel != "404.html"]
