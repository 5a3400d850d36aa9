"""What the service worker saves, and the no-op worker that switches it off
(DEVELOPING.md, "Switching offline reading off"). Both workers are tested
in Chromium by tests/test_offline.py and tests/test_updates.py."""

from __future__ import annotations

from sitetools.building import search_index_file
from sitetools.pruning import NEVER_DOWNLOADED, never_downloaded
from sitetools.service_worker import LOG_SOURCES, NO_OP_WORKER, NOT_PRECACHED, WORKER, precached_files, write_service_worker


def precache_problems(saved: set[str], pages: set[str], index: str | None) -> list[str]:
    """What is wrong with a precache list, in plain words (empty when all is well)."""
    problems = [f"Pages missing from the offline copy: {sorted(pages - saved)}. They would not open offline. "
                "How to fix: check NOT_PRECACHED in scripts/sitetools/service_worker.py."] if pages - saved else []
    if not index or index not in saved:
        problems.append("The search index is not saved, so search would not work offline.")
    unwanted = sorted(f for f in saved if f.endswith((".map", ".pdf")) or "/lunr/" in f
                      or f.startswith("assets/images/icons/") or f in LOG_SOURCES)
    if unwanted:
        problems.append(f"Saved for offline use but never needed by a page: {unwanted}. Readers would download "
                        "them for nothing. How to fix: add them to NOT_PRECACHED in scripts/sitetools/service_worker.py.")
    return problems


def test_precache_holds_every_page_and_nothing_readers_never_need(built_site):
    saved = set(precached_files(built_site))
    pages = {html.relative_to(built_site).as_posix() for html in built_site.rglob("*.html")}
    index = search_index_file(built_site)  # search/search_index.json, or Zensical's search.json
    problems = precache_problems(saved, pages, index and index.relative_to(built_site).as_posix())
    assert not problems, "\n".join(problems)


def test_precache_check_catches_a_missing_page_a_missing_index_and_a_source_map():
    problems = precache_problems({"index.html", "assets/site.js.map", LOG_SOURCES[0]},
                                 {"index.html", "glossary/index.html"}, "search/search_index.json")
    assert len(problems) == 3, problems
    assert "glossary/index.html" in problems[0] and "search index" in problems[1]
    assert "assets/site.js.map" in problems[2] and LOG_SOURCES[0] in problems[2]


def test_no_op_worker_handles_nothing_and_clears_the_saved_copies(tmp_path):
    said = write_service_worker(tmp_path, enabled=False)
    text = (tmp_path / WORKER).read_text(encoding="utf-8")
    assert text == NO_OP_WORKER and "no-op" in said
    assert '"fetch"' not in text, "a no-op worker must not answer requests: pages come from the network"
    assert "caches.delete" in text and "skipWaiting" in text and "clients.claim" in text, text


def test_the_never_downloaded_list_matches_as_workbox_reads_it():
    """One list (pruning.NEVER_DOWNLOADED) for pruning, the precache and the bench: "**/" may be no folder at all."""
    assert [never_downloaded(path) for path in ("site.js.map", "assets/x/site.js.map", "assets/javascripts/lunr/min/a.js",
                                                "assets/javascripts/lunrish.js", "index.html", "a.mapx")] == [
        True, True, True, False, False, False]
    assert set(NEVER_DOWNLOADED) <= set(NOT_PRECACHED)
