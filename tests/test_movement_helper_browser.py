"""The "Twitch, spasm or cramp?" helper in a real Chromium.

Every path in the data file is walked by keyboard alone and must end at the
outcome the data says; Back (the browser's and the helper's) steps back one
question and Start over starts again; no request leaves 127.0.0.1; axe finds
nothing in light and dark, desktop and phone, in every template a step is drawn
from; nothing scrolls sideways at 320px at any step; without JavaScript the plain list shows; on paper only a short flow of the questions.
Each check is proven able to fail on a deliberately broken copy of the helper
(its script or data changed on the way to the browser).
"""

from __future__ import annotations

import dataclasses
import json
import re
from contextlib import contextmanager
from typing import Callable
from urllib.parse import urlsplit

import pytest

from browser_checks import (axe_problems, open_page, privacy_problems, record_requests, settle,
                            sideways_scroll_problems, tabs)
from conftest import expected_difference
from sitetools import movement_helper as helper
from sitetools.symptom_log import LOG_PAGE, READY

pytestmark = pytest.mark.browser
__all__ = ["tabs"]  # a fixture, used by name

DATA = helper.load()
STEPS = DATA["steps"]
PLACE = "docs/assets/tools/movement-helper/ (page /movements/)"
ROOT = '[data-module="movement-helper"]'
QUESTION_WALKS = helper.question_walks(DATA)
SIGN_IDS = [sign["id"] for sign in STEPS["warning-signs"]["signs"]]


def sign_walks() -> list[helper.Walk]:
    """Yes and "I'm not sure" to the sudden signs, each warning sign alone, all of them, and
    "I'm not sure" to the warning signs: each then the first way through the questions."""
    tail = QUESTION_WALKS[0].answers[2:]
    chosen, kinds = [], set()
    for walk in helper.walks(DATA):
        if walk.answers[-len(tail):] != tail:
            continue
        sudden = walk.answers[0][1]
        signs_answer = next(answer for step, answer in walk.answers if step == "warning-signs")
        if sudden != "no":
            kind = ("sudden", sudden) if not walk.signs and signs_answer == "continue" else None
        elif len(walk.signs) == 1:
            kind = ("one sign", walk.signs)
        elif walk.signs:
            kind = ("all signs",)
        else:
            kind = ("signs not sure",) if signs_answer == helper.NOT_SURE else None
        if kind and kind not in kinds:
            kinds.add(kind)
            chosen.append(walk)
    return chosen


ALL_WALKS = QUESTION_WALKS + sign_walks()


# --- Driving the helper by keyboard -----------------------------------------------------

def open_helper(tab, url: str, palette: str = "light"):
    """A fresh visit: a reload would bring back the step the reader was at (history state)."""
    tab.goto("about:blank")
    open_page(tab, url + "movements/", palette)
    tab.wait_for_selector(f"{ROOT}[data-movement-helper-started]")
    return tab


# What the server sends changed, so a check can be proven to fail: (address pattern, content type).
SCRIPT = (r".*/movement-helper\.js$", "application/javascript")
STYLES = (r".*/movement-helper\.css$", "text/css")
PAGE_ITSELF = (r".*/movements/$", "text/html; charset=utf-8")


@contextmanager
def served_changed(browser, file: tuple[str, str], change: Callable[[str], str], **options):
    """A browser context in which FILE reaches the page as CHANGE makes it."""
    context = browser.new_context(**options)
    pattern, content_type = file
    context.route(re.compile(pattern),
                  lambda route: route.fulfill(body=change(route.fetch().text()), content_type=content_type))
    try:
        yield context
    finally:
        context.close()


def focus_helper(tab):
    """Put focus on the helper's first question, as a keyboard user arriving there would."""
    tab.evaluate("document.querySelector('.movement-helper__heading').focus()")


FOCUSED = """() => { const el = document.activeElement;
  return {text: (el.textContent || "").trim(), value: el.value || "", tag: el.tagName.toLowerCase(),
          heading: el.classList.contains("movement-helper__heading")}; }"""


IN_VIEW = """() => { const r = document.activeElement.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return r.top >= header - 1 && r.bottom <= innerHeight; }"""


