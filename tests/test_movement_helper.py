"""The "Twitch, spasm or cramp?" helper's data, without a browser.

Every path through docs/assets/tools/movement-helper/questions.json is walked:
each ends at an outcome, sudden signs come first and lead to the emergency step,
warning signs come next and show their advice (at the care rules' level) before
any outcome, every outcome ends with the GP rule, nothing is unreachable, and no
outcome diagnoses or promises.
Each check is proven able to fail on a broken copy in tests/fixtures/movement-helper/.
The browser tests (test_movement_helper_browser.py) click the same paths.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, ROOT
from sitetools import care_rules
from sitetools import movement_helper as helper
from sitetools.problems import report

BROKEN = FIXTURES / "movement-helper"


@pytest.fixture(scope="module")
def data():
    return helper.load()


# --- The real data ------------------------------------------------------------------

def test_data_file_has_no_problems(data):
    problems = helper.check(data)
    assert not problems, report(problems)


def test_every_path_ends_at_an_outcome(data):
    walks = helper.walks(data)
    # 3 answers to the sudden signs (Yes and "not sure" pass the emergency step); then no sign,
    # each of the 11 signs alone, all of them, or "not sure"; then 9 ways through the questions.
    assert len(helper.question_walks(data)) == 9, [w.describe() for w in helper.question_walks(data)]
    assert len(walks) == 3 * 15 * 9
    stuck = [w.describe() for w in walks if w.outcome is None]
    assert not stuck, "These paths end nowhere:\n" + "\n".join(stuck)


def test_each_kind_and_the_unsure_outcome_are_reached(data):
    reached = {w.outcome for w in helper.question_walks(data)}
    assert reached == {"twitch", "spasm", "cramp", "not-sure"}, reached


def test_any_ticked_warning_sign_shows_its_advice_before_any_outcome(data):
    checked = 0
    for walk in helper.walks(data):
        for sign in walk.signs:
            advice = walk.shown.index(f"advice:{sign}")
            assert advice < walk.shown.index(walk.outcome), walk.describe()
            # ... and before any question about the kind of movement.
            assert all(step in ("sudden", "emergency", "emergency-now", "warning-signs") or step.startswith("advice:")
                       for step in walk.shown[:advice]), walk.describe()
            checked += 1
    assert checked == 3 * 12 * 2 * 9  # each sign ticked alone and with all the others


def test_the_helper_starts_with_the_sudden_signs_and_yes_or_unsure_shows_the_emergency_step_first(data):
    """A sudden sign is an emergency (NHS, Stroke): nothing, not even the GP signs, comes before 999."""
    start = data["steps"][data["start"]]
    assert start["type"] == "sudden", "The helper does not start with the sudden signs."
    rules = care_rules.load()
    emergency = [s["label"] for s in rules["signs"] if s["level"] == "emergency"]
    assert [s["text"] for s in start["signs"]] == emergency, "The sudden signs are not the care rules' emergency signs."
    for walk in helper.walks(data):
        answer = walk.answers[0][1]
        if answer in ("yes", helper.NOT_SURE):
            # Yes is an emergency, said as one; "I'm not sure" keeps the condition ("If you have any of these").
            wanted = "emergency-now" if answer == "yes" else "emergency"
            assert walk.shown[1] == wanted, f"{walk.describe()}: the emergency step is not shown first"
            step = data["steps"][wanted]
            assert step["card"] == "emergency" and "999" in step["text"][0]["text"], step
        else:
            assert not {"emergency", "emergency-now"} & set(walk.shown), walk.describe()
    assert data["steps"]["emergency-now"]["heading"] == "This is an emergency"
    assert data["steps"]["emergency"]["heading"].startswith("If "), "'I'm not sure' must not be told it is an emergency outright."


def test_the_first_question_does_not_ask_suddenly_of_the_leg_or_the_twitch(data):
    """NHS, DVT: one painful swollen leg with breathlessness or chest pain is an emergency however it came on,
    so "suddenly" belongs to each stroke sign's own words, not to the question; and the question says
    that a twitch or a cramp on its own is not one of these (a twitch always "comes on suddenly")."""
    start = data["steps"][data["start"]]
    assert "sudden" not in start["question"].lower(), start["question"]
    rules = care_rules.load()
    for sign in rules["signs"]:
        if sign["level"] == "emergency" and sign["onset"] == "sudden":
            assert "sudden" in sign["label"].lower(), f'{sign["id"]}: "{sign["label"]}" does not say it came on suddenly'
    assert "A twitch or a cramp on its own is not one of these" in start["hint"], start["hint"]
    assert "Fibro fog you have had for a long time does not count" in start["hint"], start["hint"]


def test_two_weeks_and_more_than_one_place_lead_to_the_gp_advice_before_any_sounds_most_like(data):
    for sign_id in ("twitch-two-weeks", "twitch-many-places"):
        walks = [w for w in helper.walks(data) if sign_id in w.signs]
        assert walks, f"No path lets a reader tick {sign_id}: the helper does not ask it."
        for walk in walks:
            assert walk.shown.index(f"advice:{sign_id}") < walk.shown.index(walk.outcome), walk.describe()
        sign = next(s for s in data["steps"]["warning-signs"]["signs"] if s["id"] == sign_id)
        assert sign["advice"]["card"].startswith("See a GP"), sign


def test_every_warning_sign_has_its_care_rules_level_and_card(data):
    """The helper's advice for a sign is the card that lists it on when-to-see-a-doctor, word for word."""
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    ticks = {tick["id"]: tick for tick in rules["log_signs"]}
    for sign in data["steps"]["warning-signs"]["signs"]:
        rule = signs[sign.get("sign", sign["id"])]  # a log tick asked with a kind: the sign the log meets
        card = care_rules.card_of(rules, rule["id"])
        assert sign["advice"]["card"] == card["heading"], sign["id"]
        assert sign["advice"]["item"] == rule["text"], sign["id"]
        assert sign["advice"]["href"] == f"when-to-see-a-doctor/#{card['id']}", sign["id"]
        if rule.get("if_sudden") and ticks.get(sign.get("tick"), rule).get("if_sudden"):
            # an emergency when sudden: never "not urgent" without "came on gradually" (stiffness never is)
            assert "came on gradually" in sign["advice"]["gradual"], sign["id"]


