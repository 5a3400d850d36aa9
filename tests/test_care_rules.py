"""The care rules: one set of signs and levels, and every place that gives the advice agrees.

docs/assets/tools/care-rules/care-rules.json gives each sign its level (emergency, urgent the
same day, see a GP, see a doctor). The cards on when-to-see-a-doctor are written from it
(./scripts/care-cards), the movement helper reads it (test_movement_helper.py), and the
content check check_care_advice (sitetools/checks/care_advice.py, run on every page by
test_content.py) proves the pages' own sentences agree. Each check is proven able to fail on a
broken copy in tests/fixtures/care-rules/ and tests/fixtures/care-advice/.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, fixture_site
from sitetools import care_rules
from sitetools.checks.care_advice import check_care_advice
from sitetools.problems import report


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


# --- The data ---------------------------------------------------------------------------

def test_the_care_rules_have_no_problems():
    problems = care_rules.check(care_rules.load())
    assert not problems, report(problems)


def test_each_sign_is_at_the_level_its_source_gives():
    """reference-facts.md, 'Where the sources meet': the three levels, each from its source;
    the Mayo Clinic signs have none of their own ("see a doctor")."""
    by_source = {"nhs-stroke": {"emergency"}, "nhs-dvt": {"emergency", "urgent"}, "nhs-twitching": {"gp"},
                 "nhs-mnd": {"gp"}, "nhs-leg-cramps": {"gp"}, "medlineplus-twitching": {"doctor"},
                 "mayo-cramp": {"doctor"}}
    for sign in care_rules.load()["signs"]:
        assert sign["level"] in by_source[sign["source"]], \
            f'{sign["id"]}: {sign["source"]} gives no "{sign["level"]}" level'


def test_the_ids_the_tools_use_today_are_kept():
    ids = set(care_rules.signs_by_id(care_rules.load()))
    assert {"weak-or-stiff", "feeling-change", "thinner-muscles", "speech-or-swallowing", "long-cramp"} <= ids


def test_a_sign_at_another_level_than_its_card_is_named():
    path = FIXTURES / "care-rules" / "wrong-level.json"
    text = messages(care_rules.check(care_rules.load(path), path))
    assert ('tests/fixtures/care-rules/wrong-level.json, line 105: The sign "long-cramp" (A cramp that lasts more than '
            '10 minutes) is at the level "urgent", but it is listed on the "cramps" card, which is at the level "gp".'
            ) in text, text


def test_the_came_on_gradually_line_names_the_sudden_signs_and_no_others():
    """No source makes a twitch in more than one place, or a cramp, an emergency when sudden: the
    line beside a card names only the signs that are (their if_sudden), and only where they are listed."""
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    for card in rules["cards"]:
        text = care_rules.render_card(rules, card)
        gradual = [s for s in card["signs"] if signs[s].get("if_sudden")]
        assert ("came on gradually" in text) == bool(gradual) or card["level"] == "emergency", card["id"]
        assert "If one comes on suddenly" not in text, card["id"]
    assert care_rules.sudden_names(rules, ["speech-or-swallowing", "leg-weakness"]) == "slurred speech or weakness"
    general = json.loads(json.dumps(rules))
    general["gradual_rule"]["card"] = "For signs that came on gradually. If one comes on suddenly, it is an emergency."
    text = messages(care_rules.check(general))
    assert 'The "gradual_rule" "card" sentence names no sign' in text, text
    general["gradual_rule"]["print"] = "if it came on gradually. If suddenly: call 999"
    text = messages(care_rules.check(general))
    assert 'The "gradual_rule" "print" sentence names no sign' in text, text


def test_the_came_on_gradually_line_names_only_the_cards_own_signs():
    """A cramps card with numbness but no weakness says "numbness", not "weakness or numbness":
    each sign names its own words (its "sudden_name"), taken from its emergency sign's."""
    rules = care_rules.load()
    cards = {card["id"]: care_rules.render_card(rules, card) for card in rules["cards"]}
    assert "On this card, numbness is the kind" in cards["cramps"], cards["cramps"]
    assert "On this card, weakness is the kind" in cards["twitch"], cards["twitch"]
    assert "On this card, weakness or slurred speech is the kind" in cards["nerve-signs"], cards["nerve-signs"]
    assert "On this card, a loss of feeling is the kind" in cards["twitch-doctor"], cards["twitch-doctor"]


