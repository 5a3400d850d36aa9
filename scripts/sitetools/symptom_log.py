"""The symptom log's data as Python sees it: entries in backup format
version 5, made-up logs for tests and scripts/bench --log, and the scripts
that read and write the page's IndexedDB store directly.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import subprocess

from . import ROOT

LOG_PAGE = "symptom-log/"
READY = "[data-symptom-log-ready]"  # set once the log has read its store and drawn itself
DB_NAME, STORE_NAME = "fibro-twitch-log", "records"
FORMAT_SCRIPT = ROOT / "docs" / "assets" / "tools" / "symptom-log" / "symptom-log-format.js"

# The allowed values, as symptom-log-format.js lists them (its KINDS, DURATIONS,
# FREQUENCIES, SIGNS, STRESS, WHEN_APPROX): test_symptom_log_values fails when the
# script, the form (overrides/partials/symptom-log.html) or these differ.
KINDS = ["twitch", "spasm", "cramp"]
DURATIONS = ["moment", "under-1-minute", "1-to-10-minutes", "over-10-minutes"]
FREQUENCIES = ["once", "a-few-times", "on-and-off-all-day"]
SIGNS = ["weak", "stiff", "feeling-change", "weak-grip", "leg-weakness", "one-leg-swollen",
         "speech-or-swallowing", "thinner-muscles", "weak-or-stiff"]
OFFERED_SIGNS = SIGNS[:-1]  # "weak-or-stiff" is kept from before version 5, never ticked on a new entry
STRESS = ["low", "medium", "high"]
WHEN_APPROX = ["earlier-today", "last-night"]  # the form's quick times that give no clock time


def script_values(script=FORMAT_SCRIPT) -> dict:
    """What the log's script allows and how it words each value, read from the script
    itself with Node: {"KINDS": [...], ..., "WORDS": {"kind": {"twitch": "Twitch"}, ...}}."""
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node is not installed: ./scripts/test installs it (the log's script is read with it).")
    code = ("globalThis.window = globalThis; require('vm').runInThisContext(require('fs').readFileSync(process.argv[1], 'utf8'));"
            "const F = window.SymptomLogFormat; console.log(JSON.stringify({KINDS: F.KINDS, DURATIONS: F.DURATIONS,"
            " FREQUENCIES: F.FREQUENCIES, SIGNS: F.SIGNS, STRESS: F.STRESS, WHEN_APPROX: F.WHEN_APPROX, WORDS: F.WORDS}));")
    run = subprocess.run([node, "-e", code, str(script)], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout)


def entry(id: str, when: str, kind: str = "twitch", area: str = "Calf", **fields) -> dict:
    """One entry in backup format version 5."""
    base = {"id": id, "when": when, "kind": kind, "area": area, "duration": None, "frequency": None,
            "pain": None, "signs": [], "disturbed_sleep": None, "notes": "", "sudden": None, "side": None, "when_approx": None}
    return {**base, **fields}


BACKUP_VERSION = 5


def backup(entries: list[dict], days: list[dict] | None = None, **top) -> dict:
    return {"format": "fibro-twitch-log", "version": BACKUP_VERSION, "exported": "2026-03-20T18:00:00.000Z",
            "entries": entries, "days": days or [], "gp_visits": [], "twitching_started": None, **top}


def many_entries(count: int, end: dt.date | None = None, seed: int = 11) -> tuple[list[dict], list[dict]]:
    """COUNT entries spread over about COUNT * 1.1 days up to END (default today), and a day record for most days."""
    pick = random.Random(seed)
    end = end or dt.date.today()
    span = max(1, round(count * 1.1))
    entries, days = [], []
    for number in range(count):
        date = end - dt.timedelta(days=pick.randrange(span))
        kind = pick.choice([KINDS[0], *KINDS])  # twitches twice as often
        entries.append(entry(
            f"bench-{number:05}", f"{date}T{pick.randrange(6, 23):02}:{pick.randrange(60):02}", kind,
            pick.choice(["Eyelid or face", "Calf", "Arm or hand", "Thigh", "Back"]),
            duration=pick.choice([*DURATIONS[:3], None]),
            frequency=pick.choice([*FREQUENCIES[:2], None]) if kind == "twitch" else None,
            pain=pick.choice([None, *range(8)]),
            disturbed_sleep=pick.choice([True, False, None]) if kind == "cramp" else None,
            notes=pick.choice(["", "After a long day at work.", "Worse after coffee.", "Woke at 3 am."])))
    for back in range(span):
        if pick.random() < 0.8:
            date = end - dt.timedelta(days=back)
            days.append({"date": str(date), "sleep_hours": pick.choice([4, 5, 5.5, 6, 6.5, 7, 8]),
                         "caffeine": pick.randrange(5), "stress": pick.choice([*STRESS, None]),
                         "medicine_change": None})
    return entries, days


# Places a reader might type under "Somewhere else": many, each used now and then.
OTHER_AREAS = [f"{side} {part}" for side in ("Left", "Right") for part in (
    "big toe", "little finger", "thumb", "knee", "elbow", "wrist", "ankle", "hip", "jaw", "shin",
    "forearm", "ear", "ribs", "heel", "buttock", "upper arm", "side of the neck", "eyebrow", "cheek", "palm")]
OTHER_AREAS.append("Just under the left shoulder blade, where the bra strap sits")  # 60 characters, the most allowed


def crowded_entries(count: int = 1000, end: dt.date | None = None, seed: int = 11) -> tuple[list[dict], list[dict]]:
    """many_entries, with a summary as long as it can get: about one entry in five at a place
    typed under "Somewhere else" (41 places in all), and warning signs on about one entry in six."""
    pick = random.Random(seed + 1)
    entries, days = many_entries(count, end, seed)
    for number, item in enumerate(entries):
        if number % 5 == 0:
            item["area"] = OTHER_AREAS[number // 5 % len(OTHER_AREAS)]
        if number % 6 == 0:
            item["signs"] = pick.sample(OFFERED_SIGNS, pick.choice([1, 1, 2]))
    return entries, days


def records(entries: list[dict], days=(), meta: dict | None = None) -> list:
    """The records the page stores: one per entry and day, and its meta record."""
    found = [[["entry", e["id"]], e] for e in entries] + [[["day", d["date"]], d] for d in days]
    return found + [["meta", meta or {"version": BACKUP_VERSION, "created": dt.datetime.now(dt.timezone.utc).isoformat()}]]


# Run in the page (Playwright's evaluate): what is stored, read straight from IndexedDB.
READ_STORED = """async () => {
  const store = idbKeyval.createStore("%s", "%s");
  const all = await idbKeyval.entries(store);
  // Each record is written out once to sort by, not at every comparison: a log near its limit has 3,000 long entries.
  const pick = kind => all.filter(([key]) => Array.isArray(key) && key[0] === kind)
    .map(([, value]) => [JSON.stringify(value), value]).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([, value]) => value);
  return {entries: pick("entry"), days: pick("day")};
}""" % (DB_NAME, STORE_NAME)

# Run in the page with the records as argument: write them in one transaction.
WRITE_STORED = """async (records) => {
  const store = idbKeyval.createStore("%s", "%s");
  await idbKeyval.setMany(records, store);
}""" % (DB_NAME, STORE_NAME)
