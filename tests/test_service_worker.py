"""What the service worker saves, and the no-op worker that switches it off
(CONTRIBUTING, "Switching offline reading off"). The worker itself is tested
in Chromium by tests/test_offline.py and tests/test_updates.py."""

from __future__ import annotations

from sitetools.building import search_index_file
from sitetools.service_worker import LOG_SOURCES, NO_OP_WORKER, WORKER, precached_files, write_service_worker


def test_precache_holds_every_page_and_nothing_readers_never_need(built_site):
    saved = set(precached_files(built_site))
    pages = {html.relative_to(built_site).as_posix() for html in built_site.rglob("*.html")}
    assert pages <= saved, f"pages missing from the precache: {sorted(pages - saved)}"
    index = search_index_file(built_site)  # search/search_index.json, or Zensical's search.json
    assert index and index.relative_to(built_site).as_posix() in saved, "offline search needs the search index"
    unwanted = sorted(f for f in saved if f.endswith((".map", ".pdf")) or "/lunr/" in f or f.startswith("assets/images/icons/")
                      or f in LOG_SOURCES)
    assert not unwanted, f"precached but never needed by a page: {unwanted}"


def test_no_op_worker_handles_nothing_and_clears_the_saved_copies(tmp_path):
    said = write_service_worker(tmp_path, enabled=False)
    text = (tmp_path / WORKER).read_text(encoding="utf-8")
    assert text == NO_OP_WORKER and "no-op" in said
    assert '"fetch"' not in text, "a no-op worker must not answer requests: pages come from the network"
    assert "caches.delete" in text and "skipWaiting" in text and "clients.claim" in text, text