def test_every_cards_came_on_gradually_line_says_its_signs_in_their_own_words():
    """The twitch-doctor card lists "a loss or change of feeling": its line must not say "numbness"."""
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    for sign in signs.values():
        for name in sign.get("sudden_name") or [] if sign.get("if_sudden") else []:
            assert care_rules.says_in_own_words(sign, name), (sign["id"], name)


def test_a_gradual_line_word_the_signs_own_words_do_not_say_is_named():
    broken = json.loads(json.dumps(care_rules.load()))
    care_rules.signs_by_id(broken)["feeling-change"]["sudden_name"] = ["numbness"]
    text = messages(care_rules.check(broken))
    assert ('The sign "feeling-change" (A change or loss of feeling) is called "numbness" in its card\'s "came on '
            'gradually" line, but its own words ("a loss or change of feeling as well as twitching") do not say that'
            ) in text, text
    assert "care-rules.json" in text, text


def test_a_sign_that_names_words_its_emergency_sign_does_not_is_named():
    broken = json.loads(json.dumps(care_rules.load()))
    signs = care_rules.signs_by_id(broken)
    signs["cramp-numb-or-swollen"]["sudden_name"] = ["swelling"]
    del signs["weak-grip"]["sudden_name"]
    text = messages(care_rules.check(broken))
    assert ('The sign "cramp-numb-or-swollen" (Cramps with numbness or swelling in your legs) says "swelling" is an '
            'emergency when sudden, but its "if_sudden" sign "sudden-weakness" does not name it') in text, text
    assert 'The sign "weak-grip" (A weak grip) has an "if_sudden" but no "sudden_name" of its own' in text, text


def test_a_log_sign_that_calls_999_where_its_rule_does_not_is_named():
    """A broken copy: one swollen leg made the emergency when sudden, a kind left out, an unknown sign.
    (That stiffness is never the emergency is tests/js/log-signs.test.mjs: its rule, weak or stiff, is.)"""
    broken = care_rules.load()
    ticks = {tick["id"]: tick for tick in broken["log_signs"]}
    ticks["one-leg-swollen"]["if_sudden"] = "sudden-weakness"
    del ticks["weak"]["for"]["spasm"]
    ticks["thinner-muscles"]["for"]["cramp"] = "thin-cramp"
    text = messages(care_rules.check(broken))
    assert 'The log sign "one-leg-swollen" (One painful leg that is swollen, warm or red) is the emergency ' \
           '"sudden-weakness" when sudden, but not every ' \
           "sign it meets says so" in text, text
    assert 'The log sign "weak" (The area feels weak) does not say which sign it meets with a spasm.' in text, text
    assert 'The log sign "thinner-muscles" (Muscles look thinner) meets "thin-cramp" with a cramp, which is not in "signs".' \
        in text, text


def test_the_came_on_gradually_line_does_not_make_the_whole_card_conditional():
    """On the cramps card, cramps that wake you are a reason to see a GP with no weakness at all:
    the line is about the sudden signs it names, never "this card applies" only if they came on gradually."""
    rules = care_rules.load()
    for card in rules["cards"]:
        text = care_rules.render_card(rules, card)
        assert "this card applies" not in text, card["id"]
        if care_rules.needs_gradual_note(rules, card):
            assert re.search(r"On this card, [a-z ,]+ is the kind that came on gradually\.",
                             text), text


def test_the_emergency_card_says_its_sudden_signs_are_new_ones():
    """Fibro fog and dizziness are daily for many readers: the NHS stroke signs are ones that come on suddenly."""
    rules = care_rules.load()
    card = next(c for c in rules["cards"] if c["id"] == "emergency")
    text = care_rules.render_card(rules, card)
    assert "They count only when they are new to you. Fibro fog you have had for a long time does not." in text, text


