"""The helper's one data file (questions.json) with the care rules put in place, and where its files are."""

from __future__ import annotations

import json
from pathlib import Path

from .. import ROOT, care_rules
from ..generated import relative_name


DATA_FILE = ROOT / "docs" / "assets" / "tools" / "movement-helper" / "questions.json"
FALLBACK_FILE = ROOT / "overrides" / "partials" / "movement-helper.html"
NOT_SURE = "not-sure"  # the id of every "I'm not sure" answer
KINDS = ("twitch", "spasm", "cramp")
DOCTOR_PAGE = "when-to-see-a-doctor/"
LOG_PAGE = "symptom-log/"


def load(path: Path = DATA_FILE, rules: dict | None = None) -> dict:
    """The helper's data with the care rules put in place (resolve())."""
    return resolve(json.loads(path.read_text(encoding="utf-8")), rules)


def resolve(data: dict, rules: dict | None = None) -> dict:
    """Sign ids become the care rules' words and advice; "gp_rule": "care-rules" becomes the rule.
    A sudden-sign step ("level": "emergency") lists every sign of that level."""
    rules = rules if rules is not None else care_rules.load()
    signs = care_rules.signs_by_id(rules)

    ticks = {tick["id"]: tick for tick in rules.get("log_signs") or []}

    def expand(sid):
        if isinstance(sid, dict) and "tick" in sid:
            return expand_tick(sid)
        if not isinstance(sid, str):
            return sid  # written out in full (older copies, test fixtures)
        sign = signs.get(sid)
        if sign is None:
            return {"id": sid, "text": sid, "advice": {}}
        return {"id": sid, "text": sign["label"], "level": sign["level"], "advice": advice_for(sid, bool(sign.get("if_sudden")))}

    def advice_for(sid, sudden_too):
        sign = signs[sid]
        card = care_rules.card_of(rules, sid)
        advice = {"card": card["heading"], "item": sign["text"], "href": care_rules.sign_href(rules, sid),
                  "source": rules["sources"][sign["source"]]["title"]}
        advice["level"] = rules["levels"][sign["level"]]["short"]  # "See a GP, not urgent": for the printed flow
        if sudden_too and sign.get("if_sudden"):  # never "not urgent" without "came on gradually"
            advice["gradual"] = care_rules.gradual_sentence(rules, "sign", [sid])
            advice["print"] = care_rules.gradual_sentence(rules, "print", [sid])
        if sign.get("step_up"):  # an urgent sign that is an emergency with more: said beside it
            advice["step_up"] = sign["step_up"]
        return advice

    def expand_tick(item):
        """One of the log's ticks with one kind ({"tick": "stiff", "kind": "twitch", "text": ...}):
        the sign the log meets for it, and "came on gradually" only where the log says it (the
        tick's "if_sudden": weakness is an emergency when sudden, stiffness never is)."""
        tick = ticks.get(item["tick"]) or {}
        sid = (tick.get("for") or {}).get(item.get("kind"))
        made = {"id": f'{item.get("kind")}-{item["tick"]}', "text": item.get("text") or tick.get("label", item["tick"]),
                "tick": item["tick"], "kind": item.get("kind")}
        if sid not in signs:
            return {**made, "advice": {}}
        return {**made, "sign": sid, "level": signs[sid]["level"], "advice": advice_for(sid, bool(tick.get("if_sudden")))}

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
        if step.get("type") == "outcome" and isinstance(step.get("gp_signs"), list) and step["gp_signs"]:
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
