"""Checks that run in a real Chromium, shared by the browser tests.

Each check looks at an open page and returns problems as plain sentences
("where: what is wrong. How to fix: ..."), an empty list when all is well.
The tests run them on the built site, and on small broken pages in
tests/fixtures/ to prove that each check can fail.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import BUILDER, ROOT
from sitetools.pages import site_pages as all_pages

# --- The pages ---------------------------------------------------------------

NOT_FOUND = "does-not-exist/"  # the server answers unknown paths with 404.html


def site_pages(docs=ROOT / "docs") -> list[tuple[str, str]]:
    """(address below the site root, source file) for every page in docs/, folders
    included (sitetools.pages, the one list of pages), and the 404 page."""
    pages = [(page.path, page.name) for page in all_pages(docs)]
    return pages + [(NOT_FOUND, "overrides/404.html")]


def page_id(address: str) -> str:
    return address.strip("/") or "home"


# --- Browser set-up ----------------------------------------------------------

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740), "small phone": (320, 640)}


class Tabs:
    """One browser tab per screen size and palette, reused across tests,
    so 40 page checks do not start 40 browser contexts."""

    def __init__(self, browser):
        self.browser = browser
        self.open: dict[tuple, object] = {}

    def get(self, width: str, palette: str = "light", touch: bool = False):
        key = (width, palette, touch)
        if key not in self.open:
            w, h = WIDTHS[width]
            context = self.browser.new_context(
                viewport={"width": w, "height": h}, color_scheme=palette,
                has_touch=touch, is_mobile=touch,
                service_workers="block")  # test_offline.py tests the worker; here it would only add downloads
            self.open[key] = context.new_page()
        return self.open[key]

    def close(self):
        for tab in self.open.values():
            tab.context.close()


@pytest.fixture(scope="module")
def tabs(browser):
    opened = Tabs(browser)
    yield opened
    opened.close()


SETTLE = """() => Promise.race([
  Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
  new Promise(done => setTimeout(done, 2000))])"""


def settle(tab):
    """Wait for fades and slides to end, so colours are measured as readers see them."""
    tab.evaluate(SETTLE)


def open_page(tab, url: str, palette: str = "light"):
    """Load a page and wait until the site's scripts have set it up."""
    tab.goto(url)
    # site.js makes glossary words focusable once Material is ready.
    tab.wait_for_function("() => !document.querySelector('.md-content abbr[title]:not([tabindex])')")
    if palette == "dark" and tab.evaluate("document.body.dataset.mdColorScheme") not in (None, "slate"):
        pytest.fail(f"{url} did not switch to the dark palette", pytrace=False)
    settle(tab)
    return tab


def where(address: str, source: str, width: str = "", palette: str = "") -> str:
    shown = "/" + address if address else "home page /"
    extra = ", ".join(part for part in (f"{width} width" if width else "", f"{palette} colours" if palette else "") if part)
    return f"{source} (page {shown}{', ' + extra if extra else ''})"


# --- Accessibility: axe-core -------------------------------------------------

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    # A best-practice rule, switched on because an unnamed search dialog is
    # announced to screen-reader users as just "dialog".
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
}
AXE_FIXES = {
    "color-contrast": "Use a darker (light colours) or lighter (dark colours) text colour in "
                      "docs/assets/stylesheets/site.css, section \"Colours\".",
    "link-in-text-block": "Underline links inside running text (site.css, section \"Links\").",
    "aria-dialog-name": "Give the dialog a name with aria-label (docs/assets/javascripts/site.js, section 5).",
    "scrollable-region-focusable": ("Let keyboard users focus the scrolling box "
                                    '(docs/assets/javascripts/site.js, section "Wide tables").'),
}


def target_text(target: list) -> str:
    """axe's selector for an element; inside a shadow root it is a list (host, then inside)."""
    return " ".join(" >>> ".join(part) if isinstance(part, list) else part for part in target)


