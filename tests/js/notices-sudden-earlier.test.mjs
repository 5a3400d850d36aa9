// A sign ticked as sudden on a day before today: the notice says when it was logged as sudden,
// and that the emergency holds only if it is happening now (care-rules.json, sudden_rule.earlier);
// and a sign ticked as sudden that no source calls an emergency says so (sudden_rule.not_emergency).
import test from "node:test";
import assert from "node:assert/strict";
import {N, rules, entry} from "./load-notices.mjs";
import {ruleProblems} from "./rule-check.mjs";

const WEAK_SUDDEN = entry("a", "2026-11-10T09:00", {area: "Arm or hand", signs: ["weak"], sudden: true});
const action = rules.levels.emergency.action;

test("a sign ticked as sudden on an earlier day says when, and calls 999 only if it is happening now", () => {
  const {shown} = N.notices([WEAK_SUDDEN], [], rules, "2026-12-08");
  assert.deepEqual(shown.map(n => n.id), ["sudden-earlier"]);
  const [notice] = shown;
  assert.equal(notice.level, "emergency");
  assert.equal(notice.href, rules.levels.emergency.href);
  assert.equal(notice.levelWords, rules.sudden_rule.earlier.level);
  assert.equal(notice.label, rules.sudden_rule.earlier.label);
  assert.equal(notice.shows, "You logged a sign as sudden on 10 November 2026.");
  assert.ok(notice.rule.startsWith("Is it happening now? " + action + " Has it passed? Show this entry to a doctor."), notice.rule);
  assert.doesNotMatch(notice.rule, /call 999 now/i);
  assert.deepEqual(ruleProblems(rules, shown, "symptom log notices"), []);
});

test("the same sign ticked as sudden today is the emergency, in the emergency card's words", () => {
  const {shown} = N.notices([WEAK_SUDDEN], [], rules, "2026-11-10");
  assert.deepEqual(shown.map(n => [n.id, n.levelWords]), [["sudden", rules.levels.emergency.short]]);
  assert.match(shown[0].rule, /call 999 now/i);
});

test("sudden today and sudden on an earlier day give both notices, today's first", () => {
  const today = entry("b", "2026-12-08T07:00", {signs: ["speech-or-swallowing"], sudden: true});
  const {shown} = N.notices([WEAK_SUDDEN, today], [], rules, "2026-12-08");
  assert.deepEqual(shown.slice(0, 2).map(n => [n.id, n.entries]), [["sudden", ["b"]], ["sudden-earlier", ["a"]]]);
});

test("the level check fails when a sign logged as sudden earlier says the plain emergency words", () => {
  const [notice] = N.notices([WEAK_SUDDEN], [], rules, "2026-12-08").shown;
  const problems = ruleProblems(rules, [{...notice, levelWords: rules.levels.emergency.short}], "symptom log notices");
  assert.deepEqual(problems, [`symptom log notices: the sign sudden-weakness says "Emergency", not the words of its level in ` +
                              `care-rules.json (${JSON.stringify(rules.sudden_rule.earlier.level)}).`]);
});

test("the earlier-day words come from the care rules: edited there, edited here", () => {
  const edited = structuredClone(rules);
  edited.sudden_rule.earlier.shows = "Logged as sudden: {dates}.";
  assert.equal(N.notices([WEAK_SUDDEN], [], edited, "2026-12-08").shown[0].shows, "Logged as sudden: 10 November 2026.");
});

test("thinner muscles ticked as sudden says plainly that no source calls it an emergency, and keeps its GP level", () => {
  const thin = entry("t", "2026-12-01T10:00", {area: "Back", signs: ["thinner-muscles"], sudden: true});
  const [notice] = N.notices([thin], [], rules, "2026-12-08").shown;
  assert.equal(notice.id, "thinner-muscles");
  assert.equal(notice.levelWords, rules.levels.gp.short);
  assert.ok(notice.shows.endsWith(" You ticked that it came on suddenly. This sign is not on the sources' emergency list, " +
                                  "so its advice stays: see a GP, not urgent."), notice.shows);
  const gradual = N.notices([{...thin, sudden: null}], [], rules, "2026-12-08").shown[0];
  assert.equal(gradual.suddenNote, undefined);
  assert.ok(!gradual.shows.includes("came on suddenly"), gradual.shows);
});

test("a sign ticked as sudden with a level of its own keeps that level, said in its words", () => {
  const leg = entry("l", "2026-12-01T10:00", {kind: "cramp", signs: ["one-leg-swollen"], sudden: true});
  const [notice] = N.notices([leg], [], rules, "2026-12-08").shown;
  assert.equal(notice.level, "urgent");
  assert.ok(notice.shows.endsWith("so its advice stays: urgent, the same day."), notice.shows);
});
