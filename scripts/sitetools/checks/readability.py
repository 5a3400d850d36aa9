"""Plain language: reading grade, sentence length and paragraph length."""

from __future__ import annotations

import re

import textstat

from ..problems import Problem, line_of_text
from ..site import REFERENCE_PAGES, Page, Site

MAX_GRADE = 8.0  # NIH: patient material at or below US school grade 8
MAX_SENTENCE_WORDS = 20  # NHS content style
MAX_PARAGRAPH_SENTENCES = 3  # NHS content style
BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "summary"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def blocks(page: Page) -> list[tuple[str, str]]:
    """(tag, text) of each innermost block of the writer's text."""
    article = page.writer_text()
    if article is None:
        return []
    found = []
    for el in article.find_all(BLOCKS):
        if el.find(BLOCKS):  # a list item holding paragraphs: read the paragraphs
            continue
        text = " ".join(el.get_text(" ").split())
        text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
        if text:
            found.append((el.name, text))
    return found


def main_text(page: Page) -> str:
    """The writer's text as sentences: each heading and list item ends with a full stop."""
    return " ".join(t if t[-1] in ".!?:" else t + "." for _, t in blocks(page))


def grade(page: Page) -> float:
    return textstat.flesch_kincaid_grade(main_text(page))


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def hardest_sentence(page: Page) -> str:
    """The sentence with the highest reading grade: the best place to start."""
    return max((s for _, text in blocks(page) for s in sentences(text)), key=textstat.flesch_kincaid_grade)


def check_readability(site: Site) -> list[Problem]:
    problems = []
    for page in site.content_pages:
        reference = page.doc in REFERENCE_PAGES
        if not reference and main_text(page):
            score = grade(page)
            if score > MAX_GRADE:
                hardest = hardest_sentence(page)
                problems.append(Problem(
                    page.name,
                    f"The page is too hard to read: it scores US school grade {score:.1f} (Flesch-Kincaid), "
                    f'and the limit is {MAX_GRADE:.0f}. The hardest sentence is: "{hardest}"',
                    "Start with that sentence: make it shorter and use everyday words. "
                    "Long words count most: keep medical words only where they are needed.",
                    line_of_text(page.source, hardest)))
        if reference:
            continue
        for tag, text in blocks(page):
            found = sentences(text)
            for sentence in found:
                words = len(sentence.split())
                if words > MAX_SENTENCE_WORDS:
                    problems.append(Problem(
                        page.name, f'This sentence has {words} words (the limit is {MAX_SENTENCE_WORDS}): "{sentence}"',
                        "Split it into two or more shorter sentences.", line_of_text(page.source, sentence)))
            if tag == "p" and len(found) > MAX_PARAGRAPH_SENTENCES:
                problems.append(Problem(
                    page.name,
                    f'This paragraph has {len(found)} sentences (the limit is {MAX_PARAGRAPH_SENTENCES}): "{text[:80]}..."',
                    "Split it into shorter paragraphs (leave an empty line between them), or turn it into a list.",
                    line_of_text(page.source, text)))
    return problems
