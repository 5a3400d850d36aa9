// After a GP visit, the "see a GP once" signs (care-rules.json gp_rule.once: a twitch in
// one place for more than 2 weeks, twitches in more than one place) never send the reader
// back: what is new in them since the visit is listed for the records (notices().since).
// A new sign from gp_rule.new_signs, a sudden sign or the urgent leg is still shown.
import {test} from "node:test";
import assert from "node:assert/strict";
import {N, entry, rules} from "./load-notices.mjs";

const TODAY = "2026-12-08", VISIT = ["2026-11-22"];
const twitch = (id, when, area, side, fields = {}) => entry(id, when, {area, side, ...fields});
// The reviewer's log: a left calf and a right arm before the visit.
const BEFORE = [twitch("a", "2026-11-10T20:00", "Calf", "left"), twitch("b", "2026-11-20T10:00", "Arm or hand", "right")];

test("the calf the GP saw, twitching again 18 days later: for the records, never 'See a GP' again", () => {
  const result = N.notices([...BEFORE, twitch("c", "2026-11-28T10:00", "Calf", "left")], VISIT, rules, TODAY);
  assert.deepEqual(result.shown, []);
  assert.deepEqual(result.since.map(n => n.id), ["twitch-two-weeks"]);
});

test("a new place after the visit: for the records, never 'See a GP' again", () => {
  const result = N.notices([...BEFORE, twitch("c", "2026-12-08T10:00", "Eyelid or face", "left")], VISIT, rules, TODAY);
  assert.deepEqual(result.shown, []);
  assert.equal(N.sinceWords(result.since), "Twitches in more than one place: Eyelid or face (left side)");
});

test("the boundary: 14 days apart after the visit is not '2 weeks', 15 days is, for the records", () => {
  const one = [twitch("a", "2026-11-20T10:00", "Calf", "left")];
  const at14 = N.notices([...one, twitch("c", "2026-12-04T10:00", "Calf", "left")], VISIT, rules, TODAY);
  assert.deepEqual([at14.shown, at14.since], [[], []]);
  const at15 = N.notices([...one, twitch("c", "2026-12-05T10:00", "Calf", "left")], VISIT, rules, TODAY);
  assert.deepEqual(at15.shown, []);
  assert.deepEqual(at15.since.map(n => n.id), ["twitch-two-weeks"]);
});

test("the boundary: an entry on the day of the visit was seen at it; the day after is since", () => {
  const onDay = N.notices([...BEFORE, twitch("c", "2026-11-22T18:00", "Back", null)], VISIT, rules, TODAY);
  assert.deepEqual(onDay.since, []);
  assert.deepEqual(onDay.earlier.map(n => n.id), ["twitch-many-places"]);
  const after = N.notices([...BEFORE, twitch("c", "2026-11-23T08:00", "Back", null)], VISIT, rules, TODAY);
  assert.deepEqual(after.since.map(n => n.newSince), [["Back"]]);
});

test("without a visit, the same twitches are 'See a GP': the once rule applies once", () => {
  const result = N.notices([...BEFORE, twitch("c", "2026-11-28T10:00", "Calf", "left")], [], rules, TODAY);
  assert.deepEqual(result.shown.map(n => [n.id, n.level]), [["twitch-two-weeks", "gp"], ["twitch-many-places", "gp"]]);
  assert.deepEqual(result.since, []);
});

test("a new sign from gp_rule.new_signs after the visit is still shown, new since the visit", () => {
  for (const tick of ["weak", "feeling-change", "thinner-muscles", "speech-or-swallowing", "leg-weakness", "weak-grip"]) {
    const result = N.notices([...BEFORE, twitch("c", "2026-12-01T10:00", "Calf", "left", {signs: [tick]})], VISIT, rules, TODAY);
    assert.equal(result.shown.length, 1, `${tick}: ${result.shown.map(n => n.id)}`);
    assert.ok(result.shown[0].newSince.length, tick);
    assert.ok(rules.gp_rule.new_signs.includes(result.shown[0].sign) || result.shown[0].sign === "weak-or-stiff", tick);
  }
});

test("a sudden sign and the urgent leg after the visit are still shown", () => {
  const sudden = N.notices([...BEFORE, twitch("c", TODAY + "T10:00", "Calf", "left", {signs: ["weak"], sudden: true})], VISIT, rules, TODAY);
  assert.deepEqual(sudden.shown.map(n => n.level), ["emergency"]);
  const leg = N.notices([...BEFORE, entry("c", TODAY + "T10:00", {kind: "cramp", area: "Calf", side: "left", signs: ["one-leg-swollen"]})],
                        VISIT, rules, TODAY);
  assert.deepEqual(leg.shown.map(n => n.level), ["urgent"]);
});

test("the once signs named in the care rules are the ones held back (a failing fixture: an empty list)", () => {
  assert.deepEqual(rules.gp_rule.once, ["twitch-two-weeks", "twitch-many-places"]);
  const edited = structuredClone(rules);
  edited.gp_rule.once = [];
  const result = N.notices([...BEFORE, twitch("c", "2026-12-08T10:00", "Eyelid or face", "left")], VISIT, edited, TODAY);
  assert.deepEqual(result.shown.map(n => n.id), ["twitch-many-places"], "with no once signs, a new place is shown again");
});
