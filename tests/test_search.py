"""Readers' own words find the right page: each query in tests/search-queries.json,
typed into the search box in a real browser (one page open, every query), brings
one of its pages into the first 3 results. A worried query shows a calm page
first, and the MND page comes first only for words that name MND or ALS.
A search that finds nothing offers a line on searching in other words and
working links to the pages most readers need (site.js, section 6), readable
in light and dark and reached by keyboard.
Proven able to fail on tests/fixtures/search-missing-word/: a cramp page that
never says "charley horse", an MND page that outranks the calm answer, and
links offered after an empty search that lead nowhere.

SEARCH_TOP3=FILE writes every query's first 3 results to FILE as a Markdown
table, to compare a change's before and after.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from browser_checks import NEEDED_WHEN_NOTHING_MATCHES, axe_problems, open_page, search_results, way_on_problems
from conftest import BUILDER, FIXTURES, build, expected_difference, serve

pytestmark = pytest.mark.browser

QUERY_FILE = Path(__file__).parent / "search-queries.json"
QUERIES = json.loads(QUERY_FILE.read_text(encoding="utf-8"))["queries"]
MND_PAGE = "could-it-be-mnd/"
TOP = 3


def ranking_problems(results: list[str], entry: dict, where: str = "tests/search-queries.json") -> list[str]:
    """What is wrong with RESULTS (page addresses, best first) for one query of the list."""
    query, pages = entry["query"], entry["pages"]
    shown = ", ".join(f'"/{page}"' for page in results[:TOP]) or "nothing"
    wanted = " or ".join(f'"/{page}"' for page in pages)
    problems = []
    if not set(pages) & set(results[:TOP]):
        problems.append(f'{where}: Searching for "{query}" shows {shown} first, not {wanted}. How to fix: use '
                        f'the reader\'s words "{query}" in a plain sentence on the page that answers them.')
    if entry.get("first") and results and results[0] not in pages:
        problems.append(f'{where}: Searching for "{query}" shows "/{results[0]}" first. A worried reader must '
                        f"see a calm answer ({wanted}) first. How to fix: answer the worry on that page, "
                        "or lower the other page's search boost.")
    if not entry.get("mnd") and results[:1] == [MND_PAGE]:
        problems.append(f'{where}: Searching for "{query}" shows the MND page first, though the words do not '
                        f"name MND or ALS: the alarming page before the calm one. How to fix: answer the "
                        f"words on {wanted}, or lower the MND page's search boost.")
    return problems


def top3_table(ranked: dict[str, list[str]]) -> str:
    rows = [f"| {query} | {', '.join('/' + page for page in results[:TOP]) or 'nothing'} |"
            for query, results in ranked.items()]
    return "\n".join([f"| query ({BUILDER}) | first 3 results |", "| --- | --- |", *rows]) + "\n"


@pytest.fixture(scope="module")
def ranked(browser, site_server) -> dict[str, list[str]]:
    """Every query's results, from one phone-sized page left open."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = open_page(context.new_page(), site_server)
        results = {entry["query"]: search_results(tab, entry["query"]) for entry in QUERIES}
    finally:
        context.close()
    if os.environ.get("SEARCH_TOP3"):
        Path(os.environ["SEARCH_TOP3"]).write_text(top3_table(results), encoding="utf-8")
    return results


def zensical_marks(entry: dict) -> list:
    reason = entry.get("zensical")
    return [expected_difference("zensical", reason, "Zensical's search ranks this page in the first 3.")] if reason else []


CASES = [pytest.param(entry, id=entry["query"], marks=zensical_marks(entry)) for entry in QUERIES]


@pytest.mark.parametrize("entry", CASES)
def test_readers_words_find_a_fitting_page_in_the_first_three(ranked, entry):
    problems = ranking_problems(ranked[entry["query"]], entry)
    assert not problems, "\n".join(problems)


