"""Links: internal ones lead somewhere real, external ones are safe and known."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import Problem, line_of
from ..site import Page, Site

# Files that steps after the MkDocs build write (scripts/sitetools/pipeline.py):
# the web app manifest and the PDFs. sw.js, written last, marks a site built
# by every step; on it, links to these files are checked like any other.
MADE_AFTER_THE_BUILD = ("manifest.webmanifest", "pdf/")
PUBLISHED_MARK = "sw.js"

# The one list of hosts the site may link to. Adding a host is a review decision.
ALLOWED_HOSTS_FILE = Path(__file__).with_name("allowed-hosts.txt")


def allowed_hosts(path: Path = ALLOWED_HOSTS_FILE) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def check_links(site: Site, hosts: set[str] | None = None) -> list[Problem]:
    hosts = allowed_hosts() if hosts is None else hosts
    problems: list[Problem] = []
    ids = {page.rel: {el["id"] for el in page.soup.select("[id]")} for page in site.pages}
    for page in site.pages:
        for el in page.soup.select("[href], [src]"):
            target = el["href"] if el.has_attr("href") else el["src"]
            problems += _check_one(site, page, el, target, ids, hosts)
        for img in page.soup.select("img"):
            if not img.get("alt", "").strip():
                image = Path(urlsplit(img.get("src", "")).path).name  # as the writer named it, not "../x.png"
                problems.append(Problem(page.name, f'The image "{image}" has no description (alt text), '
                                        "so people who cannot see it miss what it shows.",
                                        'Write what the image shows in the square brackets: ![a short description](picture.png).',
                                        line_of(page.source, f"]({image}") or line_of(page.source, image)))
    return problems


def _check_one(site: Site, page: Page, el, target: str, ids: dict, hosts: set[str]) -> list[Problem]:
    base_path = urlsplit(site.site_url).path
    if target.startswith(site.site_url):  # the site's own address, e.g. the canonical link
        target = target.removeprefix(site.site_url.rstrip("/"))
    if target.startswith(base_path):  # root-relative, as on the 404 page
        target = "/" + target.removeprefix(base_path)
    parts = urlsplit(target)
    # "(https://...)" is how a link is written in the text; a bare address is
    # in the front matter's sources.
    line = line_of(page.source, f"({target})") or line_of(page.source, _as_written(target, parts))
    if parts.scheme in {"mailto", "tel", "data"}:
        return []
    if parts.scheme or parts.netloc:
        return _check_external(page, el, target, parts, hosts, line)
    if el.get("target") == "_blank":
        return [_noopener(page, target, line)] if "noopener" not in el.get("rel", []) else []
    # An internal link: resolve it against the page's own folder.
    base = (site.root / page.rel).parent
    path = Path(unquote(parts.path))
    resolved = (site.root / str(path).lstrip("/")) if parts.path.startswith("/") else (base / path)
    if parts.path and resolved.is_dir():
        resolved = resolved / "index.html"
    if not parts.path:
        resolved = site.root / page.rel
    try:
        rel = resolved.resolve().relative_to(site.root.resolve()).as_posix()
    except ValueError:
        rel = None
    if rel is None or not resolved.is_file():
        if rel is not None and rel.startswith(MADE_AFTER_THE_BUILD) and not (site.root / PUBLISHED_MARK).is_file():
            return []  # a site built by MkDocs alone (a test's small fixture): checked on the published build
        return [Problem(page.name, f'The link "{target}" leads to a page that does not exist.',
                        "Check the spelling of the page's file name, and link to the file itself, "
                        "e.g. [twitch, spasm or cramp](movements.md).",
                        line)]
    fragment = unquote(parts.fragment)
    if fragment and rel in ids and fragment not in ids[rel]:
        return [Problem(page.name, f'The link "{target}" points to a section "#{fragment}" that does not exist on that page.',
                        "The part after # must match a heading on that page, in lower case with hyphens for spaces "
                        '(the heading "What can help?" becomes #what-can-help). Fix the spelling, '
                        "or link to the whole page without the # part.", line)]
    return []


def _as_written(target: str, parts) -> str:
    """How the link probably looks in the Markdown: "movements.md#compare" was built
    into "../movements/#compare", so look for "#compare" or "movements"."""
    if parts.scheme or not parts.path:
        return target
    if parts.fragment:
        return "#" + parts.fragment
    return Path(parts.path.rstrip("/")).stem or target


def _check_external(page, el, target, parts, hosts, line) -> list[Problem]:
    problems = []
    if parts.scheme != "https":
        problems.append(Problem(page.name, f'The link "{target}" is not secure (it does not start with https://).',
                                "Use the secure address of the page: it starts with https://.", line))
    if parts.hostname not in hosts:
        problems.append(Problem(page.name, f'The link "{target}" goes to "{parts.hostname}", which is not on the list of trusted sites.',
                                "Link only to the accepted sources listed in CONTRIBUTING.md. To suggest a new one, "
                                "say why in your pull request: a reviewer decides (the list is scripts/sitetools/checks/allowed-hosts.txt).",
                                line))
    if el.get("target") == "_blank" and "noopener" not in el.get("rel", []):
        problems.append(_noopener(page, target, line))
    return problems


def _noopener(page, target, line) -> Problem:
    return Problem(page.name, f'The link "{target}" opens in a new tab in an unsafe way (it lacks rel="noopener").',
                   'Let it open in the same tab, like the other links: remove {target="_blank"} after the link.', line)
