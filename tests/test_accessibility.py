"""WCAG 2.2 AA in a real browser: axe-core on every page at desktop and phone
width in light and dark colours, plus what axe cannot judge alone: a visible
focus on every Tab stop, the skip link, glossary tooltips without a mouse,
and tap targets. Each check is proven able to fail on tests/fixtures/a11y-faults/.
"""

from __future__ import annotations

import pytest

from browser_checks import (
    axe_problems, focus_problems, glossary_mark_problems, keyboard_tooltip_problems, open_page, page_id, search_results,
    site_pages, skip_link_problems, tab_through, tabs, tap_target_problems, touch_tooltip_problems,
    where,
)
from conftest import FIXTURES, expected_difference, serve

pytestmark = pytest.mark.browser
__all__ = ["tabs"]  # a fixture, used by name

PAGES = site_pages()
CONTENT_PAGES = [page for page in PAGES if page[1].startswith("docs/")]
COMBINATIONS = [("desktop", "light"), ("desktop", "dark"), ("phone", "light"), ("phone", "dark")]


@pytest.fixture(scope="module")
def faults():
    """Small pages with the faults each check must catch (tests/fixtures/a11y-faults/site/)."""
    server, url = serve(FIXTURES / "a11y-faults" / "site", "/")
    yield url
    server.shutdown()


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


# --- axe-core ------------------------------------------------------------------

@pytest.mark.parametrize("width, palette", COMBINATIONS, ids=[f"{w}-{p}" for w, p in COMBINATIONS])
@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_axe_finds_no_wcag_violations(tabs, site_server, address, source, width, palette):
    tab = open_page(tabs.get(width, palette), site_server + address, palette)
    problems = axe_problems(tab, where(address, source, width, palette))
    assert not problems, report(problems)


@expected_difference("zensical", "its search dialog, in a shadow root that site.css cannot style, shows each "
                     "result's page path in grey too faint to read (contrast 3.36:1 light, 4.48:1 dark; WCAG AA "
                     "needs 4.5:1), and its scrolling results list cannot be focused (axe: color-contrast, "
                     "scrollable-region-focusable).",
                     "Zensical's search UI passes axe, or lets sites set those colours.")
@pytest.mark.parametrize("width, palette", COMBINATIONS, ids=[f"{w}-{p}" for w, p in COMBINATIONS])
def test_axe_finds_no_violations_with_search_results_open(tabs, site_server, width, palette):
    tab = open_page(tabs.get(width, palette), site_server + "movements/", palette)
    search_results(tab, "cramp")  # opens the search box as a reader does, on a phone too
    problems = axe_problems(tab, where("movements/", "docs/assets/javascripts/site.js", width, palette) + " with search open")
    assert not problems, report(problems)


def test_axe_check_catches_materials_three_faults(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults)
    problems = axe_problems(tab, "index.html")
    for rule in ("aria-dialog-name", "color-contrast", "link-in-text-block"):
        assert any(p.startswith("index.html: ") and f"axe rule {rule}," in p for p in problems), \
            f"axe did not report {rule}:\n" + "\n".join(problems)


# --- Keyboard: focus you can see, the skip link ----------------------------------

@pytest.mark.parametrize("width, palette", [("desktop", "light"), ("phone", "dark")], ids=["desktop-light", "phone-dark"])
@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_every_tab_stop_shows_where_focus_is(tabs, site_server, address, source, width, palette):
    tab = open_page(tabs.get(width, palette), site_server + address, palette)
    stops = tab_through(tab)
    assert len(stops) > 3, f"Only {len(stops)} Tab stops on {address or 'the home page'}: the walk did not work"
    problems = focus_problems(stops, where(address, source, width, palette))
    assert not problems, report(problems)


def test_focus_check_catches_missing_outline_and_hidden_stops(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "keyboard/")
    text = "\n".join(focus_problems(tab_through(tab), "keyboard/index.html"))
    assert 'keyboard/index.html: Pressing Tab moves to the a "Contact", but it shows no focus outline' in text, text
    assert 'the a "Hidden menu link", which is off screen' in text, text


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_skip_link_shows_and_lands_in_the_text(tabs, site_server, address, source, width):
    tab = open_page(tabs.get(width), site_server + address)
    problems = skip_link_problems(tab, where(address, source, width))
    assert not problems, report(problems)


def test_skip_link_check_catches_a_page_without_one(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "keyboard/")
    text = "\n".join(skip_link_problems(tab, "keyboard/index.html"))
    assert 'keyboard/index.html: The first Tab stop is "Contact", not a "Skip to content" link' in text, text


# --- Glossary tooltips without a mouse --------------------------------------------

