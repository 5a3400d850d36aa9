"""./scripts/build FOLDER: the site as readers get it, in named steps.

The deploy workflow and the tests' session build (conftest's built_site) run
these same steps, so no file exists only in CI. Each step is a function of
its own module; this one only runs them in order:

  build           mkdocs build --strict (building.py): a warning fails it
  prune           leave out source maps and unused search languages (pruning.py)
  theme-markup    mend the theme's two faults against the HTML standard (theme_markup.py)
  minify          the site's own CSS and JavaScript without comments (minifying.py)
  qr-codes        a QR code of each page's address for its printed sheet (qr_codes.py)
  manifest        the web app manifest, to add the site to a home screen (app_manifest.py)
  csp             each page's Content-Security-Policy, with its inline scripts' hashes (content_security.py)
  pdfs            "Download PDF": each handout on A4 and US Letter (printing.py)
  service-worker  Workbox's sw.js, precaching every file readers need (service_worker.py)

No MkDocs hook or plugin: Material's successor, Zensical, runs none, and
these steps work on any built site.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable

from . import ROOT


@dataclass
class Build:
    site: Path
    config_file: Path
    service_worker: bool = True
    with_builder: str | None = None  # BUILDER's choice (building.builder) unless given

    @property
    def config(self) -> dict:
        from mkdocs.config import load_config
        return load_config(str(self.config_file))


@dataclass(frozen=True)
class Step:
    """A step is one function of one sitetools module, imported only when the step runs
    (so --help needs no package), called with what ARGUMENTS takes from the build."""
    name: str
    module: str
    function: str
    arguments: Callable[[Build], tuple]
    slow: bool = False  # ./scripts/serve and quick test builds may leave it out

    def run(self, build: Build) -> str:
        return getattr(import_module(f"{__package__}.{self.module}"), self.function)(*self.arguments(build))


def _site(build: Build) -> tuple:
    return (build.site,)


def _site_and_address(build: Build) -> tuple:
    return (build.site, build.config["site_url"])


STEPS = [
    Step("build", "building", "build_strictly", lambda b: (b.config_file, b.site, b.with_builder)),
    Step("prune", "pruning", "prune", lambda b: (b.site, b.config)),
    Step("theme-markup", "theme_markup", "mend_theme_markup", _site),
    Step("minify", "minifying", "minify", _site),  # before the service worker hashes the files
    Step("qr-codes", "qr_codes", "add_qr_codes", _site_and_address),
    Step("manifest", "app_manifest", "write_manifest", lambda b: (b.site, b.config)),
    Step("csp", "content_security", "write_policies", _site),  # after the last change to a page's markup; the PDFs print under it
    Step("pdfs", "printing", "write_pdfs", _site_and_address, slow=True),
    Step("service-worker", "service_worker", "write_service_worker", lambda b: (b.site, b.service_worker)),  # last: it lists the finished files
]


class StepFailed(Exception):
    pass


def build_site(site: Path, config_file: Path = ROOT / "mkdocs.yml", skip: set[str] = frozenset(),
               service_worker: bool = True, log: Callable[[str], None] = print, with_builder: str | None = None) -> None:
    """Run every step not in SKIP. Raises StepFailed with the step's own words."""
    unknown = set(skip) - {step.name for step in STEPS}
    if unknown:
        raise StepFailed(f"No such step: {', '.join(sorted(unknown))}. The steps: {', '.join(s.name for s in STEPS)}")
    build = Build(site.resolve(), config_file.resolve(), service_worker, with_builder)
    for step in STEPS:
        if step.name in skip:
            log(f"{step.name:<15} left out")
            continue
        start = time.perf_counter()
        try:
            said = step.run(build)
        except StepFailed:
            raise
        except Exception as error:  # a tool's own message, with the step that ran it
            raise StepFailed(f"Step {step.name} failed: {error}") from error
        log(f"{step.name:<15} {said} ({time.perf_counter() - start:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="./scripts/build",
        description="Build the site into FOLDER exactly as it is published, in these steps: "
                    + ", ".join(s.name for s in STEPS) + ". --skip pdfs leaves out the slowest one, for a quick look.",
        epilog="SITE_URL sets the published address (mkdocs.yml has the default).")
    parser.add_argument("folder", type=Path, help="where the site goes (emptied first by MkDocs)")
    parser.add_argument("--skip", action="append", default=[], metavar="STEP",
                        help="leave a step out (again for more); e.g. --skip pdfs for a quick look")
    parser.add_argument("--service-worker", choices=["on", "off"], default="on",
                        help="off: publish the no-op worker that switches offline reading off (DEVELOPING.md)")
    args = parser.parse_args(argv)
    try:
        build_site(args.folder, skip=set(args.skip), service_worker=args.service_worker == "on")
    except StepFailed as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Built: {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
