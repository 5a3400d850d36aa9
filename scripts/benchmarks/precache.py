"""The offline copy: the service worker's precache and each page's first-visit bytes (./scripts/bench --precache)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from sitetools.building import site_url
from sitetools.served import serve  # the same server the tests use

from .common import build_published, page_addresses, save


def precache_figures(site: Path) -> dict:
    """What the service worker costs a reader: the precache's size, and for each page
    the bytes of a first visit (fresh browser, gzip as served) until the page's `load`
    event, then after it, while the worker saves the site (it starts only after load)."""
    from playwright.sync_api import sync_playwright

    from sitetools.browser import launch_chromium
    from sitetools.service_worker import precache_bytes, precached_files

    files = precached_files(site)
    figures = {"files": len(files), "bytes": sum((site / f).stat().st_size for f in files),
               "compressed_bytes": precache_bytes(site), "pages": []}
    server, base = serve(site, urlsplit(site_url()).path, compress=True)
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for page in page_addresses(site):
                context = browser.new_context()
                requests, loaded = [], []
                context.on("requestfinished", lambda request: requests.append((request, bool(loaded))))
                tab = context.new_page()
                tab.goto(base + page, wait_until="load")
                loaded.append(True)
                # Not wait_for_function: it runs its condition through eval(), which the pages'
                # Content-Security-Policy forbids.
                tab.evaluate("""() => navigator.serviceWorker.controller !== null || new Promise((done, fail) => {
                    navigator.serviceWorker.addEventListener("controllerchange", () => done(true));
                    setTimeout(() => fail(new Error("no service worker took over within 60 s")), 60000); })""")
                tab.wait_for_timeout(500)  # the last responses' figures
                before = sum(sizes(r) for r, after in requests if not after)
                after = sum(sizes(r) for r, after in requests if after)
                figures["pages"].append({"page": page or "home", "until_load": before, "after_load": after,
                                         "first_visit": before + after})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return figures


def sizes(request) -> int:
    """Bytes on the wire for one response: its body as sent (compressed) and its headers."""
    try:
        measured = request.sizes()
    except Exception:  # a request answered from a cache has no network figures
        return 0
    return measured["responseBodySize"] + measured["responseHeadersSize"]


def print_precache_table(figures: dict) -> None:
    print(f"\nOffline reading: the service worker precaches {figures['files']} files, "
          f"{figures['bytes'] / 1000:.0f} KB ({figures['compressed_bytes'] / 1000:.0f} KB compressed, as sent).")
    header = f"{'page':<24} {'until load':>10} {'after load':>10} {'first visit':>11}"
    print(header)
    print("-" * len(header))
    for row in figures["pages"]:
        print(f"{row['page']:<24} {row['until_load'] / 1000:>8.1f}KB {row['after_load'] / 1000:>8.1f}KB "
              f"{row['first_visit'] / 1000:>9.1f}KB")
    print("until load: what the page itself costs (the worker starts only after the load event); after load: "
          "the worker saving the rest of the site, once per reader and again only for files that change.")


def precache_bench(out: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp)
        build_published(site)
        figures = precache_figures(site)
    print_precache_table(figures)
    save(out, "precache", {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **figures})
    return 0
