// The log's notices come in order of level, on screen and on paper (both read
// notices().shown): emergency, urgent, see a GP, see a doctor, then the signs no
// source names. And the form's urgent box: the urgent card's own words for a tick
// whose sign is urgent, and nothing for any other tick.
import {test} from "node:test";
import assert from "node:assert/strict";
import {N, entry, rules} from "./load-notices.mjs";

const RANK = ["emergency", "urgent", "gp", "doctor", "none"];
const levels = shown => shown.map(n => n.level);
const inOrder = list => list.every((level, i) => i === 0 || RANK.indexOf(list[i - 1]) <= RANK.indexOf(level));

// The reviewer's log: GP signs found before the urgent leg, a spasm tick no source names, a sudden sign.
const walk = [
  entry("t1", "2026-11-10T20:00", {side: "left"}),
  entry("t2", "2026-11-20T10:00", {area: "Arm or hand", side: "right"}),
  entry("t3", "2026-11-28T10:00", {side: "left", signs: ["weak"]}),
  entry("c1", "2026-12-07T03:00", {kind: "cramp", side: "right", disturbed_sleep: true, duration: "over-10-minutes",
                                   signs: ["feeling-change"], when_approx: "last-night"}),
  entry("s1", "2026-12-08T10:00", {kind: "spasm", area: "Back", signs: ["stiff"]}),
  entry("c2", "2026-12-08T21:30", {kind: "cramp", area: "Thigh", side: "left", signs: ["one-leg-swollen"]}),
  entry("t4", "2026-12-08T21:30", {area: "Eyelid or face", side: "left", signs: ["speech-or-swallowing"], sudden: true}),
];

test("the notices come in order of level: emergency, urgent, GP, doctor, then not named", () => {
  const {shown} = N.notices(walk, [], rules, "2026-12-08");
  assert.equal(shown[0].level, "emergency");
  assert.equal(shown[1].level, "urgent", `the urgent leg comes second, not after GP notices: ${levels(shown)}`);
  assert.ok(inOrder(levels(shown)), `out of order: ${levels(shown).join(", ")}`);
  assert.equal(shown[shown.length - 1].level, "none");
});

test("a single urgent leg comes before every GP notice", () => {
  const {shown} = N.notices(walk.filter(e => e.id !== "t4" && e.id !== "s1"), [], rules, "2026-12-08");
  assert.equal(shown[0].level, "urgent", levels(shown).join(", "));
  assert.ok(inOrder(levels(shown)), levels(shown).join(", "));
});

test("after a GP visit, what is shown is still in order of level", () => {
  const {shown} = N.notices(walk, ["2026-11-22"], rules, "2026-12-08");
  assert.ok(shown.length > 2);
  assert.ok(inOrder(levels(shown)), levels(shown).join(", "));
});

test("within a level, notices keep the order they were found in", () => {
  const {shown} = N.notices(walk, [], rules, "2026-12-08");
  const gp = shown.filter(n => n.level === "gp").map(n => n.id);
  assert.deepEqual(gp.slice(0, 2), ["twitch-two-weeks", "twitch-many-places"]);
});

test("the order check fails on notices out of order (its failing fixture)", () => {
  assert.equal(inOrder(["gp", "urgent"]), false);
  assert.equal(inOrder(["emergency", "none", "doctor"]), false);
});

/* --- The form's urgent box ----------------------------------------------------- */

test("ticking one painful, swollen leg gives the urgent card's own words, for any kind", () => {
  const card = rules.cards.find(c => c.id === "urgent"), sign = rules.signs.find(s => s.id === "one-leg-swollen");
  for (const kind of ["twitch", "spasm", "cramp", undefined]) {
    const alert = N.urgentAlert(["one-leg-swollen"], kind, rules);
    assert.ok(alert, `no urgent box for a ${kind}`);
    assert.equal(alert.levelLabel, rules.levels.urgent.short);
    assert.equal(alert.rule, `${card.heading} ${sign.text}.`);
    assert.equal(alert.note, sign.step_up);
    assert.equal(alert.sourceTitle, rules.sources["nhs-dvt"].title);
    assert.equal(alert.href, rules.levels.urgent.href);
  }
});

test("no urgent box for ticks whose sign is not urgent, or for none", () => {
  const others = rules.log_signs.map(t => t.id).filter(id => id !== "one-leg-swollen");
  assert.equal(N.urgentAlert(others, "cramp", rules), null);
  assert.equal(N.urgentAlert([], "cramp", rules), null);
  assert.equal(N.urgentAlert(undefined, undefined, rules), null);
});

test("the urgent box follows the care rules: a tick mapped to an urgent sign shows it", () => {
  const changed = structuredClone(rules);
  changed.log_signs.find(t => t.id === "stiff").for.spasm = "one-leg-swollen";
  assert.ok(N.urgentAlert(["stiff"], "spasm", changed));
  assert.equal(N.urgentAlert(["stiff"], "twitch", changed), null);
});
