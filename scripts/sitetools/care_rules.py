"""The care rules: every sign that is a reason to get medical help, at its source's level.

docs/assets/tools/care-rules/care-rules.json is the one source of truth. It reaches
each place that gives advice like this:
- when-to-see-a-doctor: each card is a Markdown snippet, overrides/includes/care-cards/CARD.md,
  written by render_card() and included with pymdownx.snippets (`--8<-- "care-cards/CARD.md"`).
  Snippets are plain Python-Markdown, so MkDocs and Zensical build the same card, and no hook
  or plugin runs. `./scripts/care-cards` rewrites them and exits 1 if one had to change; a test
  fails while one is out of date.
- the movement helper: sitetools.movement_helper reads the sign ids its questions.json names and
  takes each sign's words and advice from here (and the GP rule every outcome ends with).
- the symptom log reads the same file for its notices and printed summary.
- pages that say a sign in their own sentence are checked against it (sitetools.checks.care_advice).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import ROOT
from .generated import relative_name, update_command
from .problems import Problem, line_of

DATA_FILE = ROOT / "docs" / "assets" / "tools" / "care-rules" / "care-rules.json"
SNIPPET_DIR = ROOT / "overrides" / "includes" / "care-cards"
DOCTOR_PAGE = "when-to-see-a-doctor/"
LEVELS = ("emergency", "urgent", "gp", "doctor")
ONSETS = ("sudden", "gradual", "any")
ABOUT = ("twitch", "cramp", "nerve", "leg", "sudden")
MAX_BULLETS = 5  # NHS care cards: at most 5 bullets
# How each level's card heading starts: the urgency in words, not by colour alone.
HEADING_STARTS = {"emergency": "Emergency:", "urgent": "Urgent:", "gp": "See a GP (not urgent)",
                  "doctor": "See a doctor"}
# Material admonition types: each level looks different too.
ADMONITION = {"emergency": "danger", "urgent": "warning", "gp": "info", "doctor": "note"}


def load(path: Path = DATA_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def signs_by_id(rules: dict) -> dict[str, dict]:
    return {sign["id"]: sign for sign in rules.get("signs") or []}


def card_of(rules: dict, sign_id: str) -> dict:
    """The card on when-to-see-a-doctor that lists this sign."""
    return next(card for card in rules["cards"] if sign_id in card["signs"])


def sign_href(rules: dict, sign_id: str) -> str:
    return f"{DOCTOR_PAGE}#{card_of(rules, sign_id)['id']}"


def needs_gradual_note(rules: dict, card: dict) -> bool:
    """A card below the emergency level that lists a sign which, coming on suddenly, is an emergency."""
    signs = signs_by_id(rules)
    return card["level"] != "emergency" and any(signs[s].get("if_sudden") for s in card["signs"] if s in signs)


def sudden_names(rules: dict, sign_ids) -> str:
    """The words by which these signs are an emergency when sudden: "weakness or slurred speech".
    Each sign with an "if_sudden" names its own words ("sudden_name": a cramp with numbness is
    "numbness"), so a card never names a sign it does not list; no source makes the others (a twitch
    in more than one place) an emergency, so they add no word."""
    signs = signs_by_id(rules)
    words: list[str] = []
    for sid in sign_ids:
        sign = signs.get(sid) or {}
        for word in (sign.get("sudden_name") or []) if sign.get("if_sudden") else []:
            if word not in words:
                words.append(word)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1] if words else ""


def says_in_own_words(sign: dict, name: str) -> bool:
    """Whether a sign's own words say its "sudden_name" ("weakness" in "feels weak", "a loss of
    feeling" in "a loss or change of feeling"): every longer word, less "-ness", is in its text."""
    own = f'{sign.get("text", "")} {sign.get("label", "")}'.lower()
    return all(word.removesuffix("ness") in own for word in name.lower().split() if len(word) > 3)


def gradual_sentence(rules: dict, kind: str, sign_ids) -> str:
    """The care rules' "came on gradually" sentence ("sign", "card" or "print") for these signs."""
    return rules["gradual_rule"][kind].replace("{signs}", sudden_names(rules, sign_ids))


