"""What every benchmark shares: one way to build the site (the pipeline's own steps, timed), a log line, the results file."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Callable

from sitetools import ROOT
from sitetools.pipeline import STEPS, StepFailed, build_site


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(config: Path, dest: Path, with_builder: str = "mkdocs", skip: set[str] | None = None,
          say: Callable[[str], None] = lambda line: None) -> tuple[float, float]:
    """The one build of every benchmark: ./scripts/build's steps (sitetools/pipeline.py),
    as the tests' session build runs them, leaving out SKIP (default: every step after
    the strict build). Stop on any warning or failed step.

    Returns (wall seconds, CPU seconds): other work on the machine stretches the
    first; the second shows the build's own cost.
    """
    skip = {step.name for step in STEPS[1:]} if skip is None else skip
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        build_site(dest, config, skip=skip, log=say, with_builder=with_builder)
    except StepFailed as error:
        sys.exit(f"The site did not build cleanly with {with_builder}:\n{error}")
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    return wall, cpu


def build_published(site: Path) -> None:
    """The site as published (every step but the slow PDFs: no page loads them), each step logged."""
    build(ROOT / "mkdocs.yml", site, skip={"pdfs"}, say=log)


def save(out: Path, section: str, figures: dict) -> None:
    """Write FIGURES under SECTION of the JSON file, keeping the other section."""
    results = json.loads(out.read_text()) if out.is_file() else {}
    results[section] = figures
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    log(f"Figures written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


def page_addresses(site: Path) -> list[str]:
    """Every page below the site root: "" (home), "movements/", ... and the 404 page."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    pages = ["" if p == "./" else p for p in pages]
    # Served as /404.html it answers 200; at a missing address (status 404) Lighthouse refuses to score.
    return pages + (["404.html"] if (site / "404.html").is_file() else [])


def busy_note(loads: list[float]) -> str:
    """Lighthouse's simulated timings scale the CPU time it observed: a busy machine reads slow."""
    cores = os.cpu_count() or 1
    if max(loads) <= cores:
        return ""
    return (f"Note: the machine was busy (load average up to {max(loads):.1f} on {cores} cores); "
            "Lighthouse simulates a slow phone from the CPU time it observed, so LCP, TBT and with them "
            "the performance score read worse. The other scores, CLS and bytes are not affected.")
