"""Nothing written for developers is in the readers' search index: such blocks
stay on their page but are marked `data-search-exclude` (or a whole page
`search: exclude: true`), so a reader's search never lands on them. Read from
the built index, whichever builder made it. Proven able to fail on
tests/fixtures/search-developer-blocks/, an index that still holds both blocks.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from sitetools.building import search_documents

# Words that only a block for developers or contributors uses, and where that block is.
DEVELOPER_ONLY = {
    "fibro-twitch-log": "the symptom log's backup layout (docs/symptom-log.md)",
    "for developers": "the symptom log's backup layout (docs/symptom-log.md)",
    "contributing guide": "\"How can I help improve the site?\" (docs/about.md)",
    "help improve the site": "\"How can I help improve the site?\" (docs/about.md)",
}


def developer_block_problems(site: Path) -> list[str]:
    problems = []
    for document in search_documents(site):
        words = f"{document.get('title', '')} {document.get('text', '')}".lower()
        for marker, block in DEVELOPER_ONLY.items():
            if marker in words:
                problems.append(f"{document['location'] or 'the home page'}: the search index holds \"{marker}\", from "
                                f"{block}, so a reader's search can land on text written for developers. How to fix: "
                                "mark the block data-search-exclude (a heading's {: data-search-exclude=\"\" }, or "
                                "<div data-search-exclude markdown> around it); it stays on the page.")
    return problems


def test_no_block_for_developers_is_in_the_search_index(built_site):
    problems = developer_block_problems(built_site)
    assert not problems, "\n".join(problems)


def test_index_check_catches_blocks_for_developers():
    problems = developer_block_problems(FIXTURES / "search-developer-blocks")
    assert any(p.startswith('symptom-log/#backup-format: the search index holds "fibro-twitch-log"') for p in problems), problems
    assert any(p.startswith('about/#contributing: the search index holds "help improve the site"') for p in problems), problems
