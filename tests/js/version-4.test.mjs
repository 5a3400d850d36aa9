// Backup format version 4: a quick time ("Last night", "Earlier today") is kept
// as the reader chose it (when_approx), and is never shown, exported or printed
// as a clock time the reader did not give.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry, backup, fixture, parse} from "./load-format.mjs";

test("version 4 keeps each rough time as written", () => {
  const loaded = parse(fixture("backup-v4.json")).backup;
  assert.deepEqual(loaded.entries.map(e => e.when_approx), ["last-night", "earlier-today", null]);
});

test("MIGRATIONS[3] gives every entry a when_approx of null, and changes nothing else", () => {
  const out = F.MIGRATIONS[3]({version: 3, entries: [{id: "a", when: "2026-03-01T03:00"}, {id: "b", when_approx: "last-night"}, null],
                               twitching_started: "2026-01-01"});
  assert.deepEqual(out.entries, [{id: "a", when: "2026-03-01T03:00", when_approx: null}, {id: "b", when_approx: "last-night"}, null]);
  assert.equal(out.twitching_started, "2026-01-01");
});

test("every older fixture loads with when_approx null: its times were the reader's own", () => {
  for (const version of [1, 2, 3]) {
    const loaded = parse(fixture(`backup-v${version}.json`)).backup;
    assert.ok(loaded.entries.every(e => e.when_approx === null), `backup-v${version}.json: ${JSON.stringify(loaded.entries)}`);
  }
});

test("a rough time this page does not know is refused in plain words", () => {
  const result = parse(backup([entry("bad", "2026-03-02T03:00", {when_approx: "at dawn"})], [], {version: 4}));
  assert.equal(result.ok, false);
  assert.deepEqual(result.problems, ['Entry 1 (2 March 2026, 03:00): its rough time ("when_approx") is "at dawn"; ' +
                                     "it must be earlier-today, last-night or null."]);
});

test("the words say what the reader chose, with no clock time", () => {
  assert.equal(F.entryTime({when: "2026-12-07T03:00", when_approx: "last-night"}), "7 December 2026, during the night");
  assert.equal(F.entryTime({when: "2026-12-07T22:00", when_approx: "earlier-today"}), "earlier on 7 December 2026");
  assert.equal(F.entryTime({when: "2026-12-07T22:15", when_approx: null}), "7 December 2026, 22:15");
  assert.equal(F.entryTime({when: "2026-12-07T22:15"}), "7 December 2026, 22:15");
});

test("the chip names the night: the one that ends on the day the time falls on", () => {
  assert.equal(F.nightBefore("2026-12-07", true), "6 to 7 Dec");
  assert.equal(F.nightBefore("2026-12-01", true), "30 Nov to 1 Dec");
  assert.equal(F.nightBefore("2027-01-01"), "31 December to 1 January");
  // At 23:40 and at 00:30 "Last night" is the night that ends on the date quickTime gives.
  assert.equal(F.quickTime("last-night", new Date(2026, 11, 7, 23, 40)).slice(0, 10), "2026-12-07");
  assert.equal(F.quickTime("last-night", new Date(2026, 11, 8, 0, 30)).slice(0, 10), "2026-12-08");
});

test("the spreadsheet gives a rough time's date alone, its when_approx, the start date and the GP visits", () => {
  const csv = F.toCSV([entry("a", "2026-03-01T03:00", {when_approx: "last-night"}), entry("b", "2026-03-02T10:15", {when_approx: null})],
                      [], "2026-02-01", ["2026-03-05", "2026-02-20"]);
  const [head, first, second] = csv.replace("\ufeff", "").split("\r\n").map(line => line.split(","));
  const at = name => { const column = head.indexOf(name); assert.ok(column >= 0, `no ${name} column: ${head}`); return column; };
  assert.equal(first[at("when")], "2026-03-01");
  assert.equal(first[at("when_approx")], "last-night");
  assert.equal(second[at("when")], "2026-03-02T10:15");
  assert.equal(second[at("when_approx")], "");
  assert.equal(first[at("twitching_started")], "2026-02-01");
  assert.equal(second[at("gp_visits")], "2026-02-20; 2026-03-05");
});

test("a backup made here carries when_approx and loads back the same", () => {
  const entries = [F.normalEntry(entry("a", "2026-03-01T03:00", {when_approx: "last-night"})), F.normalEntry(entry("b", "2026-03-02T10:00"))];
  const back = parse(JSON.stringify(F.makeBackup(entries, [], null, new Date(0), []))).backup;
  assert.deepEqual(back.entries.map(e => e.when_approx), ["last-night", null]);
});
