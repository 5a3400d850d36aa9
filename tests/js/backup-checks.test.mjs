// What a backup is refused for, in words that say what is wrong.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry, backup, fixture, parse} from "./load-format.mjs";

test("1e999 is reported as too big, not as null", () => {
  const result = parse(fixture("number-too-big.json"));
  assert.equal(result.ok, false);
  assert.deepEqual(result.problems, [
    "Entry 1 (1 March 2026, 10:00): its pain score is a number too big to use; it must be a whole number from 0 to 10, or null.",
    "Day 1 (1 March 2026): its hours slept are a number too big to use; they must be a number from 0 to 24, or null."]);
});

test("a deeply nested field is refused before anything is stored, and said plainly", () => {
  const result = parse(fixture("deeply-nested.json"));
  assert.equal(result.ok, false);
  assert.deepEqual(result.problems, [
    `Entry 3 (3 March 2026, 10:00): a field is nested more than ${F.MAX_DEPTH} levels deep, so this browser cannot store it.`]);
  const nested = JSON.parse("[".repeat(F.MAX_DEPTH - 1) + "]".repeat(F.MAX_DEPTH - 1));
  assert.equal(parse(backup([entry("ok", "2026-03-01T10:00", {deep: nested})])).ok, true, "a field within the limit was refused");
});

test("two days with the same date are refused, naming both", () => {
  const result = parse(fixture("same-day-twice.json"));
  assert.deepEqual(result.problems, ["Day 2 (1 March 2026): it has the same date as day 1."]);
});

test("a file over the limit is refused unread, with the limit in MB", () => {
  const result = F.parseBackup("", F.MAX_BYTES + 1);
  assert.deepEqual(result.problems, [`The file is more than ${F.megabytes(F.MAX_BYTES)}. This page can only load backups of ${F.megabytes(F.MAX_BYTES)} or less.`]);
});
