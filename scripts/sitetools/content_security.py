"""A Content-Security-Policy in every built page's head.

GitHub Pages sends no custom headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> tag. It is the last line of
defence should a reader's text ever reach a page as markup: the browser
then runs no script but the site's own files and the inline scripts whose
exact text the policy names by SHA-256 hash.

Why a build step and not a template block: the inline scripts are the
theme's (Material's or Zensical's base.html: they differ) and ours
(overrides/partials/closed-toggles.html), and their text differs from page
to page (Material writes each page's relative base URL into its first
script). Only the finished page knows the exact bytes, and Jinja cannot
hash what it has not yet written. So this step reads each page after the
last step that changes markup, hashes what is there, and writes the tag
straight after <meta charset>, before anything that loads or runs.

Styles are held to the same rule: the <style> elements in a page (the
printed running footer) and the one Zensical's script writes for its search
box are named by hash, so style-src needs no 'unsafe-inline'. Neither theme
writes style="" attributes (it sets styles through element.style, which CSP
allows), and neither do our pages or tools.

Data blocks (<script type="application/json">: Material's __config, the
movement helper's questions) are never run, so CSP does not apply to them
and they need no hash.

A meta policy cannot carry frame-ancestors, report-uri or sandbox (the
browser ignores them there), so it has none of them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

META_NAME = "Content-Security-Policy"
# Script types a browser runs: none given, a JavaScript MIME type, or module.
SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                "application/ecmascript"}
CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)
EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)

# Everything the site needs, from its own address only.
FIXED = {
    "default-src": ["'none'"],  # anything not listed below: nothing
    "img-src": ["'self'", "data:"],  # data: for the theme's SVG icons in its CSS (mask-image)
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # the search index, the service worker's precache
    "worker-src": ["'self'"],  # the search worker and sw.js
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


@dataclass(frozen=True)
class Inline:
    """The exact text of each inline script and <style> in one page, and
    its inline event handlers (onclick="..."): CSP blocks every one of those,
    so one in a page is a feature that silently stops working."""
    scripts: list[str]
    styles: list[str]
    handlers: list[str]


def sha256_source(text: str) -> str:
    """The CSP hash source of TEXT: the browser hashes the element's text as
    UTF-8, after its parser has turned every CR LF and lone CR into LF."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def runs(script) -> bool:
    return (script.get("type") or "").strip().lower() in SCRIPT_TYPES


def inline_parts(html: str) -> Inline:
    """The inline scripts a browser runs, and the <style> elements, of HTML.
    html.parser keeps each element's text exactly as written."""
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s.string or "" for s in soup.find_all("script") if not s.has_attr("src") and runs(s)]
    styles = [s.string or "" for s in soup.find_all("style")]
    handlers = sorted({f"<{tag.name} {name}=" for tag in soup.find_all(True) for name in tag.attrs
                       if name.lower().startswith("on")})
    return Inline(scripts, styles, handlers)


def policy(inline: Inline, theme_styles: list[str] = ()) -> str:
    """The page's policy: its own inline scripts and <style> elements by hash,
    and THEME_STYLES, the <style> elements the theme's script writes."""
    directives = dict(FIXED)
    directives["script-src"] = ["'self'", *sorted(set(map(sha256_source, inline.scripts)))]
    directives["style-src"] = ["'self'", *sorted(set(map(sha256_source, [*inline.styles, *theme_styles])))]
    order = ["default-src", "script-src", "style-src", *[d for d in FIXED if d != "default-src"]]
    return "; ".join(" ".join([name, *directives[name]]) for name in order)


def meta_tag(content: str) -> str:
    return f'<meta http-equiv="{META_NAME}" content="{content}">'


class PolicyProblem(Exception):
    pass


def add_policy(html: str, name: str, theme_styles: list[str] = ()) -> str:
    """HTML with its policy as the first tag after <meta charset>; a policy
    already there is replaced, so running the step twice changes nothing."""
    html = EXISTING.sub("", html)
    inline = inline_parts(html)
    if inline.handlers:
        raise PolicyProblem(f"{name}: has an inline event handler ({', '.join(inline.handlers)}), which the "
                            "Content-Security-Policy blocks. Add the listener in the page's script file instead.")
    charset = CHARSET.search(html)
    if charset is None:
        raise PolicyProblem(f'{name}: has no <meta charset="utf-8"> to put the Content-Security-Policy after.')
    tag = meta_tag(policy(inline, theme_styles))
    return html[:charset.end()] + tag + html[charset.end():]


# Zensical builds its search box in a shadow root and styles it with a
# <style> element whose text is one string in its bundle:
#   o.appendChild(C("style",{},Tc.toString())) ... var Tc='.u{...}...'
# Material's bundle writes no <style>. Hashing that string keeps
# 'unsafe-inline' out of style-src for both builders.
STYLE_ELEMENT = re.compile(r'\("style",')
STYLE_FROM_NAME = re.compile(r'\("style",\{\},([\w$]+)\.toString\(\)\)')


def theme_styles(site: Path) -> list[str]:
    """The text of each <style> element the theme's bundle writes."""
    texts = []
    for bundle in sorted((site / "assets" / "javascripts").glob("bundle.*.min.js")):
        script = bundle.read_text(encoding="utf-8")
        names = STYLE_FROM_NAME.findall(script)
        if len(names) != len(STYLE_ELEMENT.findall(script)):
            raise PolicyProblem(f"{bundle.relative_to(site)}: the theme's script writes a <style> element whose "
                                "text this step cannot find, so the policy would block it. See theme_styles() in "
                                "scripts/sitetools/content_security.py.")
        for name in names:
            found = re.search(r"(?:var |let |const |,)" + re.escape(name) + r"='([^'\\\n]*)'", script)
            if found is None:
                raise PolicyProblem(f"{bundle.relative_to(site)}: the text of the theme's <style> element "
                                    f"({name}) is not a plain string; see scripts/sitetools/content_security.py.")
            texts.append(found.group(1))
    return texts


def write_policies(site: Path) -> str:
    """Put each page's policy in its head; say how many pages and hashes."""
    styles = theme_styles(site)
    pages = hashes = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        try:
            with_policy = add_policy(html, path.relative_to(site).as_posix(), styles)
        except PolicyProblem as problem:
            raise PolicyProblem(f"{problem} (the built page {path})") from None
        if with_policy != html:
            path.write_text(with_policy, encoding="utf-8")
        pages, hashes = pages + 1, hashes + len(set(inline_parts(html).scripts))
    return f"{pages} pages, {hashes} inline-script hashes, {len(styles)} style(s) the theme's script writes"