def axe_problems(tab, place: str) -> list[str]:
    """WCAG 2.0-2.2 A and AA violations that axe-core finds on the open page."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
    problems = []
    for rule in violations:
        targets = ", ".join(target_text(node["target"]) for node in rule["nodes"][:3])
        detail = rule["nodes"][0].get("failureSummary", "").replace("\n", " ").replace("Fix any of the following:", "").strip()
        fix = AXE_FIXES.get(rule["id"], f"See {rule['helpUrl']}")
        problems.append(f"{place}: {rule['help']} (axe rule {rule['id']}, {len(rule['nodes'])} place(s): {targets}; "
                        f"{detail}) How to fix: {fix}")
    return problems


# --- Keyboard: focus, skip link, tooltips ------------------------------------

# What the element that has focus looks like, and whether its ring shows.
FOCUSED = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Tab inside one control (a date and time field's day, month, year...) keeps focus on it: one stop.
  if (el === window.lastStopByTab) return {same: true};
  window.lastStopByTab = el;
  if (el.hasAttribute("data-reached-by-tab")) return null;  // back at the start
  el.dataset.reachedByTab = "";
  const visible = e => {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1 && s.visibility !== "hidden" && !e.hidden &&
           r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  };
  // A hidden radio button (the palette switch) shows its ring on a visible label.
  const box = el.getBoundingClientRect();
  const shown = (box.width < 1 || box.height < 1)
    ? [...(el.labels || []), ...el.parentElement.querySelectorAll("label")].find(visible) || el : el;
  // A menu may still be sliding in: let running animations end first.
  if (!visible(shown) && document.getAnimations().length)
    await Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
                        new Promise(done => setTimeout(done, 1000))]);
  const s = getComputedStyle(shown);
  const transparent = /rgba\\(.*,\\s*0\\)$|transparent/.test(s.outlineColor);
  const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || el.tagName)
    .trim().replace(/\\s+/g, " ").slice(0, 40);
  return {
    name: name, tag: el.tagName.toLowerCase(),
    ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && !transparent,
    seen: visible(shown),
    inContent: !!el.closest(".md-content"),
  };
}"""
FOCUS_FIX = ("Every element you can Tab to needs a visible outline when it has focus, and must be on screen: "
             "see docs/assets/stylesheets/site.css, section \"Focus\".")


# Back to the top of the page for a keyboard walk: no stop marked as reached,
# and the next Tab starting from the start of the page (a focused element with
# tabindex -1 before everything else is where sequential focus starts).
BACK_TO_TOP = """() => {
  document.querySelectorAll("[data-reached-by-tab]").forEach(el => el.removeAttribute("data-reached-by-tab"));
  let start = document.getElementById("walk-start");
  if (!start) {
    start = document.createElement("span");
    start.id = "walk-start";
    start.tabIndex = -1;
    document.body.prepend(start);
  }
  start.focus({preventScroll: true});
  window.lastStopByTab = null;
  window.scrollTo(0, 0);
}"""


def back_to_top(tab):
    """Let a second keyboard walk on the same open page start as on a fresh one."""
    tab.keyboard.press("Escape")  # closes a tooltip or menu the last walk left open
    tab.evaluate(BACK_TO_TOP)
    settle(tab)


def tab_through(tab, limit: int = 250) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page; what each stop looked like."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        if stop is None:
            break
        if not stop.get("same"):
            stops.append(stop)
    return stops


def focus_problems(stops: list[dict], place: str) -> list[str]:
    problems = []
    for stop in stops:
        label = f'the {stop["tag"]} "{stop["name"]}"'
        if not stop["seen"]:
            problems.append(f"{place}: Pressing Tab moves to {label}, which is off screen or hidden, "
                            f"so keyboard users lose track of where they are. How to fix: {FOCUS_FIX}")
        elif not stop["ring"]:
            problems.append(f"{place}: Pressing Tab moves to {label}, but it shows no focus outline "
                            f"(at least 2px). How to fix: {FOCUS_FIX}")
    return problems


