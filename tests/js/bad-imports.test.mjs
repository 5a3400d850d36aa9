// Backups the log refuses, each with the words that say what is wrong
// (SymptomLogFormat.parseBackup). That the page shows these words, keeps the
// stored log as it was and says "Nothing was imported or changed." is tested in
// a browser: tests/test_symptom_log.py, test_a_bad_import_is_refused_and_changes_nothing.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {backup, entry, fixture, parse} from "./load-format.mjs";

// In the current backup format: each entry says whether its signs came on suddenly, and GP visits are listed.
const current = (entries, top = {}) => backup(entries, [], {version: F.VERSION, gp_visits: [], ...top});
const at = (id, when, fields = {}) => entry(id, when, {sudden: null, ...fields});
const good = current([at("good-1", "2026-03-01T10:00")]);

const BAD_IMPORTS = {
  "wrong format": [{format: "another-app", version: 1, entries: []},
                   "The file is not a backup from this log."],
  "newer version": [{...good, version: F.VERSION + 1},
                    `The file was made by a newer version of this page (backup version ${F.VERSION + 1}; ` +
                    `this page reads up to version ${F.VERSION}).`],
  "no version": [{...good, version: "2"},
                 "The file does not say which version of the backup format it uses."],
  "bad GP visit": [current([at("ok", "2026-03-01T10:00")], {gp_visits: ["10 March"]}),
                   'A GP visit ("gp_visits") is dated "10 March", not a date like 2026-03-01.'],
  "bad sudden": [current([at("bad", "2026-03-02T10:00", {sudden: "yes"})]),
                 'Entry 1 (2 March 2026, 10:00): whether its signs came on suddenly ("sudden") is "yes"; it must be true, false or null.'],
  "bad field": [current([at("ok", "2026-03-01T10:00"), at("bad", "2026-03-02T10:00", {pain: 11})]),
                "Entry 2 (2 March 2026, 10:00): its pain score is 11; it must be a whole number from 0 to 10, or null."],
  "bad kind": [current([at("bad", "2026-03-02T10:00", {kind: "jump"})]),
               'Entry 1 (2 March 2026, 10:00): its kind is "jump"; it must be twitch, spasm, cramp.'],
  "bad date": [current([at("bad", "2 March")]),
               'Entry 1: its date and time ("when") is "2 March", not a date and time like 2026-03-01T14:30.'],
  "same id twice": [current([at("twin", "2026-03-01T10:00"), at("twin", "2026-03-02T10:00")]),
                    "Entry 2 (2 March 2026, 10:00): it has the same id as entry 1."],
  "over the limit": [current([at("big", "2026-03-01T10:00", {notes: "x".repeat(F.MAX_BYTES)})]),
                     `The file is more than ${F.megabytes(F.MAX_BYTES)}. This page can only load backups of ` +
                     `${F.megabytes(F.MAX_BYTES)} or less.`],
  "a number too big": [fixture("number-too-big.json"),
                       "Entry 1 (1 March 2026, 10:00): its pain score is a number too big to use;"],
  "the same day twice": [fixture("same-day-twice.json"),
                         "Day 2 (1 March 2026): it has the same date as day 1."],
  "not JSON": ["format: fibro-twitch-log\nthis is not JSON {",
               "The file is not a backup from this log, or it is damaged. A spreadsheet file (CSV) cannot be loaded."],
};

for (const [name, [data, message]] of Object.entries(BAD_IMPORTS)) {
  test(`a backup with ${name} is refused, saying: ${message}`, () => {
    const result = parse(data);
    assert.equal(result.ok, false, `the ${name} file was not refused`);
    assert.equal(result.backup, undefined, `the ${name} file was refused, but a backup to store came back too`);
    assert.ok(result.problems.some(problem => problem.includes(message)),
              `expected ${JSON.stringify(message)} among ${JSON.stringify(result.problems)}`);
  });
}

test("the good backup the bad ones are made from is not refused", () => {
  const result = parse(good);
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  assert.deepEqual(result.backup.entries.map(e => e.id), ["good-1"]);
});

test("the words the page puts after every refusal", () => {
  assert.equal(F.NOTHING_CHANGED, "Nothing was imported or changed.");
});
