"""The benchmark behind scripts/bench. A script, not a test: it reports figures, it passes nothing.

Default: build the site, serve it gzip-compressed on 127.0.0.1 under its site_url
path, run Lighthouse (mobile profile, simulated slow 4G and a slow phone CPU) on
every page, print a table and write the figures as JSON.

--log: the symptom log with 1,000 entries (about three years): time to open the
page and show the summary with the CPU slowed 4 times, and the bytes stored.
Then a log of 50,000 entries, "Everything" shown: time to save an entry, delete
one, save a backup file, and load that file back into an empty browser.

--builders: MkDocs + Material and Zensical side by side: build time and
bytes per page (--lighthouse adds Lighthouse on each builder's site).

--scale: build 100, 500 and 1000 synthetic pages in a temporary copy of the
project and report how build time, site size, search index and page size grow,
and what Material's navigation features do to the navigation repeated in every page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT
from sitetools.browser import CHROMIUM_ARGS, chromium_path  # one list of browser flags
from sitetools.building import BUILDERS, run_build, site_url
from sitetools.site import Site
from sitetools.page_weight import page_weight
from sitetools.pages import site_pages  # the one list of pages, folders included
from sitetools.pruning import never_downloaded
from sitetools.served import gzip_bytes, serve  # the same server the tests use

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The issue's targets. 100 KB is 100,000 bytes, counted as Lighthouse's total-byte-weight
# (bytes on the wire, compressed) on a first visit with an empty cache.
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_BYTES = 100_000
MAX_LCP_MS = 1500


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(config: Path, dest: Path, with_builder: str = "mkdocs") -> tuple[float, float]:
    """Build strictly, like the tests (sitetools.building). Stop on any warning.

    Returns (wall seconds, CPU seconds): other work on the machine stretches the
    first; the second shows the build's own cost.
    """
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    clean, output = run_build(config, dest, with_builder)
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    if not clean:
        sys.exit(f"The site did not build cleanly with {with_builder}:\n{output}")
    return wall, cpu


def save(out: Path, section: str, figures: dict) -> None:
    """Write FIGURES under SECTION of the JSON file, keeping the other section."""
    results = json.loads(out.read_text()) if out.is_file() else {}
    results[section] = figures
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    log(f"Figures written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


# --- Lighthouse on every page ------------------------------------------------

def page_addresses(site: Path) -> list[str]:
    """Every page below the site root: "" (home), "movements/", ... and the 404 page."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    pages = ["" if p == "./" else p for p in pages]
    # Served as /404.html it answers 200; at a missing address (status 404) Lighthouse refuses to score.
    return pages + (["404.html"] if (site / "404.html").is_file() else [])


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


def busy_note(loads: list[float]) -> str:
    """Lighthouse's simulated timings scale the CPU time it observed: a busy machine reads slow."""
    cores = os.cpu_count() or 1
    if max(loads) <= cores:
        return ""
    return (f"Note: the machine was busy (load average up to {max(loads):.1f} on {cores} cores); "
            "Lighthouse simulates a slow phone from the CPU time it observed, so LCP, TBT and with them "
            "the performance score read worse. The other scores, CLS and bytes are not affected.")


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


# --- Offline reading: the precache -------------------------------------------

def build_published(site: Path) -> None:
    """The site as published (sitetools/pipeline.py), without the slow PDFs."""
    from sitetools.pipeline import StepFailed, build_site
    try:
        build_site(site, skip={"pdfs"}, log=log)
    except StepFailed as error:
        sys.exit(str(error))


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


# --- Build scaling -----------------------------------------------------------

SIZES = (100, 500, 1000)
LAYOUT_PAGES = 500
PAGES_PER_SECTION = 20  # a site this big would group its pages by topic
# Material features that change how much navigation each page carries.
LAYOUTS = {
    "as now": [],
    "+ navigation.sections": ["navigation.sections"],
    "+ navigation.prune": ["navigation.prune"],
    "+ sections + prune": ["navigation.sections", "navigation.prune"],
}