def skip_link_problems(tab, place: str) -> list[str]:
    """The first Tab stop is a visible "Skip to content" link that lands in the page's text."""
    fix = "Keep Material's skip link (it needs a page heading) and do not hide it on focus."
    tab.keyboard.press("Tab")
    first = tab.evaluate(FOCUSED)
    if not first or "skip" not in first["name"].lower():
        name = first["name"] if first else "nothing"
        return [f'{place}: The first Tab stop is "{name}", not a "Skip to content" link. How to fix: {fix}']
    settle(tab)  # Material fades the link in
    opacity = tab.evaluate("getComputedStyle(document.activeElement).opacity")
    if not first["seen"] or float(opacity) < 0.9:
        return [f'{place}: The "Skip to content" link does not show when it has focus. How to fix: {fix}']
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    landed = tab.evaluate(FOCUSED)
    if not landed or not landed["inContent"]:
        name = landed["name"] if landed else "nothing"
        return [f'{place}: After "Skip to content", the next Tab stop is "{name}", not in the page text. How to fix: {fix}']
    return []


GLOSSARY_WORDS = """() => [...document.querySelectorAll("main abbr")].map((el, i) => {
  el.dataset.word = i;
  return {index: i, word: el.textContent.trim(), definition: el.getAttribute("title") || ""};
})"""
REACHED_WORDS = """() => [...document.querySelectorAll("main abbr[data-reached-by-tab]")].map(el => +el.dataset.word)"""
VISIBLE_TOOLTIP = """() => [...document.querySelectorAll('[role="tooltip"]')].filter(tip => {
  const s = getComputedStyle(tip), inner = tip.firstElementChild || tip, r = inner.getBoundingClientRect();
  return s.visibility !== "hidden" && s.display !== "none" && parseFloat(s.opacity) > 0.9 && r.width > 0 && r.height > 0;
}).map(tip => {
  const r = (tip.firstElementChild || tip).getBoundingClientRect();
  return {id: tip.id, text: tip.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          fontSize: parseFloat(getComputedStyle(tip.firstElementChild || tip).fontSize)};
})"""
TOOLTIP_FIX = ("docs/assets/javascripts/site.js makes glossary words focusable; Material shows "
               "the definition on focus (feature content.tooltips in mkdocs.yml).")


MARKED_WORDS = """() => [...document.querySelectorAll("main abbr[title]")].map(el => ({
  word: el.textContent.trim(), definition: el.getAttribute("title")}))"""


def glossary_mark_problems(tab, place: str) -> list[str]:
    """On screen each glossary word is marked once, at its first use: a dotted line on every
    use is clutter to read past, and Material builds a tooltip for each mark."""
    marks: dict[str, list[str]] = {}
    for mark in tab.evaluate(MARKED_WORDS):
        marks.setdefault(mark["definition"], []).append(mark["word"])
    return [f'{place}: The glossary word "{uses[0]}" is marked {len(uses)} times on screen; only its first use '
            "should be. How to fix: docs/assets/javascripts/site.js (section 1) keeps the first use of each "
            "word; check that the page loads it."
            for uses in marks.values() if len(uses) > 1]


def glossary_words(tab) -> list[dict]:
    return tab.evaluate(GLOSSARY_WORDS)


def screen_reader_description(tab, selector: str) -> str:
    """What Chromium gives screen readers as the element's description."""
    cdp = tab.context.new_cdp_session(tab)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
        return tree["nodes"][0].get("description", {}).get("value", "")
    finally:
        cdp.detach()


def wait_for_tooltip(tab) -> list[dict]:
    try:
        tab.wait_for_function(f"({VISIBLE_TOOLTIP})().length > 0", timeout=1500)
    except Exception:
        pass
    return tab.evaluate(VISIBLE_TOOLTIP)


