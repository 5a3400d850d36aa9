"""How many compressed bytes each page makes a reader download, and the budget for it.

A page's weight is its own HTML plus the CSS and JavaScript it loads: the
stylesheets and scripts it links to and Material's search worker, each
gzip-compressed as the host sends it. Images and the search index are left to
scripts/bench, which measures the whole first visit with Lighthouse.

It also counts those files: on a slow phone connection each one is another
request, and a few small files can delay the text more than their bytes do
(./scripts/bench measures it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .problems import Problem
from .site import Page, Site
from .served import gzip_bytes

KINDS = {"html": "HTML", "css": "CSS", "js": "JavaScript", "total": "whole download", "files": "files"}
BUDGET_FILE = "tests/budget.json"


@dataclass
class Weight:
    html: int = 0
    css: int = 0
    js: int = 0
    files: dict[str, int] = field(default_factory=dict)  # each CSS and JS file: its compressed bytes

    @property
    def total(self) -> int:
        return self.html + self.css + self.js

    @property
    def count(self) -> int:
        """How many stylesheets and scripts the page loads."""
        return len(self.files)

    def figures(self) -> str:
        return f"HTML {self.html:,}, CSS {self.css:,}, JavaScript {self.js:,}, in all {self.total:,} bytes"


def asset_paths(page: Page) -> tuple[list[str], list[str]]:
    """The page's stylesheets and scripts as addresses written in the HTML."""
    soup = page.soup
    # A stylesheet in <noscript> is fetched only where scripts are off: not on a usual visit.
    css = [link["href"] for link in soup.select('link[rel~="stylesheet"][href]') if not link.find_parent("noscript")]
    js = [script["src"] for script in soup.select("script[src]")]
    config = soup.select_one("script#__config")  # Material starts its search worker from here
    if config is not None and config.string:
        worker = json.loads(config.string).get("search")
        if worker:
            js.append(worker)
    return css, js


def local_file(site: Site, page: Page, address: str) -> Path | None:
    """The file in the built site that ADDRESS (relative to PAGE) points to, if it is on this site."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None  # another site: the privacy checks forbid those anyway
    if parts.path.startswith("/"):  # the 404 page: addresses start with the site's own path
        root_path = urlsplit(site.site_url).path
        target = PurePosixPath(parts.path.removeprefix(root_path.rstrip("/")))
    else:
        target = PurePosixPath(page.rel).parent / parts.path
    resolved = (site.root / str(target).lstrip("/")).resolve()
    return resolved if resolved.is_file() else None


def page_weight(site: Site, page: Page, cache: dict[Path, int] | None = None) -> Weight:
    cache = {} if cache is None else cache

    def compressed(path: Path) -> int:
        if path not in cache:
            cache[path] = len(gzip_bytes(path.read_bytes()))
        return cache[path]

    css, js = asset_paths(page)
    weight = Weight(html=compressed(page.html_path))
    for kind, addresses in (("css", css), ("js", js)):
        for path in filter(None, (local_file(site, page, address) for address in addresses)):
            weight.files[path.relative_to(site.root).as_posix()] = compressed(path)
            setattr(weight, kind, getattr(weight, kind) + compressed(path))
    return weight


def load_budget(path: Path) -> dict:
    """{"every_page": {kind: bytes}, "pages": {"movements/index.html": {kind: bytes}}}; "files" is a count."""
    budget = json.loads(path.read_text(encoding="utf-8"))
    for limits in [budget["every_page"], *budget.get("pages", {}).values()]:
        unknown = set(limits) - set(KINDS)
        if unknown:
            raise ValueError(f"{path}: unknown budget entries {sorted(unknown)}; use {sorted(KINDS)}")
    return budget


def check_budget(site: Site, budget: dict, budget_name: str = BUDGET_FILE) -> list[Problem]:
    """One problem for each page and kind of file over its budget, with the figures."""
    problems, cache = [], {}
    for page in site.pages:
        weight = page_weight(site, page, cache)
        limits = {**budget["every_page"], **budget.get("pages", {}).get(page.rel, {})}
        for kind, limit in limits.items():
            if kind == "files":
                if weight.count > limit:
                    problems.append(too_many_files(page, weight, limit, budget_name))
                continue
            size = getattr(weight, kind)
            if size <= limit:
                continue
            suffixes = {"html": (), "css": (".css",), "js": (".js",), "total": (".css", ".js")}[kind]
            files = [f"{name} {bytes_:,}" for name, bytes_ in weight.files.items() if name.endswith(suffixes)]
            if kind in ("html", "total"):
                files.insert(0, f"{page.rel} {weight.html:,}")
            problems.append(Problem(
                page.name,
                f"The page's {KINDS[kind]} is {size:,} bytes compressed, over its budget of {limit:,} bytes "
                f"by {size - limit:,} ({weight.figures()}; {'; '.join(files)}).",
                "Look for what grew: long text or a large table on the page, a new or bigger stylesheet or "
                f"script, a theme feature. If the growth is worth it for readers, raise the figure in {budget_name} "
                "in the same pull request and say why."))
    return problems


def too_many_files(page: Page, weight: Weight, limit: int, budget_name: str) -> Problem:
    return Problem(
        page.name,
        f"The page loads {weight.count} stylesheets and scripts, over its budget of {limit} "
        f"({', '.join(weight.files)}). On a slow phone each file is one more request before "
        "the page is ready.",
        "Add new styles to docs/assets/stylesheets/site.css and new scripts to "
        "docs/assets/javascripts/site.js, each as a section of its own, instead of a new file. "
        f"If a new file is worth it for readers, raise \"files\" in {budget_name} in the same pull "
        "request and say why.")
