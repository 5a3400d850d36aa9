"""The "Twitch, spasm or cramp?" helper on paper.

The printed /movements/ page carries the helper as a short flow, generated from
the same data file as the screen version (render_print in
scripts/sitetools/movement_helper.py): every warning sign with how soon its advice
says to see a GP, every question with its answers, and the outcomes they lead to.
The page is printed to PDF on A4 and US Letter and the PDF's text is read back
against docs/assets/tools/movement-helper/questions.json, so a question added to
the data but lost on paper fails. tests/test_print.py keeps the page to its sheets (printing.sheets_allowed).
Each check is proven able to fail on the page changed on its way to the browser.
"""

from __future__ import annotations

import re

import pytest

from sitetools import movement_helper as helper
from sitetools.printing import PAPER_SIZES, flat, print_page, sheets_allowed

pytestmark = pytest.mark.browser

DATA = helper.load()
DATA_NAME = helper.relative_name(helper.DATA_FILE)
STYLES = "docs/assets/tools/movement-helper/movement-helper.css (section \"Paper\")"
FIX = (f"run ./scripts/movement-helper, commit {helper.relative_name(helper.FALLBACK_FILE)}, and keep "
       f".movement-helper__print shown on paper in {STYLES}.")


def printed_words(data: dict) -> list[tuple[str, str]]:
    """(what it is, its words) for everything the printed flow must show, read from the data.
    Questions with their label ("Question 4. Does it hurt?"): the page's own table
    has a column "Does it hurt?", which a bare question would be found in."""
    steps, wanted = data["steps"], []
    for number, sid in enumerate(helper.question_order(data), 1):
        step = steps[sid]
        wanted.append((f'the question "{sid}"', f'Question {number}. {step["question"]}'))
        for sign in step.get("signs") or []:
            if step["type"] == "sudden":
                wanted.append((f'the sudden sign "{sign["id"]}"', sign["text"]))
                continue
            wanted.append((f'the warning sign "{sign["id"]}"', sign["text"]))
            wanted.append((f'how soon the advice for "{sign["id"]}" says to get help', helper.advice_level(sign["advice"])))
        if step["type"] == "sudden":
            emergency = steps[next(a["next"] for a in step["answers"] if a["id"] == "yes")]
            wanted.append(("what to do if a sign came on suddenly", emergency["text"][0]["text"]))
        if step["type"] == "question":
            for answer in step["answers"]:
                # Answers that end at "It is hard to tell" are said once: "Any other answer, or I'm not sure".
                if not helper._neutral(steps, answer):
                    wanted.append((f'the answer "{answer["id"]}" to "{sid}"', answer["text"].rstrip(".")))
    for sid, step in steps.items():
        if step["type"] == "outcome":
            wanted.append((f'the outcome "{sid}"', step["heading"]))
    wanted.append(("that the helper is not a diagnosis", data["every_outcome"]["not_diagnosis"]))
    wanted.append(("the GP rule", data["every_outcome"]["gp_rule"]["text"]))
    return wanted


def printed_flow_problems(printed_text: str, paper: str, data: dict = DATA) -> list[str]:
    """What the data holds that the printed page does not show, looked for after the
    helper's printed title, so the page's own text above it cannot stand in for it."""
    text = flat(printed_text)
    where = f"{DATA_NAME}: Printed on {paper} paper, /movements/ does not show"
    title = flat(data["title"])
    problems = [] if title in text else [f'{where} the helper\'s title "{title}". How to fix: {FIX}']
    flow = text[text.find(title):] if title in text else text
    wanted = printed_words(data)
    missing = [(what, words) for what, words in wanted if flat(words) not in flow]
    if missing and len(missing) == len(wanted):
        return problems + [f"{where} the helper's questions at all: none of the {len(wanted)} questions, warning "
                           f"signs, answers and outcomes in the data is on the printed sheets. How to fix: {FIX}"]
    return problems + [f'{where} {what}: "{words}". How to fix: {FIX}' for what, words in missing]