def keyboard_tooltip_problems(tab, place: str) -> list[str]:
    """On a freshly opened page: each glossary word is reachable with Tab; on
    focus its definition shows and is given to screen readers; Escape hides
    it and leaves focus where it was."""
    words = glossary_words(tab)  # before Material moves titles into tooltips
    tab_through(tab)
    return tooltip_problems_after_walk(tab, place, words)


def tooltip_problems_after_walk(tab, place: str, words: list[dict]) -> list[str]:
    """keyboard_tooltip_problems for a page already walked with tab_through from its top,
    WORDS read by glossary_words before any glossary word had focus."""
    problems = []
    reached_indexes = set(tab.evaluate(REACHED_WORDS))
    for word in words:
        word["reached"] = word["index"] in reached_indexes
    by_definition: dict[str, list[dict]] = {}
    for word in words:
        by_definition.setdefault(word["definition"], []).append(word)
    for definition, forms in by_definition.items():
        if not any(form["reached"] for form in forms):
            problems.append(f'{place}: The glossary word "{forms[0]["word"]}" cannot be reached with the Tab key, '
                            f"so keyboard users never see its definition. How to fix: {TOOLTIP_FIX}")
    reached = [word for word in words if word["reached"]]
    if not reached:
        return problems
    word = reached[0]
    selector = f'main abbr[data-word="{word["index"]}"]'
    tab.focus(selector)
    tooltips = wait_for_tooltip(tab)
    if not any(word["definition"] in tip["text"] for tip in tooltips):
        problems.append(f'{place}: When "{word["word"]}" has keyboard focus, its definition does not show. '
                        f"How to fix: {TOOLTIP_FIX}")
    if screen_reader_description(tab, selector) != word["definition"]:
        problems.append(f'{place}: Screen readers are not given the definition of "{word["word"]}" when it has focus '
                        f"(aria-describedby to a role=tooltip element). How to fix: {TOOLTIP_FIX}")
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(300)
    still_focused = tab.evaluate(f"document.activeElement === document.querySelector('{selector}')")
    if tab.evaluate(VISIBLE_TOOLTIP) or not still_focused:
        problems.append(f'{place}: Pressing Escape does not close the definition of "{word["word"]}" while '
                        f"keeping focus on the word (WCAG 1.4.13). How to fix: {TOOLTIP_FIX}")
    return problems


def touch_tooltip_problems(tab, place: str) -> list[str]:
    """Tapping a glossary word shows its whole definition on screen, in readable text."""
    words = glossary_words(tab)
    if not words:
        return []
    # A word outside the Tab order if there is one (a fixture's hover-only word); on the
    # site each word is marked once and every mark is a Tab stop, so this is the first.
    word = next((w for w in words if tab.evaluate(
        f"document.querySelector('main abbr[data-word=\"{w['index']}\"]').tabIndex") < 0), words[0])
    target = tab.locator(f'main abbr[data-word="{word["index"]}"]')
    target.scroll_into_view_if_needed()
    target.tap()
    tooltips = [tip for tip in wait_for_tooltip(tab) if word["definition"] and word["definition"] in tip["text"]]
    if not tooltips:
        return [f'{place}: Tapping the glossary word "{word["word"]}" does not show its definition. '
                f"How to fix: {TOOLTIP_FIX}"]
    tip, width = tooltips[0], tab.viewport_size["width"]
    if tip["left"] < 0 or tip["right"] > width or tip["fontSize"] < 14:
        return [f'{place}: The definition of "{word["word"]}" is cut off at the screen edge or in text smaller '
                f"than 14px. How to fix: see .md-tooltip2 in docs/assets/stylesheets/site.css."]
    return []


# --- Tap targets (WCAG 2.5.8) ----------------------------------------------

