"""Minify the site's own stylesheets and scripts in the built site.

docs/ keeps them readable, with the comments that say why each rule exists;
readers get them without comments and spaces. Material's own files and
vendored libraries already come minified (*.min.css, *.min.js): left alone.
rcssmin and rjsmin are small, well-kept minifiers that only take out
comments and whitespace; they do not rename or reorder anything.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify(site: Path) -> str:
    before = after = files = 0
    for path in sorted((site / "assets").rglob("*")):
        minifier = MINIFIERS.get(path.suffix)
        if minifier is None or ".min." in path.name or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minifier(text)
        if smaller != text:
            path.write_text(smaller, encoding="utf-8")
        before, after, files = before + len(text.encode()), after + len(smaller.encode()), files + 1
    return f"{files} files of our own, {before:,} -> {after:,} bytes"
