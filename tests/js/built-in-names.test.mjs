// Built-in object names (constructor, __proto__, toString, hasOwnProperty)
// are ordinary data: ids, areas and field names alike.
import {test} from "node:test";
import assert from "node:assert/strict";
import F, {entry, backup, fixture, parse} from "./load-format.mjs";

const NAMES = ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"];

test("ids named like built-ins are not taken for duplicates", () => {
  const result = parse(backup(NAMES.map((name, n) => entry(name, `2026-03-0${n + 1}T10:00`))));
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  assert.deepEqual(result.backup.entries.map(e => e.id), NAMES);
});

test("the same built-in id twice is still a duplicate", () => {
  const result = parse(backup([entry("constructor", "2026-03-01T10:00"), entry("constructor", "2026-03-02T10:00")]));
  assert.deepEqual(result.problems, ["Entry 2 (2 March 2026, 10:00): it has the same id as entry 1."]);
});

test("areas named like built-ins are counted as areas", () => {
  const entries = NAMES.map((name, n) => F.normalEntry(entry(`e${n}`, `2026-03-0${n + 1}T10:00`, {area: name})));
  const summary = F.summarise(entries, [], "2026-03-01", "2026-03-31");
  assert.deepEqual(summary.byArea.map(a => `${a.name}: ${a.count}`).sort(),
                   NAMES.map(name => `${name.toLowerCase()}: 1`).sort());
});

test("areas named like built-ins are places in the notices", async () => {
  const {N} = await import("./load-notices.mjs");
  for (const name of NAMES) {
    const {shown} = N.notices([F.normalEntry(entry("a", "2026-03-01T10:00", {area: name})),
                               F.normalEntry(entry("b", "2026-03-02T10:00"))]);
    const place = shown.find(n => n.id === "twitch-many-places");
    assert.ok(place, `an area named ${name} hid the 'more than one place' notice`);
    assert.match(place.items[0], new RegExp(`^${name}: 1 twitch, 1 March 2026$`));
  }
});

test("a field named __proto__ is kept like any unknown field, through parse, backup and CSV", () => {
  const result = parse(fixture("built-in-names.json"));
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  const kept = result.backup.entries.find(e => e.id === "__proto__");
  assert.ok(Object.prototype.hasOwnProperty.call(kept, "__proto__"), "the __proto__ field was dropped");
  assert.deepEqual(kept["__proto__"], {polluted: "yes"});
  assert.equal(({}).polluted, undefined, "the file changed every object's prototype");
  const again = JSON.parse(JSON.stringify(F.makeBackup(result.backup.entries, result.backup.days, JSON.parse('{"__proto__": {"top": 1}}'))));
  assert.deepEqual(again.entries.find(e => e.id === "__proto__")["__proto__"], {polluted: "yes"});
  assert.deepEqual(again["__proto__"], {top: 1}, "a top-level __proto__ field was dropped from the backup");
  const csv = F.toCSV(result.backup.entries, [{date: "2026-03-01", constructor: "x", sleep_hours: 7}]);
  assert.doesNotMatch(csv, /native code|\[object Object\]/);
});