def check(rules: dict, path: Path = DATA_FILE) -> list[Problem]:
    """Everything that would give a sign the wrong level, or leave it with no card or source."""
    name = relative_name(path)
    problems: list[Problem] = []

    def add(needle, what, fix):
        problems.append(Problem(name, what, fix, line_of(path, needle) if needle else None))

    sources = rules.get("sources") or {}
    levels = rules.get("levels") or {}
    signs = signs_by_id(rules)
    for level in LEVELS:
        if not (levels.get(level) or {}).get("label"):
            add(None, f'The level "{level}" has no label a reader sees.', f'Give "levels" > "{level}" a "label".')
    carded: dict[str, str] = {}
    for card in rules.get("cards") or []:
        cid, level = card.get("id"), card.get("level")
        where = f'"id": "{cid}"'
        if level not in LEVELS:
            add(where, f'The card "{cid}" has the level "{level}", which is not one of {", ".join(LEVELS)}.',
                "Use one of those levels.")
            continue
        if not card.get("heading", "").startswith(HEADING_STARTS[level]):
            add(where, f'The card "{cid}" is at the level "{level}", but its heading does not start with '
                       f'"{HEADING_STARTS[level]}", so its urgency is not said in words.',
                f'Start its heading with "{HEADING_STARTS[level]}".')
        if len(card.get("signs") or []) > MAX_BULLETS:
            add(where, f'The card "{cid}" lists {len(card["signs"])} signs; a care card has at most {MAX_BULLETS}.',
                "Split it into two cards, or join two signs into one.")
        for sid in card.get("signs") or []:
            if sid in carded:
                add(where, f'The sign "{sid}" is on two cards, "{carded[sid]}" and "{cid}".', "Keep it on one card.")
            carded[sid] = cid
            sign = signs.get(sid)
            if sign is None:
                add(where, f'The card "{cid}" lists the sign "{sid}", which is not in "signs".',
                    "Add the sign, or correct its id.")
            elif sign.get("level") != level:
                add(f'"id": "{sid}"', f'The sign "{sid}" ({sign.get("label")}) is at the level "{sign.get("level")}", '
                                       f'but it is listed on the "{cid}" card, which is at the level "{level}".',
                    "Keep every sign at its source's level: move it to a card of its own level.")
    for sid, sign in signs.items():
        where = f'"id": "{sid}"'
        label = sign.get("label") or sid
        if sign.get("level") not in LEVELS:
            add(where, f'The sign "{sid}" ({label}) has the level "{sign.get("level")}".',
                f'Use one of {", ".join(LEVELS)}: the level its source gives.')
        if sign.get("onset") not in ONSETS:
            add(where, f'The sign "{sid}" ({label}) has the onset "{sign.get("onset")}".', f'Use one of {", ".join(ONSETS)}.')
        if sign.get("about") not in ABOUT:
            add(where, f'The sign "{sid}" ({label}) is about "{sign.get("about")}".', f'Use one of {", ".join(ABOUT)}.')
        if sign.get("source") not in sources:
            add(where, f'The sign "{sid}" ({label}) names the source "{sign.get("source")}", which is not in "sources".',
                f'Use one of {", ".join(sorted(sources))}.')
        if not (sign.get("label") and sign.get("text")):
            add(where, f'The sign "{sid}" has no "label" or no "text".', "Give it both: the short name and the card's words.")
        sudden = sign.get("if_sudden")
        if sudden and (signs.get(sudden) or {}).get("level") != "emergency":
            add(where, f'The sign "{sid}" ({label}) says that if it comes on suddenly it is "{sudden}", '
                       "which is not an emergency sign.", "Name an emergency sign in its \"if_sudden\".")
        emergency_words = (signs.get(sudden) or {}).get("sudden_name") or []
        if sudden and not emergency_words:
            add(where, f'The sign "{sid}" ({label}) names "{sudden}" in its "if_sudden", which has no "sudden_name".',
                f'Give "{sudden}" a "sudden_name": the words a card uses for it ("weakness", "numbness").')
        if sudden and not sign.get("sudden_name"):
            add(where, f'The sign "{sid}" ({label}) has an "if_sudden" but no "sudden_name" of its own, so no card '
                       "can say which of its signs is an emergency when sudden.",
                f'Give it a "sudden_name": its own words from those of "{sudden}" ({", ".join(emergency_words)}).')
        stray = [w for w in sign.get("sudden_name") or [] if w not in emergency_words] if sudden else []
        if stray:
            add(where, f'The sign "{sid}" ({label}) says "{", ".join(stray)}" is an emergency when sudden, but its '
                       f'"if_sudden" sign "{sudden}" does not name it: no source says so.',
                f'Use only the words of "{sudden}": {", ".join(emergency_words)}.')
        unsaid = [w for w in sign.get("sudden_name") or [] if sudden and not says_in_own_words(sign, w)]
        if unsaid:
            add(where, f'The sign "{sid}" ({label}) is called "{", ".join(unsaid)}" in its card\'s "came on gradually" '
                       f'line, but its own words ("{sign.get("text")}") do not say that, so the line names a sign '
                       "the card does not list.",
                f'Choose its "sudden_name" from the words its "text" uses (and add them to "{sudden}" if needed).')
        if sudden and sign.get("onset") != "gradual":
            add(where, f'The sign "{sid}" ({label}) has an "if_sudden" but its onset is not "gradual".',
                'Set its "onset" to "gradual": its level holds only when it came on gradually.')
        if sign.get("level") == "emergency" and sign.get("about") == "sudden" and sign.get("onset") != "sudden":
            add(where, f'The emergency sign "{sid}" ({label}) is about a sudden sign, but its onset is not "sudden".',
                'Set its "onset" to "sudden".')
        if sid not in carded:
            add(where, f'The sign "{sid}" ({label}) is on no card, so when-to-see-a-doctor does not show it.',
                "Add its id to the card of its level.")
    gradual = rules.get("gradual_rule") or {}
    if "came on gradually" not in gradual.get("sign", "") or "came on gradually" not in gradual.get("card", ""):
        add(None, 'The "gradual_rule" does not say "came on gradually", so a sign that is an emergency when sudden '
                  'could be shown as "not urgent" alone.',
            'Give "gradual_rule" a "sign" and a "card" sentence that say "came on gradually".')
    for kind in ("sign", "card", "print"):
        if "{signs}" not in gradual.get(kind, "{signs}"):
            add(None, f'The "gradual_rule" "{kind}" sentence names no sign ("{{signs}}"), so it makes every sign '
                      "beside it an emergency when sudden; no source says that of a twitch or a cramp.",
                f'Put "{{signs}}" in it: it becomes the words of the sudden signs ("weakness, numbness or slurred speech").')
    rule = rules.get("gp_rule") or {}
    if not rule.get("text") or rule.get("source") not in sources:
        add(None, 'There is no "gp_rule" with its text and source: the short rule every place repeats.',
            'Add "gp_rule": {"text": "See a GP once if ...", "source": "nhs-twitching"}.')
    for sid in rule.get("new_signs") or []:
        if sid not in signs:
            add(None, f'The GP rule names the new sign "{sid}", which is not in "signs".', "Correct its id.")
    problems += log_sign_problems(rules, add)
    return problems