def tab_to(tab, wanted, limit: int = 30) -> bool:
    """Press Tab until the focused element is WANTED (a function of what has focus)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if wanted(tab.evaluate(FOCUSED)):
            return True
    return False


def press_answer(tab, text: str) -> bool:
    if not tab_to(tab, lambda f: f["tag"] == "button" and f["text"] == text):
        return False
    tab.keyboard.press("Enter")
    return True


def current_step(tab) -> str:
    return tab.get_attribute(ROOT, "data-step")


def walk_problems(tab, walk: helper.Walk, data: dict = DATA) -> list[str]:
    """Go along WALK by keyboard alone; what went differently from what the data says."""
    steps, where = data["steps"], f"{PLACE}, path {walk.describe()}"
    focus_helper(tab)
    for number, (step_id, answer_id) in enumerate(walk.answers):
        if current_step(tab) != step_id:
            return [f"{where}: expected the question {step_id!r} at step {number + 1}, but the helper shows "
                    f"{current_step(tab)!r}. How to fix: make the script follow each answer's \"next\" in "
                    "questions.json (movement-helper.js, Helper.prototype.go)."]
        step = steps[step_id]
        answer = next(a for a in step["answers"] if a["id"] == answer_id)
        if step["type"] == "signs":
            for sign in walk.signs if answer_id != helper.NOT_SURE else ():
                if not tab_to(tab, lambda f, sign=sign: f["tag"] == "input" and f["value"] == sign):
                    return [f"{where}: the warning sign {sign!r} cannot be reached with the Tab key."]
                tab.keyboard.press("Space")
        if not press_answer(tab, answer["text"]):
            return [f'{where}: the answer "{answer["text"]}" in {step_id!r} cannot be reached with the Tab key.']
        if step["type"] == "signs" and walk.signs and answer_id != helper.NOT_SURE:
            shown = tab.evaluate("""() => [...document.querySelectorAll('.movement-helper__advice-item')]
                                      .map(el => el.dataset.sign)""")
            # Most urgent first, then in the list's order (as the pages and the log order them).
            rank = {"emergency": 0, "urgent": 1, "gp": 2, "doctor": 3}
            level = {sign["id"]: rank[sign["level"]] for sign in step["signs"]}
            expected = helper.said_once(sorted(walk.signs, key=lambda sign: (level[sign], walk.signs.index(sign))), step)
            if current_step(tab) != f"{step_id}:advice" or shown != expected:
                return [f"{where}: after ticking {', '.join(walk.signs)}, the helper shows {current_step(tab)!r} "
                        f"with advice for {shown}, not the advice for each ticked sign first. How to fix: "
                        "movement-helper.js, Helper.prototype.adviceView."]
            if not press_answer(tab, step["go_on"]):
                return [f'{where}: "{step["go_on"]}" cannot be reached with the Tab key.']
        if not tab.evaluate(FOCUSED)["heading"]:
            return [f"{where}: after choosing \"{answer['text']}\", focus did not move to the new question, so a "
                    "screen reader does not read it. How to fix: movement-helper.js, Helper.prototype.show."]

    outcome = steps[walk.outcome]
    problems = []
    if current_step(tab) != walk.outcome:
        problems.append(f"{where}: the helper ends at {current_step(tab)!r}, but the data says {walk.outcome!r}. "
                        "How to fix: make the script follow each answer's \"next\" in questions.json.")
        return problems
    heading = tab.text_content(".movement-helper__heading").strip()
    status = tab.text_content(".movement-helper__status").strip()
    if heading != outcome["heading"] or outcome["heading"] not in status:
        problems.append(f'{where}: the outcome shows "{heading}" and announces "{status}", not "{outcome["heading"]}".')
    links = tab.evaluate(f"""() => [...document.querySelectorAll('{ROOT} .movement-helper__view a')]
                              .map(a => new URL(a.href).pathname + new URL(a.href).search)""")
    for wanted in (outcome["log"]["href"], data["every_outcome"]["doctor"]["href"]):
        if not any(link.endswith("/" + wanted) for link in links):
            problems.append(f"{where}: the outcome has no link to {wanted} (links: {links}).")
    if "not a diagnosis" not in tab.text_content(".movement-helper__view"):
        problems.append(f"{where}: the outcome does not say it is not a diagnosis.")
    last = " ".join(tab.locator(".movement-helper__view > p").last.text_content().split())
    if not last.startswith(data["every_outcome"]["gp_rule"]["text"]):
        problems.append(f'{where}: the outcome does not end with the GP rule; its last line is "{last}". How to fix: '
                        "movement-helper.js, Helper.prototype.outcomeView.")
    return problems


# --- Every path, by keyboard ------------------------------------------------------------

@pytest.mark.parametrize("walk", ALL_WALKS, ids=[w.describe() for w in ALL_WALKS])
def test_every_path_by_keyboard_gives_the_outcome_the_data_says(tabs, site_server, walk):
    tab = open_helper(tabs.get("desktop"), site_server)
    problems = walk_problems(tab, walk)
    assert not problems, "\n".join(problems)


def test_the_paths_cover_every_outcome_and_every_sign():
    assert {w.outcome for w in ALL_WALKS} == {"twitch", "spasm", "cramp", "not-sure"}
    assert {s for w in ALL_WALKS for s in w.signs} == set(SIGN_IDS)
    assert {w.answers[0][1] for w in ALL_WALKS} == {"yes", "no", helper.NOT_SURE}
    assert len(QUESTION_WALKS) == 9 and len(ALL_WALKS) == 9 + 2 + len(SIGN_IDS) + 2


def test_path_check_catches_a_script_that_goes_the_wrong_way(browser, site_server):
    """The same check on a page whose embedded data sends "gripped hard" to the spasm outcome."""
    gripped = '"id":"gripped","text":"The muscle is gripped hard, and the pain can be sharp.","next":'
    with served_changed(browser, PAGE_ITSELF, lambda body: body.replace(gripped + '"cramp"', gripped + '"spasm"')) as context:
        tab = open_helper(context.new_page(), site_server)
        walk = next(w for w in QUESTION_WALKS if w.outcome == "cramp")
        text = "\n".join(walk_problems(tab, walk))
    assert "the helper ends at 'spasm', but the data says 'cramp'" in text, text


def tapping_problems(tab, walk: helper.Walk) -> list[str]:
    """Tap along WALK on a phone: after each tap the new question shows below the sticky header."""
    problems = []
    for depth in range(1, len(walk.answers) + 1):
        go_to_state(tab, walk, depth) if depth == 1 else go_to_state_from(tab, walk, depth)
        if not tab.evaluate(IN_VIEW):
            problems.append(f"{PLACE}, path {walk.describe()}, step {depth}: after a tap, the new question is hidden "
                            "under the page's header or off screen. How to fix: scroll-margin-top on "
                            ".movement-helper__heading (movement-helper.css).")
    return problems


def go_to_state_from(tab, walk: helper.Walk, depth: int):
    """Tap the one answer that takes WALK from DEPTH - 1 answers to DEPTH."""
    step_id, answer_id = walk.answers[depth - 1]
    tab.click(f'{ROOT} button[data-answer="{answer_id}"]')


def test_on_a_phone_each_tapped_answer_brings_its_question_into_view(tabs, site_server):
    tab = tabs.get("phone")
    problems = []
    for walk in QUESTION_WALKS:
        open_helper(tab, site_server)
        problems += tapping_problems(tab, walk)
    assert not problems, "\n".join(problems)


def test_view_check_catches_a_question_hidden_under_the_header(browser, site_server):
    def no_margin(styles):
        # Room below the helper, so a new question can scroll to the very top (the helper sits at the
        # page's end, where the page cannot scroll that far). The header is made as tall as the top of
        # the screen where a short step leaves the next question: with no scroll margin, nothing
        # moves the question out from under it (focus scrolls only a question that is off screen).
        return (re.sub(r"scroll-margin-top: ?4rem;?", "", styles)
                + "\n.movement-helper { margin-bottom: 100vh; }\n.md-header { height: 60vh !important; }")
    with served_changed(browser, STYLES, no_margin, viewport={"width": 375, "height": 740}) as context:
        tab = open_helper(context.new_page(), site_server)
        text = "\n".join(tapping_problems(tab, QUESTION_WALKS[0]))
    assert "after a tap, the new question is hidden under the page's header or off screen" in text, text


def test_path_check_catches_focus_that_does_not_move(browser, site_server):
    # The published script is minified: match with or without spaces.
    no_focus = lambda script: re.sub(r"if ?\(moveFocus\) ?parts\.heading\.focus\(\);", "", script)
    with served_changed(browser, SCRIPT, no_focus) as context:
        text = "\n".join(walk_problems(open_helper(context.new_page(), site_server), QUESTION_WALKS[0]))
    assert "focus did not move to the new question" in text, text


# --- A double click or double tap answers one question ------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def double_activation_problems(tab) -> list[str]:
    """Double-click "No", then double-tap "Continue" and the first answer to "What do you feel?":
    each answers one question only, and the second activation must not reach the next step."""
    problems = []
    tab.locator(f'{ROOT} button[data-answer="no"]').evaluate("el => el.scrollIntoView({block: 'center'})")
    tab.dblclick(f'{ROOT} button[data-answer="no"]')
    if current_step(tab) != "warning-signs" or tab.locator(".movement-helper__sign input:checked").count():
        problems.append(f"{PLACE}: a double click on \"No\" shows {current_step(tab)!r} "
                        f"with {tab.locator('.movement-helper__sign input:checked').count()} sign(s) ticked, not "
                        "the warning signs with none ticked.")
    for selector, wanted in ((f"{ROOT} .movement-helper__answer--primary", "feel"),
                             (f'{ROOT} button[data-answer="flicker"]', "joint")):
        button = tab.locator(selector).first
        button.evaluate("el => el.scrollIntoView({block: 'center'})")  # clear of the sticky header
        box = button.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        tab.touchscreen.tap(x, y)
        tab.touchscreen.tap(x, y)
        if current_step(tab) != wanted:
            problems.append(f"{PLACE}: a double tap shows {current_step(tab)!r}, not {wanted!r}: the second tap "
                            "answered the next question too. How to fix: movement-helper.js ignores a click whose "
                            "event.detail is more than 1.")
            break
    return problems


def test_a_double_click_or_double_tap_answers_one_question(browser, site_server):
    context = browser.new_context(**PHONE)
    try:
        problems = double_activation_problems(open_helper(context.new_page(), site_server))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_double_activation_check_catches_a_script_that_answers_twice(browser, site_server):
    no_guard = lambda script: re.sub(r"if ?\(event\.detail ?> ?1\)", "if (false)", script)
    with served_changed(browser, SCRIPT, no_guard, **PHONE) as context:
        text = "\n".join(double_activation_problems(open_helper(context.new_page(), site_server)))
    assert "the second tap answered the next question too" in text or "a double click on" in text, text


# --- Back and Start over --------------------------------------------------------------------

def back_problems(tab) -> list[str]:
    """Two questions in, the browser's Back shows the one before; the helper's Back too; Start over starts again."""
    problems = []
    focus_helper(tab)
    press_answer(tab, "No")
    press_answer(tab, "Continue")
    press_answer(tab, STEPS["feel"]["answers"][0]["text"])  # to "joint"
    press_answer(tab, STEPS["joint"]["answers"][0]["text"])  # to "hurts"
    tab.go_back()
    tab.wait_for_timeout(100)
    if current_step(tab) != "joint" or not tab.evaluate(FOCUSED)["heading"]:
        problems.append(f"{PLACE}: the browser's Back button shows {current_step(tab)!r}, not the question before "
                        "('joint') with focus on it. How to fix: movement-helper.js, the popstate listener.")
    press_answer(tab, "Back")
    tab.wait_for_timeout(100)
    if current_step(tab) != "feel":
        problems.append(f"{PLACE}: the helper's Back button shows {current_step(tab)!r}, not 'feel'.")
    press_answer(tab, "Start over")
    if current_step(tab) != DATA["start"] or tab.locator(".movement-helper__sign input:checked").count():
        problems.append(f"{PLACE}: Start over shows {current_step(tab)!r}, not a fresh warning-sign check.")
    return problems


def test_back_steps_back_one_question_and_start_over_starts_again(tabs, site_server):
    tab = open_helper(tabs.get("desktop"), site_server)
    problems = back_problems(tab)
    assert not problems, "\n".join(problems)


def test_ticked_signs_are_still_ticked_after_going_back(tabs, site_server):
    tab = open_helper(tabs.get("desktop"), site_server)
    focus_helper(tab)
    press_answer(tab, "No")
    tab_to(tab, lambda f: f["value"] == "long-cramp")
    tab.keyboard.press("Space")
    press_answer(tab, "Continue")
    assert current_step(tab) == "warning-signs:advice"
    tab.go_back()
    tab.wait_for_function("document.querySelector('[data-module=movement-helper]').dataset.step === 'warning-signs'")
    assert tab.is_checked("#movement-helper-0-sign-long-cramp")


def test_back_check_catches_a_script_that_ignores_the_back_button(browser, site_server):
    no_popstate = lambda script: script.replace('window.addEventListener("popstate"', '(function () {})("popstate"')
    with served_changed(browser, SCRIPT, no_popstate) as context:
        text = "\n".join(back_problems(open_helper(context.new_page(), site_server)))
    assert "the browser's Back button shows 'hurts', not the question before" in text, text


# --- From an outcome into the symptom log -------------------------------------------------

LOG_WALKS = [next(w for w in QUESTION_WALKS if w.outcome == sid) for sid in ("twitch", "spasm", "cramp", "not-sure")]
CHOSEN_KINDS = "() => [...document.querySelectorAll('input[name=\"kind\"]:checked')].map((input) => input.value)"


def log_link_problems(tab, walk: helper.Walk) -> list[str]:
    """At WALK's outcome, follow "Start a log entry ..." by keyboard: the log's form opens with
    the outcome's kind already chosen, or none for the outcome that names no kind."""
    outcome = STEPS[walk.outcome]
    where = f'{PLACE}, outcome "{walk.outcome}"'
    go_to_state(tab, walk, len(walk.answers))
    link = tab.locator(f"{ROOT} a.movement-helper__log-link")
    if link.count() != 1 or link.inner_text().strip() != outcome["log"]["text"]:
        return [f'{where}: there is no link "{outcome["log"]["text"]}". How to fix: movement-helper.js, '
                "Helper.prototype.outcomeView, and the outcome's \"log\" in questions.json."]
    link.focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_selector(READY)
    address = urlsplit(tab.url)
    chosen, wanted = tab.evaluate(CHOSEN_KINDS), [outcome["kind"]] if outcome["kind"] else []
    if chosen == wanted:
        return []
    said = lambda kinds: " and ".join(kinds) if kinds else "no kind"  # noqa: E731
    return [f'{where}: "{outcome["log"]["text"]}" opens {address.path}{"?" + address.query if address.query else ""} '
            f"with {said(chosen)} chosen in the log's form, not {said(wanted)}. How to fix: the link's address "
            f'must be {outcome["log"]["href"]} (questions.json), and the log must read ?kind= from its address '
            "(docs/assets/tools/symptom-log/symptom-log-form.js, presetKind)."]


