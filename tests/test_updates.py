"""New content reaches readers who have the site saved for offline reading.

The update rule (scripts/sitetools/service_worker.py): every page the browser
opens checks sw.js on the network; after a deploy, the new worker saves the
changed files, then takes over at once. A reader whose open page changed is
told "This page was updated" and can show the new version; every page from
then on is the new build's, with the new build's styles and scripts.

The test publishes build A, lets a reader save it, publishes build B (one page
and the stylesheet changed) at the same address, and checks both. Proven able
to fail: with "skipWaiting": False in workbox_options (the new worker then
waits until every tab of the site is closed), the notice never came and the
test failed waiting for it; with site.css counted among the hashed names
(HASHED_NAMES, so Workbox kept its old copy), the asset check failed naming
/muscle-twitching/assets/stylesheets/site.css.

Switching offline reading off (DEVELOPING.md): a deploy of the no-op worker
deletes what readers saved, and pages then come from the network only. Proven
able to fail by a deploy that publishes a new full worker instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import build_published, serve, site_url
from project_copy import copy_project

pytestmark = pytest.mark.browser

CHANGED_PAGE = "movements"
NEW_SENTENCE = "This sentence is new in the second build."
NEW_STYLE = "/* second build */"


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Path:
    """The site again, with one page and the stylesheet changed: the next deploy."""
    project = copy_project(tmp_path_factory.mktemp("next-deploy"))
    page = project / "docs" / f"{CHANGED_PAGE}.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_SENTENCE}\n", encoding="utf-8")
    css = project / "docs" / "assets" / "stylesheets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + f"\n{NEW_STYLE}\n", encoding="utf-8")
    # The PDFs are not what this test is about: leave out the slowest step.
    return build_published(project / "mkdocs.yml", project / "site", skip={"pdfs"})


def publish(build: Path, served: Path) -> None:
    """Replace what the server sends, as a deploy replaces the files on GitHub Pages."""
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(build, served)


def file_for(site: Path, url: str, base: str) -> Path:
    path = urlsplit(url).path.removeprefix(urlsplit(base).path)
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def old_files(responses: list, build: Path, base: str) -> list[str]:
    """The site's files among RESPONSES (read before the next navigation) that differ from BUILD's."""
    old = []
    for response in responses:
        if getattr(response, "checked", False) or not response.url.startswith(base) or not response.ok:
            continue
        response.checked = True
        expected = file_for(build, response.url, base)
        if expected.is_file() and response.body() != expected.read_bytes():
            old.append(urlsplit(response.url).path)
    return old


def test_a_new_deploy_reaches_a_reader_who_saved_the_site(browser, built_site, second_build, tmp_path):
    served = tmp_path / "published"
    publish(built_site, served)
    server, base = serve(served, urlsplit(site_url()).path)
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(base + f"{CHANGED_PAGE}/", wait_until="load")
        tab.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        tab.reload(wait_until="load")  # now the page itself comes from the saved copy
        assert NEW_SENTENCE not in tab.content()

        publish(second_build, served)
        # What the browser does on the reader's next visit to any page: check sw.js.
        tab.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
        notice = tab.locator(".site-update-notice")
        notice.wait_for(timeout=30_000)
        assert notice.text_content().startswith("This page was updated."), notice.text_content()

        responses = []
        tab.on("response", lambda response: responses.append(response))
        notice.get_by_role("button", name="Show the new version").click()
        # While the new page loads there is a moment with no body yet.
        tab.wait_for_function("text => !!document.body && document.body.textContent.includes(text)", arg=NEW_SENTENCE,
                              timeout=10_000)
        tab.wait_for_load_state("load")
        old = old_files(responses, second_build, base)
        # Another page, never opened in build B: also B's, with B's files.
        tab.goto(base + "understanding/", wait_until="load")
        old += old_files(responses, second_build, base)
        checked = [r for r in responses if r.url.startswith(base)]
        assert len(checked) >= 8, f"too few responses recorded: {[r.url for r in checked]}"
        assert not old, f"After the update, files of the old build were served with the new pages: {old}"
        assert any(r.url.endswith("site.css") and r.from_service_worker for r in checked), \
            "site.css was not served from the new saved copy"
    finally:
        context.close()
        server.shutdown()


def switching_off_problems(browser, built_site: Path, worker: str, served: Path) -> list[str]:
    """A reader saves the site; then a deploy publishes WORKER as sw.js (DEVELOPING.md,
    "Switching offline reading off"). What is still saved or still offline afterwards."""
    publish(built_site, served)
    server, base = serve(served, urlsplit(site_url()).path)
    context = browser.new_context()
    problems = []
    try:
        tab = context.new_page()
        tab.goto(base + f"{CHANGED_PAGE}/", wait_until="load")
        tab.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
        assert tab.evaluate("caches.keys().then(names => names.length)") > 0, "The site was not saved first."
        (served / "sw.js").write_text(worker, encoding="utf-8")
        # The new worker takes over at once (skipWaiting, clients.claim).
        tab.evaluate("""() => {
            window.tookOver = new Promise(done => navigator.serviceWorker.addEventListener('controllerchange', done));
            return navigator.serviceWorker.getRegistration().then(registration => registration.update());
        }""")
        tab.evaluate("window.tookOver")
        # Control passes as the worker starts activating; its clean-up is done once it is "activated".
        tab.wait_for_function("navigator.serviceWorker.controller.state === 'activated'", timeout=30_000)
        left = tab.evaluate("caches.keys()")
        if left:
            problems.append(f"After offline reading was switched off, the reader's browser still holds "
                            f"the saved copies {left}: scripts/sitetools/service_worker.py, NO_OP_WORKER.")
        context.set_offline(True)
        try:
            tab.goto(base + "understanding/", wait_until="load", timeout=10_000)
            problems.append("After offline reading was switched off, a page still opened offline "
                            "from a saved copy: scripts/sitetools/service_worker.py, NO_OP_WORKER.")
        except Exception:
            pass  # the browser's own offline error: nothing was served from a saved copy
        context.set_offline(False)
        response = tab.goto(base + "understanding/", wait_until="load")
        if not response.ok or response.from_service_worker:
            problems.append("After offline reading was switched off, a page did not come from the network.")
    finally:
        context.close()
        server.shutdown()
    return problems


def test_switching_offline_reading_off_clears_what_readers_saved(browser, built_site, tmp_path):
    from sitetools.service_worker import NO_OP_WORKER
    problems = switching_off_problems(browser, built_site, NO_OP_WORKER, tmp_path / "published")
    assert not problems, "\n".join(problems)


def test_switching_off_check_catches_a_worker_that_keeps_the_copies(browser, built_site, tmp_path):
    # The fault: a deploy that publishes a new full worker instead of the no-op one.
    keeps = (built_site / "sw.js").read_text(encoding="utf-8") + "\n// a new deploy, offline reading still on\n"
    text = "\n".join(switching_off_problems(browser, built_site, keeps, tmp_path / "published"))
    assert "still holds the saved copies" in text, text
    assert "a page still opened offline" in text, text
