"""The symptom log page's example chart (docs/images/log-chart-example.svg): a picture of
what the summary's chart shows, so a new reader sees it before they have entries.

Its text alternative is the picture's own <desc>, from one snippet
(overrides/includes/symptom-log-chart-picture.md); the page shows it with its size set
(no jump when it loads) and loaded lazily (no bytes on a first visit that does not reach it).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

PICTURE = ROOT / "docs" / "images" / "log-chart-example.svg"
SNIPPET = ROOT / "overrides" / "includes" / "symptom-log-chart-picture.md"


def alt_problems(picture: Path, snippet: Path) -> list[str]:
    """Where the snippet's alt text does not say what the picture's <desc> says."""
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", picture.read_text(encoding="utf-8"), re.S)
    alt = re.search(r"!\[([^\]]*)\]\(images/" + re.escape(picture.name) + r"\)", snippet.read_text(encoding="utf-8"))
    if not (desc and alt):
        return [f"{snippet.name}: no {picture.name} with a text alternative, or {picture.name} has no <desc>."]
    if desc.group(1).strip() != alt.group(1).strip():
        return [f"{snippet.name}: the picture's text alternative does not say what {picture.name}'s <desc> says. "
                "Copy the <desc> text into the alt text."]
    return []


def test_the_example_charts_text_alternative_is_its_desc():
    assert alt_problems(PICTURE, SNIPPET) == []


def test_an_out_of_date_text_alternative_is_named(tmp_path):
    stale = tmp_path / SNIPPET.name
    stale.write_text("![A week of twitches.](images/log-chart-example.svg)\n", encoding="utf-8")
    assert alt_problems(PICTURE, stale) == [
        "symptom-log-chart-picture.md: the picture's text alternative does not say what log-chart-example.svg's "
        "<desc> says. Copy the <desc> text into the alt text."]


def picture_tag_problems(html_img, name: str = "symptom-log/index.html") -> list[str]:
    """Where the page's example chart would make the page jump, or cost a first visit its bytes."""
    if html_img is None:
        return [f"{name}: the example chart (log-chart-example.svg) is not on the page. "
                'Include it in docs/symptom-log.md with --8<-- "symptom-log-chart-picture.md".']
    problems = []
    if not (html_img.get("width") and html_img.get("height")):
        problems.append(f"{name}: the example chart has no width and height, so the page jumps when it loads. "
                        "Give it both in symptom-log-chart-picture.md.")
    if html_img.get("loading") != "lazy":
        problems.append(f'{name}: the example chart is not loading="lazy", so every first visit downloads it.')
    if not html_img.get("alt"):
        problems.append(f"{name}: the example chart has no text alternative.")
    return problems


def test_the_log_page_shows_the_example_chart_sized_and_lazy(site):
    img = site.page("symptom-log/index.html").soup.select_one("img[src$='log-chart-example.svg']")
    assert picture_tag_problems(img) == []


def test_a_chart_with_no_size_or_eager_loading_is_named():
    from bs4 import BeautifulSoup
    img = BeautifulSoup('<img src="../images/log-chart-example.svg" alt="A week.">', "html.parser").img
    assert picture_tag_problems(img) == [
        "symptom-log/index.html: the example chart has no width and height, so the page jumps when it loads. "
        "Give it both in symptom-log-chart-picture.md.",
        'symptom-log/index.html: the example chart is not loading="lazy", so every first visit downloads it.']
    assert "is not on the page" in picture_tag_problems(None)[0]
