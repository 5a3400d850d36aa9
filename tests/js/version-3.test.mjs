// Backup format version 3: each entry's side and the day the twitching started,
// the migration from every older version, and what a backup of them carries.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync} from "node:fs";
import F, {entry, backup, fixture, parse} from "./load-format.mjs";

const versions = readdirSync(new URL("../fixtures/symptom-log/", import.meta.url))
  .map(name => /^backup-v(\d+)\.json$/.exec(name)).filter(Boolean).map(match => +match[1]).sort((a, b) => a - b);

test("there is a backup fixture for every version up to this page's", () => {
  assert.deepEqual(versions, Array.from({length: F.VERSION}, (_, i) => i + 1));
});

for (const version of versions) {
  test(`a version ${version} backup loads as version ${F.VERSION}, every entry and unknown field kept`, () => {
    const text = fixture(`backup-v${version}.json`), original = JSON.parse(text);
    const result = parse(text);
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    const loaded = result.backup;
    assert.equal(loaded.version, F.VERSION);
    assert.deepEqual(loaded.entries.map(e => e.id), original.entries.map(e => e.id));
    for (const [index, kept] of loaded.entries.entries()) {
      assert.equal(kept.side, original.entries[index].side ?? null, `entry ${kept.id}: its side changed`);
      assert.ok(Object.hasOwn(kept, "side") && Object.hasOwn(kept, "sudden"), `entry ${kept.id} lacks a field of version ${F.VERSION}`);
    }
    assert.equal(loaded.twitching_started, original.twitching_started ?? null);
    assert.equal(loaded.entries[0].mood, "tired", "an entry's unknown field was dropped");
    assert.equal(loaded.app_note, original.app_note, "an unknown top-level field was dropped");
  });
}

test("version 3 keeps the sides and the start date as written", () => {
  const loaded = parse(fixture("backup-v3.json")).backup;
  assert.deepEqual(loaded.entries.map(e => e.side), ["left", "right", null]);
  assert.equal(loaded.twitching_started, "2026-02-20");
});

test("MIGRATIONS[2] adds side and twitching_started without touching what is there", () => {
  const out = F.MIGRATIONS[2]({version: 2, entries: [{id: "a"}, {id: "b", side: "left"}, null], twitching_started: "2026-01-01"});
  assert.deepEqual(out.entries, [{id: "a", side: null}, {id: "b", side: "left"}, null]);
  assert.equal(out.twitching_started, "2026-01-01");
  assert.equal(F.MIGRATIONS[2]({version: 2, entries: []}).twitching_started, null);
});

test("a side this page does not know is refused in plain words, and nothing of the file is loaded", () => {
  const result = parse(backup([entry("ok", "2026-03-01T10:00", {side: "left"}), entry("bad", "2026-03-02T10:00", {side: "up"})],
                              [], {version: 3}));
  assert.equal(result.ok, false);
  assert.equal(result.backup, undefined, "a refused file must give back nothing to store");
  assert.deepEqual(result.problems, ['Entry 2 (2 March 2026, 10:00): its side ("side") is "up"; it must be left, right, both or null.']);
});

test("a start date that is not a date is refused in plain words", () => {
  for (const [value, shown] of [["last spring", '"last spring"'], ["2026-02-30", '"2026-02-30"'], [7, "7"]]) {
    const result = parse(backup([], [], {version: 3, twitching_started: value}));
    assert.deepEqual(result.problems, [`The date your twitching started ("twitching_started") is ${shown}, not a date like 2026-03-01.`]);
  }
});

test("a backup made here carries each side and the start date, and loads back the same", () => {
  const entries = [F.normalEntry(entry("a", "2026-03-01T10:00", {side: "right"})), F.normalEntry(entry("b", "2026-03-02T10:00"))];
  const made = F.makeBackup(entries, [], {app_note: "kept"}, new Date("2026-03-03T00:00:00Z"), [], "2026-02-01");
  assert.equal(made.version, F.VERSION);
  assert.equal(made.twitching_started, "2026-02-01");
  const back = parse(JSON.stringify(made)).backup;
  assert.deepEqual(back.entries.map(e => e.side), ["right", null]);
  assert.equal(back.twitching_started, "2026-02-01");
  assert.equal(F.makeBackup([], [], null, new Date(0), []).twitching_started, null);
  assert.ok(F.backupBytes([], [], null, [], "2026-02-01") > F.backupBytes([], [], null, []), "the size leaves out the start date");
});

test("the spreadsheet has a side column, in words a spreadsheet can sort", () => {
  const csv = F.toCSV([entry("a", "2026-03-01T10:00", {side: "both"}), entry("b", "2026-03-02T10:00", {side: null})], []);
  const [head, first, second] = csv.replace("\ufeff", "").split("\r\n");
  const column = head.split(",").indexOf("side");
  assert.ok(column > 0, "no side column: " + head);
  assert.equal(first.split(",")[column], "both");
  assert.equal(second.split(",")[column], "");
});

test("importing never moves the start date later", () => {
  assert.equal(F.earlierStart("2026-03-01", "2026-01-01"), "2026-01-01");
  assert.equal(F.earlierStart("2026-01-01", "2026-03-01"), "2026-01-01");
  assert.equal(F.earlierStart(null, "2026-03-01"), "2026-03-01");
  assert.equal(F.earlierStart(undefined, null), null);
});

test("the words for each side are there, for the page and the print", () => {
  assert.deepEqual(F.SIDES, ["left", "right", "both"]);
  for (const side of F.SIDES) assert.ok(F.WORDS.side[side], `no words for ${side}`);
});
