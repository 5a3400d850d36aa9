// What the printed summary counts: sides and the day questions.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry} from "./load-format.mjs";

const entries = [
  entry("a", "2026-03-01T10:00", {side: "left"}), entry("b", "2026-03-02T10:00", {side: "left"}),
  entry("c", "2026-03-03T10:00", {side: "right"}), entry("d", "2026-03-04T10:00", {side: null}),
].map(F.normalEntry);
const days = [
  {date: "2026-03-01", sleep_hours: 5, caffeine: 4, stress: "high", medicine_change: "Started a new tablet"},
  {date: "2026-03-02", sleep_hours: 8, caffeine: 1, stress: "low", medicine_change: null},
  {date: "2026-03-03", sleep_hours: 6.5, caffeine: null, stress: "high", medicine_change: "  "},
  {date: "2026-02-01", sleep_hours: 2, caffeine: 9, stress: "medium", medicine_change: "Before the period"},
].map(F.normalDay);

test("sides are counted, with the entries that name none", () => {
  const s = F.summarise(entries, days, "2026-03-01", "2026-03-04");
  assert.deepEqual(s.bySide, [{name: "left", count: 2}, {name: "right", count: 1}, {name: null, count: 1}]);
});

test("a log without sides counts none, so the sheet says nothing about them", () => {
  const plain = entries.map(e => ({...e, side: undefined}));
  assert.deepEqual(F.summarise(plain, days, "2026-03-01", "2026-03-04").bySide, []);
});

test("the day questions in the period: sleep, caffeine, stress and medicine changes", () => {
  const a = F.summarise(entries, days, "2026-03-01", "2026-03-04").dayAnswers;
  assert.deepEqual(a.sleep, {low: 5, high: 8, middle: 6.5, count: 3});
  assert.deepEqual(a.caffeine, {low: 1, high: 4, middle: 2.5, count: 2});
  assert.deepEqual(a.stress, [{name: "low", count: 1}, {name: "high", count: 2}]);
  assert.deepEqual(a.medicines, [{date: "2026-03-01", text: "Started a new tablet"}]);
});

test("no day questions answered: nothing to list", () => {
  const a = F.summarise(entries, [], "2026-03-01", "2026-03-04").dayAnswers;
  assert.deepEqual(a, {sleep: null, caffeine: null, stress: [], medicines: []});
});

test("each body area counts its sides, leaving out entries that name none", () => {
  const s = F.summarise(entries, days, "2026-03-01", "2026-03-04");
  assert.deepEqual(s.byArea, [{name: "calf", count: 4, sides: [{name: "left", count: 2}, {name: "right", count: 1}]}]);
});

test("the pain scores' spread: lowest, highest and middle", () => {
  const scored = entries.map((e, i) => ({...e, pain: [2, 7, null, 4][i]}));
  assert.deepEqual(F.summarise(scored, days, "2026-03-01", "2026-03-04").pain, {low: 2, high: 7, middle: 4, count: 3});
});