def test_the_see_a_doctor_card_for_long_lasting_twitches_keeps_the_gp_rule():
    """MedlinePlus's "twitches that go on for a long time" beside "see a GP once; go back for a new sign"."""
    rules = care_rules.load()
    card = next(c for c in rules["cards"] if c["id"] == "twitch-doctor")
    assert "Go back if your GP asks you to, or a new sign appears" in care_rules.render_card(rules, card)


# --- The cards on when-to-see-a-doctor are generated from it -----------------------------------

def test_the_cards_are_up_to_date():
    rules = care_rules.load()
    for card in rules["cards"]:
        path = care_rules.snippet_path(card)
        assert path.is_file() and path.read_text(encoding="utf-8") == care_rules.render_card(rules, card), (
            f"{care_rules.relative_name(path)} is out of date with {care_rules.relative_name(care_rules.DATA_FILE)}. "
            "How to fix: run ./scripts/care-cards and commit the files it changes.")


def test_the_card_writer_exits_1_when_it_changes_a_card(tmp_path):
    data_file, folder = tmp_path / "care-rules.json", tmp_path / "cards"
    shutil.copy(care_rules.DATA_FILE, data_file)
    problems, changed = care_rules.update_snippets(data_file, folder)
    assert not problems and len(changed) == len(care_rules.load()["cards"])
    assert care_rules.update_snippets(data_file, folder) == ([], [])
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("disturb your sleep", "keep you awake"),
                         encoding="utf-8")
    assert care_rules.update_snippets(data_file, folder) == ([], [folder / "cramps.md"])
    broken = FIXTURES / "care-rules" / "wrong-level.json"
    problems, changed = care_rules.update_snippets(broken, folder)
    assert problems and not changed, "broken care rules must not be written out"


def test_the_page_includes_every_card(site):
    page = site.page("when-to-see-a-doctor/index.html")
    source = page.source.read_text(encoding="utf-8")
    for card in care_rules.load()["cards"]:
        assert f'--8<-- "care-cards/{card["id"]}.md"' in source, f'docs/when-to-see-a-doctor.md does not include the card "{card["id"]}"'
        assert page.soup.select_one(f'#{card["id"]}'), f'docs/when-to-see-a-doctor.md has no anchor #{card["id"]}'


def test_emergency_and_urgent_cards_come_first_and_say_the_numbers(site):
    page = site.page("when-to-see-a-doctor/index.html")
    cards = [" ".join(box.get_text(" ").split()) for box in page.soup.select("article .admonition")
             if "Key points" not in box.get_text()]
    assert cards[0].startswith("Emergency:") and all(n in cards[0] for n in ("999", "911", "local emergency number"))
    assert cards[1].startswith("Urgent:") and "today" in cards[1] and "111" in cards[1]


# --- The pages agree with it (check_care_advice, on every page in test_content.py) ----------------

def test_the_care_advice_check_names_each_fault_with_its_page_and_sign():
    text = messages(check_care_advice(fixture_site("care-advice")))
    for expected in (
        'managing/index.html: This sentence names "A twitch in the same place for more than 2 weeks" and says see a '
        'doctor, but the care rules give it the level "see a GP"',
        'when-to-see-a-doctor/index.html: There is no urgent card',
        'when-to-see-a-doctor/index.html: The card "See a GP (not urgent) if you have" lists "Sudden slurred speech" at '
        'the level "see a GP", but the care rules give it "an emergency (call 999)".',
        'when-to-see-a-doctor/index.html: The card "Non-urgent: see a GP if you have" says "not urgent" for "Trouble '
        'speaking or swallowing", which is an emergency when it comes on suddenly, but it does not say "came on gradually".',
        'understanding/index.html: The page names "weakness" but the same section does not say what to do if it '
        'comes on suddenly',
        'mechanisms/index.html: The page names "weakness" but the same section does not say what to do if it comes '
        'on suddenly',
        'symptom-diary/index.html: The diary does not name the new sign "A weak grip"',
    ):
        assert expected in text, f"Expected the check to say {expected!r}; it said:\n{text}"
    assert len(text.splitlines()) == 7, text


