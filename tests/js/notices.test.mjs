// The symptom log's notices (symptom-log-notices.js) against the care rules:
// the 2-weeks and more-than-one-place boundaries counted by place, wording
// that fits the entries, every notice naming its entries, dates, rule and
// source, the GP visit, and a sign that came on suddenly.
import {test} from "node:test";
import assert from "node:assert/strict";
import {N, entry, rules, shownIds} from "./load-notices.mjs";
import {ruleProblems} from "./rule-check.mjs";

const twitch = (id, when, area = "Calf", fields = {}) => entry(id, when, {area, ...fields});
// A card's own sentence for a sign, as the care rules make it: "See a GP if your cramps disturb your sleep."
const cardSentence = id => `${rules.cards.find(card => card.signs.includes(id)).heading} ${rules.signs.find(s => s.id === id).text}.`;
const cramp = (id, when, area, fields = {}) => entry(id, when, {kind: "cramp", area, ...fields});

/* --- 2 weeks in the same place, and more than one place ------------------------- */

test("twitching in the same place 14 days apart is not 'more than 2 weeks'", () => {
  assert.deepEqual(shownIds([twitch("a", "2026-03-01T23:00"), twitch("b", "2026-03-15T01:00")]), []);
});

test("twitching in the same place 15 days apart is 'more than 2 weeks'", () => {
  assert.deepEqual(shownIds([twitch("a", "2026-03-01T23:00"), twitch("b", "2026-03-16T01:00")]), ["twitch-two-weeks"]);
});

test("the same place is the same whatever its capitals and spaces", () => {
  assert.deepEqual(shownIds([twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-03-16T10:00", " calf ")]),
                   ["twitch-two-weeks"]);
});

test("two places 15 days apart are 'more than one place', not '2 weeks'", () => {
  const found = shownIds([twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-03-16T10:00", "Eyelid or face")]);
  assert.deepEqual(found, ["twitch-many-places"]);
});

test("only the place twitching over 2 weeks is named for it", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-03-20T10:00", "Calf"),
                             twitch("c", "2026-03-02T10:00", "Thigh"), twitch("d", "2026-03-10T10:00", "Thigh")]);
  const weeks = shown.find(n => n.id === "twitch-two-weeks");
  assert.deepEqual(weeks.items, ["Calf: 2 twitches, 1 March 2026 to 20 March 2026 (19 days apart)"]);
  assert.deepEqual(shown.map(n => n.id), ["twitch-two-weeks", "twitch-many-places"]);
});

test("spasms and cramps are not twitches: no twitch notice", () => {
  assert.deepEqual(shownIds([entry("a", "2026-03-01T10:00", {kind: "spasm"}), entry("b", "2026-03-21T10:00", {kind: "spasm"}),
                             cramp("c", "2026-03-02T10:00", "Foot")]), []);
});

/* --- Wording that fits the sign and its place -------------------------------------- */

test("a change in feeling with a cramp in the arm is named by no source: no level, no source, and said so", () => {
  const {shown} = N.notices([cramp("a", "2026-03-01T10:00", "Arm or hand", {signs: ["feeling-change"]})]);
  assert.deepEqual(shown.map(n => [n.id, n.sign, n.level, n.source, n.sourceTitle]),
                   [["not-named", null, "none", null, null]]);
  const words = [shown[0].shows, ...shown[0].items, shown[0].rule].join(" ");
  assert.doesNotMatch(words, /twitch|\blegs?\b|MedlinePlus/i, words);
  assert.match(words, /A change or loss of feeling/);
  assert.match(shown[0].rule, /do not say what to do/);
  assert.equal(shown[0].levelWords, "Not named in the sources, if it came on gradually");
  assert.ok(shown[0].sudden, "It came on suddenly is still the emergency: the sudden rule is said");
  assert.match(shown[0].items[0], /^Cramp, Arm or hand: 1 March 2026: A change or loss of feeling$/);
  assert.deepEqual(ruleProblems(rules, shown, "cramp in the arm"), []);
});

test("weakness with a cramp is the Mayo Clinic's cramp sign, not the NHS twitching one", () => {
  const {shown} = N.notices([cramp("a", "2026-03-01T10:00", "Arm or hand", {signs: ["weak"]})]);
  assert.deepEqual(shown.map(n => [n.id, n.level, n.sourceTitle]), [["cramp-weakness+weak", "doctor", "Mayo Clinic, Muscle cramp"]]);
  assert.equal(shown[0].rule, cardSentence("cramp-weakness"));
  assert.equal(shown[0].levelWords, "See a doctor, if it came on gradually");
  assert.doesNotMatch(shown[0].rule, /twitch/i);
});

test("stiffness with a cramp is named by no source: no level, no source, no 'if it came on gradually'", () => {
  const {shown} = N.notices([cramp("a", "2026-12-07T03:00", "Calf", {signs: ["stiff"], sudden: true, side: "left"})], [], rules, "2026-12-08");
  assert.deepEqual(shown.map(n => [n.id, n.level, n.source]), [["not-named", "none", null]]);
  assert.equal(shown[0].levelWords, "Not named in the sources");
  assert.equal(shown[0].sudden, undefined);
  assert.match(shown[0].rule, /do not say what to do/);
  assert.deepEqual(ruleProblems(rules, shown, "stiff cramp"), []);
});

test("a change in feeling with a cramp in the calf is the NHS leg-cramp sign", () => {
  const {shown} = N.notices([cramp("a", "2026-03-01T10:00", "Calf", {signs: ["feeling-change"]})]);
  assert.deepEqual(shown.map(n => n.id), ["cramp-numb-or-swollen+feeling-change"]);
  assert.equal(shown[0].rule, cardSentence("cramp-numb-or-swollen"));
  assert.match(shown[0].rule, /your cramps come with numbness or swelling in your legs\.$/);
  assert.equal(shown[0].sourceTitle, "NHS, Leg cramps");
});

test("a change in feeling with a twitch quotes MedlinePlus's twitching sign", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Arm or hand", {signs: ["feeling-change"]})]);
  assert.equal(shown[0].rule, cardSentence("feeling-change"));
  assert.match(shown[0].rule, /as well as twitching\.$/);
  assert.equal(shown[0].level, "doctor");
});

