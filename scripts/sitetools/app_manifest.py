"""The web app manifest: what a phone needs to add the site to its home screen.

Written after the build from mkdocs.yml (name, description), so no fact is
kept twice. Every address in it is relative to the manifest itself, which
sits at the site's root: the app's start page and scope are then the
site's own path under site_url (e.g. /muscle-twitching/), wherever it is
published, and the app never claims the rest of the host.
"""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST = "manifest.webmanifest"
ICONS = "assets/images/icons"
SHORT_NAME = "Fibro twitching"  # under the icon on a home screen: 12 to 15 letters fit
# Material's "indigo" (mkdocs.yml palette: primary indigo): the header's colour.
THEME_COLOUR = "#4051b5"
BACKGROUND_COLOUR = "#ffffff"
# The icon files (docs/assets/images/icons/, drawn from icon.svg there).
ICON_FILES = [
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    # Drawn to the edge, the picture inside the central 80 %: phones cut it to their own shape.
    ("icon-maskable-192.png", 192, "maskable"),
    ("icon-maskable-512.png", 512, "maskable"),
]


def manifest(config: dict) -> dict:
    return {
        "name": config["site_name"],
        "short_name": SHORT_NAME,
        "description": " ".join((config.get("site_description") or "").split()),
        "lang": config["theme"]["language"],
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{"src": f"{ICONS}/{name}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for name, size, purpose in ICON_FILES],
    }


def write_manifest(site: Path, config: dict) -> str:
    (site / MANIFEST).write_text(json.dumps(manifest(config), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return f"{MANIFEST} with {len(ICON_FILES)} icons"


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG file's header, or None if it is no PNG."""
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def manifest_problems(site: Path, site_url: str) -> list[str]:
    """What would stop a phone adding the site to its home screen, in plain words."""
    from urllib.parse import urljoin, urlsplit

    path = site / MANIFEST
    where = f"{MANIFEST} (written by scripts/sitetools/app_manifest.py)"
    if not path.is_file():
        return [f"{where} is missing: phones cannot add the site to the home screen."]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [f"{where} is not valid JSON ({error})."]
    problems = []
    for key in ("name", "short_name", "start_url", "scope", "display", "icons"):
        if not data.get(key):
            problems.append(f"{where} has no {key!r}.")
    address = urljoin(site_url, MANIFEST)
    site_path = urlsplit(site_url).path
    for key in ("start_url", "scope"):
        resolved = urlsplit(urljoin(address, data.get(key, ""))).path
        if resolved != site_path:
            problems.append(f"{where}: {key!r} leads to {resolved}, not to the site's own path {site_path}: "
                            "the app would open or claim pages that are not this site's.")
    sizes = {}
    for icon in data.get("icons", []):
        file = site / urlsplit(urljoin(address, icon.get("src", ""))).path.removeprefix(site_path)
        if not file.is_file():
            problems.append(f"{where}: the icon {icon.get('src')} does not exist.")
            continue
        actual = png_size(file)
        said = icon.get("sizes", "")
        if actual is None or f"{actual[0]}x{actual[1]}" != said:
            problems.append(f"{where}: the icon {icon.get('src')} says it is {said} but is "
                            f"{'no PNG' if actual is None else '%dx%d' % actual}.")
        for purpose in icon.get("purpose", "any").split():
            sizes.setdefault(purpose, set()).add(said)
    for purpose in ("any", "maskable"):
        missing = {"192x192", "512x512"} - sizes.get(purpose, set())
        if missing:
            problems.append(f"{where}: no {purpose} icon of {', '.join(sorted(missing))} pixels.")
    return problems