def test_the_helper_on_the_page_gives_each_sign_its_card(site):
    """The helper's embedded data (what the script shows) carries each care-rules card heading."""
    import json
    page = site.page("movements/index.html")
    embedded = json.loads(page.soup.select_one(".movement-helper__data").string)
    rules = care_rules.load()
    signs = care_rules.signs_by_id(rules)
    for step in embedded["steps"].values():
        for sign in step.get("signs") or []:
            if step["type"] == "signs":
                card = care_rules.card_of(rules, sign.get("sign", sign["id"]))
                assert sign["advice"]["card"] == card["heading"], f"docs/movements.md (helper): {sign['id']}"
            else:
                assert signs[sign["id"]]["level"] == "emergency", f"docs/movements.md (helper): {sign['id']}"


# --- The flow picture (docs/images/what-to-do.svg) gives each sign its level -------------------

FLOW_PICTURE = ROOT / "docs" / "images" / "what-to-do.svg"


def flow_picture_problems(path) -> list[str]:
    """What the picture on understanding, when-to-see-a-doctor and could-it-be-mnd must say, in the
    care rules' levels: the leg with breathlessness is an emergency whenever it came on (NHS, DVT: no
    onset), so the first question does not ask "suddenly" (a reader reads "it" as their twitch); a
    twitch or cramp alone is not on the emergency list; the GP box names the NHS cramp signs, so
    cramps that wake you never land on "rest, relax"."""
    svg = path.read_text(encoding="utf-8")
    lines = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg)]
    words = " ".join(lines)
    problems = []
    if "sudden" in lines[0].lower():
        problems.append(f'{path.name}: the first question ("{lines[0]}") asks "suddenly", so the painful swollen '
                        "leg with breathlessness is only an emergency if sudden, and a twitch reads as one.")
    if "A twitch or a cramp on its own is not one of these" not in re.sub(r"\s+", " ", words):
        problems.append(f'{path.name}: the emergency question does not say "A twitch or a cramp on its own is not one of these".')
    flat = re.sub(r"\s+", " ", words)
    missing = [w for w in ("loss of sight", "confusion", "dizziness", "a fall") if w not in flat]
    if missing:
        problems.append(f"{path.name}: the emergency question leaves out sudden {', '.join(missing)} (the emergency "
                        "card's other sudden signs), so a reader with one ends at \"rest, relax\".")
    if not ("wake you" in words and "10 minutes" in words):
        problems.append(f"{path.name}: the see-a-GP question leaves out cramps that wake you or last more than 10 minutes.")
    gp_signs = [w for w in ("weak or stiff", "numbness or swelling", "change in feeling") if w not in flat]
    if gp_signs:
        problems.append(f"{path.name}: the see-a-GP question leaves out {', '.join(gp_signs)}, so a reader with one "
                        'ends at "rest, relax".')
    if "When to see a doctor" not in lines[-2] + " " + lines[-1]:
        problems.append(f'{path.name}: the last box ("{lines[-1]}") does not send a reader to the other signs on '
                        '"When to see a doctor" (the Mayo and MedlinePlus signs) before "rest, relax".')
    return problems


def test_the_flow_picture_gives_each_sign_its_level():
    assert not flow_picture_problems(FLOW_PICTURE), flow_picture_problems(FLOW_PICTURE)


def test_the_flow_picture_check_names_a_picture_that_asks_suddenly_first():
    problems = "\n".join(flow_picture_problems(FIXTURES / "care-rules" / "what-to-do-gated.svg"))
    assert 'what-to-do-gated.svg: the first question ("1. Did it come on suddenly?") asks "suddenly"' in problems, problems
    assert "A twitch or a cramp on its own" in problems and "wake you" in problems, problems
    assert "leaves out sudden loss of sight" in problems, problems
    assert "leaves out weak or stiff, numbness or swelling, change in feeling" in problems, problems
    assert "does not send a reader to the other signs" in problems, problems



