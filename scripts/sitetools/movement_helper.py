"""The "Twitch, spasm or cramp?" helper on /movements/ (issue 12): its one data file,
checked, walked path by path, and rendered for readers without JavaScript and for paper.

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

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT, care_rules
from .checks.problems import Problem, line_of

DATA_FILE = ROOT / "docs" / "assets" / "tools" / "movement-helper" / "questions.json"
FALLBACK_FILE = ROOT / "overrides" / "partials" / "movement-helper.html"
NOT_SURE = "not-sure"  # the id of every "I'm not sure" answer
KINDS = ("twitch", "spasm", "cramp")
DOCTOR_PAGE = "when-to-see-a-doctor/"
LOG_PAGE = "symptom-log/"
# An outcome says what a source advises, never what a reader has, and promises nothing.
FORBIDDEN = ("you have", "you've got", "you are suffering", "you suffer from", "will stop", "will go away",
             "is harmless", "nothing to worry about", "nothing serious")
# Fields only reviewers read: left out of the copy embedded in the page.
REVIEW_ONLY = ("about", "source", "mirrors", "print")  # "print": the printed flow has it already


def relative_name(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def load(path: Path = DATA_FILE, rules: dict | None = None) -> dict:
    """The helper's data with the care rules put in place (resolve())."""
    return resolve(json.loads(path.read_text(encoding="utf-8")), rules)


def resolve(data: dict, rules: dict | None = None) -> dict:
    """Sign ids become the care rules' words and advice; "gp_rule": "care-rules" becomes the rule.
    A sudden-sign step ("level": "emergency") lists every sign of that level."""
    rules = rules if rules is not None else care_rules.load()
    signs = care_rules.signs_by_id(rules)

    def expand(sid):
        if not isinstance(sid, str):
            return sid  # written out in full (older copies, test fixtures)
        sign = signs.get(sid)
        if sign is None:
            return {"id": sid, "text": sid, "advice": {}}
        card = care_rules.card_of(rules, sid)
        advice = {"card": card["heading"], "item": sign["text"], "href": care_rules.sign_href(rules, sid),
                  "source": rules["sources"][sign["source"]]["title"]}
        advice["level"] = rules["levels"][sign["level"]]["short"]  # "See a GP, not urgent": for the printed flow
        if sign.get("if_sudden"):  # never "not urgent" without "came on gradually"
            advice["gradual"] = care_rules.gradual_sentence(rules, "sign", [sid])
            advice["print"] = care_rules.gradual_sentence(rules, "print", [sid])
        if sign.get("step_up"):  # an urgent sign that is an emergency with more: said beside it
            advice["step_up"] = sign["step_up"]
        return {"id": sid, "text": sign["label"], "level": sign["level"], "advice": advice}

    for step in (data.get("steps") or {}).values():
        if step.get("type") == "info" and step.get("card") and "signs" not in step:
            # The emergency step lists its signs again: "these" must be on the screen the reader sees.
            card = next(c for c in rules["cards"] if c["id"] == step["card"])
            step["signs"] = [{"id": sid, "text": signs[sid]["label"]} for sid in card["signs"]]
        if step.get("type") == "sudden" and step.get("level") and "signs" not in step:
            level_signs = [s["id"] for s in rules["signs"] if s["level"] == step["level"]]
            step["signs"] = [{"id": sid, "text": signs[sid]["label"]} for sid in level_signs]
        elif step.get("type") == "signs":
            step["signs"] = [expand(sid) for sid in step.get("signs") or []]
        if step.get("type") == "outcome" and step.get("gp_signs") and isinstance(step["gp_signs"][0], str):
            # The cramps card's own sentence: "See a GP (not urgent) if your cramps disturb your sleep, or ...".
            ids = [sid for sid in step["gp_signs"] if sid in signs]
            card = care_rules.card_of(rules, ids[0]) if ids else {"heading": ""}
            step["gp_signs"] = {"ids": ids, "href": care_rules.sign_href(rules, ids[0]) if ids else DOCTOR_PAGE,
                                "text": f'{card["heading"]} {", or ".join(signs[sid]["text"] for sid in ids)}.'}
    every = data.get("every_outcome") or {}
    if every.get("gp_rule") == "care-rules":
        every["gp_rule"] = {"text": rules["gp_rule"]["text"],
                            "source": rules["sources"][rules["gp_rule"]["source"]]["title"]}
    return data


