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