test("weak with a spasm meets the twitch's 'weak or stiff' sign (a new sign: see a GP); stiff with a spasm is named by no source", () => {
  const {shown} = N.notices([entry("a", "2026-03-01T10:00", {kind: "spasm", area: "Back", signs: ["weak", "stiff"]})]);
  assert.deepEqual(shown.map(n => [n.id, n.level, n.source]), [["weak-or-stiff+weak", "gp", "nhs-twitching"], ["not-named", "none", null]]);
  assert.doesNotMatch(shown[0].rule, /twitch/i, "a spasm is never told about twitching");
  assert.equal(shown[0].levelWords, "See a GP, not urgent, if it came on gradually");
  assert.equal(shown[0].label, "Ticked \u201cThe area feels weak\u201d with a spasm; the rule it meets: The area feels weak or stiff");
  assert.doesNotMatch(shown[1].rule, /twitch|these came on/i);
  assert.match(shown[1].rule, /^The sources this site uses do not say what to do about this sign with this kind of entry\./);
  assert.equal(shown[1].shows, "Your log shows \u201cThe area feels stiff\u201d ticked with a spasm.");
  assert.equal(shown[1].levelWords, "Not named in the sources");
});

test("a change of feeling with a spasm meets the twitch's sign, at its level and source (see a doctor, MedlinePlus)", () => {
  const {shown} = N.notices([entry("a", "2026-03-01T10:00", {kind: "spasm", area: "Back", signs: ["feeling-change"]})]);
  assert.deepEqual(shown.map(n => [n.id, n.level, n.source]), [["feeling-change", "doctor", "medlineplus-twitching"]]);
  assert.doesNotMatch(shown[0].rule, /twitch/i, "a spasm is never told 'as well as twitching'");
  assert.ok(rules.gp_rule.new_signs.includes(shown[0].sign), "the go-back rule names this sign");
});

test("after a GP visit, weakness or a change of feeling with a spasm is new since the visit", () => {
  const before = entry("a", "2026-03-01T10:00", {kind: "spasm", area: "Back"});
  const {shown} = N.notices([before, entry("b", "2026-03-10T10:00", {kind: "spasm", area: "Back", signs: ["weak", "feeling-change"]})],
                            ["2026-03-05"], rules, "2026-03-20");
  assert.deepEqual(shown.map(n => [n.id, n.newSince]), [["weak-or-stiff+weak", ["The area feels weak"]], ["feeling-change", ["A change or loss of feeling"]]]);
});

/* --- Each notice names its entries, dates, rule and source ---------------------- */