def real_sentences(project: Path) -> list[str]:
    """Sentences of the real pages, links removed, so synthetic pages read (and compress) like real ones."""
    sentences = []
    for page in site_pages(project / "docs"):
        text = (project / "docs" / page.source).read_text(encoding="utf-8")
        if text.startswith("---\n") and "\n---" in text[3:]:
            text = text[text.index("\n---", 3) + 4:]  # skip the front matter
        for line in text.splitlines():
            line = line.strip()
            if not line[:1].isalpha() or "|" in line:
                continue  # headings, lists markers, admonitions, tables, HTML
            line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # a link would break in another folder
            line = re.sub(r"\[\^[^\]]*\]|\{[^}]*\}", "", line)
            sentences += [s.strip() for s in re.findall(r"[^.!?]+[.!?]", line)]
    return sentences or ["Muscles can twitch, spasm or cramp without you choosing."]


def synthetic_page(number: int, sentences: list[str]) -> str:
    """Plain Markdown with front matter like a real page: about 400 words, headings, a shuffle of real sentences."""
    pick = random.Random(number)  # the same pages on every run
    paragraphs = [" ".join(pick.choices(sentences, k=5)) for _ in range(6)]
    body = "\n\n".join(f"## Part {p + 1}\n\n{text}" if p % 2 == 0 else text for p, text in enumerate(paragraphs))
    return (f"---\ntitle: Synthetic page {number}\n"
            f"description: Synthetic page {number}, made by scripts/bench --scale to measure the build.\n"
            f"last_reviewed: 2026-11-25\nnext_review: 2027-11-25\nsources:\n  - title: None, synthetic\n---\n\n"
            f"# Synthetic page {number}\n\n{body}\n")


def snapshot(dest: Path) -> Path:
    """Copy what the build reads, once: pages being edited meanwhile don't skew the comparison."""
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, dest / part)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def make_project(source: Path, dest: Path, pages: int, extra_features: list[str]) -> Path:
    """A copy of SOURCE with PAGES synthetic pages; returns its config file."""
    from mkdocs.utils.yaml import yaml_load  # reads mkdocs.yml's !ENV tags

    shutil.copytree(source, dest)
    original = yaml_load((source / "mkdocs.yml").read_text())
    nav = list(original["nav"])
    sentences = real_sentences(source)
    for first in range(1, pages + 1, PAGES_PER_SECTION):
        section = f"topic-{first // PAGES_PER_SECTION + 1:03}"
        entries = []
        for number in range(first, min(first + PAGES_PER_SECTION, pages + 1)):
            path = dest / "docs" / "synthetic" / section / f"page-{number:04}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(synthetic_page(number, sentences))
            entries.append({f"Synthetic page {number}": f"synthetic/{section}/{path.name}"})
        nav.append({f"Synthetic {section}": entries})
    # MkDocs' INHERIT keeps every setting of mkdocs.yml and replaces only these lists.
    config = {"INHERIT": "mkdocs.yml", "nav": nav,
              "theme": {"features": original["theme"]["features"] + extra_features}}
    path = dest / "mkdocs.scale.yml"
    path.write_text(json.dumps(config, indent=1))  # JSON is YAML
    return path


def nav_bytes(html: str) -> int:
    """Bytes of the site navigation (Material's primary <nav>), nested <nav>s included."""
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth = 0
    for tag in re.finditer(r"<nav\b|</nav>", html[start:]):
        depth += 1 if tag.group() == "<nav" else -1
        if depth == 0:
            return len(html[start:start + tag.end()].encode())
    return 0


def measure(site: Path, seconds: tuple[float, float]) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    readers = [p for p in files if not never_downloaded(p.relative_to(site).as_posix())]
    pages = [p for p in site.rglob("index.html") if "synthetic" in p.parts] or list(site.rglob("index.html"))
    html = [p.read_bytes() for p in pages]
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "pages": len(list(site.rglob("index.html"))),
        "build_s": round(seconds[0], 1),
        "build_cpu_s": round(seconds[1], 1),
        "site_bytes": sum(p.stat().st_size for p in files),
        "site_bytes_for_readers": sum(p.stat().st_size for p in readers),
        "search_index_bytes": len(index),
        "search_index_gzip_bytes": len(gzip_bytes(index)),
        "page_html_median_bytes": round(statistics.median(len(h) for h in html)),
        "page_html_gzip_median_bytes": round(statistics.median(len(gzip_bytes(h)) for h in html)),
        "nav_median_bytes": round(statistics.median(nav_bytes(h.decode()) for h in html)),
    }


