"""How the build grows with synthetic pages, and what Material's navigation features cost (./scripts/bench --scale)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import statistics
import tempfile
from pathlib import Path

from sitetools import ROOT
from sitetools.pages import site_pages  # the one list of pages, folders included
from sitetools.pruning import never_downloaded
from sitetools.served import gzip_bytes  # compressed as the server sends it

from .common import build, log, save


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