MIN_TARGET = 24  # CSS pixels
SMALL_TARGETS = """(minimum) => {
  const interactive = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for], ' +
                      '[role="button"], [tabindex]:not([tabindex="-1"])';
  const small = [];
  for (const el of document.querySelectorAll(interactive)) {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || s.visibility === "hidden" || parseFloat(s.opacity) === 0) continue;
    if (r.right <= 0 || r.left >= innerWidth) continue;  // a closed drawer
    // WCAG exception: a link inside a sentence is as tall as the line.
    if (s.display === "inline") {
      const block = el.parentElement.closest("p, li, td, th, dd, dt, figcaption, h1, h2, h3, h4, h5, h6, blockquote, div");
      if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
    }
    if (r.width < minimum - 0.5 || r.height < minimum - 0.5) {
      const name = (el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent || el.tagName)
        .trim().replace(/\\s+/g, " ").slice(0, 40);
      small.push({name: name, tag: el.tagName.toLowerCase(), width: Math.round(r.width), height: Math.round(r.height)});
    }
  }
  return small;
}"""


def tap_target_problems(tab, place: str) -> list[str]:
    return [f'{place}: The {t["tag"]} "{t["name"]}" is {t["width"]} x {t["height"]} CSS pixels; a finger needs at '
            f"least {MIN_TARGET} x {MIN_TARGET}. How to fix: make it bigger in docs/assets/stylesheets/site.css, "
            f'section "Tap targets".'
            for t in tab.evaluate(SMALL_TARGETS, MIN_TARGET)]


# --- Small screens -------------------------------------------------------------

SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const insideScrollBox = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && r.width > 0 && !insideScrollBox(el)) {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                   (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "");
      wide.push(name + " (" + Math.round(r.right) + "px)");
    }
  }
  return wide.length ? wide.slice(0, 3) : ["the page (" + document.documentElement.scrollWidth + "px)"];
}"""
TABLES = """() => [...document.querySelectorAll(".md-content table")].map((table, i) => {
  const width = document.documentElement.clientWidth;
  let box = table;
  for (let p = table.parentElement; p && p !== document.body; p = p.parentElement)
    if (/auto|scroll/.test(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth + 1) { box = p; break; }
  const r = box.getBoundingClientRect();
  const scrolls = box !== table || table.scrollWidth > table.clientWidth + 1;
  const cells = [...table.querySelectorAll("th, td")];
  return {
    index: i + 1,
    heading: (cells[0] ? cells[0].textContent.trim() : ""),
    fontSize: Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize))),
    clipped: cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim().slice(0, 30)),
    fitsScreen: r.left >= -1 && r.right <= width + 1,
    scrolls: scrolls,
    focusable: !scrolls || box.tabIndex >= 0,
    named: !scrolls || !!(box.getAttribute("aria-label") || box.getAttribute("aria-labelledby")),
  };
})"""
MIN_TABLE_TEXT = 14  # CSS pixels


def sideways_scroll_problems(tab, place: str) -> list[str]:
    wide = tab.evaluate(SIDEWAYS)
    if not wide:
        return []
    return [f"{place}: The page scrolls sideways; too wide: {', '.join(wide)}. How to fix: let it wrap or "
            f"scroll inside its own box (docs/assets/stylesheets/site.css, section \"Wide tables\")."]


def table_problems(tab, place: str) -> list[str]:
    problems = []
    fix = 'see docs/assets/stylesheets/site.css, section "Wide tables", and docs/assets/javascripts/site.js.'
    for table in tab.evaluate(TABLES):
        name = f'table {table["index"]} ("{table["heading"]}")'
        if table["fontSize"] < MIN_TABLE_TEXT:
            problems.append(f"{place}: The text in {name} is {table['fontSize']:.1f}px, too small to read "
                            f"(at least {MIN_TABLE_TEXT}px). How to fix: {fix}")
        if table["clipped"]:
            problems.append(f"{place}: Words are cut off in {name}: {', '.join(table['clipped'][:3])}. How to fix: {fix}")
        if not table["fitsScreen"]:
            problems.append(f"{place}: {name} is wider than the screen and does not scroll inside its own box. "
                            f"How to fix: {fix}")
        if not (table["focusable"] and table["named"]):
            problems.append(f"{place}: {name} scrolls sideways, but keyboard users cannot focus it to scroll, "
                            f"or it has no name. How to fix: {fix}")
    return problems


# --- Privacy --------------------------------------------------------------------

def record_requests(context) -> list[str]:
    """Every address the browser asks for from now on, even ones that fail."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    return seen