def test_every_outcome_ends_with_the_gp_rule(data):
    rule = care_rules.load()["gp_rule"]["text"]
    assert data["every_outcome"]["gp_rule"]["text"] == rule
    for walk in helper.walks(data):
        assert data["steps"][walk.outcome]["type"] == "outcome", walk.describe()


def test_no_step_is_unreachable(data):
    reached = {step for walk in helper.walks(data) for step in walk.shown}
    assert set(data["steps"]) <= reached, set(data["steps"]) - reached


def test_every_question_has_an_unsure_answer_that_ends_at_the_neutral_outcome(data):
    for sid, step in data["steps"].items():
        if step["type"] == "question":
            unsure = [a for a in step["answers"] if a["id"] == helper.NOT_SURE]
            assert len(unsure) == 1 and unsure[0]["text"] == "I'm not sure", sid
            assert data["steps"][unsure[0]["next"]]["kind"] is None, sid


def test_every_outcome_links_to_the_doctor_page_and_says_it_is_not_a_diagnosis(site, data):
    page = site.page("movements/index.html")
    for sid, step in data["steps"].items():
        if step["type"] != "outcome":
            continue
        shown = page.soup.select_one(f"#movement-helper-{sid}")
        assert shown is not None, f"docs/movements.md: the outcome {sid} is missing from the page's plain list"
        assert "not a diagnosis" in shown.get_text(), sid
        assert any(a["href"].rstrip("/").endswith("when-to-see-a-doctor") for a in shown.select("a[href]")), sid
        if step["kind"]:
            assert step["log"]["href"] == f"symptom-log/?kind={step['kind']}", sid


