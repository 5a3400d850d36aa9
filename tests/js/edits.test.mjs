// Saving a change writes only what the reader changed; a field another tab
// changed meanwhile is kept, and one both changed is a conflict.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry} from "./load-format.mjs";

const stored = entry("x", "2026-03-01T10:15:42", {notes: "line one\r\nline two", mood: "tired"});
const shown = {when: "2026-03-01T10:15", kind: "twitch", area: "Calf", pain: null, notes: "line one\nline two"};

test("saving without a change keeps the seconds and the line ends", () => {
  const result = F.mergeEdit(stored, shown, {...shown}, stored);
  assert.deepEqual(result.changed, []);
  assert.deepEqual(result.entry, stored);
});

test("a change to one field leaves the others as stored", () => {
  const result = F.mergeEdit(stored, shown, {...shown, pain: 4}, stored);
  assert.deepEqual(result.changed, ["pain"]);
  assert.deepEqual(result.entry, {...stored, pain: 4});
});

test("another tab's change to another field is kept", () => {
  const theirs = {...stored, notes: "from the other tab"};
  const result = F.mergeEdit(stored, shown, {...shown, pain: 4}, theirs);
  assert.deepEqual(result.conflicts, []);
  assert.equal(result.entry.notes, "from the other tab");
  assert.equal(result.entry.pain, 4);
});

test("both tabs changing the same field is a conflict", () => {
  const theirs = {...stored, notes: "from the other tab"};
  const result = F.mergeEdit(stored, shown, {...shown, notes: "from this tab"}, theirs);
  assert.deepEqual(result.conflicts, ["notes"]);
});

test("both tabs making the same change is not a conflict", () => {
  const theirs = {...stored, pain: 4};
  assert.deepEqual(F.mergeEdit(stored, shown, {...shown, pain: 4}, theirs).conflicts, []);
});

test("an entry deleted meanwhile is gone, not written again", () => {
  const result = F.mergeEdit(stored, shown, {...shown, pain: 4}, undefined);
  assert.equal(result.gone, true);
  assert.equal(result.entry, null);
});

test("a date and time after this minute is later than now", () => {
  const now = new Date(2026, 11, 7, 18, 5);
  assert.equal(F.isAfterNow("2026-12-07T18:05", now), false);
  assert.equal(F.isAfterNow("2026-12-07T18:05:59", now), false);
  assert.equal(F.isAfterNow("2026-12-07T18:06", now), true);
  assert.equal(F.isAfterNow("2062-12-07T18:00", now), true);
});
