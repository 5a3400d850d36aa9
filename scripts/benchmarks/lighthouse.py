"""Lighthouse on every page of the published site (./scripts/bench with no option, and --builders --lighthouse)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT
from sitetools.browser import CHROMIUM_ARGS, chromium_path  # one list of browser flags
from sitetools.building import site_url
from sitetools.served import gzip_bytes, serve  # the same server the tests use

from .common import build, build_published, busy_note, log, page_addresses, save
from .precache import precache_figures, print_precache_table


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The issue's targets. 100 KB is 100,000 bytes, counted as Lighthouse's total-byte-weight
# (bytes on the wire, compressed) on a first visit with an empty cache.
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_BYTES = 100_000
MAX_LCP_MS = 1500


def run_lighthouse(url: str, report: Path) -> dict:
    browser = chromium_path()
    if browser is None:
        sys.exit("No Chromium found (set CHROMIUM or install Debian's chromium).")
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
        "--form-factor=mobile", "--throttling-method=simulate",  # Lighthouse's mobile profile, stated
        f"--only-categories={','.join(CATEGORIES)}",
        "--no-enable-error-reporting",  # never send anything anywhere
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": browser},
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(report.read_text())


def uncounted_worker_bytes(lhr: dict, site: Path, base: str) -> int:
    """Bytes of the search worker's own script that Lighthouse leaves out.

    Chromium reports a worker target's download with its headers only (about
    300 bytes), so total-byte-weight misses the body: here it is, compressed as served.
    """
    missing = 0
    for item in lhr["audits"]["network-requests"]["details"]["items"]:
        if item.get("sessionTargetType") == "worker" and item["url"].startswith(base):
            path = site / item["url"][len(base):].split("?")[0]
            body = len(gzip_bytes(path.read_bytes())) if path.is_file() else 0
            if item.get("transferSize", 0) < body:
                missing += body
    return missing


def figures_of(page: str, lhr: dict, worker_bytes: int = 0) -> dict:
    audits, categories = lhr["audits"], lhr["categories"]

    def value(audit_id: str) -> float | None:
        return audits[audit_id].get("numericValue")

    failing = []
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:
            if ref.get("group") == "metrics":
                continue  # FCP, LCP, TBT, CLS, Speed Index: their values are in the table
            audit = audits[ref["id"]]
            scored = ref["weight"] > 0 or category == "performance" and audit.get("details", {}).get("type") == "opportunity"
            if scored and audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] != "informative":
                failing.append({"category": category, "id": ref["id"], "title": audit["title"],
                                "display": audit.get("displayValue", "")})
    return {
        "page": page or "/",
        "url": lhr["finalDisplayedUrl"],
        "scores": {c: round(categories[c]["score"] * 100) if categories[c]["score"] is not None else None
                   for c in CATEGORIES},
        "lcp_ms": round(value("largest-contentful-paint")),
        "fcp_ms": round(value("first-contentful-paint")),
        "tbt_ms": round(value("total-blocking-time")),
        "cls": round(value("cumulative-layout-shift"), 3),
        "bytes": round(value("total-byte-weight")),
        "bytes_with_worker": round(value("total-byte-weight")) + worker_bytes,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "failing_audits": failing,
    }


def misses(row: dict) -> list[str]:
    """Which of the issue's targets this page misses."""
    found = [f"{c} {row['scores'][c]}" for c, target in TARGETS.items() if (row["scores"][c] or 0) < target]
    if row["bytes"] > MAX_BYTES:
        found.append(f"{row['bytes'] / 1000:.1f} KB > {MAX_BYTES / 1000:.0f} KB")
    elif row["bytes_with_worker"] > MAX_BYTES:
        found.append(f"{row['bytes_with_worker'] / 1000:.1f} KB with the search worker > {MAX_BYTES / 1000:.0f} KB")
    if row["lcp_ms"] >= MAX_LCP_MS:
        found.append(f"LCP {row['lcp_ms'] / 1000:.2f} s >= {MAX_LCP_MS / 1000} s")
    return found


