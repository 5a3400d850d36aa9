"""Leave out of the built site what readers never download.

Source maps are for developers' browser tools only. Material ships the
stemmers of every search language in assets/javascripts/lunr/; its search
worker loads only those of the languages mkdocs.yml names (search `lang`),
and for English none at all. Less to publish, and the service worker's
precache (service_worker.py) then has nothing to leave out by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

LUNR = Path("assets/javascripts/lunr")
# What readers never download, as glob patterns (Workbox's syntax): the one
# list. prune() deletes these files, the service worker leaves them out of its
# precache, and the bench leaves them out of what readers download. The search
# languages are there because mkdocs.yml names English alone.
NEVER_DOWNLOADED = ["**/*.map", f"{LUNR.as_posix()}/**"]
# What Material's search worker loads for languages other than English
# (Material's src/templates/assets/javascripts/workers/search).
LUNR_SHARED = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
LUNR_EXTRA = {"ja": {"tinyseg.js"}, "th": {"wordcut.js"}}


def search_languages(config: dict) -> list[str]:
    for plugin, settings in config["plugins"].items():
        if plugin.split("/")[-1] == "search":
            lang = settings.config.get("lang") or ["en"]
            return [lang] if isinstance(lang, str) else list(lang)
    return ["en"]


def needed_lunr_files(languages: list[str]) -> set[str]:
    others = [lang for lang in languages if lang != "en"]
    if not others:
        return set()
    needed = set(LUNR_SHARED)
    for lang in others:
        needed.add(f"min/lunr.{lang}.min.js")
        needed |= LUNR_EXTRA.get(lang, set())
    return needed


def _glob_pattern(pattern: str) -> re.Pattern:
    """A glob as Workbox reads it: "**/" is any folders or none, "*" stays inside one folder."""
    parts = re.split(r"(\*\*/|\*\*|\*)", pattern)
    wild = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*"}
    return re.compile("".join(wild.get(part) or re.escape(part) for part in parts) + "$")


_NEVER_DOWNLOADED = [_glob_pattern(pattern) for pattern in NEVER_DOWNLOADED]


def never_downloaded(path: str) -> bool:
    """Whether a reader never downloads the site's file PATH ("assets/x.js.map")."""
    return any(pattern.match(path) for pattern in _NEVER_DOWNLOADED)


def prune(site: Path, config: dict) -> str:
    """Delete source maps and unused search languages; say what went."""
    maps = [path for path in site.rglob("*.map") if never_downloaded(path.relative_to(site).as_posix())]
    freed = sum(path.stat().st_size for path in maps)
    for path in maps:
        path.unlink()
    lunr = site / LUNR
    removed = 0
    if lunr.is_dir():
        keep = needed_lunr_files(search_languages(config))
        for path in sorted(lunr.rglob("*"), reverse=True):
            rel = path.relative_to(lunr).as_posix()
            if path.is_file() and rel not in keep:
                freed += path.stat().st_size
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if not any(lunr.iterdir()):
            lunr.rmdir()
    return f"{len(maps)} source maps and {removed} unused search-language files left out ({freed / 1e6:.1f} MB)"