@pytest.mark.parametrize("walk", LOG_WALKS, ids=[w.outcome for w in LOG_WALKS])
def test_each_outcome_starts_a_log_entry_of_its_kind(page, site_server, walk):
    """A fresh tab each time: the symptom log keeps what it stores in the tab's own context."""
    open_helper(page, site_server)
    problems = log_link_problems(page, walk)
    assert not problems, "\n".join(problems)


def log_link_fault(browser, site_server, walk: helper.Walk, redirect) -> str:
    """The check's words for WALK when the log's address is redirected on the way (REDIRECT:
    a pattern and the address to send the browser to instead)."""
    pattern, target = redirect
    context = browser.new_context(service_workers="block")
    context.route(pattern, lambda route: route.fulfill(status=302, headers={"Location": target}))
    try:
        return "\n".join(log_link_problems(open_helper(context.new_page(), site_server), walk))
    finally:
        context.close()


def test_log_link_check_catches_a_kind_that_is_lost(browser, site_server):
    """A redirect that drops ?kind= from the address: the form opens with nothing chosen."""
    log = site_server + LOG_PAGE
    text = log_link_fault(browser, site_server, LOG_WALKS[2], (re.compile(r".*/symptom-log/\?kind=.*"), log))
    assert (f'{PLACE}, outcome "cramp": "Start a log entry for a cramp" opens {urlsplit(log).path} with no kind '
            "chosen in the log's form, not cramp. How to fix: the link's address must be symptom-log/?kind=cramp") \
        in text, text


