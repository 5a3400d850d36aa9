"""Every built page carries its Content-Security-Policy, first in its head,
and the policy names every inline script the page holds, by hash.

The csp build step (sitetools/content_security.py) writes the policies;
this check reads the finished pages, so a page changed after that step, or
an inline script edited without its hash, is caught before a reader's
browser blocks it. Not one of ALL_CHECKS, the checks of what contributors
write: its messages name built pages, and the test suite runs it.
"""

from __future__ import annotations

from ..content_security import META_NAME, inline_parts, sha256_source
from ..problems import Problem
from ..site import Page, Site

FIX = "Build with ./scripts/build, whose csp step writes each page's policy after every step that changes a page."
REQUIRED = {"object-src": "'none'", "base-uri": "'self'", "form-action": "'self'"}
NEVER_IN_SCRIPT_SRC = {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:"}


def parse_policy(content: str) -> dict[str, list[str]]:
    directives = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    return directives


def policy_tags(page: Page):
    return [meta for meta in page.soup.find_all("meta")
            if (meta.get("http-equiv") or "").lower() == META_NAME.lower()]


def placement_problems(page: Page, tag) -> list[Problem]:
    """The policy covers only what comes after it: only <meta charset> may come first."""
    head = page.soup.head
    if head is None or tag.parent is not head:
        return [Problem(page.rel, "The Content-Security-Policy is not in the page's <head>, where browsers read it.", FIX)]
    for element in page.soup.find_all(True):
        if element is tag:
            return []
        if element.name in ("html", "head") or (element.name == "meta" and element.has_attr("charset")):
            continue
        return [Problem(page.rel, f"The Content-Security-Policy comes after a <{element.name}>, which the policy "
                                  "therefore does not cover. It must come straight after <meta charset>.", FIX)]
    return []


def directive_problems(page: Page, directives: dict[str, list[str]]) -> list[Problem]:
    problems = []
    script_src = directives.get("script-src", directives.get("default-src"))
    if script_src is None:
        problems.append(Problem(page.rel, "The Content-Security-Policy has no script-src, so any script may run.", FIX))
    else:
        loose = sorted(NEVER_IN_SCRIPT_SRC & {source.lower() for source in script_src})
        if loose:
            problems.append(Problem(page.rel, f"The Content-Security-Policy's script-src allows {', '.join(loose)}: "
                                              "an injected script would run.", FIX))
    for name, value in REQUIRED.items():
        if directives.get(name) != [value]:
            problems.append(Problem(page.rel, f"The Content-Security-Policy must say {name} {value}.", FIX))
    return problems


def hash_problems(page: Page, directives: dict[str, list[str]]) -> list[Problem]:
    problems = []
    inline = inline_parts(page.html_path.read_text(encoding="utf-8"))
    allowed = set(directives.get("script-src", []))
    needed = {sha256_source(text): text for text in inline.scripts}
    for source, text in needed.items():
        if source not in allowed:
            shown = " ".join(text.split())[:60]
            problems.append(Problem(page.rel, f"The inline script starting {shown!r} is not in the page's "
                                              f"Content-Security-Policy (its hash is {source}), so browsers "
                                              "will not run it.", FIX))
    for source in sorted(s for s in allowed if s.startswith("'sha256-") and s not in needed):
        problems.append(Problem(page.rel, f"The Content-Security-Policy allows a script ({source}) that is no "
                                          "longer in the page.", FIX))
    styles = set(directives.get("style-src", []))
    for text in inline.styles:
        if sha256_source(text) not in styles and "'unsafe-inline'" not in styles:
            problems.append(Problem(page.rel, "A <style> element is not in the page's Content-Security-Policy, so "
                                              "browsers will not apply it.", FIX))
    return problems


def check_content_security(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        tags = policy_tags(page)
        if len(tags) != 1:
            said = "no" if not tags else f"{len(tags)}"
            problems.append(Problem(page.rel, f"The page has {said} Content-Security-Policy <meta> tags; it needs one.",
                                    FIX))
            continue
        directives = parse_policy(tags[0].get("content", ""))
        problems += placement_problems(page, tags[0])
        problems += directive_problems(page, directives)
        problems += hash_problems(page, directives)
    return problems
