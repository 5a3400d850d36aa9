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

test("a version 1 backup becomes the current version: sudden and side null on each entry, no GP visits, built-in names kept", () => {
  const old = JSON.parse(`{"format": "fibro-twitch-log", "version": 1, "exported": "2026-03-20T18:00:00.000Z",
    "__proto__": {"top": 1}, "entries": [{"id": "a", "when": "2026-03-01T10:00", "kind": "twitch", "area": "Calf",
    "duration": null, "frequency": null, "pain": null, "signs": [], "disturbed_sleep": null, "notes": "",
    "__proto__": {"kept": "yes"}}], "days": []}`);
  const result = parse(old);
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  const [kept] = result.backup.entries;
  assert.equal(result.backup.version, F.VERSION);
  assert.equal(kept.side, null);
  assert.equal(kept.sudden, null);
  assert.deepEqual(result.backup.gp_visits, []);
  assert.ok(Object.prototype.hasOwnProperty.call(kept, "__proto__"), "the migration dropped an entry's __proto__ field");
  assert.ok(Object.prototype.hasOwnProperty.call(result.backup, "__proto__"), "the migration dropped a top-level __proto__ field");
  assert.equal(({}).kept, undefined, "the migration changed every object's prototype");
});

test("GP visits: a date that is not one is refused by name; repeats are kept once, in order", () => {
  const text = JSON.stringify(backup([], [], {version: 2, gp_visits: ["2026-03-01", "BIG", "constructor"]})).replace('"BIG"', "1e999");
  assert.deepEqual(parse(text).problems, [
    'A GP visit ("gp_visits") is dated a number too big to use, not a date like 2026-03-01.',
    'A GP visit ("gp_visits") is dated "constructor", not a date like 2026-03-01.']);
  assert.deepEqual(parse(backup([], [], {version: 2, gp_visits: {}})).problems,
                   ['The file\'s GP visits ("gp_visits") are not a list of dates.']);
  const result = parse(backup([], [], {version: 2, gp_visits: ["2026-03-05", "2026-03-01", "2026-03-05"]}));
  assert.deepEqual(result.backup.gp_visits, ["2026-03-01", "2026-03-05"]);
  assert.deepEqual(F.makeBackup([], [], null, new Date(0), result.backup.gp_visits).gp_visits, ["2026-03-01", "2026-03-05"]);
});

test("a field of the migrated entry nested too deep is still refused", () => {
  const nested = JSON.parse("[".repeat(F.MAX_DEPTH + 1) + "]".repeat(F.MAX_DEPTH + 1));
  const result = parse(backup([entry("a", "2026-03-01T10:00", {deep: nested})]));
  assert.equal(result.ok, false);
  assert.match(result.problems[0], /nested more than/);
});