# --- Walking every path ---------------------------------------------------------

@dataclass
class Walk:
    """One way through the helper: the signs ticked, each answer chosen, the outcome."""
    signs: tuple[str, ...] = ()
    answers: list[tuple[str, str]] = field(default_factory=list)  # (step id, answer id)
    shown: list[str] = field(default_factory=list)  # step ids in the order shown; "advice:ID" for sign advice
    outcome: str | None = None

    def describe(self) -> str:
        ticked = f"signs ticked: {', '.join(self.signs)}; " if self.signs else ""
        steps = " > ".join(f"{step}={answer}" for step, answer in self.answers)
        return f"{ticked}{steps} > {self.outcome}"


def _choices(step: dict):
    """(signs ticked, answer) pairs a reader can pick at this step."""
    answers = step.get("answers") or []
    if step.get("type") != "signs":
        for answer in answers:
            yield (), answer
        return
    ids = [sign.get("id") for sign in step.get("signs") or []]
    # Each sign's advice stands alone, so none, each one alone and all of them cover every
    # way of ticking (all 2^n ways would be thousands of paths for a few more signs).
    ways = [()] + [(sid,) for sid in ids] + ([tuple(ids)] if len(ids) > 1 else [])
    for answer in answers:
        if answer.get("id") == NOT_SURE:
            yield (), answer
            continue
        for ticked in ways:
            yield ticked, answer


def walks(data: dict, limit: int = 10000) -> list[Walk]:
    """Every path from "start" to an outcome (or to where it breaks off: outcome None)."""
    steps = data.get("steps") or {}
    done: list[Walk] = []

    def go(step_id: str, walk: Walk):
        if len(done) >= limit:
            return
        step = steps.get(step_id)
        walk.shown.append(step_id)
        if step is None or step.get("type") == "outcome":
            walk.outcome = step_id if step is not None else None
            done.append(walk)
            return
        if walk.shown.count(step_id) > 1:  # a loop: stop here
            done.append(walk)
            return
        choices = list(_choices(step))
        if not choices:
            done.append(walk)
            return
        for ticked, answer in choices:
            branch = Walk(walk.signs + ticked, walk.answers + [(step_id, answer.get("id"))], list(walk.shown))
            branch.shown += [f"advice:{sign}" for sign in ticked]
            go(answer.get("next"), branch)

    if data.get("start") in steps:
        go(data["start"], Walk())
    return done


def question_walks(data: dict) -> list[Walk]:
    """The paths with no sudden sign and no warning sign ticked: one per way through the questions."""
    steps = data.get("steps") or {}

    def plain(walk: Walk) -> bool:
        for step_id, answer_id in walk.answers:
            kind = (steps.get(step_id) or {}).get("type")
            if kind == "sudden" and answer_id != "no":
                return False
            if kind == "signs" and answer_id == NOT_SURE:
                return False
        return not walk.signs and bool(walk.answers)
    return [w for w in walks(data) if plain(w)]


# --- Checking the data ---------------------------------------------------------------

def _label(step_id: str, step: dict) -> str:
    words = step.get("question") or step.get("heading") or ""
    return f'the {"outcome" if step.get("type") == "outcome" else "question"} "{step_id}"' + \
           (f' ("{words}")' if words else "")