def test_outcomes_say_sounds_most_like_never_you_have_or_a_promise(data):
    for sid, step in data["steps"].items():
        if step["type"] != "outcome":
            continue
        if step["kind"]:
            assert step["heading"] == f"This sounds most like a {step['kind']}", sid
        for text in helper.outcome_texts(step) + [data["every_outcome"]["not_diagnosis"]]:
            for phrase in helper.FORBIDDEN:
                assert phrase not in text.lower(), f'{sid}: "{phrase}" in "{text}"'


def test_helper_text_reads_at_grade_8_or_lower(data):
    grade = helper.helper_grade(data)
    assert grade <= 8, f"grade {grade:.1f}"
    assert not helper.reading_problems(data), report(helper.reading_problems(data))


# --- Proven able to fail -------------------------------------------------------------

def broken_copy_problems(name: str) -> list[str]:
    return [str(p) for p in helper.check(helper.load(BROKEN / name), BROKEN / name)]


# Each broken copy in tests/fixtures/movement-helper/: how many faults the checks find in it, and
# what they must say (the misplaced start also leaves the sudden-sign, emergency and warning-sign
# steps unreachable, so it has 5). The copies whose faults are hazards have tests of their own
# below, named in hazard-log.md.
BROKEN_COPIES = [
    ("dead-end.json", 1, [
        'tests/fixtures/movement-helper/dead-end.json, line 138: In the question "joint" ("Does it make the '
        'joint move?"), the answer "Yes, the joint moves" leads nowhere: its "next" names "how-lnog"',
        'How to fix: Set its "next" to one of: cramp, emergency, feel, how-strong,']),
    ("no-link.json", 1, [
        'tests/fixtures/movement-helper/no-link.json, line 237: The outcome "spasm" ("This sounds most like a '
        'spasm") has no link to start a log entry of its kind. How to fix: Give it "log": {"text": '
        '"Start a log entry", "href": "symptom-log/?kind=spasm"}.']),
    ("sign-not-first.json", 5, [
        'tests/fixtures/movement-helper/sign-not-first.json, line 115: The helper starts with the question '
        '"feel" ("What do you feel?"), not with the sudden signs',
        'How to fix: Set "start" to "sudden", the sudden-sign check.']),
    ("hard-words.json", 1, [
        "tests/fixtures/movement-helper/hard-words.json, line 122: The helper's words are too hard to read"]),
]


@pytest.mark.parametrize("name, faults, said", BROKEN_COPIES, ids=[name for name, _, _ in BROKEN_COPIES])
def test_each_broken_copy_is_named_with_its_fault_and_fix(name, faults, said):
    """A dead end, an outcome with no log link, signs that do not come first, hard words: each named
    with its file, line and fix, and nothing else found in that copy."""
    problems = broken_copy_problems(name)
    text = "\n".join(problems)
    for expected in said:
        assert expected in text, text
    assert len(problems) == faults, text


# The hazards' own fail-proof tests (hazard-log.md names them): one fault each, named with its fix.

def test_yes_to_a_sudden_sign_that_skips_the_emergency_step_is_named():
    [problem] = broken_copy_problems("no-emergency.json")
    assert ('tests/fixtures/movement-helper/no-emergency.json, line 12: In the question "sudden" ("First, has any of '
            'this come on suddenly, over minutes or hours?"), the answer "Yes" does not lead to the emergency step') \
        in problem, problem


def test_a_sign_given_another_level_than_the_care_rules_is_named():
    [problem] = broken_copy_problems("wrong-level.json")
    assert problem.startswith(
        'tests/fixtures/movement-helper/wrong-level.json, line 58: In the question "warning-signs" ("Next, do you '
        'have any of these?"), the warning sign "One painful leg that is swollen, warm or red" is given the advice '
        '"See a GP (not urgent) if your cramps", but the care rules put it on the card "Urgent: ask for a GP '
        'appointment today, or call NHS 111 in the UK, if you have" (level "urgent").'), problem


