// The signs the log offers (the care rules' log_signs) against what the reader
// ticked: weak and stiff apart, only weakness, a change of feeling or speech the
// emergency when sudden, a sign no source names for a kind said plainly, the
// printed words naming the tick before the rule it met (review F: F1 to F3),
// and the format's allowed values following that one list.
import {test} from "node:test";
import assert from "node:assert/strict";
import {F, N, entry, rules} from "./load-notices.mjs";
import {ruleProblems} from "./rule-check.mjs";

const cramp = (id, when, fields = {}) => entry(id, when, {kind: "cramp", area: "Calf", side: "left", ...fields});
const TODAY = "2026-12-08";

/* Where the format's SIGNS and WORDS.sign differ from the care rules' log_signs, in plain words. */
export function formatProblems(rules, format, where) {
  const ids = rules.log_signs.map(t => t.id), problems = [];
  if (JSON.stringify(format.SIGNS) !== JSON.stringify(ids)) {
    problems.push(`${where}: SIGNS is ${JSON.stringify(format.SIGNS)}, but the care rules' log_signs are ${JSON.stringify(ids)}.`);
  }
  for (const tick of rules.log_signs) {
    if (format.WORDS.sign[tick.id] !== tick.label) {
      problems.push(`${where}: WORDS.sign says ${JSON.stringify(format.WORDS.sign[tick.id])} for "${tick.id}", ` +
                    `but the care rules' log_signs say ${JSON.stringify(tick.label)}.`);
    }
  }
  return problems;
}

test("the format's allowed signs and their words are the care rules' log_signs", () => {
  assert.deepEqual(formatProblems(rules, F, "symptom-log-format.js"), []);
});

test("the format check names a sign the care rules lack and a label that differs", () => {
  const edited = structuredClone(rules);
  edited.log_signs = edited.log_signs.filter(t => t.id !== "weak-grip");
  edited.log_signs.find(t => t.id === "stiff").label = "The muscle felt stiff";
  const problems = formatProblems(edited, F, "symptom-log-format.js");
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems[0], /^symptom-log-format\.js: SIGNS is .*"weak-grip".*, but the care rules' log_signs are /);
  assert.equal(problems[1], 'symptom-log-format.js: WORDS.sign says "The area feels stiff" for "stiff", ' +
                            'but the care rules\' log_signs say "The muscle felt stiff".');
});

/* --- F1: a stiff calf after a cramp is never the emergency ------------------------ */

test("a cramp with a stiff calf, ticked as sudden, is no emergency: in the form or in the notices", () => {
  assert.equal(N.suddenAlert(["stiff"], rules), null);
  const {shown} = N.notices([cramp("a", "2026-12-08T03:00", {signs: ["stiff"], sudden: true, disturbed_sleep: true})], [], rules, TODAY);
  assert.ok(!shown.some(n => n.level === "emergency"), JSON.stringify(shown.map(n => [n.id, n.level])));
  // The GP level before the sign no source names (order of level).
  assert.deepEqual(shown.map(n => n.id), ["cramps-disturb-sleep", "not-named"]);
});

test("an older entry's 'weak or stiff' with a sudden cramp is no emergency, and is shown as the reader ticked it", () => {
  assert.equal(N.suddenAlert(["weak-or-stiff"], rules), null);
  const {shown} = N.notices([cramp("a", "2026-11-08T03:00", {signs: ["weak-or-stiff"], sudden: true})], [], rules, TODAY);
  assert.deepEqual(shown.map(n => [n.id, n.level]), [["not-named", "none"]]);
  assert.match(shown[0].shows, /\u201cThe area feels weak or stiff\u201d ticked/);
  // It cannot tell weakness from stiffness: it gives the sudden rule, without calling 999 for it.
  assert.equal(shown[0].sudden.text, rules.sudden_rule.text);
});

test("weakness with a cramp, ticked as sudden, is the emergency: sudden weakness is, whatever the kind", () => {
  assert.ok(N.suddenAlert(["weak"], rules));
  const {shown} = N.notices([cramp("a", "2026-12-08T03:00", {signs: ["weak"], sudden: true})], [], rules, TODAY);
  assert.deepEqual(shown.map(n => [n.id, n.level]), [["sudden", "emergency"]]);
  assert.match(shown[0].items[0], /: The area feels weak$/);
});

test("every tick with an if_sudden is the emergency when sudden, and only those", () => {
  for (const tick of rules.log_signs) {
    const alert = N.suddenAlert([tick.id], rules);
    assert.equal(Boolean(alert), Boolean(tick.if_sudden), `${tick.id}: ${JSON.stringify(alert)}`);
  }
});

/* --- F2: one tick, the sign its source names for each kind ------------------------ */