def check(data: dict, path: Path = DATA_FILE) -> list[Problem]:
    """Everything that would leave a reader stuck, misled or without a way to get help."""
    name = relative_name(path)
    steps = data.get("steps") or {}
    problems: list[Problem] = []

    def add(step_id, what, fix):
        what = what[0].upper() + what[1:]
        problems.append(Problem(name, what, fix, line_of(path, f'"{step_id}": {{') if step_id else None))

    # Sudden signs first, then the warning signs: an emergency before any "see a GP".
    start = data.get("start")
    sudden_steps = [sid for sid, s in steps.items() if s.get("type") == "sudden"]
    signs_steps = [sid for sid, s in steps.items() if s.get("type") == "signs"]
    if not sudden_steps:
        add(None, "There is no sudden-sign check (a step with \"type\": \"sudden\"), so nobody is told which "
                  "signs are an emergency before the questions.",
            'Add the "sudden" step back, and make it the "start".')
    elif start not in steps or steps[start].get("type") != "sudden":
        first = _label(start, steps[start]) if start in steps else f'"{start}"'
        add(start if start in steps else None,
            f"The helper starts with {first}, not with the sudden signs, so a reader could reach an "
            "answer before being told which signs are an emergency.",
            f'Set "start" to "{sudden_steps[0]}", the sudden-sign check.')
    for sid in sudden_steps:
        step = steps[sid]
        if not step.get("signs"):
            add(sid, f"{_label(sid, step)} lists no signs.", 'Give it "level": "emergency": the care rules list them.')
        for answer in step.get("answers") or []:
            target = steps.get(answer.get("next")) or {}
            emergency = target.get("type") == "info" and target.get("card") == "emergency"
            if answer.get("id") in ("yes", NOT_SURE) and not emergency:
                add(sid, f'In {_label(sid, step)}, the answer "{answer.get("text")}" does not lead to the emergency '
                         "step, so a reader with a sudden sign is not told to call 999 first.",
                    'Point its "next" at the "info" step with "card": "emergency".')
            if answer.get("id") == "no" and target.get("type") != "signs":
                add(sid, f'In {_label(sid, step)}, the answer "No" does not lead to the warning signs.',
                    f'Point its "next" at "{signs_steps[0] if signs_steps else "warning-signs"}".')
    if not signs_steps:
        add(None, "There is no warning-sign check (a step with \"type\": \"signs\"), so nobody is told when to "
                  "see a GP before the questions.",
            'Add the "warning-signs" step back, after the sudden-sign check.')
    rules = care_rules.load()
    rule_signs = care_rules.signs_by_id(rules)
    for sid in signs_steps:
        for sign in steps[sid].get("signs") or []:
            advice = sign.get("advice") or {}
            rule = rule_signs.get(sign.get("id"))
            card = care_rules.card_of(rules, rule["id"]) if rule else None
            if card and advice.get("card") != card["heading"]:
                add(sid, f'In {_label(sid, steps[sid])}, the warning sign "{sign.get("text", sign.get("id"))}" is given '
                         f'the advice "{advice.get("card")}", but the care rules put it on the card "{card["heading"]}" '
                         f'(level "{rule["level"]}").',
                    f'Name it by its id alone ("{rule["id"]}"): its advice then comes from the care rules.')
            if not (advice.get("card") and advice.get("item") and advice.get("href", "").startswith(DOCTOR_PAGE)):
                add(sid, f'In {_label(sid, steps[sid])}, the warning sign "{sign.get("text", sign.get("id"))}" has no '
                         "advice, or its advice does not link to when to see a doctor.",
                    'Name a sign from the care rules (docs/assets/tools/care-rules/care-rules.json) by its id.')

    # An outcome that may be a cramp gives the NHS cramp signs to see a GP: the GP rule is about twitches.
    for sid, step in steps.items():
        if step.get("type") == "outcome" and step.get("kind") in ("cramp", None):
            given = set((step.get("gp_signs") or {}).get("ids") or [])
            missing = [s for s in ("cramps-disturb-sleep", "long-cramp") if s not in given]
            if missing:
                add(sid, f"{_label(sid, step)} does not give the NHS cramp signs to see a GP ({', '.join(missing)}), "
                         "so a reader whose cramps wake them leaves with only the twitch rule.",
                    'Give it "gp_signs": ["cramps-disturb-sleep", "long-cramp"].')

    # Every answer leads somewhere; every question offers "I'm not sure".
    for sid, step in steps.items():
        kind = step.get("type")
        if kind not in ("sudden", "signs", "question", "info", "outcome"):
            add(sid, f'{_label(sid, step)} has the type "{kind}", which the helper does not know.',
                'Use "sudden", "signs", "question", "info" or "outcome".')
            continue
        if kind == "outcome":
            continue
        answers = step.get("answers") or []
        if not answers:
            add(sid, f"{_label(sid, step)} has no answers, so a reader who gets there is stuck.",
                'Give it "answers", each with a "text" and a "next".')
        for answer in answers:
            target = answer.get("next")
            if target not in steps:
                where = f'its "next" names "{target}", which is no question or outcome in the file' if target \
                    else 'it has no "next"'
                add(sid, f'In {_label(sid, step)}, the answer "{answer.get("text")}" leads nowhere: {where}. '
                         "A reader who chooses it would be stuck.",
                    f'Set its "next" to one of: {", ".join(sorted(steps))}.')
        if kind in ("sudden", "signs", "question") and not any(a.get("id") == NOT_SURE for a in answers):
            add(sid, f"{_label(sid, step)} has no \"I'm not sure\" answer.",
                f'Add {{"id": "{NOT_SURE}", "text": "I\'m not sure", "next": "not-sure"}} to its answers.')
        if kind == "question":
            for answer in answers:
                target = steps.get(answer.get("next")) or {}
                if answer.get("id") == NOT_SURE and not (target.get("type") == "outcome" and target.get("kind") is None):
                    add(sid, f"In {_label(sid, step)}, \"I'm not sure\" does not end at the outcome that names no kind.",
                        'Point its "next" at "not-sure", the outcome that asks the reader to note what they feel.')

    # Every outcome: the right links, "not a diagnosis", careful words.
    every = data.get("every_outcome") or {}
    doctor = (every.get("doctor") or {}).get("href", "")
    if not doctor.startswith(DOCTOR_PAGE):
        add(None, 'The outcomes do not link to when to see a doctor ("every_outcome" has no "doctor" link to it).',
            f'Set "every_outcome": {{"doctor": {{"text": "Read when to see a doctor", "href": "{DOCTOR_PAGE}"}}}}.')
    if not (every.get("gp_rule") or {}).get("text"):
        add(None, "The outcomes do not end with the GP rule the pages give.",
            'Set "every_outcome": {"gp_rule": "care-rules"}: it takes the rule from the care rules.')
    if "not a diagnosis" not in (every.get("not_diagnosis") or "").lower():
        add(None, "The outcomes do not say that they are not a diagnosis.",
            'Set "every_outcome": {"not_diagnosis": "This is not a diagnosis. ..."}.')
    for sid, step in steps.items():
        if step.get("type") != "outcome":
            continue
        kind = step.get("kind")
        wanted = LOG_PAGE + (f"?kind={kind}" if kind else "")
        if kind is not None and kind not in KINDS:
            add(sid, f'{_label(sid, step)} names the kind "{kind}".', f"Use one of {', '.join(KINDS)}, or null.")
        if (step.get("log") or {}).get("href") != wanted:
            add(sid, f"{_label(sid, step)} has no link to start a log entry of its kind.",
                f'Give it "log": {{"text": "Start a log entry", "href": "{wanted}"}}.')
        if not (step.get("diary") or {}).get("href") or not step.get("log_how"):
            add(sid, f"{_label(sid, step)} does not say how to log it, or has no link to the symptom diary "
                     "(what readers without JavaScript and printed pages are shown).",
                'Give it "log_how" (what to note) and "diary": {"text": "Use the printable symptom diary", '
                '"href": "symptom-diary/"}.')
        if kind and not step.get("heading", "").startswith("This sounds most like a"):
            add(sid, f'{_label(sid, step)} does not start with "This sounds most like".',
                'Start its heading with "This sounds most like a ...": the helper suggests, it does not diagnose.')
        for phrase in FORBIDDEN:
            for text in outcome_texts(step):
                if phrase in text.lower():
                    add(sid, f'{_label(sid, step)} says "{phrase}": "{text}". An outcome may not tell a reader '
                             "what they have, or promise what will happen.",
                        'Say what a source advises or what it "sounds most like" instead.')

    # Nothing unreachable, no loops, and every kind can be reached.
    found = walks(data)
    reached = {sid for walk in found for sid in walk.shown}
    for sid, step in steps.items():
        if sid not in reached:
            add(sid, f"{_label(sid, step)} cannot be reached: no answer leads to it.",
                'Point an answer\'s "next" at it, or remove it.')
    for walk in found:
        if walk.outcome is None and walk.shown and walk.shown[-1] in steps:
            add(walk.shown[-1], f"This path goes round in a loop and never ends: {walk.describe()}.",
                'Change a "next" so that every path ends at an outcome.')
            break
    outcomes = {steps[w.outcome].get("kind") for w in found if w.outcome}
    for kind in KINDS:
        if signs_steps and kind not in outcomes:
            add(None, f'No path ends at the outcome for a {kind}.', f'Add an answer that leads to the "{kind}" outcome.')
    return problems + reading_problems(data, path)