def test_log_link_check_catches_a_kind_the_neutral_outcome_should_not_choose(browser, site_server):
    log = site_server + LOG_PAGE
    text = log_link_fault(browser, site_server, LOG_WALKS[3], (re.compile(r".*/symptom-log/$"), log + "?kind=cramp"))
    assert (f'{PLACE}, outcome "not-sure": "Start a log entry" opens {urlsplit(log).path}?kind=cramp with cramp '
            "chosen in the log's form, not no kind.") in text, text


# --- Privacy ----------------------------------------------------------------------------------

def test_nothing_leaves_127_0_0_1_and_nothing_is_stored(browser, site_server):
    context = browser.new_context()
    requests = record_requests(context)
    try:
        tab = open_helper(context.new_page(), site_server)
        before = len(requests)
        kept = "() => [Object.keys(localStorage).sort(), sessionStorage.length, document.cookie]"
        stored_before = tab.evaluate(kept)  # Material keeps its own settings (e.g. the palette)
        for walk in ALL_WALKS:
            open_helper(tab, site_server)
            assert not walk_problems(tab, walk)
        problems = privacy_problems(context, requests, urlsplit(site_server).hostname, PLACE)
        stored = tab.evaluate(kept)
    finally:
        context.close()
    assert len(requests) > before, "no requests were recorded: the recording did not work"
    assert not problems, "\n".join(problems)
    assert stored == stored_before, f"The helper stored something: {stored} (before: {stored_before})"