def test_weak_or_stiff_asked_as_one_or_a_tick_with_no_source_for_its_kind_is_named():
    """The log asks weakness and stiffness apart (care rules' log_signs): the helper must too."""
    problems = broken_copy_problems("weak-or-stiff.json")
    text = "\n".join(problems)
    assert len(problems) == 3, text  # the two faults below, and "stiff" asked twice with a cramp named once more
    assert ('tests/fixtures/movement-helper/weak-or-stiff.json, line 80: In the question "warning-signs" ("Next, do you '
            'have any of these?"), the warning sign "The area feels weak or stiff" is one the symptom log no longer '
            'offers ("weak-or-stiff")') in text, text
    assert ('the warning sign "A cramping muscle feels stiff" asks the tick "stiff" with a cramp, for which no source '
            'gives advice') in text, text


def test_each_of_the_logs_ticks_the_helper_asks_gets_the_logs_sign_and_came_on_gradually_only_where_the_log_says(data):
    """Same tick, same advice: the sign the log meets for that tick and kind, at its level and source,
    with "came on gradually" only for a tick that is an emergency when sudden (weak, not stiff).
    tests/js/helper-and-log.test.mjs runs the log's own notices on each of them."""
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    ticks = {tick["id"]: tick for tick in rules["log_signs"]}
    asked = [s for s in data["steps"]["warning-signs"]["signs"] if "tick" in s]
    assert {(s["tick"], s["kind"]) for s in asked} >= {("weak", "twitch"), ("stiff", "twitch")}, asked
    for sign in asked:
        tick = ticks[sign["tick"]]
        met = signs[tick["for"][sign["kind"]]]
        assert sign["level"] == met["level"], sign
        assert sign["advice"]["source"] == rules["sources"][met["source"]]["title"], sign
        assert ("gradual" in sign["advice"]) == bool(tick.get("if_sudden")), sign
    assert "The area feels weak or stiff" not in [s["text"] for s in data["steps"]["warning-signs"]["signs"]]


def test_outcomes_without_the_gp_rule_are_named():
    [problem] = broken_copy_problems("no-gp-rule.json")
    assert "tests/fixtures/movement-helper/no-gp-rule.json: The outcomes do not end with the GP rule" in problem, problem


# --- One source: the page's plain list is generated from the data -------------------------

def test_the_plain_list_on_the_page_is_up_to_date(data):
    expected = helper.render_fallback(data)
    actual = helper.FALLBACK_FILE.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{helper.relative_name(helper.FALLBACK_FILE)} is out of date with {helper.relative_name(helper.DATA_FILE)}. "
        "How to fix: run ./scripts/movement-helper and commit the file it changes.")


def test_the_generator_exits_1_when_it_changes_the_file(tmp_path):
    """The FastAPI habit: a stale copy fails CI. Shown on a copy of the files."""
    data_file, fallback = tmp_path / "questions.json", tmp_path / "movement-helper.html"
    shutil.copy(helper.DATA_FILE, data_file)
    shutil.copy(helper.FALLBACK_FILE, fallback)
    assert helper.update_fallback(data_file, fallback) == ([], False)
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("What do you feel?", "What do you notice?"),
                         encoding="utf-8")
    assert helper.update_fallback(data_file, fallback) == ([], True)
    assert "What do you notice?" in fallback.read_text(encoding="utf-8")
    assert helper.update_fallback(data_file, fallback) == ([], False)
    broken = BROKEN / "dead-end.json"
    problems, changed = helper.update_fallback(broken, fallback)
    assert problems and not changed, "a broken data file must not be written out"


