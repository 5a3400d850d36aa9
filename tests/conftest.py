"""Shared fixtures: the site is built once per test session, strictly.

Browser tests (marker `browser`) get a real Chromium and the built site served
from 127.0.0.1 under the same path as on GitHub Pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from served import serve  # the one server for tests, handouts and benchmarks
from sitecheck.site import Site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = ROOT / "overrides" / "includes" / "glossary.md"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def run_build(config: Path, dest: Path) -> tuple[bool, str]:
    """Build strictly. Clean means: exit code 0 and no WARNING or ERROR line
    (MkDocs 1.6 with `-q` exits 0 despite warnings, so read the output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=config.parent, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return result.returncode == 0 and not warnings, output


def build(config: Path, dest: Path) -> str:
    """Build strictly, or fail the test session with MkDocs' own words."""
    clean, output = run_build(config, dest)
    if not clean:
        pytest.fail(f"The site did not build cleanly:\n{output}", pytrace=False)
    return output


def site_url() -> str:
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    build(ROOT / "mkdocs.yml", dest)
    return dest


@pytest.fixture(scope="session")
def site(built_site) -> Site:
    return Site.load(built_site, ROOT / "docs", GLOSSARY, site_url())


def fixture_site(name: str) -> Site:
    """A small broken site in tests/fixtures/NAME, to prove a check can fail."""
    folder = FIXTURES / name
    docs = folder / "docs"
    glossary = folder / "glossary.md"
    return Site.load(folder / "site", docs if docs.is_dir() else None,
                     glossary if glossary.is_file() else GLOSSARY, "https://example.org/guide/")


# --- Serving the built site ---------------------------------------------------

@pytest.fixture(scope="session")
def site_server(built_site):
    """The base address of the served site, e.g. http://127.0.0.1:PORT/muscle-twitching/."""
    server, url = serve(built_site, urlsplit(site_url()).path)
    yield url
    server.shutdown()


# --- A real browser ---------------------------------------------------------

def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright. Under CI=true a missing browser fails."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        except Exception as error:  # no browser on this machine
            message = f"No Chromium to run the browser tests ({error}). ./scripts/test installs it."
            if os.environ.get("CI") == "true":
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and storage) for one test."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