def privacy_problems(context, requests: list[str], own_host: str, place: str) -> list[str]:
    fix = ("Serve every file from the site itself: no web fonts, CDNs, analytics or embeds "
           "(see theme.font: false and extra.generator: false in mkdocs.yml).")
    problems = []
    foreign = sorted({urlsplit(url).hostname or url for url in requests
                      if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != own_host})
    for host in foreign:
        example = next(url for url in requests if (urlsplit(url).hostname or url) == host)
        problems.append(f"{place}: The browser contacted {host} ({example}), so that site learns who reads "
                        f"about their health here. How to fix: {fix}")
    cookies = context.cookies()
    if cookies:
        names = ", ".join(sorted({cookie["name"] for cookie in cookies}))
        problems.append(f"{place}: The site set cookies ({names}). It must set none. How to fix: remove the "
                        f"script or setting that writes them.")
    return problems


# --- Search ------------------------------------------------------------------------

# Material's search box is in the page; Zensical's is a <dialog> in an open
# shadow root at the end of the page (Playwright's locators reach into it),
# with one result per section, not per page. Same question to both: which
# pages come first for this query.
ZENSICAL_SEARCH = "dialog[aria-label='Search']"
ZENSICAL_SEARCH_ROOT = """() => [...document.querySelectorAll("body > *")].map(el => el.shadowRoot)
    .find(root => root && root.querySelector("dialog"))"""


def open_search(tab):
    """Open the search box as a reader does: on a phone, with the header's search button."""
    if BUILDER == "zensical":
        if not tab.locator(f"{ZENSICAL_SEARCH} input[role=combobox]").is_visible():
            button = tab.locator(".md-search__button")
            (button if button.is_visible() else tab.locator("label.md-header__button[for='__search']")).click()
        return tab.locator(f"{ZENSICAL_SEARCH} input[role=combobox]")
    button = tab.locator("label.md-header__button[for='__search']")  # Material shows it on small screens only
    if button.is_visible() and not tab.evaluate("document.getElementById('__search').checked"):
        button.click()
    return tab.locator("input.md-search__input")


