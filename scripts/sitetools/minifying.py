"""Minify the site's own stylesheets and scripts in the built site.

docs/ keeps them readable, with the comments that say why each rule exists;
readers get them without comments and spaces. Material's own files and
vendored libraries already come minified (*.min.css, *.min.js): left alone.
rcssmin and rjsmin are small, well-kept minifiers that only take out
comments and whitespace; they do not rename or reorder anything.

compact_script() goes further, for the symptom log's bundle, whose bytes
count on a first visit: terser (run by Node.js, as Workbox is) also
shortens local names and rewrites code into shorter equivalents. Global
names and property names are never renamed (other scripts and the tests
use window.SymptomLogFormat, SymptomLogStorage, SymptomLogError), and the
output stays ES5 like the sources, for older WebKit phones. It writes no
eval and no inline script, so the Content-Security-Policy is unchanged.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import rcssmin
import rjsmin

from . import ROOT

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}

TERSER = Path(__file__).with_name("minify-script.mjs")
TERSER_OPTIONS = {
    "ecma": 5,  # read, compress and write ES5 only: no arrow functions or other newer syntax
    "toplevel": False,  # keep every global name: only names inside functions are shortened
    "compress": {"passes": 2},
    "mangle": True,  # properties are never mangled by default
    "safari10": True,  # works around old Safari/WebKit bugs with loops and closures
    "format": {"comments": False},  # the bundle's banner and licence are added by bundle_log.py
}


def compact_script(text: str) -> str:
    """TEXT (ES5) minified by terser with TERSER_OPTIONS."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "terser").is_dir():
        raise RuntimeError("terser is not installed: ./scripts/build and ./scripts/test install it "
                           "(Node.js and npm from Debian, then npm ci).")
    result = subprocess.run([node, str(TERSER), json.dumps(TERSER_OPTIONS)], input=text,
                            cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"terser could not minify the script:\n{result.stderr}")
    return result.stdout


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