def test_privacy_check_catches_a_helper_that_sends_an_answer(browser, site_server):
    leak = lambda script: re.sub(r"Helper\.prototype\.go ?= ?function ?\(state\) ?\{",
                                 "Helper.prototype.go = function (state) { new Image().src = "
                                 "'https://tracker.example.com/?a=' + state.step;", script)
    with served_changed(browser, SCRIPT, leak) as context:
        requests = record_requests(context)
        context.route("https://tracker.example.com/**", lambda route: route.abort())
        walk_problems(open_helper(context.new_page(), site_server), QUESTION_WALKS[0])
        text = "\n".join(privacy_problems(context, requests, urlsplit(site_server).hostname, PLACE))
    assert "The browser contacted tracker.example.com" in text, text


# --- Accessibility at each template, no sideways scrolling at any step ----------------------

def views(walk: helper.Walk) -> list[str]:
    """The views WALK shows in order: each step, and the advice after ticked signs."""
    shown = [s for s in walk.shown if not s.startswith("advice:")]
    at = next(i for i, (step, _) in enumerate(walk.answers) if STEPS[step]["type"] == "signs")
    return shown[:at + 1] + (["warning-signs:advice"] if walk.signs else []) + shown[at + 1:]


def states() -> list[tuple[str, helper.Walk, int]]:
    """(name, a path, how many answers along it) for every view the helper can show."""
    found, seen = [], set()
    for walk in helper.walks(DATA):
        if len(walk.signs) > 1:
            continue
        for depth, name in enumerate(views(walk)):
            if name not in seen:
                seen.add(name)
                found.append((name, walk, depth))
    return found


