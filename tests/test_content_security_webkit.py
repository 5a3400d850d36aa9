"""In WebKit (Safari's engine), the Content-Security-Policy blocks nothing
the site needs: every page's own inline scripts are allowed by their hashes
as WebKit computes them, and search, the movement helper and the symptom
log (an entry, a backup) report no violation. Proven able to fail on
tests/fixtures/csp-faults/site/: a script changed without its hash, and an
injected script, which WebKit must not run.

WebDriver cannot listen before a page starts, so each page's inline scripts
are checked by running each one again, as a new element with the same
text: the policy allows it only if its hash is there. What a tool does
after the page has loaded is watched with a listener.
"""

from __future__ import annotations

import json
import time

import pytest
from selenium.webdriver.common.by import By

from browser_checks import site_pages
from conftest import BUILDER, FIXTURES, serve
from symptom_log_helpers import LOG_PAGE
from test_webkit import RESULT_LINKS, SEARCH_BOX, SEARCH_ROOT, becomes_true

pytestmark = pytest.mark.webkit

LISTEN = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  event.effectiveDirective + " " + (event.blockedURI || "inline") + (event.sample ? " " + JSON.stringify(event.sample) : "")));"""
# Each inline script the page runs, again: its text, as a new element.
RUN_AGAIN = """[...document.scripts]
  .filter(s => !s.src && ["", "module", "text/javascript", "application/javascript"].includes(s.type))
  .forEach(s => { const again = document.createElement("script"); again.textContent = s.textContent;
                  document.body.appendChild(again); });"""
FIX = "The policy is written by the csp step of ./scripts/build (scripts/sitetools/content_security.py)."


def found(webkit, place: str) -> list[str]:
    said = webkit.execute_script("return window.__cspViolations || []")
    webkit.execute_script("window.__cspViolations = []")
    return [f"{place}: WebKit blocked {violation}. {FIX}" for violation in said]


def page_problems(webkit, url: str, place: str, wait: float = 15) -> list[str]:
    webkit.get(url)
    becomes_true(webkit, "return document.readyState === 'complete'", wait=wait)
    webkit.execute_script(LISTEN + RUN_AGAIN)
    time.sleep(0.3)  # the violation events are queued after the scripts
    return found(webkit, place)


def test_webkit_runs_every_pages_inline_scripts_under_the_policy(webkit, site_server):
    problems = []
    for address, source in site_pages():
        problems += page_problems(webkit, site_server + address, f"{source} (page /{address})")
        if not webkit.execute_script("return typeof __md_get === 'function' && !!window.document$"):
            problems.append(f"{source} (page /{address}): the theme's inline script or its bundle did not run in WebKit.")
    assert not problems, "\n".join(problems)


def test_webkit_search_helper_and_log_work_under_the_policy(webkit, site_server):
    problems = []
    # Search: the theme's search worker and its index.
    webkit.get(site_server)
    webkit.execute_script(LISTEN)
    if BUILDER == "zensical":
        webkit.find_element(By.CSS_SELECTOR, ".md-search__button").click()
    root = f"const root = (() => {{ {SEARCH_ROOT} }})();"
    assert becomes_true(webkit, f"{root} return !!(root && root.querySelector('{SEARCH_BOX}'))")
    box = webkit.execute_script(f"{root} return root.querySelector('{SEARCH_BOX}')")
    if BUILDER == "mkdocs":
        box.click()
    box.send_keys("cramp")
    assert becomes_true(webkit, f"""{root} return [...root.querySelectorAll('{RESULT_LINKS}')]
        .some(link => new URL(link.href).pathname.endsWith('/movements/'));"""), "In WebKit, search found nothing."
    problems += found(webkit, 'searching for "cramp"')

    # The movement helper, answered to its end.
    webkit.get(site_server + "movements/")
    assert becomes_true(webkit, "return !!document.querySelector('[data-movement-helper-started]')")
    webkit.execute_script(LISTEN)
    for answer in ["No", "Continue", "A small flicker or ripple under the skin", "No, the joint stays still",
                   "No, or hardly at all"]:
        assert becomes_true(webkit, """return [...document.querySelectorAll('[data-module="movement-helper"] button')]
            .some(button => button.textContent.trim() === arguments[0])""", answer), f'No answer "{answer}" in WebKit.'
        next(button for button in webkit.find_elements(By.CSS_SELECTOR, '[data-module="movement-helper"] button')
             if button.text.strip() == answer).click()
    assert becomes_true(webkit, "return document.querySelector('[data-module=movement-helper]').dataset.step === 'twitch'")
    problems += found(webkit, "the movement helper (page /movements/)")

    # The symptom log: an entry, then a backup made as a Blob (the download itself is WebKit's).
    webkit.get(site_server + LOG_PAGE)
    assert becomes_true(webkit, "return !!document.querySelector('[data-symptom-log-ready]')")
    webkit.execute_script(LISTEN)
    webkit.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="twitch"]').click()
    webkit.find_element(By.CSS_SELECTOR, 'input[name="area"][value="Calf"]').click()
    webkit.find_element(By.ID, "symptom-log-notes").send_keys("under the policy")
    webkit.find_element(By.CSS_SELECTOR, '[data-part="save"]').click()
    assert becomes_true(webkit, "return document.querySelector('[data-part=saved]').textContent.includes('Saved')")
    exported = webkit.execute_async_script("""const done = arguments[arguments.length - 1];
      const make = URL.createObjectURL;
      URL.createObjectURL = blob => { blob.text().then(done); return make.call(URL, blob); };
      HTMLAnchorElement.prototype.click = function () {};
      document.querySelector('[data-part="export-json"]').click();""")
    assert [e["notes"] for e in json.loads(exported)["entries"]] == ["under the policy"], exported
    problems += found(webkit, f"the symptom log (page /{LOG_PAGE})")
    assert not problems, "\n".join(problems)


def test_webkit_check_catches_a_script_without_its_hash_and_blocks_an_injected_one(webkit):
    server, url = serve(FIXTURES / "csp-faults" / "site", "/")
    try:
        changed = page_problems(webkit, url + "changed-script/", "changed-script/index.html", wait=5)
        injected = page_problems(webkit, url + "injected/", "injected/index.html", wait=5)
        ran = webkit.execute_script("return [window.allowed === true, window.injected === true]")
    finally:
        server.shutdown()
    text = "\n".join(changed + injected)
    assert "changed-script/index.html: WebKit blocked script-src" in text, text
    assert "injected/index.html: WebKit blocked script-src" in text, text
    assert ran == [True, False], f"In WebKit, on injected/index.html the page's own script ran: {ran[0]}; the injected one ran: {ran[1]}."
