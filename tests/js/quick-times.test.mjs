// The form's quick times at night: "Earlier today" and "Last night" never stand for
// the same time (review G, G14: between 01:00 and 03:00 the first stored an hour ago,
// the second now, both in the night).
import {test} from "node:test";
import assert from "node:assert/strict";
import F from "./load-format.mjs";

const at = (hour, minute = 30) => new Date(2026, 11, 8, hour, minute);

test("in the day, 'Earlier today' is an hour before, on the hour, today", () => {
  assert.equal(F.quickTime("earlier-today", at(14)), "2026-12-08T13:00");
  assert.equal(F.quickTime("earlier-today", at(4)), "2026-12-08T03:00");
});

test("at night, 'Earlier today' is the day before the night, never in the night 'Last night' stands for", () => {
  for (const hour of [0, 1, 2, 3]) {
    const earlier = F.quickTime("earlier-today", at(hour)), night = F.quickTime("last-night", at(hour));
    assert.equal(earlier, "2026-12-07T23:00", `at ${hour}:30`);
    assert.equal(night.slice(0, 10), "2026-12-08", `at ${hour}:30`);
    assert.ok(earlier < night, `at ${hour}:30 'Earlier today' (${earlier}) is not before 'Last night' (${night})`);
    assert.equal(F.entryTime({when: earlier, when_approx: "earlier-today"}), "earlier on 7 December 2026");
  }
});

test("over a month's end, the day before is the last of the month", () => {
  assert.equal(F.quickTime("earlier-today", new Date(2027, 0, 1, 1, 10)), "2026-12-31T23:00");
});

/* Whether QUICK puts "Earlier today" in the night that "Last night" stands for, at any hour. */
const overlaps = quick => Array.from({length: 24}, (_, hour) => at(hour)).some(now => {
  const earlier = quick("earlier-today", now), night = quick("last-night", now);
  return earlier.slice(0, 10) === night.slice(0, 10) && +earlier.slice(11, 13) < 3 + 1 && now.getHours() < 4;
});

test("'Last night' is 3 am, or the hour now before 3 am; the overlap check fails on the old rule (its fixture)", () => {
  assert.equal(F.quickTime("last-night", at(14)), "2026-12-08T03:00");
  assert.equal(F.quickTime("last-night", at(1)), "2026-12-08T01:00");
  const oldRule = (choice, now) => {  // "an hour before, midnight at the latest": 00:00 at 01:30
    const when = new Date(now.getTime());
    if (choice === "earlier-today") when.setHours(Math.max(now.getHours() - 1, 0), 0, 0, 0);
    if (choice === "last-night") when.setHours(now.getHours() < 3 ? now.getHours() : 3, 0, 0, 0);
    return F.localNow(when);
  };
  assert.equal(overlaps(oldRule), true, "the check misses the old overlap");
  assert.equal(overlaps(F.quickTime), false, "'Earlier today' still falls in the night");
});
