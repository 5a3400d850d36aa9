"""Shared by the symptom log's tests (Chromium and WebKit) and scripts/bench --log:
the page's address, its fixtures, and entries made up for a test.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

LOG_PAGE = "symptom-log/"
FIXTURES = Path(__file__).parent / "fixtures" / "symptom-log"
READY = "[data-symptom-log-ready]"
NOTHING_CHANGED = "Nothing was imported or changed."
DB_NAME, STORE_NAME = "fibro-twitch-log", "records"


def entry(id: str, when: str, kind: str = "twitch", area: str = "Calf", **fields) -> dict:
    """One entry in backup format version 1."""
    base = {"id": id, "when": when, "kind": kind, "area": area, "duration": None, "frequency": None,
            "pain": None, "signs": [], "disturbed_sleep": None, "notes": ""}
    return {**base, **fields}


def backup(entries: list[dict], days: list[dict] | None = None, **top) -> dict:
    return {"format": "fibro-twitch-log", "version": 1, "exported": "2026-03-20T18:00:00.000Z",
            "entries": entries, "days": days or [], **top}


def many_entries(count: int, end: dt.date | None = None, seed: int = 11) -> tuple[list[dict], list[dict]]:
    """COUNT entries spread over about three years up to END (default today), and a day record for most days."""
    pick = random.Random(seed)
    end = end or dt.date.today()
    span = max(1, round(count * 1.1))
    entries, days = [], []
    for number in range(count):
        date = end - dt.timedelta(days=pick.randrange(span))
        kind = pick.choice(["twitch", "twitch", "spasm", "cramp"])
        entries.append(entry(
            f"bench-{number:05}", f"{date}T{pick.randrange(6, 23):02}:{pick.randrange(60):02}", kind,
            pick.choice(["Eyelid or face", "Calf", "Arm or hand", "Thigh", "Back"]),
            duration=pick.choice(["moment", "under-1-minute", "1-to-10-minutes", None]),
            frequency=pick.choice(["once", "a-few-times", None]) if kind == "twitch" else None,
            pain=pick.choice([None, *range(8)]),
            disturbed_sleep=pick.choice([True, False, None]) if kind == "cramp" else None,
            notes=pick.choice(["", "After a long day at work.", "Worse after coffee.", "Woke at 3 am."])))
    for back in range(span):
        if pick.random() < 0.8:
            date = end - dt.timedelta(days=back)
            days.append({"date": str(date), "sleep_hours": pick.choice([4, 5, 5.5, 6, 6.5, 7, 8]),
                         "caffeine": pick.randrange(5), "stress": pick.choice(["low", "medium", "high", None]),
                         "medicine_change": None})
    return entries, days


def records(entries: list[dict], days: list[dict] = (), meta: dict | None = None) -> list:
    """The records the page stores: one per entry and day, and its meta record."""
    found = [[["entry", e["id"]], e] for e in entries] + [[["day", d["date"]], d] for d in days]
    return found + [["meta", meta or {"version": 1, "created": dt.datetime.now(dt.timezone.utc).isoformat()}]]


# In the page: what is stored, read straight from IndexedDB.
READ_STORED = """async () => {
  const store = idbKeyval.createStore("%s", "%s");
  const all = await idbKeyval.entries(store);
  const pick = kind => all.filter(([key]) => Array.isArray(key) && key[0] === kind).map(([, value]) => value)
    .sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  return {entries: pick("entry"), days: pick("day")};
}""" % (DB_NAME, STORE_NAME)

WRITE_STORED = """async (records) => {
  const store = idbKeyval.createStore("%s", "%s");
  await idbKeyval.setMany(records, store);
}""" % (DB_NAME, STORE_NAME)


def canonical(log: dict) -> str:
    """A log's entries and days, in an order that does not depend on how they were read."""
    def key(item):
        return json.dumps(item, sort_keys=True)
    return json.dumps({"entries": sorted(log["entries"], key=key), "days": sorted(log["days"], key=key)},
                      sort_keys=True, indent=1)