def print_scale_table(title: str, rows: list[dict]) -> None:
    def mb(n: int) -> str:
        return f"{n / 1e6:.1f} MB"

    def kb(n: int) -> str:
        return f"{n / 1000:.1f} KB"

    print(f"\n{title}")
    header = (f"{'run':<26} {'pages':>5} {'build':>7} {'cpu':>7} {'site':>9} {'readers':>9} {'index':>9} {'index gz':>9} "
              f"{'page':>9} {'page gz':>8} {'nav':>9} {'nav %':>6}")
    print(header)
    print("-" * len(header))
    for row in rows:
        share = row["nav_median_bytes"] / row["page_html_median_bytes"] * 100
        print(f"{row['run']:<26} {row['pages']:>5} {row['build_s']:>6.1f}s {row['build_cpu_s']:>6.1f}s {mb(row['site_bytes']):>9} "
              f"{mb(row['site_bytes_for_readers']):>9} {kb(row['search_index_bytes']):>9} "
              f"{kb(row['search_index_gzip_bytes']):>9} {kb(row['page_html_median_bytes']):>9} "
              f"{kb(row['page_html_gzip_median_bytes']):>8} {kb(row['nav_median_bytes']):>9} {share:>5.0f}%")


def scale_bench(out: Path, sizes: tuple[int, ...]) -> int:
    growth, layouts = [], []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        source = snapshot(Path(tmp) / "source")
        log("Building the site as it is...")
        today = Path(tmp) / "today"
        growth.append({"run": "site today", "synthetic_pages": 0, "features": [],
                       **measure(today, build(source / "mkdocs.yml", today))})
        shutil.rmtree(today)
        runs = [(f"{n} pages", n, []) for n in sizes]
        if LAYOUT_PAGES not in sizes:
            runs.append((f"{LAYOUT_PAGES} pages", LAYOUT_PAGES, []))
        runs += [(f"{LAYOUT_PAGES} {name}", LAYOUT_PAGES, features) for name, features in LAYOUTS.items() if features]
        for number, (name, pages, features) in enumerate(runs):
            project = Path(tmp) / f"project-{number}"
            config = make_project(source, project, pages, features)
            log(f"Building {name}...")
            row = {"run": name, "synthetic_pages": pages, "features": features,
                   **measure(project / "site", build(config, project / "site"))}
            (layouts if features else growth).append(row)
            shutil.rmtree(project)  # a 1000-page site takes hundreds of MB
    as_now = [{**row, "run": f"{LAYOUT_PAGES} {next(iter(LAYOUTS))}"}
              for row in growth if row["synthetic_pages"] == LAYOUT_PAGES]
    growth = [row for row in growth if row["synthetic_pages"] in (0, *sizes)]
    print_scale_table("Growth (mkdocs.yml as it is, plus synthetic pages in nav sections of "
                      f"{PAGES_PER_SECTION}; page and nav: medians over the synthetic pages):", growth)
    print_scale_table(f"Layout choices at {LAYOUT_PAGES} synthetic pages:", as_now + layouts)
    print("\nsite: everything built; readers: without source maps and unused search languages (never downloaded); "
          "index: search/search_index.json; page: one page's HTML; nav: its site navigation; "
          "build: wall time of `mkdocs build --strict`, Python start-up included; cpu: the build's own CPU time.")
    save(out, "scale", {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "pages_per_section": PAGES_PER_SECTION,
        "growth": growth,
        "layouts": as_now + layouts,
    })
    return 0


# --- The symptom log with a big log ------------------------------------------

LOG_ENTRIES = 1000
BIG_LOG_ENTRIES = 50_000
CPU_SLOWDOWN = 4
# In the page, before its scripts: when the log says it is ready (summary drawn).
READY_CLOCK = """new MutationObserver((changes, watcher) => {
  if (document.querySelector("[data-symptom-log-ready]")) { window.logReadyAt = performance.now(); watcher.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-symptom-log-ready"]});"""


