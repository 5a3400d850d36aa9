"""A reader finds every tool and page: home lists every page in the menu,
the tools first with the symptom log at their head; the paper diary and the
log have names that say which is which, in the menu and in every link; and on
/movements/ the "twitch, spasm or cramp?" helper comes before the comparison
table, which reads at 320 px (it scrolls in its own labelled box rather than
squeezing its five columns). Each check is proven to fail on a small broken
site in tests/fixtures/finding-pages/.
"""

from __future__ import annotations

from posixpath import normpath
from urllib.parse import urlsplit

import pytest

from conftest import fixture_site
from sitetools.problems import Problem, report
from sitetools.site import Site

HOME = "index.html"
MOVEMENTS = "movements/index.html"
ON_HOME = "What is on this site?"
# The tools, in the order home lists them: the log first (most readers come for it).
TOOLS = ["symptom-log/", "movements/", "symptom-diary/"]
# What each of the two look-alike tools' names must say, so one is not taken for the other.
TOOL_NAMES = {"symptom-diary/": ("diary", "paper"), "symptom-log/": ("log", "device")}
SMALLEST_PHONE = 320
SMALLEST_TEXT_PX = 14  # table text no smaller than this on a phone
NARROWEST_CELL_EM = 5.5  # a cell's text narrower than this (in its own font size) is squeezed to a word or two a line


def target(page_path: str, href: str) -> str | None:
    """A link's page, below the site root ("symptom-log/"), or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = normpath(page_path + parts.path) + "/"
    return "" if path in ("./", "/") else path.removeprefix("./")


def menu(site: Site) -> dict[str, str]:
    """{page: name} of the site's menu, as home shows it."""
    home = site.page(HOME)
    links = home.soup.select(".md-nav--primary a.md-nav__link[href]")
    found = {}
    for link in links:
        page = target("", link["href"])
        if page is not None and page not in found:
            found[page] = " ".join(link.get_text(" ").split())
    return found


def home_section_links(site: Site) -> list[str]:
    """The pages linked under home's "What is on this site?", in order."""
    home = site.page(HOME)
    heading = next((h for h in home.article().select("h2") if h.get_text(strip=True) == ON_HOME), None)
    if heading is None:
        return []
    links = []
    for element in heading.find_all_next():
        if element.name == "h2":
            break
        if element.name == "a" and element.get("href"):
            page = target("", element["href"])
            if page is not None and "#" not in element["href"] and page not in links:
                links.append(page)
    return links


def home_problems(site: Site) -> list[Problem]:
    listed, problems = home_section_links(site), []
    if not listed:
        return [Problem("docs/index.md", f"Home has no list under {ON_HOME!r}.",
                        f"Add the heading {ON_HOME!r} with a link to every page in the menu.")]
    for page, name in menu(site).items():
        if page and page not in listed:
            problems.append(Problem("docs/index.md", f"Home's {ON_HOME!r} does not link to {name!r} ({page}).",
                                    "Add a line for it, with a few words on what a reader finds there."))
    tools = [page for page in listed if page in TOOLS]
    if tools != TOOLS:
        problems.append(Problem("docs/index.md", f"Home lists the tools in the order {tools}, not {TOOLS}: "
                                "the symptom log should come first.", "List the tools first, the symptom log at their head."))
    return problems


def tool_name_problems(site: Site) -> list[Problem]:
    """The diary's and the log's names in the menu say which is which; every link to them too."""
    problems, names = [], menu(site)
    for page, (kind, where) in TOOL_NAMES.items():
        name = names.get(page, "")
        if where not in name.lower() or kind not in name.lower():
            problems.append(Problem("mkdocs.yml", f"The menu names {page} {name!r}, which does not say it is the {where} {kind}.",
                                    f"Name it so it says {kind!r} and {where!r} (nav in mkdocs.yml)."))
    if len({names.get(page) for page in TOOL_NAMES}) < len(TOOL_NAMES):
        problems.append(Problem("mkdocs.yml", "The paper diary and the log have the same menu name.", "Give each its own name."))
    for page in site.content_pages:
        article = page.article()
        for link in article.select("a[href]") if article else []:
            linked = target(page.url_path, link["href"])
            words = " ".join(link.get_text(" ").split()).lower()
            for other, (kind, _) in TOOL_NAMES.items():
                wrong = next(k for p, (k, _) in TOOL_NAMES.items() if p != other)
                if linked == other and wrong in words:
                    problems.append(Problem(page.name, f"A link to {other} reads {words!r}, the other tool's name.",
                                            f"Say {kind!r} in the words of the link."))
    return problems


def helper_order_problems(site: Site) -> list[Problem]:
    page = site.page(MOVEMENTS)
    article = page.article() if page else None
    helper = article.select_one('[data-module="movement-helper"]') if article else None
    table = article.select_one("table:not([class])") if article else None
    if helper is None or table is None:
        return [Problem("docs/movements.md", "The page lacks the helper or the comparison table.",
                        "Keep both: <!-- movement-helper --> in the page, and the table under 'How do they compare?'.")]
    if table in helper.find_all_next("table"):
        return []
    return [Problem("docs/movements.md", "The comparison table comes before the helper, so a reader on a phone "
                    "scrolls past a wide table to reach the questions.",
                    "Put <!-- movement-helper --> above the table, after the page's opening lines.")]