const EVERY_NOTICE = [
  twitch("t1", "2026-03-01T10:00", "Calf"), twitch("t2", "2026-03-20T10:00", "Calf"), twitch("t3", "2026-03-05T10:00", "Thigh"),
  twitch("s1", "2026-03-06T10:00", "Arm or hand", {signs: ["weak", "feeling-change", "thinner-muscles", "speech-or-swallowing"]}),
  cramp("c1", "2026-03-07T03:00", "Calf", {disturbed_sleep: true, duration: "over-10-minutes", signs: ["feeling-change"]}),
  twitch("u1", "2026-03-08T10:00", "Eyelid or face", {signs: ["speech-or-swallowing"], sudden: true}),
];

test("every kind of notice, each once, the emergency first, then by level (see a doctor after see a GP)", () => {
  assert.deepEqual(shownIds(EVERY_NOTICE), ["sudden-earlier", "twitch-two-weeks", "twitch-many-places", "weak-or-stiff+weak",
                                            "cramp-numb-or-swollen+feeling-change", "speech-or-swallowing", "thinner-muscles",
                                            "cramps-disturb-sleep", "long-cramp", "feeling-change"]);
});

test("each notice names its entries and their dates, and quotes its rule and source", () => {
  for (const notice of N.notices(EVERY_NOTICE).shown) {
    const said = notice.items.join(" ");
    for (const date of notice.dates) {
      const words = `${+date.slice(8)} March 2026`;
      assert.ok(notice.id.startsWith("twitch-") ? said.includes("March 2026") : said.includes(words),
                `${notice.id}: ${words} is not named in ${JSON.stringify(notice.items)}`);
    }
    assert.ok(notice.entries.length && notice.items.length, `${notice.id} names no entries`);
    assert.ok(notice.rule.length > 20 && notice.sourceTitle, `${notice.id} quotes no rule or source`);
    assert.equal(notice.sourceTitle, rules.sources[notice.source].title);
  }
});

test("a long list of places names the first ones, first and last dates each", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00"), twitch("b", "2026-03-02T10:00", "Thigh"),
                             twitch("c", "2026-03-03T10:00", "Thigh")]);
  assert.deepEqual(shown[0].items, ["Calf: 1 twitch, 1 March 2026", "Thigh: 2 twitches, 2 March 2026 to 3 March 2026 (1 day apart)"]);
});

/* --- The same level and source as the care rules ---------------------------------- */

test("every notice carries its sign's level, source and words from care-rules.json", () => {
  const problems = ruleProblems(rules, N.notices(EVERY_NOTICE).shown, "symptom log notices");
  assert.deepEqual(problems, []);
});

test("the check fails when the rules give one sign another level, naming the place and the sign", () => {
  const edited = structuredClone(rules);
  edited.signs.find(s => s.id === "long-cramp").level = "urgent";
  const problems = ruleProblems(edited, N.notices(EVERY_NOTICE).shown, "symptom log notices");
  assert.deepEqual(problems, ["symptom log notices: the sign long-cramp has the level gp; care-rules.json gives it urgent.",
                              'symptom log notices: the sign long-cramp says "See a GP, not urgent", not the words of its level in care-rules.json ("Urgent, the same day").']);
});

test("the notices follow the rules they are given: another level there is another level here", () => {
  const edited = structuredClone(rules);
  edited.signs.find(s => s.id === "twitch-many-places").level = "doctor";
  const notice = N.notices(EVERY_NOTICE, [], edited).shown.find(n => n.id === "twitch-many-places");
  assert.equal(notice.level, "doctor");
  assert.equal(notice.levelWords, edited.levels.doctor.short);
  assert.equal(notice.rule, cardSentence("twitch-many-places"));  // the card's heading is data too
});

/* --- A sign that came on suddenly -------------------------------------------------- */

test("a sign ticked as sudden points to the emergency card, with the emergency level's words", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Arm or hand", {signs: ["weak"], sudden: true})], [], rules, "2026-03-01");
  assert.deepEqual(shown.map(n => n.id), ["sudden"]);
  const [notice] = shown;
  assert.equal(notice.level, "emergency");
  assert.equal(notice.href, "when-to-see-a-doctor/#emergency");
  assert.equal(notice.levelWords, rules.levels.emergency.short);
  assert.equal(notice.levelLabel, rules.levels.emergency.label);
  assert.equal(notice.rule, cardSentence("sudden-weakness"));
  assert.match(notice.rule, /call 999 now .*sudden weakness or numbness in one arm/i);
  assert.match(notice.items[0], /^Twitch, Arm or hand, 1 March 2026, 10:00: The area feels weak$/);
});

