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


def _build(build: Build) -> str:
    from .building import run_build
    clean, output = run_build(build.config_file, build.site, build.with_builder)
    if not clean:
        raise StepFailed(f"The site did not build cleanly:\n{output}")
    return "strict MkDocs build, no warning"


def _prune(build: Build) -> str:
    from .pruning import prune
    return prune(build.site, build.config)


def _theme_markup(build: Build) -> str:
    from .theme_markup import mend_theme_markup
    return mend_theme_markup(build.site)


def _minify(build: Build) -> str:
    from .minifying import minify
    return minify(build.site)


def _qr_codes(build: Build) -> str:
    from .qr_codes import add_qr_codes
    return add_qr_codes(build.site, build.config["site_url"])


def _manifest(build: Build) -> str:
    from .app_manifest import write_manifest
    return write_manifest(build.site, build.config)


def _csp(build: Build) -> str:
    from .content_security import write_policies
    return write_policies(build.site)


def _pdfs(build: Build) -> str:
    from .printing import write_pdfs
    return write_pdfs(build.site, build.config["site_url"])


def _service_worker(build: Build) -> str:
    from .service_worker import write_service_worker
    return write_service_worker(build.site, build.service_worker)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Build], str]
    slow: bool = False  # ./scripts/serve and quick test builds may leave it out


STEPS = [
    Step("build", _build),
    Step("prune", _prune),
    Step("theme-markup", _theme_markup),
    Step("minify", _minify),  # before the service worker hashes the files
    Step("qr-codes", _qr_codes),
    Step("manifest", _manifest),
    Step("csp", _csp),  # after the last change to a page's markup; the PDFs print under it
    Step("pdfs", _pdfs, slow=True),
    Step("service-worker", _service_worker),  # last: it lists the finished files
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
