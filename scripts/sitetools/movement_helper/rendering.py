"""The version for readers without JavaScript, and for print: overrides/partials/movement-helper.html."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Undefined

from .data import DATA_FILE, DOCTOR_PAGE, NOT_SURE, relative_name
from .walks import walks


# Fields only reviewers read: left out of the copy embedded in the page.
REVIEW_ONLY = ("about", "source", "mirrors", "print")  # "print": the printed flow has it already
TEMPLATES = Path(__file__).with_name("templates")


def _e(text: str) -> str:
    """Reader text as HTML, escaped. No glossary marks: the helper is a tool, not page text
    (see THEME_PARTS in sitetools/site.py); its words are checked from the data."""
    return html.escape(text, quote=False)


def _link(href: str, text: str) -> str:
    # `url` makes the address relative to the page, as Material's own templates do.
    return f"<a href=\"{{{{ '{html.escape(href, quote=True)}' | url }}}}\">{_e(text)}</a>"


def embedded_data(data: dict) -> str:
    """The data for the script, without the reviewers' notes, safe inside <script>."""
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in REVIEW_ONLY}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    text = json.dumps(strip(data), ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def question_order(data: dict) -> list[str]:
    """The warning-sign check and the questions, in the order a reader meets them."""
    steps, order = data["steps"], []
    for walk in walks(data):
        for sid in walk.shown:
            if sid in steps and steps[sid]["type"] in ("sudden", "signs", "question") and sid not in order:
                order.append(sid)
    return order


def advice_level(advice: dict) -> str:
    """How soon, in few words: the care rules' short label for the level ("See a GP, not urgent"),
    else the card's heading up to "if" ("See a GP (not urgent) if your cramps" -> "See a GP (not urgent)")."""
    if advice.get("level"):
        return advice["level"]
    return re.split(r" if\b", advice.get("card", ""), maxsplit=1)[0].strip().rstrip(",")


def _neutral(steps: dict, answer: dict) -> bool:
    """An answer that ends at the outcome naming no kind ("It is hard to tell")."""
    target = steps.get(answer.get("next")) or {}
    return target.get("type") == "outcome" and target.get("kind") is None


def _template(name: str):
    """A template in templates/. Its own marks ([[ ]], [% %], [# #]) leave MkDocs' {{ }}, {% %}
    and {# #} in the output as they are: the file it writes is a template MkDocs reads."""
    environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=Undefined, autoescape=False,
                              block_start_string="[%", block_end_string="%]",
                              variable_start_string="[[", variable_end_string="]]",
                              comment_start_string="[#", comment_end_string="#]",
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["text"] = _e
    environment.globals.update(link=_link, not_sure=NOT_SURE, doctor_page=DOCTOR_PAGE)
    return environment.get_template(name)


def _print_items(steps: dict, order: list[str], destination) -> list[dict]:
    """What each question of the printed flow shows, decided here; templates/print.html writes it."""
    items = []
    for sid in order:
        step = steps[sid]
        levels: dict[str, list[str]] = {}  # warning signs grouped by how soon to get help
        for sign in step.get("signs", []) if step["type"] == "signs" else []:
            # A sign that is an emergency when sudden says so after its level, as on screen; an
            # urgent sign's step up to 999 (the leg with breathlessness) follows its level, as on screen.
            level = ", ".join(filter(None, [advice_level(sign["advice"]), sign["advice"].get("print")]))
            if sign["advice"].get("step_up"):
                level += ". " + sign["advice"]["step_up"].rstrip(".")
            levels.setdefault(level, []).append(sign["text"])
        answers = step["answers"]
        if step["type"] == "question":  # answers that end at the neutral outcome: said once, below
            answers = [a for a in answers if not _neutral(steps, a)]
        together: dict[str, list[str]] = {}  # answers that lead to the same place share a line
        for answer in answers:
            together.setdefault(destination(answer["next"]), []).append(answer["text"].rstrip("."))
        if step["type"] == "sudden":
            way = "sudden"
        elif step["type"] != "question" and len(together) == 1:
            way = "one"  # "Continue" and "I'm not sure" both go on
        else:
            way = "together"
        items.append({"sid": sid, "step": step, "levels": list(levels.items()), "answers": answers, "way": way,
                      "together": list(together.items())})
    return items


def render_print(data: dict) -> list[str]:
    """The printed flow: the same questions as a short numbered flow, small enough for
    /movements/ to stay on its handout sheets (printing.sheets_allowed). Warning signs first,
    with how soon their advice says to get help (the card's words, e.g. "See a GP (not
    urgent)"); then each question with its answers and where each leads ("Question 3", or an
    outcome by its heading). Every word comes from the data; the only additions are the
    labels "Question N" and the arrows (each kept on the line of what it leads to). Notes a
    reader passes on the way ("info" steps) stay on screen: on paper an answer goes straight
    to where the note leads. Written by templates/print.html."""
    steps = data["steps"]
    order = question_order(data)

    def destination(target: str) -> str:
        while steps[target]["type"] == "info" and not steps[target].get("card"):
            target = steps[target]["answers"][0]["next"]
        return target

    unsure = [a["next"] for sid in order if steps[sid]["type"] == "question"
              for a in steps[sid]["answers"] if a["id"] == NOT_SURE]
    text = _template("print.html").render(
        steps=steps, number={sid: i for i, sid in enumerate(order, 1)}, destination=destination,
        items=_print_items(steps, order, destination),
        unsure=unsure[0] if unsure else None,  # check() makes every "I'm not sure" end at the same outcome
        every=data["every_outcome"])
    return text.splitlines()


def render_fallback(data: dict, source: Path = DATA_FILE) -> str:
    """overrides/partials/movement-helper.html: the questions as a plain list for readers
    without JavaScript, the printed flow, and the data the script reads. Written by
    templates/fallback.html."""
    steps = data["steps"]
    order = question_order(data)
    return _template("fallback.html").render(
        data=data, steps=steps, order=order, number={sid: i for i, sid in enumerate(order, 1)},
        outcomes=[sid for sid, s in steps.items() if s["type"] == "outcome"], every=data["every_outcome"],
        printed="\n".join(render_print(data)), embedded=embedded_data(data), data_file=relative_name(DATA_FILE))
