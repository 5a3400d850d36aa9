"""The strict build, as CI, the tests, the handouts and the bench run it.

Two builders read the same mkdocs.yml, docs/ and overrides/: MkDocs with
Material (the one we publish with, the default) and Zensical, Material's
successor (requirements-zensical.txt). BUILDER=zensical picks Zensical for
everything that builds through here. What differs between them is kept here:
the command, how each reports a warning, and the search index's format.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import ROOT

BUILDERS = ("mkdocs", "zensical")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# Zensical reports "Warning: page does not exist" and then, in a box drawn
# with line characters, "[ index.md:12:28 ]": the file, line and column.
ZENSICAL_PROBLEM = re.compile(r"^(Warning|Error): (.+)$")
ZENSICAL_PLACE = re.compile(r"\[ (\S+?):(\d+):(\d+) \]")


def builder() -> str:
    """The builder this run uses: BUILDER, else mkdocs."""
    name = os.environ.get("BUILDER", "mkdocs").strip().lower() or "mkdocs"
    if name not in BUILDERS:
        sys.exit(f"BUILDER={name!r} is not a builder we know: use one of {', '.join(BUILDERS)}.")
    return name


def run_build(config: Path, dest: Path, with_builder: str | None = None) -> tuple[bool, str]:
    """Build strictly into DEST. Clean means: exit code 0 and no warning.
    Returns (clean, what the builder said, with its warnings listed first)."""
    if (with_builder or builder()) == "zensical":
        return _zensical_build(config, dest)
    # BUILD_DATE: the day of the build, for the review-overdue notice (mkdocs.yml, extra.build_date).
    env = {"BUILD_DATE": build_date(), **os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=config.parent, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    # MkDocs 1.6 with `-q` exits 0 despite warnings, so read the output.
    return result.returncode == 0 and not build_warnings(output, "mkdocs"), output


def build_strictly(config: Path, dest: Path, with_builder: str | None = None) -> str:
    """run_build as a pipeline step: a build that is not clean raises, with what the builder said."""
    clean, output = run_build(config, dest, with_builder)
    if not clean:
        raise BuildNotClean(f"The site did not build cleanly:\n{output}")
    return "strict build, no warning"


class BuildNotClean(Exception):
    pass


def _zensical_build(config: Path, dest: Path) -> tuple[bool, str]:
    """Zensical has no --site-dir and keeps site_dir inside the project: build
    from a copy of the config that names a folder there, then move it to DEST.
    BUILD_DATE goes in as "2026-12-01 (UTC)": Zensical's !ENV reads a bare
    2026-12-01 as a date, which it cannot pass to templates ("failed to
    extract field Project.extra"), and keeps quotes as part of the text; the
    overdue notice reads the first 10 characters."""
    project = config.parent
    inside = dest.resolve().is_relative_to(project.resolve())
    folder = dest if inside else Path(tempfile.mkdtemp(prefix=".zensical-site-", dir=project))
    build_config = project / f".zensical-{os.getpid()}.yml"
    site_dir = os.path.relpath(folder.resolve(), project.resolve())
    build_config.write_text(config.read_text(encoding="utf-8") + f"\nsite_dir: {json.dumps(site_dir)}\n",
                            encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(build_config)],
            cwd=project, env={**os.environ, "NO_COLOR": "1", "BUILD_DATE": build_date()[:10] + " (UTC)"},
            capture_output=True, text=True)
        output = ANSI_COLOUR.sub("", result.stdout + result.stderr)
        if not inside:
            dest.mkdir(parents=True, exist_ok=True)
            if folder.is_dir():
                shutil.copytree(folder, dest, dirs_exist_ok=True)
    finally:
        build_config.unlink(missing_ok=True)
        if not inside:
            shutil.rmtree(folder, ignore_errors=True)
    warnings = build_warnings(output, "zensical")
    listed = "".join(f"WARNING: {warning}\n" for warning in warnings)
    return result.returncode == 0 and not warnings, listed + output


def build_warnings(output: str, with_builder: str | None = None) -> list[str]:
    """Each warning or error the build reported, one line each. Zensical's
    read as "index.md, line 12: page does not exist"."""
    lines = ANSI_COLOUR.sub("", output).splitlines()
    if (with_builder or builder()) == "mkdocs":
        return [line for line in lines if line.startswith(("WARNING", "ERROR"))]
    warnings = []
    for number, line in enumerate(lines):
        problem = ZENSICAL_PROBLEM.match(line.strip())
        if not problem:
            continue
        place = next((ZENSICAL_PLACE.search(after) for after in lines[number + 1:number + 3]
                      if ZENSICAL_PLACE.search(after)), None)
        where = f"{place.group(1)}, line {place.group(2)}: " if place else ""
        warnings.append(f"{where}{problem.group(2)}")
    return warnings


def search_documents(site: Path) -> list[dict]:
    """The built search index as a list of {location, title, text}: Material
    writes search/search_index.json ("docs"), Zensical search.json ("items")."""
    for name, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        index = site / name
        if index.is_file():
            return json.loads(index.read_text(encoding="utf-8"))[key]
    return []


def search_index_file(site: Path) -> Path | None:
    """Which file the search index is in, whichever builder made SITE."""
    return next((site / name for name in ("search/search_index.json", "search.json") if (site / name).is_file()), None)


def build_date() -> str:
    """The day the site is built, YYYY-MM-DD: BUILD_DATE if set, else today (UTC)."""
    return os.environ.get("BUILD_DATE") or dt.datetime.now(dt.timezone.utc).date().isoformat()


def site_url() -> str:
    """The address the site is published at (mkdocs.yml, or SITE_URL)."""
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"]