def reading_problems(data: dict, path: Path = DATA_FILE) -> list[Problem]:
    """The helper's words, checked like a page's (sitetools.checks.readability): grade and sentence length."""
    import textstat

    from .checks.readability import MAX_GRADE, MAX_SENTENCE_WORDS, sentences

    name, problems = relative_name(path), []
    texts = reader_texts(data)
    if not texts:
        return problems
    text = " ".join(t if t[-1] in ".!?:" else t + "." for t in texts)
    score = textstat.flesch_kincaid_grade(text)
    if score > MAX_GRADE:
        hardest = max((s for t in texts for s in sentences(t)), key=textstat.flesch_kincaid_grade)
        problems.append(Problem(
            name, f"The helper's words are too hard to read: they score US school grade {score:.1f} "
                  f'(Flesch-Kincaid), and the limit is {MAX_GRADE:.0f}. The hardest sentence is: "{hardest}"',
            "Start with that sentence: make it shorter and use everyday words.", line_of(path, hardest[:40])))
    for t in texts:
        for sentence in sentences(t):
            if len(sentence.split()) > MAX_SENTENCE_WORDS:
                problems.append(Problem(
                    name, f'This sentence has {len(sentence.split())} words (the limit is {MAX_SENTENCE_WORDS}): "{sentence}"',
                    "Split it into two or more shorter sentences.", line_of(path, sentence[:40])))
    return problems