def test_the_plain_list_shows_every_question_and_answer(site, data):
    page = site.page("movements/index.html")
    root = page.soup.select_one('[data-module="movement-helper"]')
    assert root is not None, "docs/movements.md: the helper is missing (template: movements.html)"
    text = " ".join(root.select_one(".movement-helper__fallback").get_text(" ").split())
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+([.,;:!?)])", r"\1", text))  # spaces a tooltip mark left
    for sid, step in data["steps"].items():
        for answer in step.get("answers", []):
            if step["type"] == "question" or answer["id"] == helper.NOT_SURE:  # else "None of these", "Then go to"
                assert answer["text"].rstrip(".") in text, f"{sid}: {answer['text']}"
        for sign in step.get("signs", []):
            assert (sign["advice"]["item"] if "advice" in sign else sign["text"]) in text, sign["id"]
    # Each answer's link leads to a question or outcome on the page.
    ids = {el["id"] for el in root.select("[id]")}
    for link in root.select('.movement-helper__fallback a[href^="#"]'):
        assert link["href"][1:] in ids, link


def test_each_outcome_on_the_page_ends_with_the_gp_rule_and_names_the_doctor_page_once(site, data):
    """Issue: the outcome said "when to see a doctor" three times in one line."""
    page = site.page("movements/index.html")
    rule = care_rules.load()["gp_rule"]["text"]
    for sid, step in data["steps"].items():
        if step["type"] != "outcome":
            continue
        shown = page.soup.select_one(f"#movement-helper-{sid}")
        last = shown.select("p")[-1].get_text(" ")
        assert rule in " ".join(last.split()), f"docs/movements.md: the outcome {sid} does not end with the GP rule"
        said = shown.get_text(" ").lower().count("when to see a doctor")
        assert said == 1, f"docs/movements.md: the outcome {sid} says 'when to see a doctor' {said} times"


def test_the_embedded_data_is_the_data_file(site, data):
    import json
    page = site.page("movements/index.html")
    embedded = json.loads(page.soup.select_one(".movement-helper__data").string)
    assert embedded["steps"].keys() == data["steps"].keys()
    assert json.dumps(embedded, sort_keys=True) == helper.embedded_data(data).replace("<\\/", "</") or \
        embedded == json.loads(helper.embedded_data(data))


def test_script_and_styles_load_on_the_movements_page_only(site):
    for page in site.pages:
        files = [tag.get("src") or tag.get("href") for tag in page.soup.select("script[src], link[href]")]
        mine = [f for f in files if "movement-helper" in f]
        if page.rel == "movements/index.html":
            assert len(mine) == 2, mine
        else:
            assert not mine, f"{page.rel} loads {mine}"


# --- The helper says what the site's pages say ---------------------------------------------

def page_words(path) -> str:
    """A Markdown page as plain words: no markup, links or attribute lists."""
    text = (ROOT / path).read_text(encoding="utf-8")
    text = re.sub(r"\]\([^)]*\)|\{[^}]*\}|[*_`#>\[\]]|^\s*(?:[-!]|\d+\.)\s*", " ", text, flags=re.M)
    return " ".join(text.split()).lower()


def test_every_mirrored_text_is_still_on_its_page(data):
    """Advice and descriptions copy the pages' words (the "mirrors" fields). When a page is
    rewritten, this names each helper text to bring back in step."""
    problems = []
    for page, text, where in helper.mirrored_texts(data):
        words = " ".join(re.sub(r"[*_`]", " ", text).split()).lower()
        if words not in page_words(page):
            problems.append(f'{helper.relative_name(helper.DATA_FILE)} ({where}): "{text}" is not on {page}. '
                            f"How to fix: copy the page's new wording into the helper's data (or the other way "
                            "round), then run ./scripts/movement-helper.")
    assert not problems, "\n".join(problems)


def test_mirror_check_catches_a_page_that_changed(data):
    changed = {**data, "steps": {**data["steps"], "twitch": {**data["steps"]["twitch"], "means": [
        {"text": "A twitch is a tiny dance of the muscle.", "mirrors": "docs/movements.md"}]}}}
    with pytest.raises(AssertionError, match=r'\(twitch > means\): "A twitch is a tiny dance of the muscle\." is not '
                                             r"on docs/movements\.md"):
        test_every_mirrored_text_is_still_on_its_page(changed)