def log_bench(out: Path, runs: int) -> int:
    """Open the log page with LOG_ENTRIES stored, CPU slowed CPU_SLOWDOWN times; median of RUNS loads."""
    from playwright.sync_api import sync_playwright

    from sitetools.browser import launch_chromium
    from sitetools.symptom_log import LOG_PAGE, READY, WRITE_STORED, many_entries, records

    entries, days = many_entries(LOG_ENTRIES)
    with tempfile.TemporaryDirectory(prefix="bench-log-") as tmp:
        site = Path(tmp)
        log("Building the site as ./scripts/build does (the PDFs left out)...")
        build_published(site)
        server, base = serve(site, urlsplit(site_url()).path, compress=True)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                context = browser.new_context(viewport={"width": 375, "height": 740})
                tab = context.new_page()
                tab.goto(base + LOG_PAGE)
                tab.wait_for_selector(READY)
                tab.evaluate(WRITE_STORED, records(entries, days))
                tab.add_init_script(READY_CLOCK)
                cdp = context.new_cdp_session(tab)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                ready, everything = [], []
                for run in range(runs + 1):  # the first load warms the cache: not counted
                    tab.goto(base + LOG_PAGE)
                    tab.wait_for_selector(READY, timeout=120_000)
                    shown = tab.locator(".symptom-log__entry").count()
                    start = tab.evaluate("performance.now()")
                    tab.select_option("#symptom-log-period", "all")
                    took = tab.evaluate("performance.now()") - start
                    if run:
                        ready.append(tab.evaluate("window.logReadyAt"))
                        everything.append(took)
                    log(f"load {run}: ready at {tab.evaluate('window.logReadyAt'):.0f} ms, "
                        f"{shown} entries listed; 'Everything' drawn in {took:.0f} ms" + ("" if run else " (warm-up)"))
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                usage = tab.evaluate("navigator.storage.estimate().then(e => e.usage)")
                export_bytes = tab.evaluate("""() => JSON.stringify(SymptomLogFormat.makeBackup(
                  document.querySelector('[data-module="symptom-log"]').symptomLog.log.entries,
                  document.querySelector('[data-module="symptom-log"]').symptomLog.log.days), null, 2).length""")
                stored_json = len(json.dumps(records(entries, days)))
                big = big_log_bench(browser, base)
                browser.close()
        finally:
            server.shutdown()
    figures = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "entries": LOG_ENTRIES, "days": len(days), "cpu_slowdown": CPU_SLOWDOWN, "runs": runs,
        "ready_ms_median": round(statistics.median(ready)), "ready_ms_runs": [round(r) for r in ready],
        "everything_ms_median": round(statistics.median(everything)),
        "storage_usage_bytes": usage, "records_json_bytes": stored_json, "backup_file_bytes": export_bytes,
        "big_log": big,
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(f"Symptom log, {LOG_ENTRIES:,} entries and {len(days):,} days, CPU slowed {CPU_SLOWDOWN}x, phone size, "
          f"median of {runs} loads (cache warm):")
    print(f"  page open to summary shown ('ready'): {figures['ready_ms_median']:,} ms  (runs: {figures['ready_ms_runs']})")
    print(f"  switching the summary to 'Everything': {figures['everything_ms_median']:,} ms")
    print(f"  stored: {usage:,} bytes used by the site (navigator.storage.estimate, IndexedDB); "
          f"the records as JSON {stored_json:,} bytes; a backup file {export_bytes:,} bytes")
    print(f"Symptom log, {BIG_LOG_ENTRIES:,} entries and {big['days']:,} days, CPU not slowed, 'Everything' shown:")
    print(f"  page open to ready: {big['ready_ms']:,} ms; 'Everything' drawn in {big['everything_ms']:,} ms")
    print(f"  save an entry: {big['save_ms']:,} ms; delete one: {big['delete_ms']:,} ms")
    print(f"  save a backup file: {big['export_ms']:,} ms ({big['backup_file_bytes']:,} bytes, "
          f"limit {big['limit_bytes']:,}); load it back into an empty browser: {big['import_ms']:,} ms "
          f"({big['import_status']})")
    note = busy_note([figures["load_average"]])
    if note:
        print(note)
    save(out, "symptom_log", figures)
