"""Shared fixtures: the site is built once per test session, strictly, by
the builder BUILDER names (mkdocs, the default, or zensical).

Browser tests (marker `browser`) get a real Chromium and the built site served
from 127.0.0.1 under the same path as on GitHub Pages. WebKit tests (marker
`webkit`) get a fresh WebKit session each (the `webkit` fixture).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitetools.building
from sitetools import ROOT
from sitetools.browser import launch_chromium
from sitetools.building import builder, run_build, site_url
from sitetools.pipeline import StepFailed, build_site
from sitetools.site import Site
from sitetools.served import serve  # the one server for tests, handouts and benchmarks
from sitetools.webkit import Display, WebKitMissing, start_webkit

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = ROOT / "overrides" / "includes" / "glossary.md"
BUILDER = builder()


def pytest_report_header(config):
    return f"builder: {BUILDER} (BUILDER=mkdocs or zensical)"


# --- Checks that read only the sources run once, in the MkDocs run ---------------

BUILD_FIXTURES = {"built_site", "site", "webkit_display"}  # every build, browser or WebKit fixture uses one


def reads_only_sources(item) -> bool:
    """A test that asks for no build fixture and is not marked `builds` reads only
    the project's files and its own small fixtures, so no builder can change
    its result: it runs in the MkDocs run and BUILDER=zensical leaves it out."""
    return not (BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
                or item.get_closest_marker("builds") or item.get_closest_marker("xfail"))  # an expected difference


SOURCES_ONLY: set[str] = set()  # the node ids of the tests that read only the sources


def pytest_collection_modifyitems(config, items):
    once = [item for item in items if reads_only_sources(item)]
    SOURCES_ONLY.update(item.nodeid for item in once)
    if BUILDER != "mkdocs":
        config.hook.pytest_deselected(items=once)
        items[:] = [item for item in items if not reads_only_sources(item)]


def pytest_terminal_summary(terminalreporter, config):
    if BUILDER != "mkdocs" and not hasattr(config, "workerinput"):
        terminalreporter.write_line(
            f"Left out on {BUILDER}: the checks that read only the sources (no build fixture, not marked `builds`); "
            "the MkDocs run (./scripts/test) runs them (DEVELOPING.md, \"Moving to Zensical\").")


class BuildOutsideTheRule(Exception):
    pass


class BuildsOnlyWhereAllowed:
    """sitetools.building's subprocess during the tests: a test that reads_only_sources
    (so a Zensical run leaves it out) fails if it, or a fixture it starts, builds a site."""

    def __getattr__(self, name):
        return getattr(subprocess, name)

    def run(self, command, *args, **kwargs):
        test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
        if test in SOURCES_ONLY:
            raise BuildOutsideTheRule(
                f"{test} builds a site but asks for no build fixture, so BUILDER=zensical would leave it out. "
                "How to fix: mark it @pytest.mark.builds (tests/conftest.py, reads_only_sources).")
        return subprocess.run(command, *args, **kwargs)


sitetools.building.subprocess = BuildsOnlyWhereAllowed()


def expected_difference(on: str, reason: str, close: str):
    """A check that builder ON cannot pass today, named with its reason and
    what would close it (DEVELOPING.md, "Moving to Zensical"). It still runs
    there: a strict xfail, so the day it passes the run says so."""
    return pytest.mark.xfail(BUILDER == on, strict=True,
                             reason=f"expected difference on {on}: {reason} Closes when: {close}")


def build(config: Path, dest: Path) -> str:
    """Build strictly, or fail the test session with the builder's own words."""
    clean, output = run_build(config, dest)
    if not clean:
        pytest.fail(f"The site did not build cleanly:\n{output}", pytrace=False)
    return output


def build_published(config: Path, dest: Path, skip: set[str] = frozenset()) -> Path:
    """Every step of ./scripts/build (sitetools/pipeline.py), or fail the session with the step's words."""
    try:
        build_site(dest, config, skip=skip, log=lambda line: None)
    except StepFailed as error:
        pytest.fail(str(error), pytrace=False)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site exactly as ./scripts/build publishes it: the same steps, none left out.

    Built once per run: with several workers (pytest-xdist's -n), the first to
    get here builds into the run's shared folder while the others wait on its
    lock, then all read the same site, or fail with the same words."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build_published(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent  # this run's folder, above each worker's own
    dest, outcome = shared / "site", shared / "site-build-outcome.txt"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not outcome.exists():
            try:
                build_site(dest, ROOT / "mkdocs.yml", log=lambda line: None)
                outcome.write_text("", encoding="utf-8")
            except StepFailed as error:
                outcome.write_text(str(error), encoding="utf-8")
    if failure := outcome.read_text(encoding="utf-8"):
        pytest.fail(failure, pytrace=False)
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

class PolicyBypassingBrowser:
    """Chromium whose new contexts and pages bypass the pages' Content-Security-Policy
    unless a test passes bypass_csp=False. Playwright's wait_for_function runs its
    condition through eval(), which the policy forbids (no 'unsafe-eval', ever).
    tests/test_content_security_browser.py opens the pages under the policy."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        return self._browser.new_context(**{"bypass_csp": True, **options})

    def new_page(self, **options):
        return self._browser.new_page(**{"bypass_csp": True, **options})

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser(built_site):
    """Chromium driven by Playwright. Under CI=true a missing browser fails.
    Started after the session build, whose PDF step drives a Playwright of its own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except Exception as error:  # no browser on this machine
            message = f"No Chromium to run the browser tests ({error}). ./scripts/test installs it."
            if os.environ.get("CI") == "true":
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        yield PolicyBypassingBrowser(chromium)
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and storage) for one test. The service
    worker is blocked: otherwise every test would download the whole precache.
    tests/test_offline.py runs with it."""
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    yield tab
    context.close()


# --- WebKit, Safari's engine ---------------------------------------------------

def skip_or_fail(message: str):
    """Under CI=true no test may skip: a missing browser fails the run."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def webkit_display():
    """The virtual screen (Xvfb) that every WebKit session of the run opens on."""
    try:
        display = Display()
    except WebKitMissing as error:
        skip_or_fail(f"No WebKit to run the WebKit tests ({error}). ./scripts/test installs it.")
    yield display
    display.close()


@pytest.fixture
def webkit(webkit_display):
    """A fresh WebKit session for one test: empty storage, closed afterwards.

    It is a selenium WebDriver (WebKitGTK's MiniBrowser, a 1280 x 900 window):
        webkit.get(site_server + "symptom-log/")             # open a page
        webkit.find_element(By.CSS_SELECTOR, "button.save")  # By from selenium.webdriver.common.by
        webkit.execute_script("return localStorage.length")  # run JavaScript, get its value
        WebDriverWait(webkit, 10).until(lambda w: ...)       # wait (selenium.webdriver.support.ui)
        webkit.refresh()                                     # reload; storage survives in this test
    Storage lasts for the one test, so a test can reload; the next test starts empty.
    Mark WebKit tests with `pytestmark = pytest.mark.webkit`.
    """
    try:
        driver = start_webkit(webkit_display)
    except Exception as error:  # WebKitWebDriver or MiniBrowser would not start
        skip_or_fail(f"WebKit would not start ({error}). ./scripts/test installs it.")
    yield driver
    driver.quit()