test("each tick, with each kind, meets the sign its log_signs entry names, at that sign's level and source", () => {
  for (const tick of rules.log_signs) {
    for (const kind of F.KINDS) {
      const made = N.notices([entry("a", "2026-12-01T10:00", {kind, area: "Calf", signs: [tick.id]})], [], rules, TODAY).shown;
      const notice = made.find(n => n.tick === tick.id || (n.ticks || []).includes(tick.id));
      assert.ok(notice, `${tick.id} with a ${kind}: no notice`);
      assert.equal(notice.sign, tick.for[kind], `${tick.id} with a ${kind}`);
      assert.deepEqual(ruleProblems(rules, [notice], `${tick.id} with a ${kind}`), []);
    }
  }
});

test("one painful swollen leg is urgent, and says when it is an emergency", () => {
  const {shown} = N.notices([cramp("a", "2026-12-07T03:00", {signs: ["one-leg-swollen"]})], [], rules, TODAY);
  assert.deepEqual(shown.map(n => [n.id, n.level, n.sourceTitle]), [["one-leg-swollen", "urgent", "NHS, Deep vein thrombosis (DVT)"]]);
  assert.match(shown[0].rule, /breathless or have chest pain, it is an emergency/);
  assert.equal(shown[0].levelWords, rules.levels.urgent.short);
});

/* --- F3: the printed words name the tick first, then the rule it met -------------- */

test("a change of feeling with a cramp is printed as ticked, then the rule it meets: never 'swelling' alone", () => {
  const {shown} = N.notices([cramp("a", "2026-12-01T10:00", {signs: ["feeling-change"], side: "right"})], [], rules, TODAY);
  assert.equal(shown[0].label, "Ticked \u201cA change or loss of feeling\u201d with a cramp; the rule it meets: " +
                               "Cramps with numbness or swelling in your legs");
  assert.ok(shown[0].label.indexOf("A change or loss of feeling") < shown[0].label.indexOf("swelling"));
});

test("a tick whose words are the rule's own is named once", () => {
  const {shown} = N.notices([entry("a", "2026-12-01T10:00", {signs: ["thinner-muscles"]})], [], rules, TODAY);
  assert.equal(shown[0].label, "Muscles look thinner");
});

/* --- The format: version 5 keeps an older tick as it was --------------------------- */

test("MIGRATIONS[4] keeps 'weak-or-stiff' as the reader ticked it, and the v4 fixture loads as version 5", async () => {
  const out = F.MIGRATIONS[4]({version: 4, entries: [{id: "a", signs: ["weak-or-stiff"]}]});
  assert.deepEqual(out.entries, [{id: "a", signs: ["weak-or-stiff"]}]);
  const {fixture, parse} = await import("./load-format.mjs");
  const loaded = parse(fixture("backup-v4.json")).backup;
  assert.equal(loaded.version, 5);
  assert.deepEqual(loaded.entries.find(e => e.id === "v1-cramp-calf").signs, ["weak-or-stiff"]);
  const five = parse(fixture("backup-v5.json"));
  assert.ok(five.ok, JSON.stringify(five.problems));
  assert.deepEqual(five.backup.entries.map(e => e.signs).flat(), ["weak-or-stiff", "stiff", "weak-grip", "weak"]);
});

/* --- The go-back rule's new signs are never 'not named' with a twitch or a spasm (review G, G7) --- */

/* The ticks that meet one of gp_rule.new_signs for a twitch, but no sign for KIND: each would tell a
 * reader "the sources do not say" where the site's go-back rule says "see a doctor". Stiffness shares
 * the twitch's "weak or stiff" sign but is not a new sign: reference-facts.md lists weakness, a
 * change in feeling, thinner muscles, and trouble speaking or swallowing. */
const NOT_A_NEW_SIGN = ["stiff"];
function newSignGaps(withRules, kind) {
  return withRules.log_signs.filter(tick => !tick.retired && !NOT_A_NEW_SIGN.includes(tick.id) &&
                                            withRules.gp_rule.new_signs.includes(tick.for.twitch) && !tick.for[kind])
    .map(tick => tick.id);
}

test("a tick that is a new sign (gp_rule.new_signs) meets a sign with a spasm too, at that sign's level", () => {
  assert.deepEqual(newSignGaps(rules, "spasm"), []);
  for (const id of ["weak", "feeling-change"]) {
    const {shown} = N.notices([entry("a", "2026-12-08T10:00", {kind: "spasm", area: "Back", signs: [id]})], [], rules, TODAY);
    const sign = rules.signs.find(s => s.id === rules.log_signs.find(t => t.id === id).for.spasm);
    assert.deepEqual(shown.map(n => [n.level, n.source]), [[sign.level, sign.source]], id);
  }
});

test("the new-sign check names a spasm tick set back to 'not named' (its failing fixture)", () => {
  const edited = structuredClone(rules);
  edited.log_signs.find(t => t.id === "feeling-change").for.spasm = null;
  assert.deepEqual(newSignGaps(edited, "spasm"), ["feeling-change"]);
});
