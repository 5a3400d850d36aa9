"""WCAG 2.2 AA in a real browser: axe-core on every page at desktop and phone
width in light and dark colours, plus what axe cannot judge alone: a visible
focus on every Tab stop, the skip link, glossary tooltips without a mouse,
tap targets and box text at body size. Each check is proven able to fail on
tests/fixtures/a11y-faults/.

Each page is opened once per state (width, colours, touch), and every check
for that state runs on that one open page (`audit`); the tests below read
their own check's problems from it, so each still passes or fails on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from browser_checks import (
    axe_problems, back_to_top, focus_problems, glossary_mark_problems, glossary_words, keyboard_tooltip_problems,
    open_page, page_id, search_results, site_pages, skip_link_problems, tab_through, tabs, tap_target_problems,
    tooltip_problems_after_walk, touch_tooltip_problems, where,
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


# --- One open page per page and state -------------------------------------------------

@dataclass
class Audit:
    """What every check found on one page in one state, by check name."""
    place: str  # the page and state, in words
    problems: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # a check that could not run, and why
    tab_stops: int = 0

    def run(self, check: str, measure):
        try:
            self.problems[check] = measure()
        except (Exception, pytest.fail.Exception) as error:  # said in that check's own test
            self.errors[check] = f"{type(error).__name__}: {error}"

    def of(self, check: str) -> list[str]:
        if check in self.errors:
            pytest.fail(f"{self.place}: the {check} check could not run: {self.errors[check]}", pytrace=False)
        return self.problems[check]


def audit_page(tabs, url: str, address: str, source: str, width: str, palette: str, touch: bool) -> Audit:
    """Open the page once in this state and run each check that applies to it.

    The checks that only read the page run first (axe, tap targets, marks, box
    text); then the ones that press keys: the skip link from a fresh page, and a
    walk with Tab from the top (back_to_top in between), which both the focus
    check and the keyboard tooltip check read."""
    audit = Audit(where(address, source, width, palette) + (", touch screen" if touch else ""))
    content = source.startswith("docs/")
    try:
        tab = open_page(tabs.get(width, palette, touch=touch), url, palette)
    except (Exception, pytest.fail.Exception) as error:  # every test of this state says so
        audit.errors = {check: f"the page did not open: {error}" for check in STATE_CHECKS[(width, palette, touch)]}
        return audit
    if touch:
        if content:
            audit.run("touch tooltips", lambda: touch_tooltip_problems(tab, where(address, source, "phone")))
        return audit
    audit.run("axe", lambda: axe_problems(tab, where(address, source, width, palette)))
    if palette == "light":
        audit.run("tap targets", lambda: tap_target_problems(tab, where(address, source, width)))
    if content and (width, palette) == ("phone", "light"):
        audit.run("glossary marks", lambda: glossary_mark_problems(tab, where(address, source, "phone")))
        for media in ("screen", "print"):
            audit.run(f"box text {media}", lambda media=media: box_text_problems(tab, where(address, source, "phone"), media))
    words = []
    if content and (width, palette) == ("desktop", "light"):
        # Before any word has focus: Material then moves its title into the tooltip.
        audit.run("glossary words", lambda: glossary_words(tab))
        words = audit.problems.pop("glossary words", [])
    if content and palette == "light":
        audit.run("skip link", lambda: skip_link_problems(tab, where(address, source, width)))
    if (width, palette) in FOCUS_STATES:
        def walk():
            if content and palette == "light":
                back_to_top(tab)  # the skip link check pressed Tab and Enter
            stops = tab_through(tab)
            audit.tab_stops = len(stops)
            if content and stops and "skip" not in stops[0]["name"].lower():
                raise AssertionError(f'the walk with Tab started at "{stops[0]["name"]}", not at the skip link '
                                     "at the top of the page (browser_checks.back_to_top)")
            return stops
        audit.run("tab walk", walk)
        if "tab walk" in audit.problems:
            stops = audit.problems.pop("tab walk")
            audit.problems["focus"] = focus_problems(stops, where(address, source, width, palette))
            if "glossary words" in audit.errors:
                audit.errors["keyboard tooltips"] = audit.errors.pop("glossary words")
            elif content and (width, palette) == ("desktop", "light"):
                audit.run("keyboard tooltips",
                          lambda: tooltip_problems_after_walk(tab, where(address, source, "desktop"), words))
        else:
            audit.errors["focus"] = audit.errors["keyboard tooltips"] = audit.errors.pop("tab walk")
    return audit


FOCUS_STATES = [("desktop", "light"), ("phone", "dark")]
STATE_CHECKS = {
    **{(w, p, False): ["axe", "tap targets", "glossary marks", "box text screen", "box text print", "skip link",
                       "focus", "keyboard tooltips"] for w, p in COMBINATIONS},
    ("phone", "light", True): ["touch tooltips"],
}


@pytest.fixture(scope="module")
def audit(tabs, site_server):
    """audit(address, source, width, palette, touch=False): every check's problems on that page
    in that state, from one open of the page, kept for the module's other tests."""
    done: dict[tuple, Audit] = {}

    def get(address: str, source: str, width: str, palette: str = "light", touch: bool = False) -> Audit:
        key = (address, width, palette, touch)
        if key not in done:
            done[key] = audit_page(tabs, site_server + address, address, source, width, palette, touch)
        return done[key]
    return get


# --- axe-core ------------------------------------------------------------------

