"""The glossary source, read the same way the theme reads it.

overrides/includes/glossary.md holds `*[term]: definition` lines. Lines next
to each other with the same definition are forms of one entry (plural,
capitalised); the entry is listed under its first form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import NavigableString

from ..problems import Problem, line_of, line_of_word
from ..site import Site

LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]: (?P<definition>.+)$")


@dataclass
class Entry:
    term: str
    definition: str
    line: int
    forms: list[str] = field(default_factory=list)


def read_glossary(path: Path) -> tuple[list[Entry], list[Problem]]:
    """The entries in the glossary source, and any problems in the file itself."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    name = _name(path)
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = LINE.match(text)
        if not match:
            continue
        term, definition = match["term"], match["definition"]
        if term in seen:
            problems.append(Problem(
                name, f'The word "{term}" is defined twice (also on line {seen[term]}).',
                "Keep one definition and delete the other line (each word is defined once).", number))
            continue
        seen[term] = number
        if entries and entries[-1].definition == definition and entries[-1].line + len(entries[-1].forms) == number:
            entries[-1].forms.append(term)
            continue
        for entry in entries:
            if entry.definition == definition:
                problems.append(Problem(
                    name, f'"{term}" repeats the definition of "{entry.term}" (line {entry.line}) but is not on the line right below it.',
                    f'If "{term}" is another form of "{entry.term}" (a plural, or with a capital letter), move its line '
                    f'to just below the "{entry.term}" lines; otherwise give it its own definition.',
                    number))
        entries.append(Entry(term, definition, number, [term]))
    return entries, problems


def _name(path: Path) -> str:
    parts = path.resolve().parts
    return "/".join(parts[parts.index("overrides"):]) if "overrides" in parts else path.name


def check_glossary(site: Site) -> list[Problem]:
    """Tooltips match the glossary source, the glossary page lists every
    entry, no word is defined twice, every defined word is a tooltip, and
    every definition is used by some page."""
    entries, problems = read_glossary(site.glossary_source)
    definition_of = {form: e.definition for e in entries for form in e.forms}
    source_name = _name(site.glossary_source)
    problems += _check_abbrs(site, definition_of, source_name)
    problems += _check_glossary_page(site, entries, source_name)
    problems += _check_unwrapped_terms(site, entries, definition_of, source_name)
    problems += _check_unused_entries(site, entries, source_name)
    return problems


def _check_unused_entries(site: Site, entries: list[Entry], source_name: str) -> list[Problem]:
    """A definition no page uses is never seen in context, and is one more
    medical statement to keep checked: the glossary holds the site's words only."""
    used = set()
    for page in site.content_pages:
        text = page.writer_text()
        if text is not None:
            used.update(abbr.get_text() for abbr in text.select("abbr"))
    return [Problem(source_name, f'"{e.term}" is defined in the glossary, but no page uses it.',
                    "Delete its lines from the glossary, or use the word on a page that explains it.", e.line)
            for e in entries if not used.intersection(e.forms)]


def _check_abbrs(site: Site, definition_of: dict[str, str], source_name: str) -> list[Problem]:
    problems = []
    for page in site.pages:
        for abbr in page.soup.select("article abbr"):
            word, title = abbr.get_text(), abbr.get("title", "")
            if definition_of.get(word) != title:
                problems.append(Problem(
                    page.name, f'The definition shown on "{word}" (its tooltip) is not the one in the glossary.',
                    f'Delete any line starting "*[{word}]:" from the page: words are defined only in {source_name}.',
                    line_of(page.source, f"*[{word}]") or line_of_word(page.source, word)))
    return problems


def _check_glossary_page(site: Site, entries: list[Entry], source_name: str) -> list[Problem]:
    page = site.page("glossary/index.html")
    if page is None:
        return [Problem("docs/glossary.md", "The site has no glossary page.",
                        'Put back docs/glossary.md, with the line "template: glossary.html" in its front matter.')]
    listed = {dt.get_text(strip=True) for dt in page.soup.select("dl.site-glossary dt")}
    return [Problem(page.name, f'"{e.term}" is in the glossary source but not listed on the glossary page.',
                    'Keep the line "template: glossary.html" in the front matter of docs/glossary.md: '
                    "it lists every word from the glossary source.",
                    None) for e in entries if e.term not in listed]


SKIP_TAGS = {"abbr", "code", "pre", "script", "style", "kbd"}


def _check_unwrapped_terms(site: Site, entries: list[Entry], definition_of: dict[str, str], source_name: str) -> list[Problem]:
    """A defined word (in any case, singular or plural) that is not a tooltip."""
    words = sorted({f for e in entries for f in e.forms}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)(?:s|es)?\b" % "|".join(map(re.escape, words)), re.IGNORECASE)
    problems, reported = [], set()
    for page in site.content_pages:
        text = page.writer_text()
        if text is None:
            continue
        for node in text.find_all(string=True):
            if not isinstance(node, NavigableString) or any(p.name in SKIP_TAGS for p in node.parents):
                continue
            for match in pattern.finditer(node):
                form = match.group(0)
                if (page.name, form) in reported:
                    continue
                reported.add((page.name, form))
                base = next((w for w in words if w.lower() == form.lower() or form.lower().startswith(w.lower())), form)
                problems.append(Problem(
                    page.name, f'"{form}" is a glossary word, but this form of it shows no definition (no tooltip).',
                    f'In {source_name}, add the line "*[{form}]: ..." just below the "{base}" lines, '
                    f'with the same definition as "{base}", word for word.',
                    line_of_word(page.source, form)))
    return problems

