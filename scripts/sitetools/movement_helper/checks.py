"""Checking the data: everything that would leave a reader stuck, misled or without a way to get help,
and the reading level of every word a reader sees."""

from __future__ import annotations

from pathlib import Path

from .. import care_rules
from ..problems import Problem, line_of
from .data import DATA_FILE, DOCTOR_PAGE, KINDS, LOG_PAGE, NOT_SURE, relative_name
from .walks import walks


# An outcome says what a source advises, never what a reader has, and promises nothing.
FORBIDDEN = ("you have", "you've got", "you are suffering", "you suffer from", "will stop", "will go away",
             "is harmless", "nothing to worry about", "nothing serious")


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
    ticks = {tick["id"]: tick for tick in rules.get("log_signs") or []}
    retired = {tick["label"]: tick["id"] for tick in ticks.values() if tick.get("retired")}
    for sid in signs_steps:
        for sign in steps[sid].get("signs") or []:
            advice = sign.get("advice") or {}
            tick_problems(sign, ticks, retired, lambda what, fix, at=sid: add(at, what, fix), _label(sid, steps[sid]))
            rule = rule_signs.get(sign.get("sign") or sign.get("id"))
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


def tick_problems(sign: dict, ticks: dict, retired: dict, add, where: str) -> None:
    """A warning sign asked as the log asks it: the log's tick ("tick") with one kind ("kind"), so
    the same tick gets the same advice in both. The log's retired "weak or stiff" is never asked:
    it cannot tell weakness (an emergency when sudden) from stiffness (never one)."""
    text = sign.get("text", sign.get("id"))
    if text in retired:
        add(f'In {where}, the warning sign "{text}" is one the symptom log no longer offers ("{retired[text]}"): '
            "the log asks each of its signs apart, so the two would give different advice.",
            'Ask each as the log does: {"tick": "weak", "kind": "twitch", "text": ...} and {"tick": "stiff", ...}.')
    if "tick" not in sign:
        return
    tick = ticks.get(sign["tick"])
    if tick is None or tick.get("retired"):
        add(f'In {where}, the warning sign "{text}" names the log\'s tick "{sign["tick"]}", which the log does not offer.',
            "Use one of the care rules' log_signs (docs/assets/tools/care-rules/care-rules.json).")
    elif (tick.get("for") or {}).get(sign.get("kind")) is None:
        add(f'In {where}, the warning sign "{text}" asks the tick "{sign["tick"]}" with a {sign.get("kind")}, '
            "for which no source gives advice: the log says so, and gives no level.",
            "Leave it out, or ask it with a kind the care rules' log_signs give a sign for.")


def reading_problems(data: dict, path: Path = DATA_FILE) -> list[Problem]:
    """The helper's words, checked like a page's (sitetools.checks.readability): grade and sentence length."""
    import textstat

    from ..checks.readability import MAX_GRADE, MAX_SENTENCE_WORDS, sentences

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
