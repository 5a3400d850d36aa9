"""Sources: every page lists each source it uses, copied from the one
accepted list (accepted-sources.yml), with the source's web address where
it has one.

Where the site can tell, a page's own words show which source it uses: a
phrase that only one source gives (that source's `claims`, such as the NHS
leg-cramp sign "longer than 10 minutes") means the page must list it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .frontmatter import read_front_matter
from ..problems import Problem, line_of, line_of_word
from ..site import Page, Site

ACCEPTED_SOURCES = Path(__file__).with_name("accepted-sources.yml")
LIST_NAME = "scripts/sitetools/checks/accepted-sources.yml"
# Parts of a page that are not its claims: sources, dates and disclaimer under
# it, the printed word list and address, buttons and notices.
NOT_CLAIMS = "footer.site-page-footer, .site-print-only, .md-content__button, .site-pdf-links, .site-review-overdue"


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None
    used_for: str
    claims: tuple[str, ...]

    def claim_in(self, text: str) -> str | None:
        """The first of this source's claims in TEXT (whole words; a claim in capitals matches only in capitals)."""
        for claim in self.claims:
            flags = 0 if claim.isupper() else re.IGNORECASE
            if re.search(r"\b%s\b" % re.escape(claim), text, flags):
                return claim
        return None


@cache
def accepted_sources(path: Path = ACCEPTED_SOURCES) -> tuple[Source, ...]:
    return tuple(Source(entry["title"], entry.get("url"), entry.get("used_for", ""), tuple(entry.get("claims", [])))
                 for entry in yaml.safe_load(path.read_text(encoding="utf-8")))


def claims_text(page: Page) -> str:
    article = page.article()
    if article is None:
        return ""
    copy = BeautifulSoup(str(article), "lxml")
    for part in copy.select(NOT_CLAIMS):
        part.decompose()
    return " ".join(copy.get_text(" ").split())


def check_sources(site: Site, accepted: tuple[Source, ...] | None = None) -> list[Problem]:
    accepted = accepted or accepted_sources()
    by_title = {source.title: source for source in accepted}
    problems = []
    for page in site.pages:
        if page.source is None:
            continue
        data, _ = read_front_matter(page.source)
        listed = [s for s in (data or {}).get("sources") or [] if isinstance(s, dict) and isinstance(s.get("title"), str)]
        for source in listed:
            title, url = source["title"], source.get("url")
            known = by_title.get(title)
            if known is None:
                problems.append(Problem(page.name, f'The source "{title}" is not on the list of accepted sources.',
                                        f"Copy the source's title exactly from {LIST_NAME} (CONTRIBUTING.md shows it). "
                                        "To propose a new source, say in your pull request what it is and why it can be trusted.",
                                        line_of(page.source, title)))
            elif known.url and url != known.url:
                what = "has no web address" if not url else f'has the web address "{url}"'
                problems.append(Problem(page.name, f'The source "{title}" {what}; its address is {known.url}.',
                                        f'Below its title, add the line "    url: {known.url}" (copied from {LIST_NAME}).',
                                        line_of(page.source, title)))
            elif not known.url and url:
                problems.append(Problem(page.name, f'The source "{title}" has a web address ("{url}"), but it has none.',
                                        "Remove the url line below its title: this source has no web address.",
                                        line_of(page.source, url)))
        titles = {source["title"] for source in listed}
        text = claims_text(page)
        for source in accepted:
            claim = source.claim_in(text) if source.title not in titles else None
            if claim:
                problems.append(Problem(page.name, f'The page says "{claim}", which comes from "{source.title}", '
                                        "but its sources do not list it.",
                                        f"Add that source to the page's sources (copy it from {LIST_NAME}), "
                                        "or take out what the page took from it.",
                                        line_of_word(page.source, claim)))
    return problems