@pytest.mark.parametrize("check", [home_problems, tool_name_problems, helper_order_problems])
def test_a_reader_finds_every_page_and_tool(site, check):
    problems = check(site)
    assert not problems, report(problems)


@pytest.mark.parametrize("check, expected", [
    (home_problems, ["docs/index.md: Home's 'What is on this site?' does not link to 'Easing leg cramps' (leg-cramps/).",
                     "docs/index.md: Home lists the tools in the order ['movements/', 'symptom-diary/', 'symptom-log/']"]),
    (tool_name_problems, ["mkdocs.yml: The menu names symptom-diary/ 'Symptom diary', which does not say it is the paper diary.",
                          "mkdocs.yml: The menu names symptom-log/ 'Symptom log', which does not say it is the device log.",
                          "movements/index.html: A link to symptom-log/ reads 'symptom diary', the other tool's name."]),
    (helper_order_problems, ["docs/movements.md: The comparison table comes before the helper"]),
], ids=["home-misses-a-page", "names-alike", "helper-last"])
def test_the_finding_checks_fail_on_a_broken_site(check, expected):
    found = [f"{p.file}: {p.what}" for p in check(fixture_site("finding-pages"))]
    assert len(found) == len(expected) and all(f.startswith(e) for f, e in zip(found, expected)), found


# --- The comparison table on the smallest phone --------------------------------------

# Run in the page: the first table of the article, how it sits on the screen.
TABLE_LAYOUT = """() => {
  const table = document.querySelector("article table:not([class])");
  if (!table) return null;
  const box = table.closest("[role=region]");
  const cells = [...table.querySelectorAll("th, td")];
  return {
    region: box ? (box.getAttribute("aria-label") || "") : null,
    focusable: box ? box.tabIndex === 0 : false,
    scrolls: box ? getComputedStyle(box).overflowX === "auto" || getComputedStyle(box).overflowX === "scroll" : false,
    pageWider: document.documentElement.scrollWidth > window.innerWidth,
    textPx: Math.min(...[...table.querySelectorAll("th, td")].map(c => parseFloat(getComputedStyle(c).fontSize))),
    narrowest: Math.min(...cells.map(c => {
      const style = getComputedStyle(c);
      const text = c.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return text / parseFloat(style.fontSize);
    })),
    fits: table.getBoundingClientRect().width <= window.innerWidth,
  };
}"""


def table_layout_problems(tab, place: str) -> list[str]:
    """The table fits the screen, or scrolls in its own labelled box a keyboard can reach; either
    way its text and columns are not squeezed, and the page itself never scrolls sideways."""
    layout = tab.evaluate(TABLE_LAYOUT)
    if layout is None:
        return [f"{place}: no comparison table found."]
    problems = []
    if layout["pageWider"]:
        problems.append(f"{place}: the whole page scrolls sideways at {SMALLEST_PHONE} px.")
    if not layout["fits"] and not (layout["region"] and layout["focusable"] and layout["scrolls"]):
        problems.append(f"{place}: the table is wider than the screen but not in a labelled box that scrolls "
                        "(role=region, aria-label, tabindex=0: site.js makes one).")
    if layout["textPx"] < SMALLEST_TEXT_PX:
        problems.append(f"{place}: the table's text is {layout['textPx']:.1f} px, below {SMALLEST_TEXT_PX} px.")
    if layout["narrowest"] < NARROWEST_CELL_EM:
        problems.append(f"{place}: a column of the table leaves its text {layout['narrowest']:.1f} em wide, under "
                        f"{NARROWEST_CELL_EM} em: its columns are squeezed (docs/assets/stylesheets/site.css, wide tables).")
    return problems


SQUEEZED_TABLE = """<!doctype html><meta name="viewport" content="width=device-width">
<article><table style="width:100%;font-size:{size}"><tr><th>Kind</th><th>What tightens</th><th>How it feels</th>
<th>Does it hurt?</th><th>How long it lasts</th></tr><tr><td>Twitch</td><td>A few muscle fibers</td>
<td>A flutter or ripple under the skin</td><td>Rarely</td><td>A moment</td></tr></table></article>"""


@pytest.mark.browser
def test_the_comparison_table_reads_at_320_px(browser, site_server):
    context = browser.new_context(viewport={"width": SMALLEST_PHONE, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(site_server + "movements/")
        tab.wait_for_selector("[role=region] table")
        problems = table_layout_problems(tab, f"docs/movements.md at {SMALLEST_PHONE} px")
        assert not problems, "\n".join(problems)
        tab.set_content(SQUEEZED_TABLE.replace("{size}", "16px"))
        squeezed = table_layout_problems(tab, "squeezed")
        tab.set_content(SQUEEZED_TABLE.replace("{size}", "11px"))
        small = table_layout_problems(tab, "small")
        assert len(squeezed) == 1 and "columns are squeezed" in squeezed[0], squeezed
        assert any("11.0 px" in p for p in small), small
    finally:
        context.close()