def search_results(tab, query: str) -> list[str]:
    """Type QUERY into the site's search box; the page addresses of the results, best first
    ("" is the home page)."""
    box = open_search(tab)
    box.click()
    box.fill("")
    if BUILDER == "zensical":
        # Results are for this query once the status is filled in and each
        # link carries it (?h=QUERY, with the search.highlight feature); the
        # previous query's stay up until then. Zensical writes "&" in that
        # ?h= as "&amp;" ("A&E" comes back as "A&amp;E").
        box.press_sequentially(query)
        for_this_query = f"""query => {{ const root = ({ZENSICAL_SEARCH_ROOT})();
            if (!root || root.querySelector("input").value !== query) return false;
            if (root.querySelector("[role=status]").textContent.trim() === "") return false;
            return [...root.querySelectorAll("ol[role=listbox] a[role=option]")]
              .every(link => [null, query, query.replaceAll("&", "&amp;")]
                .includes(new URL(link.href).searchParams.get("h"))); }}"""
        tab.wait_for_function(for_this_query, arg=query)
        tab.wait_for_timeout(300)  # the worker may still be sending the last keystroke's results
        tab.wait_for_function(for_this_query, arg=query)
        settle(tab)
        hrefs = tab.evaluate(f"""() => [...({ZENSICAL_SEARCH_ROOT})().querySelectorAll(
            "ol[role=listbox] a[role=option]")].map(link => link.href)""")
    else:
        # Material searches on keyup, once per new value. The whole query goes in
        # one keyup, after a mark in the results line: the line is written anew
        # for this query's results, so the mark's going says they are shown
        # (typing key by key, a slow worker's answer to "eye twitchin" could be read).
        box.dispatch_event("keyup")
        tab.wait_for_function("""() => /Initializing|Type to start/i.test(
            document.querySelector(".md-search-result__meta").textContent)""")
        tab.evaluate("""() => document.querySelector(".md-search-result__meta")
            .appendChild(document.createElement("i")).classList.add("waiting-for-results")""")
        box.fill(query)
        box.dispatch_event("keyup")
        tab.wait_for_function(
            """() => !document.querySelector(".md-search-result__meta .waiting-for-results") &&
                     !/Initializing/i.test(document.querySelector(".md-search-result__meta").textContent)""")
        settle(tab)
        hrefs = tab.evaluate("""() => [...document.querySelectorAll(".md-search-result__item")]
            .map(item => item.querySelector("a").href)""")
    base = tab.evaluate("new URL(document.querySelector('.md-header__button.md-logo, .md-logo').href, location).href")
    pages = [re.sub(r"[?#].*$", "", href).removeprefix(base) for href in hrefs]
    return list(dict.fromkeys(pages)) if BUILDER == "zensical" else pages


def search_problems(results: list[str], query: str, expected: str, source: str, top: int = 3) -> list[str]:
    if expected in results[:top]:
        return []
    shown = ", ".join(f'"/{r}"' for r in results[:top]) or "nothing"
    return [f'{source}: Searching for "{query}" shows {shown} first, not this page (/{expected}). '
            f'How to fix: use the word "{query}" in a plain sentence on the page, or give the page a search '
            f"boost or keyword in its front matter."]


# What an empty search must offer: the pages most readers need (docs/assets/javascripts/site.js, section 6).
NEEDED_WHEN_NOTHING_MATCHES = ("when-to-see-a-doctor/", "understanding/", "symptom-log/")
WAY_ON_FIX = ("docs/assets/javascripts/site.js, section 6, adds the line and the links under Material's "
              '"No matching documents".')


def way_on_links(tab) -> list[dict]:
    """The links offered under a search that found nothing, as a reader sees them."""
    return tab.evaluate("""() => [...document.querySelectorAll(".md-search-result .site-search-help a")]
        .filter(link => link.checkVisibility()).map(link => ({href: link.href, text: link.textContent.trim()}))""")


def way_on_problems(tab, query: str, base: str, place: str) -> list[str]:
    """After QUERY found nothing: a line on searching in other words, and working links to the needed pages."""
    links = way_on_links(tab)
    problems = []
    if not tab.evaluate("""() => [...document.querySelectorAll(".site-search-help p")]
            .some(line => line.checkVisibility() && /other words/i.test(line.textContent))"""):
        problems.append(f'{place}: Searching for "{query}" finds nothing, and no line says how to search in other '
                        f"words. How to fix: {WAY_ON_FIX}")
    offered = {link["href"].removeprefix(base): link for link in links}
    for page in NEEDED_WHEN_NOTHING_MATCHES:
        if page not in offered:
            problems.append(f'{place}: Searching for "{query}" finds nothing, and the search box offers no link to '
                            f"/{page}: a dead end. How to fix: {WAY_ON_FIX}")
            continue
        status = tab.evaluate("href => fetch(href).then(answer => answer.status)", offered[page]["href"])
        if status != 200 or not offered[page]["text"]:
            problems.append(f'{place}: Searching for "{query}" offers the link "{offered[page]["text"]}" to /{page}, '
                            f"which does not work (status {status}). How to fix: {WAY_ON_FIX}")
    return problems