# The printed flow's smallest text against the article's body text, on paper.
FLOW_TEXT_SIZES = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article")).fontSize);
  const flow = document.querySelector(".movement-helper__print");
  if (!flow) return {body, smallest: null};
  const parts = [...flow.querySelectorAll("li, p, strong, span")].filter((el) => el.textContent.trim());
  return {body, smallest: Math.min(...parts.map((el) => parseFloat(getComputedStyle(el).fontSize)))};
}"""


def flow_size_problems(tab, paper: str) -> list[str]:
    """Read while the page is in print media (print_page leaves it there)."""
    sizes = tab.evaluate(FLOW_TEXT_SIZES)
    if sizes["smallest"] is None:
        return [f"{DATA_NAME}: /movements/ has no printed flow (.movement-helper__print). How to fix: {FIX}"]
    if sizes["smallest"] < sizes["body"] - 0.5:
        return [f"{STYLES}: Printed on {paper} paper, the helper's printed flow has text of {sizes['smallest']:.1f}px, "
                f"smaller than the body text ({sizes['body']:.1f}px). How to fix: print the flow at the body "
                "text's size; to save room, shorten it instead."]
    return []


def print_movements(tab, site_server: str, paper: str) -> tuple[str, int, list[str]]:
    """(the printed text, number of sheets, size problems) of /movements/ on PAPER."""
    _, printout = print_page(tab, site_server + "movements/", paper)
    try:
        sizes = flow_size_problems(tab, paper)
    finally:
        tab.emulate_media(media="screen")
    return printout.text, len(printout.sheets), sizes


# --- The real page ----------------------------------------------------------------

def test_the_printed_words_come_from_the_data():
    """Six questions, five sudden signs and what to do, twelve warning signs with their level, the answers
    of the four questions about the movement that do not end at "It is hard to tell", four outcomes, the GP rule."""
    kinds = [what.split(" ")[1] for what, _ in printed_words(DATA)]
    assert kinds.count("question") == 6 and kinds.count("warning") == 12 and kinds.count("outcome") == 4, kinds
    assert kinds.count("sudden") == 5 and kinds.count("answer") == 6 and kinds.count("GP") == 1, kinds


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_printed_page_shows_every_question_and_warning_sign(browser, site_server, paper):
    context = browser.new_context(service_workers="block")
    try:
        text, sheets, sizes = print_movements(context.new_page(), site_server, paper)
    finally:
        context.close()
    problems = printed_flow_problems(text, paper) + sizes
    assert not problems, "\n".join(problems)
    allowed = sheets_allowed("docs/movements.md")
    assert sheets <= allowed, f"docs/movements.md: printed on {paper} paper it takes {sheets} sheets, more than its {allowed} (tests/test_print.py says more)"


# --- Proven able to fail ---------------------------------------------------------------

def print_changed(browser, site_server, paper: str, page_change=None, css: str = "") -> tuple[str, list[str]]:
    """Print /movements/ with its HTML changed by PAGE_CHANGE, or CSS added to the helper's styles."""
    context = browser.new_context(service_workers="block")
    if page_change:
        context.route(re.compile(r".*/movements/$"),
                      lambda route: route.fulfill(body=page_change(route.fetch().text()),
                                                  content_type="text/html; charset=utf-8"))
    if css:
        context.route(re.compile(r".*/movement-helper\.css$"),
                      lambda route: route.fulfill(body=route.fetch().text() + css, content_type="text/css"))
    try:
        text, _, sizes = print_movements(context.new_page(), site_server, paper)
    finally:
        context.close()
    return "\n".join(printed_flow_problems(text, paper)), sizes


def drop_question(html: str, question: str) -> str:
    """The page as a render that left one question (and its answers) out of the printed flow would make it."""
    flow = re.search(r'<div class="?movement-helper__print[^>]*>.*?</ol>', html, re.S)
    assert flow, "the built /movements/ has no printed flow to change"
    items = re.split(r"(?=<li><strong>Question)", flow.group(0))
    kept = [item for item in items if question not in item]
    assert len(kept) == len(items) - 1, f"no question {question!r} in the printed flow"
    return html[:flow.start()] + "".join(kept) + html[flow.end():]


def test_flow_check_catches_a_question_left_out(browser, site_server):
    text, _ = print_changed(browser, site_server, "Letter", page_change=lambda html: drop_question(html, "Does it hurt?"))
    assert (f'{DATA_NAME}: Printed on Letter paper, /movements/ does not show the question "hurts": "Question 5. Does it hurt?". '
            "How to fix: run ./scripts/movement-helper") in text, text
    assert 'does not show the answer "no" to "hurts": "No, or hardly at all"' in text, text
    assert 'the question "feel"' not in text, text  # only what is missing is named


def test_flow_check_catches_a_warning_sign_left_out(browser, site_server):
    signs = DATA["steps"]["warning-signs"]["signs"]
    sign = next(s for s in signs if s["id"] == "speech-or-swallowing")["text"]  # "Trouble speaking or swallowing"
    text, _ = print_changed(browser, site_server, "A4", page_change=lambda html: html.replace(f"<li>{sign}</li>", "", 1))
    assert (f'Printed on A4 paper, /movements/ does not show the warning sign "speech-or-swallowing": '
            f'"{sign}"') in text, text


def test_flow_check_catches_a_flow_hidden_on_paper(browser, site_server):
    text, _ = print_changed(browser, site_server, "A4",
                            css="\n@media print { .movement-helper__print { display: none !important; } }")
    assert (f"{DATA_NAME}: Printed on A4 paper, /movements/ does not show the helper's questions at all: none of the "
            f"{len(printed_words(DATA))} questions, warning signs, answers and outcomes in the data is on the printed "
            "sheets. How to fix: run ./scripts/movement-helper") in text, text


def test_size_check_catches_a_flow_in_small_print(browser, site_server):
    _, sizes = print_changed(browser, site_server, "A4",
                             css="\n@media print { .md-typeset .movement-helper__flow { font-size: 9pt; } }")
    text = "\n".join(sizes)
    assert (f"{STYLES}: Printed on A4 paper, the helper's printed flow has text of 12.0px, smaller than the body "
            "text (16.0px).") in text, text