def test_every_query_in_the_list_names_pages_that_exist(built_site):
    problems = [f'tests/search-queries.json, "{entry["query"]}": it names /{page}, which the site does not have.'
                for entry in QUERIES for page in entry["pages"] if not (built_site / page / "index.html").is_file()]
    problems += [f'tests/search-queries.json, "{entry["query"]}": it gives no "from" (where the words came from).'
                 for entry in QUERIES if not entry.get("from")]
    assert not problems, "\n".join(problems)


NOTHING_MATCHES = "twiching"  # a typo, as readers' searches often have
NO_WAY_ON = expected_difference(
    "zensical", "its search is a dialog of its own in a shadow root, which site.js (section 6) does not reach, "
    "so a search that finds nothing shows only Zensical's own line, with no links to the pages most readers need "
    "(nor on the fixture, so there is nothing for the check to catch).",
    "Zensical lets a site add to its empty search result, or site.js reaches into its dialog.")


@NO_WAY_ON
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_search_that_finds_nothing_offers_the_pages_most_readers_need(browser, site_server, palette):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=palette)
    try:
        tab = open_page(context.new_page(), site_server + "understanding/", palette)
        place = f"docs/assets/javascripts/site.js, on a phone in {palette} colours"
        assert search_results(tab, NOTHING_MATCHES) == [], f'"{NOTHING_MATCHES}" should find nothing'
        problems = way_on_problems(tab, NOTHING_MATCHES, site_server, place)
        problems += axe_problems(tab, place + " with an empty search")
        reached = []
        for _ in range(5):  # from the search box, by keyboard alone, as Material moves through its results
            tab.keyboard.press("ArrowDown")
            reached.append(tab.evaluate("""() => document.activeElement.closest(".site-search-help") ?
                                           document.activeElement.href : ''""").removeprefix(site_server))
        problems += [f"{place}: after an empty search, the arrow keys from the search box never reach the link to "
                     f"/{page}, so keyboard users cannot follow it." for page in NEEDED_WHEN_NOTHING_MATCHES
                     if page not in reached]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def fixture_tab(browser, tmp_path_factory):
    site = tmp_path_factory.mktemp("search-fixture")
    build(FIXTURES / "search-missing-word" / "mkdocs.yml", site)
    server, url = serve(site, "/")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield open_page(context.new_page(), url)
    context.close()
    server.shutdown()


def test_search_check_catches_a_page_missing_a_readers_word(fixture_tab):
    assert search_results(fixture_tab, "cramp")[:1] == ["movements/"], "the fixture's own word should be found"
    entry = {"query": "charley horse", "pages": ["movements/"]}
    text = "\n".join(ranking_problems(search_results(fixture_tab, "charley horse"), entry))
    assert 'Searching for "charley horse" shows nothing first, not "/movements/"' in text, text


def test_search_check_catches_an_alarming_page_that_outranks_the_calm_answer(fixture_tab):
    entry = {"query": "worried", "pages": ["when-to-see-a-doctor/"], "first": True}
    text = "\n".join(ranking_problems(search_results(fixture_tab, "worried"), entry))
    assert 'Searching for "worried" shows "/could-it-be-mnd/" first. A worried reader must see' in text, text
    assert 'Searching for "worried" shows the MND page first, though the words do not name MND' in text, text


@NO_WAY_ON
def test_way_on_check_catches_links_that_lead_nowhere_and_a_dead_end(fixture_tab):
    base = fixture_tab.evaluate("new URL('.', document.querySelector('.md-logo').href).href")
    assert search_results(fixture_tab, NOTHING_MATCHES) == []
    text = "\n".join(way_on_problems(fixture_tab, NOTHING_MATCHES, base, "fixture"))
    assert 'Searching for "twiching" offers the link "understanding" to /understanding/, which does not work (status 404)' in text, text
    assert "/when-to-see-a-doctor/, which does not work" not in text, text
    fixture_tab.evaluate("document.querySelectorAll('.site-search-help').forEach(help => help.remove())")
    text = "\n".join(way_on_problems(fixture_tab, NOTHING_MATCHES, base, "fixture"))
    assert 'Searching for "twiching" finds nothing, and no line says how to search in other words' in text, text
    assert 'finds nothing, and the search box offers no link to /symptom-log/: a dead end' in text, text