def big_log_bench(browser, base: str) -> dict:
    """BIG_LOG_ENTRIES entries stored, "Everything" shown, CPU not slowed: each step timed
    in the page, from the press to the message that says it is done."""
    from sitetools.symptom_log import LOG_PAGE, READY, WRITE_STORED, many_entries, records

    entries, days = many_entries(BIG_LOG_ENTRIES)
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.evaluate(WRITE_STORED, records(entries, days))
    tab.add_init_script(READY_CLOCK)
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY, timeout=300_000)
    ready = tab.evaluate("window.logReadyAt")

    def timed(action, done: str) -> float:
        start = tab.evaluate("performance.now()")
        action()
        tab.wait_for_function(done, timeout=300_000)
        return tab.evaluate("performance.now()") - start

    everything = timed(lambda: tab.select_option("#symptom-log-period", "all"), "() => true")
    tab.check('input[name="kind"][value="twitch"]')
    tab.check('input[name="area"][value="Calf"]')
    save_ms = timed(lambda: tab.click('[data-part="save"]'),
                    "() => document.querySelector('[data-part=entry-status]').textContent.includes('saved')")
    delete_ms = timed(lambda: tab.locator('.symptom-log__entry button:text-is("Delete")').first.click(),
                      "() => document.querySelector('[data-part=undo]')")
    with tab.expect_download(timeout=300_000) as download:
        export_ms = timed(lambda: tab.click('[data-part="export-json"]'),
                          "() => document.querySelector('[data-part=backup-status]').textContent.includes('saved')")
    backup = Path(download.value.path()).read_bytes()
    log(f"{BIG_LOG_ENTRIES:,} entries: ready {ready:.0f} ms, everything {everything:.0f} ms, save {save_ms:.0f} ms, "
        f"delete {delete_ms:.0f} ms, export {export_ms:.0f} ms ({len(backup):,} bytes)")
    context.close()
    fresh = browser.new_context()
    tab = fresh.new_page()
    tab.goto(base + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.set_input_files("#symptom-log-import", files=[{"name": "backup.json", "mimeType": "application/json", "buffer": backup}])
    import_ms = timed(lambda: tab.click('[data-part="import-form"] button[type="submit"]'),
                      """() => document.querySelector('[data-part=backup-status]').textContent.startsWith('Loaded')
                         || !document.querySelector('[data-part=import-errors]').hidden""")
    loaded = " ".join((tab.inner_text('[data-part="backup-status"]') or tab.inner_text('[data-part="import-errors"]')).split())
    limit = tab.evaluate("SymptomLogFormat.MAX_BYTES")
    fresh.close()
    return {"entries": BIG_LOG_ENTRIES, "days": len(days), "ready_ms": round(ready), "everything_ms": round(everything),
            "save_ms": round(save_ms), "delete_ms": round(delete_ms), "export_ms": round(export_ms),
            "backup_file_bytes": len(backup), "limit_bytes": limit, "import_ms": round(import_ms), "import_status": loaded}


# --- Both builders side by side ------------------------------------------------

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


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="measure build scaling instead of running Lighthouse")
    parser.add_argument("--precache", action="store_true",
                        help="only the offline figures: precache size and first-visit bytes per page (no Lighthouse)")
    parser.add_argument("--log", action="store_true",
                        help=f"time the symptom log with {LOG_ENTRIES:,} entries, CPU slowed {CPU_SLOWDOWN}x, and its bytes stored")
    parser.add_argument("--builders", action="store_true",
                        help="MkDocs and Zensical side by side: build time and bytes per page "
                             "(with --lighthouse: Lighthouse on each builder's site too)")
    parser.add_argument("--lighthouse", action="store_true", help="with --builders: also run Lighthouse on both")
    parser.add_argument("--runs", type=int, default=3,
                        help="Lighthouse runs per page; the median-LCP run is reported (default %(default)s)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="with --scale: page counts to build (default %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / ".bench" / "results.json",
                        help="JSON file for the figures, relative to the repository; each mode updates its own section "
                             "(default .bench/results.json; Lighthouse's own reports go beside it)")
    args = parser.parse_args()
    out = args.out.resolve()
    if args.scale:
        return scale_bench(out, tuple(int(n) for n in args.sizes.split(",")))
    if args.precache:
        return precache_bench(out)
    if args.log:
        return log_bench(out, max(1, args.runs))
    if args.builders:
        status = builders_bench(out, max(1, args.runs))
        if args.lighthouse:
            for name in BUILDERS:
                status = status or lighthouse_bench(out, max(1, args.runs), name)
        return status
    return lighthouse_bench(out, max(1, args.runs))


if __name__ == "__main__":
    sys.exit(main())