STATES = states()
COMBINATIONS = [("desktop", "light"), ("desktop", "dark"), ("phone", "light"), ("phone", "dark")]


def go_to_state(tab, walk: helper.Walk, depth: int):
    """Click along WALK for DEPTH answers (the advice view counts as one)."""
    for shown, _ in enumerate(walk_views(tab, walk)):
        if shown >= depth:
            return


def test_states_cover_every_step():
    names = {name for name, _, _ in STATES}
    assert names == set(STEPS) | {"warning-signs:advice"}, names


def template(view: str) -> tuple:
    """The template a view is drawn from: its type, and which optional parts it has.

    axe's rules judge what a template draws (names, roles, structure, colours),
    not which words fill it. So views of one type that have the same parts (the
    questions with a hint, the outcomes that name a kind) are one state for axe;
    a view with a part the others lack (a hint, the emergency card, a kind to
    log) is a state of its own."""
    if view == "warning-signs:advice":
        return ("advice",)
    step = STEPS[view]
    return (step["type"], *sorted(part for part, value in step.items()
                                  if part not in ("type", "source") and value not in (None, "", [], {})))


def walk_views(tab, walk: helper.Walk):
    """Click along WALK on an open helper, yielding at each view it shows (the first question,
    the advice after ticked signs, each next question, the outcome)."""
    yield current_step(tab)
    for step_id, answer_id in walk.answers:
        step = STEPS[step_id]
        if step["type"] == "signs":
            for sign in walk.signs:
                tab.check(f"#movement-helper-0-sign-{sign}")
            answer = next(a for a in step["answers"] if a["id"] == answer_id)
            tab.click(f"{ROOT} button:text-is(\"{answer['text']}\")")
            if walk.signs:
                yield current_step(tab)
                tab.click(f"{ROOT} button:text-is(\"{step['go_on']}\")")
        else:
            tab.click(f'{ROOT} button[data-answer="{answer_id}"]')
        yield current_step(tab)