def helper_grade(data: dict) -> float:
    import textstat
    texts = reader_texts(data)
    return textstat.flesch_kincaid_grade(" ".join(t if t[-1] in ".!?:" else t + "." for t in texts))


def outcome_texts(step: dict) -> list[str]:
    texts = [step.get("heading", "")]
    for part in ("means", "helps"):
        texts += [item.get("text", "") for item in step.get(part) or []]
    texts += [step.get("log_how", "")]
    texts += [(step.get(part) or {}).get("text", "") for part in ("log", "diary", "helps_link")]
    return [t for t in texts if t]


def reader_texts(data: dict) -> list[str]:
    """Every sentence the helper shows, for the reading-grade check."""
    texts = [data.get("title", ""), *data.get("intro", [])]
    for step in (data.get("steps") or {}).values():
        texts += [step.get(key, "") for key in ("question", "hint", "heading", "advice_heading", "signs_summary", "advice_then", "go_on")]
        texts += [a.get("text", "") for a in step.get("answers") or []]
        for sign in step.get("signs") or []:
            advice = sign.get("advice") or {}
            # The card's heading and its item are read as two lines, as on the page.
            texts += [sign.get("text", ""), advice.get("card", ""), advice.get("item", ""), advice.get("gradual", ""),
                      advice.get("step_up", "")]
        texts += [t.get("text", "") for t in step.get("text") or []]
        texts += [(step.get("link") or {}).get("text", "")]
        if step.get("type") == "outcome":
            texts += outcome_texts(step)
    every = data.get("every_outcome") or {}
    texts += [every.get("not_diagnosis", ""), (every.get("gp_rule") or {}).get("text", ""),
              (every.get("doctor") or {}).get("text", "")]
    return [t for t in texts if isinstance(t, str) and t and t != "I'm not sure"]


def advice_sentence(advice: dict) -> str:
    """"See a GP (not urgent) if your cramps" + "last longer than 10 minutes" as one sentence."""
    if not advice:
        return ""
    return f'{advice.get("card", "")} {advice.get("item", "")}.'


def mirrored_texts(data: dict) -> list[tuple[str, str, str]]:
    """(site page, text, where in the data) for every text that copies a page's words."""
    found = []
    for sid, step in (data.get("steps") or {}).items():
        for sign in step.get("signs") or []:
            advice = sign.get("advice") or {}
            if not advice.get("mirrors"):  # from the care rules, as the page's cards are
                continue
            for key in ("card", "item"):
                found.append((advice["mirrors"], advice.get(key, ""), f'{sid} > {sign.get("id")} > {key}'))
        for part in ("text", "means", "helps"):
            for item in step.get(part) or []:
                if isinstance(item, dict) and item.get("mirrors"):
                    found.append((item["mirrors"], item.get("text", ""), f"{sid} > {part}"))
    return found


# --- The version for readers without JavaScript, and for print ----------------------

