"""How the "Twitch, spasm or cramp?" helper starts, in a real Chromium: as every tool
does (DEVELOPING.md, "How a tool is built"). Its parts are found by data-part; a
missing part, or a second start of the same root, is refused with a
MovementHelperError named in the console, and the plain list stays on screen.
The script is run again on the page, as a second copy of it would."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ROOT = '[data-module="movement-helper"]'
RUN_AGAIN = """async () => {
  const script = document.createElement('script');
  script.src = [...document.scripts].find(s => /movement-helper\\.js/.test(s.src)).src + '?again';
  await new Promise(done => { script.onload = done; document.body.appendChild(script); });
}"""


def console_errors_after_running_again(page, site_server, change: str = "") -> list[str]:
    page.goto(site_server + "movements/")
    page.wait_for_selector(f"{ROOT}[data-movement-helper-started]")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    if change:
        page.evaluate(change)
    page.evaluate(RUN_AGAIN)
    page.wait_for_timeout(100)  # console messages arrive after the script's load event
    return errors


def test_a_second_start_is_refused_by_name(page, site_server):
    errors = console_errors_after_running_again(page, site_server)
    assert errors == ["MovementHelperError: The helper was started twice."], errors
    assert page.locator(f"{ROOT} [data-part='app'] .movement-helper__view").count() == 1, "the helper was drawn twice"


def test_a_missing_part_is_named_and_the_plain_list_stays(page, site_server):
    errors = console_errors_after_running_again(page, site_server, f"""() => {{
        const root = document.querySelector('{ROOT}');
        const copy = root.cloneNode(true);
        copy.removeAttribute('data-movement-helper-started');
        copy.classList.remove('movement-helper--started');
        copy.querySelector('[data-part="app"]').remove();
        root.replaceWith(copy);
    }}""")
    assert errors == ['MovementHelperError: The helper is missing its part "app" (overrides/partials/movement-helper.html).'], errors
    assert page.is_visible(f"{ROOT} .movement-helper__fallback"), "the plain list is hidden though the helper did not start"