test("a sign ticked as sudden is not also called 'see a GP'", () => {
  const ids = shownIds([twitch("a", "2026-03-01T10:00", "Calf", {signs: ["speech-or-swallowing"], sudden: true})]);
  assert.ok(!ids.includes("speech-or-swallowing"), ids.join(", "));
});

test("a gradual sign's notice says what to do if it comes on suddenly", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Calf", {signs: ["speech-or-swallowing"]})]);
  assert.equal(shown[0].levelWords, "See a GP, not urgent, if it came on gradually");
  assert.equal(shown[0].sudden.text, rules.sudden_rule.text);
  assert.equal(shown[0].sudden.href, "when-to-see-a-doctor/#emergency");
});

/* --- The GP visit: quiet until something new --------------------------------------- */

const SEEN = [twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-03-20T10:00", "Calf"),
              twitch("c", "2026-03-05T10:00", "Thigh"), twitch("d", "2026-03-06T10:00", "Thigh", {signs: ["weak"]})];
const VISIT = ["2026-03-25"];

test("after a GP visit the notices it covered are quiet, and said to be", () => {
  const result = N.notices(SEEN, VISIT);
  assert.equal(result.visit, "2026-03-25");
  assert.deepEqual(result.shown, []);
  assert.deepEqual(result.earlier.map(n => n.id), ["twitch-two-weeks", "twitch-many-places", "weak-or-stiff+weak"]);
});

test("more of the same after the visit stays quiet", () => {
  const later = [twitch("e", "2026-04-20T10:00", "Calf"), twitch("f", "2026-04-21T10:00", " calf ")];
  assert.deepEqual(shownIds([...SEEN, ...later], VISIT), []);
});

test("twitching in a place seen at the visit that passes 2 weeks only after it is new, for the records, not 'See a GP' again", () => {
  const {shown, since} = N.notices([...SEEN, twitch("f", "2026-04-21T10:00", "thigh")], VISIT);
  assert.deepEqual(shown, []);
  assert.deepEqual(since.map(n => [n.id, n.newSince]), [["twitch-two-weeks", ["Thigh"]]]);
});

test("an entry on the day of the visit counts as seen", () => {
  assert.deepEqual(shownIds([...SEEN, twitch("e", "2026-03-25T18:00", "Back")], VISIT), []);
});

test("a new sign after the visit is shown, and said to be new", () => {
  const {shown} = N.notices([...SEEN, twitch("e", "2026-04-02T10:00", "Calf", {signs: ["thinner-muscles"]})], VISIT);
  assert.deepEqual(shown.map(n => n.id), ["thinner-muscles"]);
  assert.deepEqual(shown[0].newSince, ["Muscles look thinner"]);
});

test("a new place after the visit is for the records: named as new, never 'See a GP' again", () => {
  const {shown, since} = N.notices([...SEEN, twitch("e", "2026-04-02T10:00", "Eyelid or face")], VISIT);
  assert.deepEqual(shown.map(n => n.id), []);
  assert.deepEqual(since.map(n => n.id), ["twitch-many-places"]);
  assert.deepEqual(since[0].newSince, ["Eyelid or face"]);
  assert.equal(N.sinceWords(since), "Twitches in more than one place: Eyelid or face");
});

