// Entries dated after today (typed wrong, or saved where the clock was ahead)
// in the notices: never a span or a date that reads as if it had happened,
// and never a warning sign hidden.
import {test} from "node:test";
import assert from "node:assert/strict";
import {N, entry} from "./load-notices.mjs";

const TODAY = "2026-12-07";
const notices = (entries, visits = []) => N.notices(entries, visits, undefined, TODAY);
const twitch = (id, when, area = "Calf", fields = {}) => entry(id, when, {area, ...fields});

/* Every word a notice says on screen or on paper, with each "dated after today (...)" taken out:
 * what is left must name no date after today. */
function saidAsIfItHappened(result) {
  const words = result.shown.concat(result.earlier).flatMap(n => [n.shows, ...n.items, n.rule, N.span(n)]).join("\n");
  return words.replace(/dated after today \([^)]*\)|dates? after today \([^)]*\)/g, "").match(/[^\n]*2062[^\n]*/g) || [];
}

test("a twitch dated after today makes no 'more than 2 weeks' and no span to it", () => {
  const result = notices([twitch("a", "2026-12-01T10:00"), twitch("b", "2062-12-07T10:00")]);
  assert.deepEqual(result.shown.map(n => n.id), []);
  assert.deepEqual(saidAsIfItHappened(result), []);
});

test("2 weeks is still counted from the twitches up to today", () => {
  const result = notices([twitch("a", "2026-11-01T10:00"), twitch("b", "2026-11-20T10:00"), twitch("c", "2062-12-07T10:00")]);
  const weeks = result.shown.find(n => n.id === "twitch-two-weeks");
  assert.deepEqual(weeks.items, ["Calf: 2 twitches, 1 November 2026 to 20 November 2026 (19 days apart)"]);
  assert.deepEqual(weeks.dates, ["2026-11-01", "2026-11-20"]);
  assert.deepEqual(saidAsIfItHappened(result), []);
});

test("a sign on an entry dated after today is still shown, and said to be dated after today", () => {
  const result = notices([twitch("a", "2062-12-07T10:00", "Arm or hand", {signs: ["weak-or-stiff"]})]);
  const [notice] = result.shown;
  assert.equal(notice.id, "weak-or-stiff");
  assert.match(notice.shows, /This entry is dated after today: check its date\.$/);
  assert.deepEqual(notice.items, ["Twitch, Arm or hand: dated after today (7 December 2062)"]);
  assert.deepEqual(notice.dates, []);
  assert.equal(N.span(notice), "dated after today (7 December 2062)");
  assert.deepEqual(saidAsIfItHappened(result), []);
});

test("a sign ticked as sudden on an entry dated after today is still the emergency", () => {
  const result = notices([twitch("a", "2062-12-07T10:00", "Calf", {signs: ["speech-or-swallowing"], sudden: true})]);
  assert.deepEqual(result.shown.map(n => n.id), ["sudden"]);
  assert.equal(result.shown[0].level, "emergency");
  assert.match(result.shown[0].items[0], /^Twitch, Calf, dated after today \(7 December 2062, 10:00\): /);
  assert.deepEqual(saidAsIfItHappened(result), []);
});

test("a place logged only after today still counts as a second place", () => {
  const result = notices([twitch("a", "2026-12-01T10:00", "Calf"), twitch("b", "2062-12-07T10:00", "Thigh")]);
  const places = result.shown.find(n => n.id === "twitch-many-places");
  assert.ok(places, "a place dated after today hid 'more than one place'");
  assert.deepEqual(places.items, ["Calf: 1 twitch, 1 December 2026", "Thigh: 1 twitch dated after today (7 December 2062)"]);
  assert.match(places.shows, /1 of these entries is dated after today: check its date\.$/);
  assert.deepEqual(saidAsIfItHappened(result), []);
});

test("a GP visit dated after today quiets nothing", () => {
  const seen = [twitch("a", "2026-11-01T10:00"), twitch("b", "2026-11-20T10:00")];
  const result = notices(seen, ["2062-12-07"]);
  assert.equal(result.visit, null);
  assert.deepEqual(result.shown.map(n => n.id), ["twitch-two-weeks"]);
});

test("the check above fails on a notice that states a date after today as if it happened", () => {
  const result = notices([twitch("a", "2026-11-01T10:00"), twitch("b", "2026-11-20T10:00")]);
  result.shown[0].items.push("Calf: 2 twitches, 7 December 2026 to 7 December 2062");
  assert.equal(saidAsIfItHappened(result).length, 1);
});
