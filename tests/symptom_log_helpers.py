"""Shared by the symptom log's tests (Chromium and WebKit): its fixtures, and
the log's data helpers from scripts/sitetools/symptom_log.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitetools.symptom_log import (  # noqa: F401 (re-exported for the tests)
    LOG_PAGE, READ_STORED, READY, WRITE_STORED, backup, crowded_entries, entry, many_entries, records,
)

FIXTURES = Path(__file__).parent / "fixtures" / "symptom-log"
NOTHING_CHANGED = "Nothing was imported or changed."


def canonical(log: dict) -> str:
    """A log's entries and days, in an order that does not depend on how they were read."""
    def key(item):
        return json.dumps(item, sort_keys=True)
    return json.dumps({"entries": sorted(log["entries"], key=key), "days": sorted(log["days"], key=key)},
                      sort_keys=True, indent=1)


def open_with(tab, site_server, entries, days=()):
    """The log page in TAB with these entries and days stored, drawn afresh."""
    tab.goto(site_server + LOG_PAGE)
    tab.wait_for_selector(READY)
    tab.evaluate(WRITE_STORED, records(entries, days))
    tab.reload()
    tab.wait_for_selector(READY)
    return tab


# --- The notices against the care rules (one source of truth for every sign) -----------------

CARE_RULES_FILE = Path(__file__).parents[1] / "docs" / "assets" / "tools" / "care-rules" / "care-rules.json"

# Run in the page: each notice as shown in PLACE ('[data-notice]' items), with its sign, level and words.
SHOWN_NOTICES = """selector => [...document.querySelectorAll(selector)].map(item => ({
  id: item.dataset.notice, sign: item.dataset.sign, level: item.dataset.level, source: item.dataset.source,
  text: item.innerText.replace(/\\s+/g, " ").trim(),
  entries: (item.querySelector("ul") || {textContent: ""}).textContent.replace(/\\s+/g, " ").trim()}))"""


def care_rules() -> dict:
    return json.loads(CARE_RULES_FILE.read_text(encoding="utf-8"))


def notice_rule_problems(rules: dict, shown: list[dict], place: str) -> list[str]:
    """Each notice shown in PLACE carries its sign's level, the words of that level and its
    source, as RULES (care-rules.json) give them; [] when all do."""
    signs = {sign["id"]: sign for sign in rules["signs"]}
    gradual = rules["gradual_rule"]["print"].split(".")[0]  # "if it came on gradually"
    problems = []
    for notice in shown:
        if not notice["sign"]:  # a sign no source names (a change in feeling with a cramp in the arm)
            if notice["source"] or "Not named in the sources" not in notice["text"]:
                problems.append(f"{place}: the notice {notice['id']} is for a sign no source names, but gives a level or a source.")
            continue
        sign = signs.get(notice["sign"])
        if sign is None:
            problems.append(f"{place}: the notice {notice['id']} names the sign {notice['sign']}, which care-rules.json does not have.")
            continue
        level, source = rules["levels"][sign["level"]], rules["sources"][sign["source"]]["title"]
        if notice["level"] != sign["level"]:
            problems.append(f"{place}: the sign {sign['id']} has the level {notice['level']}; care-rules.json gives it {sign['level']}.")
        if level["short"] not in notice["text"] and level["label"] not in notice["text"]:
            problems.append(f"{place}: the sign {sign['id']} does not say its level in words ({level['short']!r}).")
        # A notice for a tick ("weak-or-stiff+weak") says "if it came on gradually" only where the tick
        # can be the emergency when sudden (its if_sudden, or a retired tick that may be weakness).
        tick_id = notice["id"].partition("+")[2]
        tick = next((t for t in rules.get("log_signs") or [] if t["id"] == tick_id), None)
        may_be_sudden = sign.get("if_sudden") and (tick is None or tick.get("if_sudden") or tick.get("retired"))
        if may_be_sudden and gradual not in notice["text"]:
            problems.append(f"{place}: the sign {sign['id']} came on gradually to be at this level, but does not say {gradual!r}.")
        if source not in notice["text"]:
            problems.append(f"{place}: the sign {sign['id']} does not name its source, {source}.")
    return problems