KINDS = ("twitch", "spasm", "cramp")  # the kinds of entry in the symptom log


def log_sign_problems(rules: dict, add) -> list[Problem]:
    """The signs the log offers (log_signs): each meets a known sign for every kind, or null, and is
    the emergency when sudden only as the signs it meets are ("if_sudden"). ADD reports a problem."""
    signs = signs_by_id(rules)
    seen: set[str] = set()
    for tick in rules.get("log_signs") or []:
        tid, label = tick.get("id"), tick.get("label") or tick.get("id")
        where = f'"id": "{tid}", "label"'
        if tid in seen:
            add(where, f'The log sign "{tid}" is listed twice in "log_signs".', "Keep one.")
        seen.add(tid)
        met = tick.get("for") or {}
        for kind in KINDS:
            if kind not in met:
                add(where, f'The log sign "{tid}" ({label}) does not say which sign it meets with a {kind}.',
                    f'Give its "for" a "{kind}": a sign id, or null where no source names it with a {kind}.')
            elif met[kind] is not None and met[kind] not in signs:
                add(where, f'The log sign "{tid}" ({label}) meets "{met[kind]}" with a {kind}, which is not in "signs".',
                    "Correct its id.")
        sudden = tick.get("if_sudden")
        named = [signs[sid] for sid in met.values() if sid in signs]
        if sudden and (not named or any(sign.get("if_sudden") != sudden for sign in named)):
            add(where, f'The log sign "{tid}" ({label}) is the emergency "{sudden}" when sudden, but not every sign it '
                       "meets says so: the log would call 999 where no source does.",
                f'Remove its "if_sudden", or meet only signs whose "if_sudden" is "{sudden}".')
    return []


# --- The cards on when-to-see-a-doctor --------------------------------------------------

def sign_line(sign: dict) -> str:
    return sign["text"] + (f". {sign['detail']}" if sign.get("detail") else "")


def render_card(rules: dict, card: dict) -> str:
    signs = signs_by_id(rules)
    lines = [
        f"<!-- Generated by ./scripts/care-cards from {relative_name(DATA_FILE)}. Do not edit: edit the data "
        "file and run the command again. -->",
        f'!!! {ADMONITION[card["level"]]} "{card["heading"]}"',
        "",
    ]
    lines += [f"    - {sign_line(signs[s])}" for s in card["signs"]]
    lines.append("")
    if card.get("note"):
        lines += [f"    {card['note']}", ""]
    if needs_gradual_note(rules, card):
        lines += [f"    {gradual_sentence(rules, 'card', card['signs'])}", ""]
    # The sources are named in the page's front matter (its footer); the check holds them to it.
    return "\n".join(lines).rstrip("\n") + "\n"


def snippet_path(card: dict, folder: Path = SNIPPET_DIR) -> Path:
    return folder / f"{card['id']}.md"


def update_snippets(data_file: Path = DATA_FILE, folder: Path = SNIPPET_DIR) -> tuple[list[Problem], list[Path]]:
    """Check the rules; if sound, write every card. (problems, the files that changed)."""
    rules = load(data_file)
    problems = check(rules, data_file)
    if problems:
        return problems, []
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for card in rules["cards"]:
        path = snippet_path(card, folder)
        text = render_card(rules, card)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return [], changed


def main() -> int:
    """Check the care rules and write the cards of when-to-see-a-doctor from them.
    Exits 0 if they were up to date, 1 if a card had to change (commit it), 2 if the data has problems."""
    return update_command(main.__doc__, update_snippets, DATA_FILE,
                          f"The cards in {relative_name(SNIPPET_DIR)} are up to date.")


if __name__ == "__main__":
    raise SystemExit(main())