def _e(text: str) -> str:
    """Reader text as HTML, escaped. No glossary marks: the helper is a tool, not page text
    (see THEME_PARTS in sitetools/checks/site.py); its words are checked from the data."""
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


def render_print(data: dict) -> list[str]:
    """The printed flow: the same questions as a short numbered flow, small enough for
    /movements/ to stay on its handout sheets (printing.sheets_allowed). Warning signs first,
    with how soon their advice says to get help (the card's words, e.g. "See a GP (not
    urgent)"); then each question with its answers and where each leads ("Question 3", or an
    outcome by its heading). Every word comes from the data; the only additions are the
    labels "Question N" and the arrows (each kept on the line of what it leads to). Notes a reader passes on the way ("info" steps)
    stay on screen: on paper an answer goes straight to where the note leads."""
    steps = data["steps"]
    order = question_order(data)
    number = {sid: i for i, sid in enumerate(order, 1)}

    def destination(target: str) -> str:
        while steps[target]["type"] == "info" and not steps[target].get("card"):
            target = steps[target]["answers"][0]["next"]
        return target

    def leads_to(target: str) -> str:
        step = steps[destination(target)]
        if step["type"] == "outcome":
            return f"&rarr;&nbsp;<strong>{_e(step['heading'])}</strong>"
        if step["type"] == "info":  # the emergency step: what to do, in its own words
            return f"&rarr;&nbsp;<strong>{_e(' '.join(t['text'] for t in step['text']))}</strong>"
        return f"&rarr;&nbsp;Question {number[destination(target)]}"

    # Few classes and no indentation inside: the page's HTML has a byte budget (tests/budget.json).
    out = ['  <div class="movement-helper__print print-only">', '<ol class="movement-helper__flow">']
    for sid in order:
        step = steps[sid]
        item = f'<li><strong>Question {number[sid]}. {_e(step["question"])}</strong> '
        if step["type"] == "sudden":
            item += "<ul>" + "".join(f"<li>{_e(sign['text'])}</li>" for sign in step["signs"]) + "</ul> "
        if step["type"] == "signs":
            levels: dict[str, list[str]] = {}  # signs grouped by how soon to see a GP
            for sign in step["signs"]:
                # A sign that is an emergency when sudden says so after its level, as on screen; an
                # urgent sign's step up to 999 (the leg with breathlessness) follows its level, as on screen.
                level = ", ".join(filter(None, [advice_level(sign["advice"]), sign["advice"].get("print")]))
                if sign["advice"].get("step_up"):
                    level += ". " + sign["advice"]["step_up"].rstrip(".")
                levels.setdefault(level, []).append(sign["text"])
            # Signs apart like answers (a bullet between them, movement-helper.css), then their level.
            item += " ".join(f'<ul>{"".join(f"<li>{_e(s)}</li>" for s in signs)}</ul>. <strong>{_e(level)}.</strong> '
                             for level, signs in levels.items())
        answers = step["answers"]
        if step["type"] == "question":  # answers that end at the neutral outcome: said once, below
            answers = [a for a in answers if not _neutral(steps, a)]
        if step["type"] == "sudden":
            # Yes leads to the call; "I'm not sure" to the emergency step's own words ("If any of these
            # came on suddenly ..."), never to a plain "Call 999", which would say more than the screen.
            item += "<ul>" + "".join(
                f'<li>{_e(a["text"])} {leads_to(a["next"])}</li>' if a["id"] != NOT_SURE or
                steps[a["next"]]["type"] != "info" else
                f'<li>{_e(a["text"])} &rarr;&nbsp;<strong>{_e(steps[a["next"]]["heading"])}.</strong></li>'
                for a in answers) + "</ul>"
        elif step["type"] != "question" and len({destination(a["next"]) for a in answers}) == 1:
            item += leads_to(answers[0]["next"])  # "Continue" and "I'm not sure" both go on
        else:
            # Answers that lead to the same place share a line ("Yes, or I'm not sure").
            together: dict[str, list[str]] = {}
            for a in answers:
                together.setdefault(destination(a["next"]), []).append(a["text"].rstrip("."))
            item += "<ul>" + "".join(f'<li>{_e(", or ".join(texts))} {leads_to(target)}</li>'
                                     for target, texts in together.items()) + "</ul>"
        out.append(item + "</li>")
    unsure = [a["next"] for sid in order if steps[sid]["type"] == "question"
              for a in steps[sid]["answers"] if a["id"] == NOT_SURE]
    out.append("</ol>")
    if unsure:  # check() makes every question's "I'm not sure" end at the same outcome
        out.append(f"<p>Any other answer, or I'm not sure {leads_to(unsure[0])}</p>")
    every = data["every_outcome"]
    out.append(f'<p>{_e(every["not_diagnosis"])} {_e(every["gp_rule"]["text"])} '
               f'{_link(every["doctor"]["href"], every["doctor"]["text"])}.</p></div>')
    return out