def covering_walks(kind=lambda view: view) -> list[tuple[helper.Walk, set]]:
    """The fewest paths, taken in the order STATES finds them, that show a view of every
    KIND (by default every view); with each path, the kinds first shown on it."""
    chosen, seen = [], set()
    for name, walk, _ in STATES:
        if kind(name) in seen:
            continue
        new = {kind(view) for view in views(walk)} - seen
        seen |= new
        chosen.append((walk, new))
    return chosen


def views_on_walks(tab, site_server, walks, kind=lambda view: view, palette: str = "light"):
    """Open the helper once per path and yield each view whose kind is first shown there."""
    for walk, kinds in walks:
        open_helper(tab, site_server, palette)
        left = set(kinds)
        for name in walk_views(tab, walk):
            if kind(name) in left:
                left.discard(kind(name))
                yield name
        assert not left, f"path {walk.describe()} did not show {left}"


AXE_WALKS = covering_walks(template)
VIEW_WALKS = covering_walks()


def test_axe_states_cover_every_template():
    every = {template(name) for name, _, _ in STATES}
    checked = set().union(*(templates for _, templates in AXE_WALKS))
    assert checked == every, f"templates no axe state shows: {every - checked}"


@pytest.mark.parametrize("width, palette", COMBINATIONS, ids=[f"{w}-{p}" for w, p in COMBINATIONS])
def test_axe_finds_no_violations_at_any_step(tabs, site_server, width, palette):
    """axe at each distinct template (see template), one open of the helper per path."""
    tab = tabs.get(width, palette)
    problems = []
    for name in views_on_walks(tab, site_server, AXE_WALKS, template, palette):
        settle(tab)
        problems += axe_problems(tab, f"{PLACE} at step {name!r}, {width} width, {palette} colours")
    assert not problems, "\n".join(problems)


def test_no_sideways_scrolling_at_320px_at_any_step(tabs, site_server):
    tab = tabs.get("small phone")
    problems = []
    shown = []
    for name in views_on_walks(tab, site_server, VIEW_WALKS):
        shown.append(name)
        problems += sideways_scroll_problems(tab, f"{PLACE} at step {name!r}, 320px")
    assert sorted(shown) == sorted(name for name, _, _ in STATES), shown
    assert not problems, "\n".join(problems)


def test_sideways_check_catches_a_helper_wider_than_the_screen(browser, site_server):
    wide = lambda styles: styles + "\n.movement-helper__answer { width: 400px; }"
    with served_changed(browser, STYLES, wide, viewport={"width": 320, "height": 640}) as context:
        text = "\n".join(sideways_scroll_problems(open_helper(context.new_page(), site_server), PLACE))
    assert f"{PLACE}: The page scrolls sideways; too wide: button.movement-helper__answer" in text, text


# --- Without JavaScript, and on paper ---------------------------------------------------------

def test_without_javascript_the_plain_list_works_by_tapping(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_server + "movements/")
        assert tab.is_visible(".movement-helper__fallback") and tab.is_hidden(".movement-helper__app")
        tab.click('#movement-helper-feel a[href="#movement-helper-how-strong"]')
        assert tab.evaluate("location.hash") == "#movement-helper-how-strong"
        assert tab.is_visible("#movement-helper-cramp")
    finally:
        context.close()


