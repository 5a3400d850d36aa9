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