def test_words_that_diagnose_or_promise_and_a_loop_are_named(data):
    import copy
    broken = copy.deepcopy(data)
    broken["steps"]["twitch"]["means"][0]["text"] = "You have a twitch. It will stop soon."
    broken["steps"]["hurts"]["answers"][0]["next"] = "feel"  # "No" goes back to the first question
    text = "\n".join(str(p) for p in helper.check(broken))
    assert 'The outcome "twitch" ("This sounds most like a twitch") says "you have"' in text, text
    assert 'says "will stop"' in text, text
    assert "This path goes round in a loop and never ends" in text, text


# --- A short cramp is still a cramp ------------------------------------------------------------

DURATION = re.compile(r"\b(short|long|longer|seconds?|minutes?|time)\b", re.I)


def short_cramp_problems(data) -> list[str]:
    """The NHS says a leg cramp can last from a few seconds: an answer that tells a spasm from a
    cramp by how long it lasts would call a short cramp a spasm."""
    problems = []
    for sid, step in data["steps"].items():
        for answer in step.get("answers") or []:
            if answer.get("next") in ("spasm", "cramp") and DURATION.search(answer["text"]):
                problems.append(f'{helper.relative_name(helper.DATA_FILE)} ({sid} > {answer["id"]}): the answer '
                                f'"{answer["text"]}" tells a {answer["next"]} by how long it lasts, so a short cramp '
                                "would be called a spasm. How to fix: ask how strong it is, not how long.")
    return problems


# "lasts longer than a spasm" as a rule, not "often": the diary, the log's kind chooser, image text.
CRAMP_LONGER = re.compile(r"(?<!often )\b(?:lasts|for) longer than an? ", re.I)
CRAMP_TEXT_FILES = ("docs/*.md", "overrides/partials/*.html", "docs/images/*.svg")


def cramp_length_problems(files) -> list[str]:
    """Words that tell a cramp by lasting longer than a spasm, wherever a reader meets them."""
    problems = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"cramp", line, re.I) and CRAMP_LONGER.search(line):
                problems.append(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}, line {number}: "
                                "says a cramp lasts longer than a spasm, so a short cramp would be called a spasm. "
                                'How to fix: say how strong it is, and that it may last seconds or minutes (NHS).')
    return problems


def test_no_page_partial_or_picture_says_a_cramp_lasts_longer_than_a_spasm():
    files = [f for pattern in CRAMP_TEXT_FILES for f in sorted(ROOT.glob(pattern))]
    assert not cramp_length_problems(files), "\n".join(cramp_length_problems(files))


def test_the_cramp_length_check_catches_the_diary_words(tmp_path):
    page = tmp_path / "symptom-diary.md"
    page.write_text("- **Cramp:** a stronger grip on the muscle that lasts longer than a spasm.\n", encoding="utf-8")
    text = "\n".join(cramp_length_problems([page]))
    assert "symptom-diary.md, line 1: says a cramp lasts longer than a spasm" in text, text


def test_a_short_cramp_is_not_told_from_a_spasm_by_how_long_it_lasts(data):
    assert not short_cramp_problems(data), "\n".join(short_cramp_problems(data))
    assert "a few seconds" in page_words("docs/movements.md"), "docs/movements.md no longer says a cramp can be short"


def test_the_short_cramp_check_catches_a_question_about_length(data):
    import copy
    broken = copy.deepcopy(data)
    broken["steps"]["how-strong"]["answers"][0]["text"] = "A short time. The muscle feels tight or knotted, then lets go."
    text = "\n".join(short_cramp_problems(broken))
    assert '(how-strong > knot): the answer "A short time.' in text and "a short cramp would be called a spasm" in text, text


