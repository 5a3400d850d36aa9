"""MkDocs + Material and Zensical side by side: build time and bytes per page (./scripts/bench --builders)."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
from pathlib import Path

from sitetools import ROOT
from sitetools.building import BUILDERS, site_url
from sitetools.site import Site
from sitetools.page_weight import page_weight

from .common import build, log, save


def builders_bench(out: Path, runs: int) -> int:
    """Build time (median of RUNS builds) and what a first visit to each page
    downloads (compressed HTML, CSS and JavaScript, as the byte-budget test
    counts it), for MkDocs + Material and for Zensical."""
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-builders-") as tmp:
        for name in BUILDERS:
            times = []
            for run in range(runs):
                site = Path(tmp) / f"{name}-{run}"
                log(f"Building with {name} ({run + 1} of {runs})...")
                times.append(build(ROOT / "mkdocs.yml", site, name))
            loaded = Site.load(site, ROOT / "docs", ROOT / "overrides" / "includes" / "glossary.md", site_url())
            cache: dict[Path, int] = {}
            pages = {page.rel: page_weight(loaded, page, cache) for page in loaded.pages}
            figures[name] = {
                "build_s": round(statistics.median(t[0] for t in times), 2),
                "build_cpu_s": round(statistics.median(t[1] for t in times), 2),
                "pages": {rel: {"html": w.html, "css": w.css, "js": w.js, "total": w.total} for rel, w in pages.items()},
                "page_total_median_bytes": round(statistics.median(w.total for w in pages.values())),
            }
    first, second = BUILDERS
    print(f"\n{'':<34} {first:>12} {second:>12}")
    print(f"{'build, wall (median of ' + str(runs) + ')':<34} {figures[first]['build_s']:>11.2f}s "
          f"{figures[second]['build_s']:>11.2f}s")
    print(f"{'build, CPU':<34} {figures[first]['build_cpu_s']:>11.2f}s {figures[second]['build_cpu_s']:>11.2f}s")
    print("bytes per page (first visit, compressed: HTML + CSS + JavaScript):")
    for rel in sorted(set(figures[first]["pages"]) | set(figures[second]["pages"])):
        cells = [figures[b]["pages"].get(rel, {}).get("total") for b in BUILDERS]
        print(f"  {rel:<32} " + " ".join(f"{c:>12,}" if c else f"{'-':>12}" for c in cells))
    print(f"{'  median':<34} " + " ".join(f"{figures[b]['page_total_median_bytes']:>12,}" for b in BUILDERS))
    for part in ("html", "css", "js"):
        medians = [round(statistics.median(p[part] for p in figures[b]["pages"].values())) for b in BUILDERS]
        print(f"{'    of which ' + part + ' (median)':<34} " + " ".join(f"{m:>12,}" for m in medians))
    save(out, "builders", {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                           "runs": runs, **figures})
    return 0