def render_fallback(data: dict, source: Path = DATA_FILE) -> str:
    steps = data["steps"]
    order = question_order(data)
    number = {sid: i for i, sid in enumerate(order, 1)}
    outcomes = [sid for sid, s in steps.items() if s["type"] == "outcome"]

    def goto(target: str) -> str:
        step = steps[target]
        if step["type"] == "outcome":
            return f'see <a href="#movement-helper-{target}">{_e(step["heading"])}</a>'
        return f'go to <a href="#movement-helper-{target}">question {number[target]}</a>'

    def answer_item(answer: dict) -> str:
        target = steps[answer["next"]]
        if target["type"] == "info" and target.get("card"):  # the emergency step: what to do, then stop
            note = " ".join(_e(t["text"]) for t in target["text"])
            return (f'<li>{_e(answer["text"].rstrip("."))}: <strong>{_e(target["heading"])}.</strong> {note} '
                    f'{_link(target["link"]["href"], target["link"]["text"])}.</li>')
        if target["type"] == "info":  # a short note, shown right under the answer
            note = " ".join(_e(t["text"]) for t in target["text"])
            link = _link(target["link"]["href"], target["link"]["text"]) if target.get("link") else ""
            then = goto(target["answers"][0]["next"])
            return f'<li>{_e(answer["text"].rstrip("."))}: {note} {link}. Then {then}.</li>'
        unsure = ' class="movement-helper__unsure"' if answer.get("id") == NOT_SURE else ""
        return f'<li{unsure}>{_e(answer["text"].rstrip("."))}: {goto(answer["next"])}.</li>'

    out = [
        "{#- Generated by ./scripts/movement-helper from " + relative_name(DATA_FILE) + ". Do not edit: edit the",
        "    data file and run the command again. What readers without JavaScript see; the script",
        "    (docs/assets/tools/movement-helper/) shows one question at a time instead. On paper only the",
        "    short flow (movement-helper__print) prints. -#}",
        '<section class="movement-helper" data-module="movement-helper" data-site-root="{{ base_url }}/" '
        'aria-labelledby="movement-helper-title">',
        f'  <h2 id="movement-helper-title">{_e(data["title"])}</h2>',
        *(f'  <p class="movement-helper__intro">{_e(p)}</p>' for p in data["intro"]),
        *render_print(data),
        '  <div class="movement-helper__fallback">',
        '    <ol class="movement-helper__questions">',
    ]
    for sid in order:
        step = steps[sid]
        out.append(f'      <li id="movement-helper-{sid}" class="movement-helper__question">')
        out.append(f'        <p><strong>{_e(step["question"])}</strong></p>')
        if step["type"] == "sudden":
            out.append('        <ul class="movement-helper__sudden">')
            out += [f'          <li>{_e(sign["text"])}</li>' for sign in step["signs"]]
            out.append("        </ul>")
            out.append(f'        <p class="movement-helper__hint">{_e(step["hint"])}</p>')
            out.append('        <ul class="movement-helper__answers">')
            out += ["          " + answer_item(answer) for answer in step["answers"]]
            out.append("        </ul>")
        elif step["type"] == "signs":
            # Each sign with its advice under it, as the page's care cards show it: the card's
            # heading, then the item. The fallback shows all advice, the script only the ticked.
            out.append(f'        <p class="movement-helper__advice-intro">{_e(step["advice_heading"])} for each of them:</p>')
            out.append('        <ul class="movement-helper__signs">')
            for sign in step["signs"]:
                advice = sign["advice"]
                out.append(f'          <li><p><strong>{_e(sign["text"])}</strong></p> '
                           f'<p class="movement-helper__card">{_e(advice["card"])}</p> '
                           f'<ul class="movement-helper__card-item"><li>{_e(advice["item"])}.'
                           + "".join(f' {_e(advice[k])}' for k in ("gradual", "step_up") if advice.get(k))
                           + '</li></ul></li>')
            out.append("        </ul>")
            out.append(f'        <p class="movement-helper__signs-summary">{_e(step["signs_summary"])}</p>')
            # One link, not one per card: the reader needs the page once.
            out.append(f'        <p class="movement-helper__more">{_link(DOCTOR_PAGE, "Read when to see a doctor")}.</p>')
            out.append(f'        <p class="movement-helper__then">{_e(step["advice_then"])}</p>')
            out.append('        <ul class="movement-helper__answers">')
            for answer in step["answers"]:
                if answer["id"] == NOT_SURE:
                    out.append("          " + answer_item(answer))
                else:
                    out.append(f'          <li>None of these, or when you have read the advice: {goto(answer["next"])}.</li>')
            out.append("        </ul>")
        else:
            if step.get("hint"):
                out.append(f'        <p class="movement-helper__hint">{_e(step["hint"])}</p>')
            out.append('        <ul class="movement-helper__answers">')
            out += ["          " + answer_item(answer) for answer in step["answers"]]
            out.append("        </ul>")
        out.append("      </li>")
    out.append("    </ol>")
    every = data["every_outcome"]
    for sid in outcomes:
        step = steps[sid]
        out.append(f'    <div id="movement-helper-{sid}" class="movement-helper__outcome">')
        out.append(f'      <h3>{_e(step["heading"])}</h3>')
        out += [f'      <p class="movement-helper__means">{_e(item["text"])}</p>' for item in step["means"]]
        if step.get("gp_signs"):
            out.append(f'      <p class="movement-helper__gp-signs">{_e(step["gp_signs"]["text"])}</p>')
        if step["helps"]:
            helps = " ".join(_e(item["text"]) for item in step["helps"])
            out.append(f'      <p class="movement-helper__helps">{helps} '
                       f'{_link(step["helps_link"]["href"], step["helps_link"]["text"])}.</p>')
        out.append(f'      <p class="movement-helper__log">{_e(step["log_how"])} '
                   f'{_link(step["diary"]["href"], step["diary"]["text"])}.</p>')
        out.append(f'      <p class="movement-helper__care">{_e(every["not_diagnosis"])}</p>')
        out.append(f'      <p class="movement-helper__gp-rule">{_e(every["gp_rule"]["text"])} '
                   f'{_link(every["doctor"]["href"], every["doctor"]["text"])}.</p>')
        out.append("    </div>")
    out.append("  </div>")
    out.append('  <div class="movement-helper__app" hidden></div>')
    out.append('  <script type="application/json" class="movement-helper__data">{% raw %}'
               + embedded_data(data) + "{% endraw %}</script>")
    out.append("</section>")
    return "\n".join(out) + "\n"


