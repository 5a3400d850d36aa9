// CSV cells a spreadsheet could run, and the log's size limit.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry} from "./load-format.mjs";

const STARTS = {"equals": "=", "plus": "+", "minus": "-", "at": "@", "tab": "\t", "carriage return": "\r",
                "NUL": "\0", "line feed": "\n", "zero-width space": "\u200b", "byte order mark": "\ufeff",
                "full-width equals": "\uff1d", "full-width plus": "\uff0b", "full-width minus": "\uff0d",
                "full-width at": "\uff20"};

for (const [name, start] of Object.entries(STARTS)) {
  test(`a cell that starts with ${name} starts with ' instead`, () => {
    const cell = F.csvCell(start + "SUM(A1)");
    assert.equal(cell.replace(/^"/, "")[0], "'", `${JSON.stringify(cell)} is not neutralised`);
  });
}

test("ordinary cells are left as they are", () => {
  assert.equal(F.csvCell("Calf"), "Calf");
  assert.equal(F.csvCell(7), "7");
  assert.equal(F.csvCell(["a", "b"]), "a; b");
});

test("the size of a log is the size of its backup without spaces, in UTF-8", () => {
  const entries = [F.normalEntry(entry("a", "2026-03-01T10:00", {notes: "caf\u00e9 \u20ac \ud83d\ude00"}))];
  const days = [F.normalDay({date: "2026-03-01", sleep_hours: 7})];
  const text = JSON.stringify(F.makeBackup(entries, days, {note: "x"}));
  assert.equal(F.backupBytes(entries, days, {note: "x"}), Buffer.byteLength(text));
  assert.equal(F.recordBytes(entries[0]), Buffer.byteLength(JSON.stringify(entries[0])) + 1);
});

test("a log up to the import limit fits; the reader is told from 80%", () => {
  assert.equal(F.fits(F.MAX_BYTES), true);
  assert.equal(F.fits(F.MAX_BYTES + 1), false);
  assert.equal(F.nearlyFull(F.MAX_BYTES * 0.79), false);
  assert.equal(F.nearlyFull(F.MAX_BYTES * 0.8), true);
});

/* --- The spreadsheet leaves nothing out ------------------------------------------- */

const rowsOf = csv => csv.replace("\ufeff", "").trim().split("\r\n").map(line => line.split(","));

test("the spreadsheet has a sudden column: 'came on suddenly' is kept", () => {
  const csv = F.toCSV([entry("a", "2026-12-08T21:30", {signs: ["speech-or-swallowing"], sudden: true}),
                       entry("b", "2026-12-08T22:00", {sudden: null})], []);
  const [head, first, second] = rowsOf(csv);
  const at = head.indexOf("sudden");
  assert.ok(at > 0, "no sudden column: " + head);
  assert.equal(first[at], "true");
  assert.equal(second[at], "");
});

test("a day answered with no entry gets a row of its own, kind empty, in date order", () => {
  const days = [{date: "2026-12-07", sleep_hours: 4, caffeine: 5, stress: "high", medicine_change: "Started amitriptyline 10 mg"},
                {date: "2026-12-08", sleep_hours: 6.5, caffeine: 2, stress: "medium"}];
  const csv = F.toCSV([entry("a", "2026-12-06T10:00"), entry("b", "2026-12-08T10:00")], days);
  const [head, ...rows] = rowsOf(csv);
  const col = name => head.indexOf(name);
  assert.deepEqual(rows.map(r => [r[col("id")], r[col("when")], r[col("kind")]]),
                   [["a", "2026-12-06T10:00", "twitch"], ["", "2026-12-07", ""], ["b", "2026-12-08T10:00", "twitch"]]);
  assert.equal(rows[1][col("medicine_change")], "Started amitriptyline 10 mg", "the day's new medicine is lost");
  assert.equal(rows[1][col("sleep_hours")], "4");
  assert.equal(rows[2][col("sleep_hours")], "6.5", "a day with an entry keeps its answers on that entry's row");
  assert.equal(rows.length, 3, "a day with an entry got a second row");
});

test("a day-only row keeps the safety of every cell: a medicine typed as a formula is neutralised", () => {
  const csv = F.toCSV([], [{date: "2026-12-07", medicine_change: "=HYPERLINK(\"x\")"}, {date: "2026-12-06", medicine_change: "@SUM(1)"}]);
  const [head, ...rows] = rowsOf(csv);
  assert.deepEqual(rows.map(r => r[head.indexOf("when")]), ["2026-12-06", "2026-12-07"]);
  assert.ok(csv.includes("'@SUM(1)") && csv.includes("\"'=HYPERLINK(\"\"x\"\")\""), csv);
});

test("the day-row check can fail: a CSV without the day's row is caught (its failing fixture)", () => {
  const csv = F.toCSV([entry("a", "2026-12-06T10:00")], []);
  assert.equal(rowsOf(csv).length, 2);
  assert.ok(!csv.includes("2026-12-07"), "a day nobody answered has no row");
});