def test_on_paper_only_the_title_and_the_printed_flow_show(tabs, site_server):
    """The buttons and the long plain list would push docs/movements.md to a third sheet
    (tests/test_print.py): on paper the short flow stands in for them
    (tests/test_movement_helper_print.py reads it back from the PDF)."""
    tab = open_helper(tabs.get("desktop"), site_server)
    tab.emulate_media(media="print")
    try:
        for part in (".movement-helper__app", ".movement-helper__fallback", ".movement-helper__intro"):
            assert tab.locator(f"{ROOT} {part}").first.is_hidden(), f"{part} prints, and would push the page to a third sheet"
        assert tab.is_visible(f"{ROOT} .movement-helper__print"), "the printed flow of the questions does not print"
        assert tab.is_visible("#movement-helper-title"), "the helper's title does not print"
    finally:
        tab.emulate_media(media="screen")
    assert tab.is_hidden(f"{ROOT} .movement-helper__print"), "the printed flow shows on screen as well"


def test_embedded_data_is_the_data_file(tabs, site_server):
    tab = open_helper(tabs.get("desktop"), site_server)
    embedded = json.loads(tab.text_content(".movement-helper__data"))
    assert embedded == json.loads(helper.embedded_data(DATA).replace("<\\/", "</"))


def urgent_leg_outcome_problems(tab, url) -> list[str]:
    """Tick the urgent leg, then answer the questions to "sounds most like a cramp": the outcome must
    keep the urgent advice first and offer no self-care (when-to-see-a-doctor: not an ordinary cramp)."""
    walk = next(w for w in helper.walks(DATA) if w.signs == ("one-leg-swollen",) and w.outcome == "cramp"
                and w.answers[0][1] == "no")
    open_helper(tab, url)
    go_to_state(tab, walk, len(walk.answers) + 1)
    problems = []
    if current_step(tab) != "cramp":
        return [f"{PLACE}: path {walk.describe()} ended at '{current_step(tab)}', not at 'cramp'."]
    view = tab.locator(f"{ROOT} .movement-helper__view")
    advice = view.locator('[data-sign="one-leg-swollen"]')
    if not advice.count() or "Urgent" not in advice.inner_text():
        problems.append(f"{PLACE}: path {walk.describe()}: the cramp outcome does not repeat the urgent advice "
                        "for the painful swollen leg the reader ticked.")
    if view.locator(".movement-helper__helps").count():
        problems.append(f"{PLACE}: path {walk.describe()}: the cramp outcome offers self-care (stretch, rub) "
                        "after the reader ticked an urgent sign.")
    return problems


def test_a_ticked_urgent_leg_keeps_its_advice_in_the_cramp_outcome(tabs, site_server):
    problems = urgent_leg_outcome_problems(tabs.get("desktop"), site_server)
    assert not problems, "\n".join(problems)


def test_urgent_leg_check_catches_an_outcome_that_forgets_the_ticked_sign(browser, site_server):
    forget = lambda script: re.sub(r"\b\w+\.signs ?\|\| ?\[\]", "[]", script)  # the outcome is told no sign was ticked
    with served_changed(browser, SCRIPT, forget) as context:
        text = "\n".join(urgent_leg_outcome_problems(context.new_page(), site_server))
    assert "does not repeat the urgent advice" in text and "offers self-care" in text, text


def test_the_ticked_signs_are_listed_most_urgent_first(tabs, site_server):
    """Ticked in list order (a GP sign above the urgent leg), the outcome still gives the urgent advice
    first, as when-to-see-a-doctor and the log order them."""
    tab = tabs.get("desktop")
    base = next(w for w in helper.walks(DATA) if w.signs == ("one-leg-swollen",) and w.outcome == "cramp"
                and w.answers[0][1] == "no")
    walk = dataclasses.replace(base, signs=("cramps-disturb-sleep", "one-leg-swollen"))
    open_helper(tab, site_server)
    go_to_state(tab, walk, len(walk.answers) + 1)
    order = tab.locator(f"{ROOT} .movement-helper__view [data-sign]").evaluate_all("els => els.map(e => e.dataset.sign)")
    assert order[:2] == ["one-leg-swollen", "cramps-disturb-sleep"], (
        f"{PLACE}: path {walk.describe()}: the outcome lists the ticked signs as {order}, so the urgent leg sits "
        "below a see-a-GP sign. List them most urgent first (movement-helper.js, adviceList).")