# --- The command: ./scripts/movement-helper -------------------------------------------

def update_fallback(data_file: Path = DATA_FILE, fallback_file: Path = FALLBACK_FILE) -> tuple[list[Problem], bool]:
    """Check the data; if it is sound, write the fallback. (problems, whether the file changed)."""
    data = load(data_file)
    problems = check(data, data_file)
    if problems:
        return problems, False
    text = render_fallback(data, data_file)
    old = fallback_file.read_text(encoding="utf-8") if fallback_file.is_file() else None
    if old == text:
        return [], False
    fallback_file.write_text(text, encoding="utf-8")
    return [], True


def main() -> int:
    """Check the helper's data file and update the page's no-JavaScript version from it.
    Exits 0 if it was up to date, 1 if it had to change it (commit the change), 2 if the data has problems."""
    import sys
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print(main.__doc__)
        return 0
    problems, changed = update_fallback()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {relative_name(DATA_FILE)}: nothing was written.", file=sys.stderr)
        return 2
    walks_found = question_walks(load())
    print(f"{relative_name(DATA_FILE)}: {len(walks_found)} paths through the questions, all ending at an outcome.")
    if changed:
        print(f"Updated {relative_name(FALLBACK_FILE)}: commit it with the data file.")
        return 1
    print(f"{relative_name(FALLBACK_FILE)} is up to date.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
