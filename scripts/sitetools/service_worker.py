"""The service worker: after a first visit, the whole site works offline.

Workbox (workbox-build, pinned in package.json) writes sw.js with a
precache manifest: every file a reader needs, each with a hash of its
content. Cache logic is Workbox's, not ours; this module only says which
files and how updates arrive:

- Precached: pages, styles, scripts, the search index, icons, the manifest.
  Not: PDFs (downloads, fetched when asked for), the sitemap, source maps
  and unused search languages (pruning.py deleted those already).
- Updates: a page the browser opens checks sw.js on the network. A new
  deploy changes the hashes; the new worker downloads the changed files,
  then takes over at once (skipWaiting, clientsClaim) and drops the old
  copies. The reader gets new pages on that visit or the next, each page
  with the styles and scripts of its own build, and site.js tells a reader
  whose open page changed ("This page was updated").
- OFF: ./scripts/build --service-worker off writes a no-op worker instead
  (DEVELOPING.md: "Switching offline reading off").

site.js registers sw.js only after the page's `load` event, so the
precache never competes with the first paint.
"""

from __future__ import annotations

import json
import mimetypes
import re
import shutil
import subprocess
from pathlib import Path

from . import ROOT
from .pruning import NEVER_DOWNLOADED
from .bundle_log import SCRIPTS, STYLES
from .served import COMPRESSIBLE, gzip_bytes

WORKER = "sw.js"
GENERATOR = Path(__file__).with_name("service-worker.mjs")
PRECACHED = ["**/*.{html,css,js,json,svg,png,ico,webmanifest}"]
# The app icons are fetched by the phone when the site is added to its home
# screen, not by pages: precaching them would only add their bytes to every first visit.
# The symptom log's page loads only its bundle (symptom-log.min.*, made by
# ./scripts/bundle-log); its readable sources are published for contributors only.
LOG_SOURCES = [f"assets/tools/symptom-log/{name}" for name in SCRIPTS + STYLES]
NOT_PRECACHED = [WORKER, "pdf/**", "sitemap.xml*", "assets/images/icons/**", *NEVER_DOWNLOADED, *LOG_SOURCES]
# Material's bundles carry a hash in their names: no revision needed.
HASHED_NAMES = r"\.[0-9a-f]{8}\.min\.(js|css)$"
# Search results link to pages with ?h=WORD (search.highlight): the same page.
# The movements page links to /symptom-log/?kind=twitch|spasm|cramp: the same page too,
# whose script reads the kind (so the log opens offline from those links).
IGNORED_PARAMETERS = ["^utm_", "^fbclid$", "^h$", "^kind$"]

# Takes over from the real worker, throws away every cache this site made,
# and answers nothing itself: every request goes to the network as if there
# had never been a worker. Browsers fetch it on the reader's next visit.
NO_OP_WORKER = """\
// Offline reading is switched off (./scripts/build --service-worker off).
// This worker replaces the old one, deletes the site's saved copies and
// handles no request, so every page comes from the network.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});
"""


def workbox_options(site: Path) -> dict:
    return {
        "globDirectory": str(site),
        "globPatterns": PRECACHED,
        "globIgnores": NOT_PRECACHED,
        "swDest": str(site / WORKER),
        "directoryIndex": "index.html",
        "ignoreURLParametersMatching": IGNORED_PARAMETERS,
        "dontCacheBustURLsMatching": HASHED_NAMES,
        "skipWaiting": True,
        "clientsClaim": True,
        "cleanupOutdatedCaches": True,
        "inlineWorkboxRuntime": True,  # one file, sw.js: no workbox-*.js beside it
        "sourcemap": False,
        "mode": "production",
        "maximumFileSizeToCacheInBytes": 5_000_000,  # the search index grows with the site
    }


def node() -> str:
    path = shutil.which("node")
    if not path or not (ROOT / "node_modules" / "workbox-build").is_dir():
        raise RuntimeError("Workbox is not installed: ./scripts/build and ./scripts/test install it "
                           "(Node.js and npm from Debian, then npm ci).")
    return path


def write_service_worker(site: Path, enabled: bool = True) -> str:
    if not enabled:
        (site / WORKER).write_text(NO_OP_WORKER, encoding="utf-8")
        return f"{WORKER}: the no-op worker (offline reading switched off)"
    result = subprocess.run([node(), str(GENERATOR), json.dumps(workbox_options(site))],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Workbox could not write the service worker:\n{result.stdout}{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    compressed = precache_bytes(site)
    return (f"{WORKER}: {figures['count']} files precached, {figures['size'] / 1000:,.0f} KB "
            f"({compressed / 1000:,.0f} KB compressed)")


def precached_files(site: Path) -> list[str]:
    """The files in sw.js's precache manifest, relative to the site."""
    text = (site / WORKER).read_text(encoding="utf-8")
    return sorted(set(re.findall(r'url:"([^"]+)"', text)))


def precache_bytes(site: Path) -> int:
    """What a reader downloads for the precache: each file gzip-compressed as the host sends it."""
    total = 0
    for rel in precached_files(site):
        data = (site / rel).read_bytes()
        kind = "application/json" if rel.endswith(".webmanifest") else mimetypes.guess_type(rel)[0] or ""
        total += len(gzip_bytes(data)) if kind.startswith(COMPRESSIBLE) else len(data)
    return total
