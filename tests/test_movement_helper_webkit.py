"""The "Twitch, spasm or cramp?" helper in WebKit, the engine of every iPhone browser.

The warning-sign path and one path to each outcome, from the same data file
the Chromium tests walk (test_movement_helper_browser.py walks every path):
each ends at the outcome the data says, focus moves to each new question, and
the browser's Back button steps back one question. Proven able to fail on a
copy of the page whose data sends "Longer." to the spasm outcome.
"""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sitetools import movement_helper as helper

pytestmark = pytest.mark.webkit

WAIT = 15  # seconds; WebKit under Xvfb on a busy shared machine can be slow
DATA = helper.load()
STEPS = DATA["steps"]
ROOT = '[data-module="movement-helper"]'
PLACE = "docs/assets/tools/movement-helper/ in WebKit (page /movements/)"


def one_path_to_each_outcome() -> list[helper.Walk]:
    chosen: dict[str, helper.Walk] = {}
    for walk in helper.question_walks(DATA):
        chosen.setdefault(walk.outcome, walk)
    return list(chosen.values())


def warning_sign_path() -> helper.Walk:
    """A cramp that lasts more than 10 minutes, then the questions to the cramp outcome."""
    return next(w for w in helper.walks(DATA) if w.signs == ("long-cramp",) and w.outcome == "cramp")


WALKS = [warning_sign_path()] + one_path_to_each_outcome()


def step_is(webkit, name: str) -> bool:
    try:
        WebDriverWait(webkit, WAIT).until(
            lambda driver: driver.execute_script(f"return document.querySelector('{ROOT}').dataset.step") == name)
        return True
    except TimeoutException:
        return False


def open_helper(webkit, url: str):
    webkit.get(url + "movements/")
    WebDriverWait(webkit, WAIT).until(
        lambda driver: driver.execute_script(f"return !!document.querySelector('{ROOT}[data-movement-helper-started]')"))


def click(webkit, text: str):
    buttons = [b for b in webkit.find_elements(By.CSS_SELECTOR, f"{ROOT} .movement-helper__view button")
               if b.text.strip() == text]
    assert buttons, f'{PLACE}: no button "{text}" on screen'
    buttons[0].click()


def focus_on_heading(webkit) -> bool:
    return webkit.execute_script("return document.activeElement.classList.contains('movement-helper__heading')")


def walk_problems(webkit, walk: helper.Walk) -> list[str]:
    where = f"{PLACE}, path {walk.describe()}"
    for step_id, answer_id in walk.answers:
        if not step_is(webkit, step_id):
            return [f"{where}: expected the question {step_id!r}, but WebKit shows "
                    f"{webkit.execute_script(f'return document.querySelector({ROOT!r}).dataset.step')!r}."]
        step = STEPS[step_id]
        answer = next(a for a in step["answers"] if a["id"] == answer_id)
        if step["type"] == "signs" and answer_id != helper.NOT_SURE:
            for sign in walk.signs:
                webkit.find_element(By.CSS_SELECTOR, f"#movement-helper-0-sign-{sign}").click()
        click(webkit, answer["text"])
        if step["type"] == "signs" and walk.signs:
            if not step_is(webkit, f"{step_id}:advice"):
                return [f"{where}: the advice for the ticked signs did not show first."]
            shown = webkit.execute_script(
                "return [...document.querySelectorAll('.movement-helper__advice-item')].map(el => el.dataset.sign)")
            if shown != helper.said_once(list(walk.signs), step):
                return [f"{where}: the advice shown is for {shown}, not {helper.said_once(list(walk.signs), step)}."]
            click(webkit, step["go_on"])
        if not focus_on_heading(webkit):
            return [f"{where}: focus did not move to the new question after \"{answer['text']}\"."]
    if not step_is(webkit, walk.outcome):
        shown = webkit.execute_script(f"return document.querySelector('{ROOT}').dataset.step")
        return [f"{where}: the helper ends at {shown!r}, but the data says {walk.outcome!r}."]
    heading = webkit.find_element(By.CSS_SELECTOR, ".movement-helper__heading").text.strip()
    status = webkit.execute_script("return document.querySelector('.movement-helper__status').textContent")
    if heading != STEPS[walk.outcome]["heading"] or heading not in status:
        return [f'{where}: the outcome shows "{heading}" and announces "{status}".']
    return []


@pytest.mark.parametrize("walk", WALKS, ids=[w.describe() for w in WALKS])
def test_path_in_webkit_gives_the_outcome_the_data_says(webkit, site_server, walk):
    open_helper(webkit, site_server)
    problems = walk_problems(webkit, walk)
    assert not problems, "\n".join(problems)


def test_webkit_paths_cover_the_warning_signs_and_every_outcome():
    assert {w.outcome for w in WALKS} == {"twitch", "spasm", "cramp", "not-sure"}
    assert any(w.signs for w in WALKS)


def test_back_in_webkit_steps_back_one_question(webkit, site_server):
    open_helper(webkit, site_server)
    click(webkit, "No")
    click(webkit, "Continue")
    click(webkit, STEPS["feel"]["answers"][0]["text"])
    assert step_is(webkit, "joint")
    webkit.back()
    assert step_is(webkit, "feel"), f"{PLACE}: the browser's Back button did not show the question before."
    assert focus_on_heading(webkit)
    click(webkit, "Start over")
    assert step_is(webkit, DATA["start"])


def test_webkit_path_check_catches_a_wrong_turn(webkit, site_server):
    """The page's embedded data changed in the browser before the helper starts again."""
    open_helper(webkit, site_server)
    webkit.execute_script(f"""
        const root = document.querySelector('{ROOT}');
        const copy = root.cloneNode(true);
        copy.removeAttribute('data-movement-helper-started');
        copy.classList.remove('movement-helper--started');
        copy.querySelector('.movement-helper__app').replaceChildren();
        const data = copy.querySelector('.movement-helper__data');
        data.textContent = data.textContent.replace('"next":"cramp"', '"next":"spasm"');
        root.replaceWith(copy);
        const script = document.createElement('script');
        script.src = [...document.scripts].find(s => /movement-helper\\.js/.test(s.src)).src + '?again';
        document.body.appendChild(script);""")
    WebDriverWait(webkit, WAIT).until(
        lambda driver: driver.execute_script(f"return !!document.querySelector('{ROOT}[data-movement-helper-started]')"))
    walk = next(w for w in helper.question_walks(DATA) if w.outcome == "cramp")
    text = "\n".join(walk_problems(webkit, walk))
    assert "the helper ends at 'spasm', but the data says 'cramp'" in text, text
