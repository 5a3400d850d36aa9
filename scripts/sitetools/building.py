"""The strict build, as CI, the tests, the handouts and the bench run it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from . import ROOT


def run_build(config: Path, dest: Path) -> tuple[bool, str]:
    """Build strictly. Clean means: exit code 0 and no WARNING or ERROR line
    (MkDocs 1.6 with `-q` exits 0 despite warnings, so read the output)."""
    # BUILD_DATE: the day of the build, for the review-overdue notice (mkdocs.yml, extra.build_date).
    env = {"BUILD_DATE": build_date(), **os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=config.parent, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return result.returncode == 0 and not warnings, output


def build_date() -> str:
    """The day the site is built, YYYY-MM-DD: BUILD_DATE if set, else today (UTC)."""
    return os.environ.get("BUILD_DATE") or dt.datetime.now(dt.timezone.utc).date().isoformat()


def site_url() -> str:
    """The address the site is published at (mkdocs.yml, or SITE_URL)."""
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"]
