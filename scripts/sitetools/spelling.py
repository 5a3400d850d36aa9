"""One spelling: American English, checked by a spell checker with the
project's word list.

Why American: many readers are American, and the site's words already were
(fiber, estrogen, sensitization), as is the US reading grade it is measured
by. The NHS's care levels and words such as GP and 999 are names of
services, not spellings, and stay. Names of sources keep their own spelling
("NHS, Motor neurone disease, symptoms"); the glossary says once that
motor neuron and motor neurone are the same word.

The check reads what a reader sees: each built page's text (not the source
titles under it, code or addresses) and the helper's words (questions.json).
pyspellchecker's bundled dictionary knows American spellings only, so a
British one ("fibre", "neurone") is an unknown word, with its American form
suggested.

As a command:
    python -m sitetools.spelling SITE_DIR      check a built site (./scripts/check-writing)
    python -m sitetools.spelling --american    rewrite the British spellings below in the
                                               pages, glossary and helper (after a merge)
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from . import ROOT
from .problems import Problem, line_of_word
from .site import Site

WORD_LIST = Path(__file__).parent / "checks" / "words.txt"
QUESTIONS = ROOT / "docs" / "assets" / "tools" / "movement-helper" / "questions.json"
# Not checked: source titles (names, kept as published), code, addresses, and
# words a page marks as UK English on purpose.
NOT_CHECKED = 'script, style, code, pre, .site-page-sources, .md-search, .site-print-address, svg, [lang="en-GB"]'
WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# The British spellings this site once used, and their American forms: what
# --american rewrites. Whole words, in reader text only (not source titles or
# addresses).
AMERICAN = {"neurone": "neuron", "neurones": "neurons", "Neurone": "Neuron", "Neurones": "Neurons"}
REWRITTEN = ["docs/**/*.md", "overrides/includes/glossary.md", "docs/assets/tools/movement-helper/questions.json"]
# What --american leaves alone: web addresses, source titles (in front matter,
# and the helper's review-only "source" notes), and words marked as UK English
# in a page (*motor neurone*{ lang="en-GB" }), which the check skips too, and a
# search keyword marked "# the UK spelling".
KEPT = re.compile(r'(https?://\S+|^\s*(?:- )?title:.*$|^\s*"source": .*$|^.*# the UK spelling.*$|\*[^*\n]+\*\{ lang="en-GB" \})')


@cache
def spell_checker():
    from spellchecker import SpellChecker  # pyspellchecker, pinned in requirements-dev.txt

    checker = SpellChecker(language="en")
    words = [line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines()]
    checker.word_frequency.load_words([word for word in words if word and not word.startswith("#")])
    return checker


def unknown_words(text: str) -> list[str]:
    """The words of TEXT that neither the dictionary nor the word list knows, in order, once each."""
    checker = spell_checker()
    seen: dict[str, None] = {}
    for word in WORD.findall(text):
        word = word.replace("’", "'")
        if len(word) > 1 and word.lower() not in seen and not checker.known([word.lower()]):
            seen[word.lower()] = None
    return list(seen)


# British endings and their American forms, tried in turn to name the American spelling.
BRITISH_TO_AMERICAN = [("tre", "ter"), ("tres", "ters"), ("bre", "ber"), ("bres", "bers"), ("our", "or"),
                       ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"),
                       ("yse", "yze"), ("one", "on"), ("ones", "ons"), ("ogue", "og"), ("lled", "led")]


def american_form(word: str) -> str | None:
    """The American spelling of a British WORD, when the dictionary knows it: "fibres" -> "fibers"."""
    lower = word.lower()
    candidates = [AMERICAN.get(word, "")]
    candidates += [lower[:-len(british)] + american for british, american in BRITISH_TO_AMERICAN if lower.endswith(british)]
    candidates += [lower.replace("oe", "e", 1), lower.replace("ae", "e", 1)]
    return next((c for c in candidates if c and c != lower and spell_checker().known([c.lower()])), None)


def suggestion(word: str) -> str:
    american = american_form(word)
    if american:
        return f' (did you mean "{american}"? This site uses American spelling)'
    guess = spell_checker().correction(word.lower())
    return f' (did you mean "{guess}"?)' if guess and guess != word.lower() else ""


def _problem(file: str, word: str, line: int | None) -> Problem:
    return Problem(file, f'The word "{word}" is not in the dictionary{suggestion(word)}.',
                   "Fix the spelling. If the word is spelled right (a medical word or a name), add it in lower case "
                   "to scripts/sitetools/checks/words.txt.", line)


def page_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    body = soup.body
    if body is None:
        return ""
    for part in body.select(NOT_CHECKED):
        part.decompose()
    text = body.get_text(" ")
    return re.sub(r"\S+\.(?:md|html|json|csv)\b|\S+@\S+|\bhttps?://\S+", " ", text)


def _strings(value) -> list[str]:
    """Every text in the helper's data that a reader sees (not its review-only notes)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in ("source", "about", "mirrors", "href", "id", "next",
                                                                    "kind", "format", "type", "start", "card")
                for text in _strings(item)]
    return []


def check_spelling(site: Site, questions: Path = QUESTIONS) -> list[Problem]:
    problems = []
    for page in site.pages:
        for word in unknown_words(page_text(page.html_path.read_text(encoding="utf-8"))):
            problems.append(_problem(page.name, word, line_of_word(page.source, word)))
    if questions.is_file():
        helper = "\n".join(_strings(json.loads(questions.read_text(encoding="utf-8"))))
        for word in unknown_words(helper):
            name = questions.relative_to(ROOT).as_posix() if questions.is_relative_to(ROOT / "docs") else questions.name
            problems.append(_problem(name, word, None))
    return problems


def american(files: list[Path]) -> list[str]:
    """Rewrite AMERICAN's British spellings in FILES' reader text. Returns what changed, one line each."""
    pattern = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, AMERICAN)))
    changed = []
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines):
            parts = KEPT.split(line)  # odd parts are kept as they are
            new = "".join(part if index % 2 else pattern.sub(lambda m: AMERICAN[m[1]], part)
                          for index, part in enumerate(parts))
            if new != line:
                changed.append(f"{path.relative_to(ROOT)}:{number + 1}")
                lines[number] = new
        path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    from .problems import report

    if argv == ["--american"]:
        files = sorted({path for pattern in REWRITTEN for path in ROOT.glob(pattern)})
        changed = american(files)
        print("\n".join(changed) if changed else "No British spellings left to rewrite.")
        return 0
    if len(argv) != 1:
        print(__doc__.strip())
        return 2
    site = Site.load(Path(argv[0]), ROOT / "docs", ROOT / "overrides" / "includes" / "glossary.md")
    problems = check_spelling(site)
    print(report(problems) if problems else "No spelling problems found.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