test("a second place after a visit about one place is new, for the records", () => {
  const {shown, since} = N.notices([twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-04-01T10:00", "Thigh")], ["2026-03-02"]);
  assert.deepEqual(shown, []);
  assert.deepEqual(since.map(n => [n.id, n.newSince]), [["twitch-many-places", ["Thigh"]]]);
});

test("a sign ticked as sudden after the visit is shown at once", () => {
  const ids = shownIds([...SEEN, twitch("e", "2026-04-02T10:00", "Calf", {signs: ["weak"], sudden: true})], VISIT);
  assert.deepEqual(ids, ["sudden-earlier"]);
});

test("the last of several visits counts", () => {
  const result = N.notices([...SEEN, twitch("e", "2026-04-02T10:00", "Calf", {signs: ["thinner-muscles"]})],
                           ["2026-04-05", "2026-03-25", "not a date"]);
  assert.equal(result.visit, "2026-04-05");
  assert.deepEqual(result.shown, []);
});

test("without a visit nothing is quiet", () => {
  assert.deepEqual(N.notices(SEEN, []).earlier, []);
  assert.equal(N.notices(SEEN).shown.length, 3);
});

test("a place twitching over 2 weeks only after the visit is new, old place or new; 'more than one place' names the new one", () => {
  const result = N.notices([twitch("a", "2026-03-01T10:00", "Calf"), twitch("b", "2026-03-04T10:00", "Calf"),
                            twitch("c", "2026-04-01T10:00", "Calf"), twitch("d", "2026-04-02T10:00", "Back"),
                            twitch("e", "2026-04-20T10:00", "Back")], ["2026-03-05"]);
  assert.deepEqual(result.shown, []);
  assert.deepEqual(result.since.map(n => [n.id, n.newSince]), [["twitch-two-weeks", ["Calf", "Back"]], ["twitch-many-places", ["Back"]]]);
});

test("'arms or legs' fits an arm: the card's own sentence is quoted", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Arm or hand", {signs: ["thinner-muscles"]})]);
  assert.equal(shown[0].rule, cardSentence("thinner-muscles"));
});

test("a sudden sign after the visit is shown even if one came before it", () => {
  const before = twitch("s", "2026-03-10T10:00", "Calf", {signs: ["weak"], sudden: true});
  assert.deepEqual(shownIds([...SEEN, before], VISIT), []);
  const after = twitch("t", "2026-04-02T10:00", "Calf", {signs: ["weak"], sudden: true});
  assert.deepEqual(shownIds([...SEEN, before, after], VISIT), ["sudden-earlier"]);
});

/* --- Only a sign the rules make an emergency when sudden is one -------------------- */

test("a twitch ticked as sudden with no sign is no emergency: the form shows nothing, the notices nothing", () => {
  assert.equal(N.suddenAlert([], rules), null);
  assert.deepEqual(shownIds([twitch("a", "2026-03-01T10:00", "Calf", {sudden: true})]), []);
});

test("the form's sudden alert names the emergency sign of the ticked sign, in the care rules' words", () => {
  const alert = N.suddenAlert(["weak"], rules);
  assert.equal(alert.levelLabel, rules.levels.emergency.label);
  assert.equal(alert.rule, cardSentence("sudden-weakness"));
  assert.equal(alert.sourceTitle, "NHS, Stroke, symptoms");
  assert.equal(alert.href, "when-to-see-a-doctor/#emergency");
  assert.match(N.suddenAlert(["speech-or-swallowing"], rules).rule, /sudden slurred or muddled speech/);
});

test("thinner muscles ticked as sudden is no emergency: no source makes it one, so it keeps its GP level", () => {
  assert.equal(N.suddenAlert(["thinner-muscles"], rules), null);
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Back", {signs: ["thinner-muscles"], sudden: true})]);
  assert.deepEqual(shown.map(n => [n.id, n.level, n.sourceTitle]), [["thinner-muscles", "gp", "NHS, Motor neurone disease, symptoms"]]);
});

test("a sudden entry with an emergency sign and thinner muscles names only the emergency sign in the emergency", () => {
  const {shown} = N.notices([twitch("a", "2026-03-01T10:00", "Back", {signs: ["weak", "thinner-muscles"], sudden: true})], [], rules, "2026-03-01");
  assert.deepEqual(shown.map(n => n.id), ["sudden", "thinner-muscles"]);
  assert.match(shown[0].items[0], /: The area feels weak$/);
});

/* --- After a GP visit, a sign in a new place is new ---------------------------------- */

const CALF_WEAK = twitch("a", "2026-11-01T10:00", "Calf", {signs: ["weak"]});

test("weakness in a new place after the visit is shown, and names the new place", () => {
  const {shown} = N.notices([CALF_WEAK, twitch("b", "2026-11-25T10:00", "Arm or hand", {signs: ["weak"]})], ["2026-11-10"], rules, "2026-12-01");
  const weak = shown.find(n => n.id === "weak-or-stiff+weak");
  assert.ok(weak, shown.map(n => n.id).join(", "));
  assert.deepEqual(weak.newSince, ["The area feels weak (Arm or hand)"]);
});

test("weakness with a cramp in a new place after the visit is shown too", () => {
  const {shown} = N.notices([CALF_WEAK, cramp("b", "2026-11-25T10:00", "Arm or hand", {signs: ["weak"]})], ["2026-11-10"], rules, "2026-12-01");
  assert.deepEqual(shown.map(n => n.id), ["cramp-weakness+weak"]);
});

test("a notice seen at the visit gives the dates up to the visit, and says what came after", () => {
  const result = N.notices([CALF_WEAK, twitch("b", "2026-11-25T10:00", "Calf", {signs: ["weak"]})], ["2026-11-10"], rules, "2026-12-01");
  const weak = result.earlier.find(n => n.id === "weak-or-stiff+weak");
  assert.ok(weak, result.earlier.map(n => n.id).join(", "));
  assert.equal(N.span(weak), "1 November 2026; and logged again after the visit, the last on 25 November 2026");
});

test("'more than 2 weeks' says the twitches were logged on dates more than 2 weeks apart", () => {
  const [notice] = N.notices([twitch("a", "2026-03-01T10:00"), twitch("b", "2026-03-20T10:00")]).shown;
  assert.equal(notice.shows, "Your log shows twitching in the same place, logged on dates more than 2 weeks apart.");
});

test("a sign new since the visit that has no place is named by its label alone, never by its key", () => {
  const {shown} = N.notices([CALF_WEAK, cramp("b", "2026-11-25T10:00", "Calf", {duration: "over-10-minutes"})], ["2026-11-10"], rules, "2026-12-01");
  const long = shown.find(n => n.id === "long-cramp");
  assert.ok(long, shown.map(n => n.id).join(", "));
  assert.deepEqual(long.newSince, [long.label]);
});

test("the form's alert stays hidden for a sudden tick with no sign, or with a sign that is no emergency when sudden", () => {
  assert.equal(N.suddenAlert([]), null);
  assert.equal(N.suddenAlert(["thinner-muscles"]), null);
  assert.equal(N.suddenAlert(["stiff"]), null, "stiffness is never the emergency");
  assert.equal(N.suddenAlert(["weak-or-stiff"]), null, "an older 'weak or stiff' cannot tell weakness from stiffness");
  assert.ok(N.suddenAlert(["thinner-muscles", "weak"]));
});

/* --- A place is an area and its side ------------------------------------------------ */

test("a left calf and a right calf 15 days apart are 'more than one place', not '2 weeks'", () => {
  const {shown} = N.notices([twitch("a", "2026-11-01T10:00", "Calf", {side: "left"}),
                             twitch("b", "2026-11-16T10:00", "Calf", {side: "right"})], [], rules, "2026-12-01");
  assert.deepEqual(shown.map(n => n.id), ["twitch-many-places"]);
  assert.deepEqual(shown[0].items, ["Calf (left side): 1 twitch, 1 November 2026", "Calf (right side): 1 twitch, 16 November 2026"]);
});

test("the same side of the calf 15 days apart is still '2 weeks', and names its side", () => {
  const {shown} = N.notices([twitch("a", "2026-11-01T10:00", "Calf", {side: "left"}),
                             twitch("b", "2026-11-16T10:00", " calf ", {side: "left"})], [], rules, "2026-12-01");
  assert.deepEqual(shown.map(n => n.id), ["twitch-two-weeks"]);
  assert.deepEqual(shown[0].items, ["Calf (left side): 2 twitches, 1 November 2026 to 16 November 2026 (15 days apart)"]);
});

test("'both sides' is a place of its own beside a left calf (a calf with no side is named, not counted)", () => {
  const ids = shownIds([twitch("a", "2026-11-01T10:00", "Calf", {side: "left"}), twitch("b", "2026-11-02T10:00", "Calf", {side: "both"}),
                        twitch("c", "2026-11-03T10:00", "Calf")]);
  assert.deepEqual(ids, ["twitch-many-places"]);
});

test("a ticked sign names its side: 'Twitch, Calf (right side)'", () => {
  const {shown} = N.notices([twitch("a", "2026-11-01T10:00", "Calf", {side: "right", signs: ["weak-or-stiff"]})], [], rules, "2026-12-01");
  assert.deepEqual(shown[0].items, ["Twitch, Calf (right side): 1 November 2026"]);
});

/* --- Seen at the visit only if the entries before it met the sign ------------------- */

test("one left-calf twitch before the visit and one 17 days later: the '2 weeks' sign is new, never seen", () => {
  const result = N.notices([twitch("a", "2026-11-17T10:00", "Calf", {side: "left"}),
                            twitch("b", "2026-12-04T10:00", "Calf", {side: "left"})], ["2026-11-27"], rules, "2026-12-07");
  assert.deepEqual(result.earlier, []);
  assert.deepEqual(result.shown, []);
  assert.deepEqual(result.since.map(n => [n.id, n.newSince, n.seenUpTo]), [["twitch-two-weeks", ["Calf (left side)"], null]]);
});
