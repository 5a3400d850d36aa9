"""The "Twitch, spasm or cramp?" helper on /movements/: its one data file,
checked, walked path by path, and rendered for readers without JavaScript and for paper.
One module a job: data.py (the file and the care rules put in place), walks.py (every
path), checks.py (what would leave a reader stuck or misled), rendering.py with its
Jinja templates in templates/ (the fallback and the printed flow), command.py
(./scripts/movement-helper, through __main__.py).

docs/assets/tools/movement-helper/questions.json holds every question, answer and
outcome. The browser script reads it (embedded in the page); readers without
JavaScript see it as a plain list of questions (each answer links to the next), written by
render_fallback() into overrides/partials/movement-helper.html, which also holds the
short flow printed pages show instead (render_print()). MkDocs runs no
hooks here (Zensical, Material's successor, runs none), so that file is
generated and committed: `./scripts/movement-helper` rewrites it and exits 1
if it had to change it, and a test fails while it is out of date.

The signs it asks about are ids into the care rules (sitetools.care_rules): load() puts
each sign's words, its card's heading and link in place (resolve()), so the helper gives
every sign the level the cards on when-to-see-a-doctor give it, and every outcome ends
with the care rules' one GP rule.

How a reader moves through the data (the browser script does the same):
- "start" is the sudden-sign check (type "sudden"): the emergency signs, then Yes,
  No or "I'm not sure". Yes and "I'm not sure" show the emergency step first (an "info"
  step with "card": "emergency"); No goes on.
- Then the warning-sign check (type "signs"): tick any signs, then an
  answer. "continue" with ticks first shows the advice for each ticked sign,
  then goes on; with none ticked it goes straight on.
- "question": one answer, each with a "next" step.
- "info": a short note, then an answer to go on.
- "outcome": the end of a path.
"""

from .checks import FORBIDDEN, check, helper_grade, mirrored_texts, outcome_texts, reader_texts, reading_problems
from .command import main, update_fallback
from .data import DATA_FILE, DOCTOR_PAGE, FALLBACK_FILE, KINDS, LOG_PAGE, NOT_SURE, load, relative_name, resolve
from .rendering import _neutral, advice_level, embedded_data, question_order, render_fallback, render_print
from .walks import Walk, question_walks, said_once, walks

__all__ = ["said_once", "FORBIDDEN", "check", "helper_grade", "mirrored_texts", "outcome_texts", "reader_texts", "reading_problems",
           "DATA_FILE", "DOCTOR_PAGE", "FALLBACK_FILE", "KINDS", "LOG_PAGE", "NOT_SURE", "load", "relative_name",
           "resolve", "_neutral", "advice_level", "embedded_data", "question_order", "render_fallback", "render_print",
           "Walk", "question_walks", "walks", "main", "update_fallback"]
