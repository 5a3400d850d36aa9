"""Readers' own words find the right page: each query in tests/search-queries.json,
typed into the search box in a real browser (one page open, every query), brings
one of its pages into the first 3 results. A worried query shows a calm page
first, and the MND page comes first only for words that name MND or ALS.
Proven able to fail on tests/fixtures/search-missing-word/: a cramp page that
never says "charley horse", and an MND page that outranks the calm answer.

SEARCH_TOP3=FILE writes every query's first 3 results to FILE as a Markdown
table, to compare a change's before and after.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from browser_checks import open_page, search_results
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