@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_glossary_tooltips_work_with_the_keyboard(tabs, site_server, address, source):
    tab = open_page(tabs.get("desktop"), site_server + address)
    problems = keyboard_tooltip_problems(tab, where(address, source, "desktop"))
    assert not problems, report(problems)


@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_glossary_tooltips_work_on_touch_screens(tabs, site_server, address, source):
    tab = open_page(tabs.get("phone", touch=True), site_server + address)
    problems = touch_tooltip_problems(tab, where(address, source, "phone"))
    assert not problems, report(problems)


@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_each_glossary_word_is_marked_once_on_screen(tabs, site_server, address, source):
    tab = open_page(tabs.get("phone"), site_server + address)
    problems = glossary_mark_problems(tab, where(address, source, "phone"))
    assert not problems, report(problems)


def test_mark_check_catches_a_word_marked_twice(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "keyboard/")
    text = "\n".join(glossary_mark_problems(tab, "keyboard/index.html"))
    assert 'keyboard/index.html: The glossary word "spasm" is marked 2 times on screen' in text, text


def test_tooltip_checks_catch_a_hover_only_tooltip(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "keyboard/")
    text = "\n".join(keyboard_tooltip_problems(tab, "keyboard/index.html"))
    assert 'keyboard/index.html: The glossary word "spasm" cannot be reached with the Tab key' in text, text
    assert 'keyboard/index.html: Screen readers are not given the definition of "cramp"' in text, text
    assert 'keyboard/index.html: Pressing Escape does not close the definition of "cramp"' in text, text
    touch = open_page(tabs.get("phone", touch=True), faults + "keyboard/")
    text = "\n".join(touch_tooltip_problems(touch, "keyboard/index.html"))
    assert 'keyboard/index.html: Tapping the glossary word "spasm" does not show its definition' in text, text


# --- Tap targets ----------------------------------------------------------------------

@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_tap_targets_are_at_least_24px(tabs, site_server, address, source, width):
    tab = open_page(tabs.get(width), site_server + address)
    problems = tap_target_problems(tab, where(address, source, width))
    assert not problems, report(problems)


def test_tap_target_check_catches_a_tiny_button(tabs, faults):
    tab = open_page(tabs.get("phone"), faults + "keyboard/")
    text = "\n".join(tap_target_problems(tab, "keyboard/index.html"))
    assert 'keyboard/index.html: The button "Close" is 16 x 16 CSS pixels' in text, text


# --- Box text at body size (WCAG 1.4.4; issue 10) ------------------------------------
# Material sets admonition text a fifth smaller than body text, which made
# "Key points" and the doctor cards the smallest print on the page.

BOX_TEXT_SIZES = """() => {
  const article = document.querySelector("article");
  const body = parseFloat(getComputedStyle(article).fontSize);
  return [...article.querySelectorAll(".admonition, details")].map((box) => {
    const title = box.querySelector(".admonition-title, summary");
    const lines = [...box.querySelectorAll(".admonition-title, summary, p, li")]
      .filter((el) => !el.querySelector("p, li") && el.textContent.trim());
    return {label: title ? title.textContent.trim() : "box", body,
            smallest: Math.min(...lines.map((el) => parseFloat(getComputedStyle(el).fontSize)))};
  });
}"""


def box_text_problems(tab, place: str, media: str) -> list[str]:
    """Each box's smallest line of text against the page's body text, on screen or on paper."""
    tab.emulate_media(media=media)
    try:
        boxes = tab.evaluate(BOX_TEXT_SIZES)
    finally:
        tab.emulate_media(media="screen")
    where_shown = "on paper" if media == "print" else "on screen"
    return [f'{place}: {where_shown}, the text in the box "{box["label"]}" is {box["smallest"]:.1f}px, smaller than '
            f'the body text ({box["body"]:.1f}px). How to fix: keep the section "Boxes at body size" in '
            f"docs/assets/stylesheets/site.css, so the boxes' text is as large as the text around them."
            for box in boxes if box["smallest"] < box["body"] - 0.5]


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_box_text_is_body_size(tabs, site_server, address, source, media):
    tab = open_page(tabs.get("phone"), site_server + address)
    problems = box_text_problems(tab, where(address, source, "phone"), media)
    assert not problems, report(problems)


def test_box_text_check_catches_small_print(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "small-print/")
    text = "\n".join(box_text_problems(tab, "small-print/index.html", "screen")
                     + box_text_problems(tab, "small-print/index.html", "print"))
    assert ('small-print/index.html: on screen, the text in the box "Key points" is 12.8px, smaller than the body '
            'text (16.0px)') in text, text
    assert 'small-print/index.html: on paper, the text in the box "Key points" is 12.0px, smaller than the body text' in text, text