def print_lighthouse_table(rows: list[dict]) -> None:
    header = (f"{'page':<24} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'LCP s':>6} {'TBT ms':>6} {'CLS':>6} "
              f"{'KB':>6} {'KB+w':>6} {'req':>4}  targets")
    print(header)
    print("-" * len(header))
    for row in rows:
        s = row["scores"]
        verdict = "; ".join(misses(row)) or "met"
        print(f"{row['page']:<24} {s['performance']:>4} {s['accessibility']:>4} {s['best-practices']:>4} {s['seo']:>4} "
              f"{row['lcp_ms'] / 1000:>6.2f} {row['tbt_ms']:>6} {row['cls']:>6.3f} {row['bytes'] / 1000:>6.1f} "
              f"{row['bytes_with_worker'] / 1000:>6.1f} "
              f"{row['requests']:>4}  {verdict}")
    print(f"\nTargets: 100 in performance, accessibility, best practices and SEO; at most {MAX_BYTES / 1000:.0f} KB "
          f"transferred (compressed) on a first visit; LCP under {MAX_LCP_MS / 1000} s (Lighthouse mobile, simulated).\n"
          "KB: Lighthouse's total-byte-weight (1 KB = 1000 bytes). KB+w: the same plus the search worker's script, "
          "which Lighthouse counts as headers only. req: requests. LCP/TBT/CLS: the median-LCP run.")
    seen: dict[str, list[str]] = {}
    for row in rows:
        for audit in row["failing_audits"]:
            key = f"[{audit['category']}] {audit['id']}: {audit['title']}"
            seen.setdefault(key, []).append(row["page"])
    if seen:
        print("\nWhat else Lighthouse flags (audit: pages):")
        for key, pages in sorted(seen.items()):
            print(f"  {key}: {', '.join(pages) if len(pages) < len(rows) else 'every page'}")


def median_run(runs: list[dict]) -> dict:
    """The run with the median LCP, reported whole (as Lighthouse's own median-run helper does),
    with every run's LCP and TBT kept to show the spread."""
    ordered = sorted(runs, key=lambda row: row["lcp_ms"])
    chosen = ordered[(len(ordered) - 1) // 2]
    return {**chosen, "runs": len(runs), "lcp_ms_runs": [row["lcp_ms"] for row in runs],
            "tbt_ms_runs": [row["tbt_ms"] for row in runs]}


def lighthouse_bench(out: Path, runs: int, with_builder: str = "mkdocs") -> int:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run ./scripts/bench, which runs `npm ci` first.")
    reports = out.parent / ("lighthouse" if with_builder == "mkdocs" else f"lighthouse-{with_builder}")
    reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp)
        if with_builder == "mkdocs":
            log("Building the site as ./scripts/build does (the PDFs left out: no page loads them)...")
            build_published(site)
        else:
            log(f"Building the site with {with_builder}...")
            build(ROOT / "mkdocs.yml", site, with_builder)
        server, base = serve(site, urlsplit(site_url()).path, compress=True)
        rows, lhr, loads = [], {}, []
        try:
            for page in page_addresses(site):
                log(f"Lighthouse x{runs}: {base}{page}")
                name = page.strip("/").replace("/", "_") or "home"
                page_runs = []
                for run in range(runs):
                    loads.append(os.getloadavg()[0])
                    lhr = run_lighthouse(base + page, reports / f"{name}.{run + 1}.json")
                    page_runs.append(figures_of(page, lhr, uncounted_worker_bytes(lhr, site, base)))
                rows.append(median_run(page_runs))
        finally:
            server.shutdown()
        precache = precache_figures(site)
    print_lighthouse_table(rows)
    print_precache_table(precache)
    note = busy_note(loads)
    if note:
        print(f"\n{note}")
    save(out, "lighthouse" if with_builder == "mkdocs" else f"lighthouse-{with_builder}", {
        "builder": with_builder,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "lighthouse": lhr.get("lighthouseVersion"),
        "browser": lhr.get("environment", {}).get("hostUserAgent"),
        "profile": "mobile, simulated throttling (Lighthouse default)",
        "runs_per_page": runs,
        "load_average_max": round(max(loads), 1),
        "targets": {**TARGETS, "max_bytes": MAX_BYTES, "max_lcp_ms": MAX_LCP_MS},
        "pages": [{**row, "misses": misses(row)} for row in rows],
        "precache": precache,
    })
    return 0