# --- The printed flow says no more than the screen ---------------------------------------------

def printed_sudden_answers(data) -> dict[str, str]:
    from bs4 import BeautifulSoup
    flow = BeautifulSoup("\n".join(helper.render_print(data)), "html.parser")
    first = flow.select_one(".movement-helper__flow > li")
    return {" ".join(li.get_text(" ").split()).split(" → ")[0]: " ".join(li.get_text(" ").split())
            for li in first.select("ul")[-1].select("li")}


def test_the_printed_flow_says_not_sure_in_the_screens_words(data):
    """Yes prints the call; "I'm not sure" prints the emergency step's heading first ("If any of these
    came on suddenly"), never a bare "Call 999" the screen does not say."""
    answers = printed_sudden_answers(data)
    heading = data["steps"]["emergency"]["heading"]
    assert answers["Yes"].split(" → ")[1].startswith("Call 999"), answers
    assert answers["I'm not sure"].split(" → ")[1].startswith(heading), answers


def printed_levels(data) -> list[tuple[str, str]]:
    """(sign, the level printed after it) for Question 2 of the printed flow."""
    from bs4 import BeautifulSoup
    flow = BeautifulSoup("\n".join(helper.render_print(data)), "html.parser")
    item = flow.select(".movement-helper__flow > li")[1]
    pairs = []
    for group in item.find_all("ul", recursive=False):
        level = group.find_next_sibling("strong").get_text(" ")
        pairs += [(li.get_text(" "), level) for li in group.select("li")]
    return pairs


def test_the_printed_flow_names_the_sign_that_is_an_emergency_when_sudden(data):
    """NHS, Stroke: sudden weakness or numbness, or slurred speech, is the emergency; sudden stiffness or
    trouble swallowing alone is not. Paper says no more than the screen: it names the sign."""
    pairs = printed_levels(data)
    assert pairs, "Question 2 of the printed flow lists no signs."
    for sign, level in pairs:
        if "999" in level and "came on gradually" in level:
            assert re.search(r"If (weakness|numbness|a loss of feeling|weakness or numbness|slurred speech) comes on suddenly", level), (sign, level)
        assert "If suddenly" not in level, (sign, level)


def test_the_printed_flow_gives_the_urgent_legs_step_up_to_999(data):
    step_up = care_rules.signs_by_id(care_rules.load())["one-leg-swollen"]["step_up"].rstrip(".")
    level = dict(printed_levels(data))["One painful leg that is swollen, warm or red"]
    assert step_up in level, level


def test_a_cramp_or_unsure_outcome_gives_the_nhs_cramp_signs_to_see_a_gp(data):
    """The GP rule every outcome ends with is about twitches; NHS, Leg cramps: see a GP if cramps
    disturb your sleep or one lasts longer than 10 minutes. The cramps card's own sentence, word for word."""
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    card = care_rules.card_of(rules, "cramps-disturb-sleep")
    wanted = f'{card["heading"]} {signs["cramps-disturb-sleep"]["text"]}, or {signs["long-cramp"]["text"]}.'
    for sid in ("cramp", "not-sure"):
        assert data["steps"][sid]["gp_signs"]["text"] == wanted, data["steps"][sid].get("gp_signs")
    broken = helper.load()
    del broken["steps"]["cramp"]["gp_signs"]
    text = "\n".join(str(p) for p in helper.check(broken))
    assert 'The outcome "cramp" ("This sounds most like a cramp") does not give the NHS cramp signs' in text, text


def test_the_plain_list_ends_each_signs_advice_before_its_sudden_line(data):
    """"the part that twitches feels weak or stiff. This is for a sign that came on gradually": two sentences."""
    text = helper.render_fallback(data)
    for sign in data["steps"]["warning-signs"]["signs"]:
        if sign["advice"].get("gradual"):
            assert f'{sign["advice"]["item"]}. {sign["advice"]["gradual"]}' in text, sign["id"]