# --- Our own words: no run of 8 words copied from a source ---------------------------------------

# Runs of 8 or more words from reference-facts.md that review C found copied into the care rules
# (the sources are not in the repository, so the runs are kept here).
COPIED_RUNS = ["able to lift both arms and keep them", "over weeks or months, is a reason to see a GP"]


def copied_runs(rules: dict) -> list[str]:
    words = lambda text: " ".join(re.findall(r"[a-z0-9']+", text.lower()))
    texts = [rules["sudden_rule"]["text"], rules["gp_rule"]["text"]]
    texts += [f'{s["text"]}. {s.get("detail", "")} {s.get("step_up", "")}' for s in rules["signs"]]
    texts += [f'{c["heading"]} {c.get("note", "")}' for c in rules["cards"]]
    return [f'care-rules.json: "{text.strip()}" copies "{run}" from reference-facts.md. How to fix: say it in your own words.'
            for text in texts for run in COPIED_RUNS if words(run) in words(text)]


def test_the_care_rules_copy_no_run_of_8_words_from_a_source():
    found = copied_runs(care_rules.load())
    assert not found, "\n".join(found)
    copied = json.loads(json.dumps(care_rules.load()))
    copied["sudden_rule"]["text"] = "Slurred speech or weakness that came on slowly, over weeks or months, is a reason to see a GP."
    assert "copies" in "\n".join(copied_runs(copied))


def picture_alt_problems(picture: Path, snippet: Path) -> list[str]:
    """The flow picture's text alternative (one snippet, on every page that shows it) must say what the
    picture says: its own <desc>. A reader who cannot see the picture gets the same levels."""
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", picture.read_text(encoding="utf-8"), re.S)
    alt = re.search(r"!\[(.*?)\]\(images/what-to-do\.svg\)", snippet.read_text(encoding="utf-8"), re.S)
    if not (desc and alt):
        return [f"{snippet.name}: no flow picture with a text alternative, or {picture.name} has no <desc>."]
    if desc.group(1).strip() not in alt.group(1):
        return [f"{snippet.name}: the picture's text alternative does not say what {picture.name}'s <desc> says. "
                "Copy the <desc> text into the alt text."]
    return []


def test_the_flow_pictures_text_alternative_says_what_the_picture_says():
    snippet = ROOT / "overrides" / "includes" / "what-to-do-picture.md"
    assert not picture_alt_problems(FLOW_PICTURE, snippet), picture_alt_problems(FLOW_PICTURE, snippet)
    pages = [p.name for p in (ROOT / "docs").glob("*.md") if shows_the_picture(p.read_text(encoding="utf-8"))]
    assert not pages, f"{pages}: show the flow picture through the snippet what-to-do-picture.md, not a copy."


# The picture shown, as Markdown or HTML; a comment that names the file (for a volunteer) is not a copy.
PICTURE_SHOWN = re.compile(r"\]\([^)\s]*what-to-do\.svg|src=[\"'][^\"']*what-to-do\.svg")


def shows_the_picture(text: str) -> bool:
    return bool(PICTURE_SHOWN.search(text))


def test_a_page_with_its_own_copy_of_the_picture_is_found():
    assert shows_the_picture("Intro.\n\n![A flow of four questions.](images/what-to-do.svg)\n")
    assert shows_the_picture('<img src="../images/what-to-do.svg" alt="">')
    assert not shows_the_picture("<!-- Its words are in docs/images/what-to-do.svg. -->")


def test_the_picture_alt_check_names_an_out_of_date_text_alternative(tmp_path):
    stale = tmp_path / "what-to-do-picture.md"
    stale.write_text("![A flow of four questions. 1: Did it come on suddenly?](images/what-to-do.svg)\n")
    assert "does not say what what-to-do.svg's <desc> says" in "\n".join(picture_alt_problems(FLOW_PICTURE, stale))