@pytest.mark.parametrize("width, palette", COMBINATIONS, ids=[f"{w}-{p}" for w, p in COMBINATIONS])
@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_axe_finds_no_wcag_violations(audit, address, source, width, palette):
    problems = audit(address, source, width, palette).of("axe")
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
def test_every_tab_stop_shows_where_focus_is(audit, address, source, width, palette):
    found = audit(address, source, width, palette)
    problems = found.of("focus")
    assert found.tab_stops > 3, f"Only {found.tab_stops} Tab stops on {address or 'the home page'}: the walk did not work"
    assert not problems, report(problems)


def keyboard_fault_text(tabs, faults, check, width: str = "desktop", **options) -> str:
    """What CHECK (tab, file) says of the keyboard fixture page: how each check below proves it can fail."""
    return "\n".join(check(open_page(tabs.get(width, **options), faults + "keyboard/"), "keyboard/index.html"))


def test_focus_check_catches_missing_outline_and_hidden_stops(tabs, faults):
    text = keyboard_fault_text(tabs, faults, lambda tab, name: focus_problems(tab_through(tab), name))
    assert 'keyboard/index.html: Pressing Tab moves to the a "Contact", but it shows no focus outline' in text, text
    assert 'the a "Hidden menu link", which is off screen' in text, text


# The keyboard and glossary checks each content page gets: (check, width, touch screen).
CONTENT_PAGE_CHECKS = [("skip link", "desktop", False), ("skip link", "phone", False),
                       ("keyboard tooltips", "desktop", False), ("touch tooltips", "phone", True),
                       ("glossary marks", "phone", False)]


@pytest.mark.parametrize("check, width, touch", CONTENT_PAGE_CHECKS, ids=[f"{c}-{w}" for c, w, _ in CONTENT_PAGE_CHECKS])
@pytest.mark.parametrize("address, source", CONTENT_PAGES, ids=[page_id(a) for a, _ in CONTENT_PAGES])
def test_skip_link_and_glossary_words_work_without_a_mouse(audit, address, source, check, width, touch):
    """The skip link shows and lands in the text; each glossary word is marked once on screen and shows
    its definition by keyboard and by touch."""
    problems = audit(address, source, width, touch=touch).of(check)
    assert not problems, report(problems)


def test_a_walk_after_back_to_top_sees_every_stop_again(tabs, faults):
    """The audit walks a page with Tab after the skip link check has pressed keys on it."""
    tab = open_page(tabs.get("desktop"), faults + "keyboard/")
    first = [stop["name"] for stop in tab_through(tab)]
    assert len(first) > 1 and tab_through(tab) == [], "a second walk without going back to the top should find no new stop"
    back_to_top(tab)
    again = [stop["name"] for stop in tab_through(tab)]
    assert again == first, f"After back_to_top the walk found {again}, not {first}"


def test_skip_link_check_catches_a_page_without_one(tabs, faults):
    text = keyboard_fault_text(tabs, faults, skip_link_problems)
    assert 'keyboard/index.html: The first Tab stop is "Contact", not a "Skip to content" link' in text, text


# --- Glossary tooltips without a mouse (their checks on every page: CONTENT_PAGE_CHECKS) ---------

def test_mark_check_catches_a_word_marked_twice(tabs, faults):
    text = keyboard_fault_text(tabs, faults, glossary_mark_problems)
    assert 'keyboard/index.html: The glossary word "spasm" is marked 2 times on screen' in text, text


def test_tooltip_checks_catch_a_hover_only_tooltip(tabs, faults):
    text = keyboard_fault_text(tabs, faults, keyboard_tooltip_problems)
    assert 'keyboard/index.html: The glossary word "spasm" cannot be reached with the Tab key' in text, text
    assert 'keyboard/index.html: Screen readers are not given the definition of "cramp"' in text, text
    assert 'keyboard/index.html: Pressing Escape does not close the definition of "cramp"' in text, text
    text = keyboard_fault_text(tabs, faults, touch_tooltip_problems, "phone", touch=True)
    assert 'keyboard/index.html: Tapping the glossary word "spasm" does not show its definition' in text, text


# --- Tap targets ----------------------------------------------------------------------

@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("address, source", PAGES, ids=[page_id(a) for a, _ in PAGES])
def test_tap_targets_are_at_least_24px(audit, address, source, width):
    problems = audit(address, source, width).of("tap targets")
    assert not problems, report(problems)


def test_tap_target_check_catches_a_tiny_button(tabs, faults):
    text = keyboard_fault_text(tabs, faults, tap_target_problems, "phone")
    assert 'keyboard/index.html: The button "Close" is 16 x 16 CSS pixels' in text, text


# --- Box text at body size (WCAG 1.4.4) --------------------------------------------
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
def test_box_text_is_body_size(audit, address, source, media):
    problems = audit(address, source, "phone").of(f"box text {media}")
    assert not problems, report(problems)


def test_box_text_check_catches_small_print(tabs, faults):
    tab = open_page(tabs.get("desktop"), faults + "small-print/")
    text = "\n".join(box_text_problems(tab, "small-print/index.html", "screen")
                     + box_text_problems(tab, "small-print/index.html", "print"))
    assert ('small-print/index.html: on screen, the text in the box "Key points" is 12.8px, smaller than the body '
            'text (16.0px)') in text, text
    assert 'small-print/index.html: on paper, the text in the box "Key points" is 12.0px, smaller than the body text' in text, text
