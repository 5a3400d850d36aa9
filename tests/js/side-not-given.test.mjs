// A twitch saved with no side, in an area also logged with a side (review F, F4):
// most likely one of those places, so it is named "Calf (side not given)" and
// never counted as one more place, nor as a place new since a GP visit. Both
// directions: the side-less one after the sided ones, and before them.
import {test} from "node:test";
import assert from "node:assert/strict";
import {N, entry, rules} from "./load-notices.mjs";

const TODAY = "2026-12-08";
const twitch = (id, when, area, side = null) => entry(id, when, {area, side});
const LOG = [twitch("a", "2026-11-10T20:00", "Calf", "left"), twitch("b", "2026-11-14T10:00", "Eyelid or face", "left"),
             twitch("c", "2026-11-28T10:00", "Calf", "right")];

test("a calf with no side, after both calves, is not one more place, and is named 'side not given'", () => {
  const {shown} = N.notices([...LOG, twitch("d", "2026-12-08T07:40", "Calf")], [], rules, TODAY);
  const many = shown.find(n => n.id === "twitch-many-places");
  assert.match(many.shows, /^Your log shows twitching in 3 places, and twitching with no side given/);
  assert.ok(many.items.includes("Calf (side not given): 1 twitch, 8 December 2026"), many.items.join(" | "));
});

test("after a GP visit, a calf with no side is not new where a calf with a side was seen", () => {
  const {since} = N.notices([...LOG, twitch("d", "2026-12-08T07:40", "Calf")], ["2026-11-20"], rules, TODAY);
  const many = since.find(n => n.id === "twitch-many-places");
  assert.deepEqual(many.newSince, ["Calf (right side)"]);
});

test("the other direction: a sided calf is not new where the GP saw a calf with no side", () => {
  const log = [twitch("a", "2026-11-10T20:00", "Calf"), twitch("b", "2026-11-14T10:00", "Eyelid or face")];
  const result = N.notices([...log, twitch("c", "2026-11-28T10:00", "Calf", "left")], ["2026-11-20"], rules, TODAY);
  assert.deepEqual(result.shown.map(n => n.id), []);
  assert.deepEqual(result.earlier.map(n => n.id), ["twitch-many-places"]);
});

test("a calf with no side and a left calf alone are one place: no 'more than one place'", () => {
  const ids = N.notices([twitch("a", "2026-11-10T20:00", "Calf", "left"), twitch("b", "2026-11-12T20:00", "Calf")], [], rules, TODAY)
    .shown.map(n => n.id);
  assert.deepEqual(ids, []);
});

test("an area only ever logged with no side keeps its plain name and counts as a place", () => {
  const {shown} = N.notices([twitch("a", "2026-11-10T20:00", "Calf"), twitch("b", "2026-11-12T20:00", "Thigh")], [], rules, TODAY);
  assert.deepEqual(shown.map(n => [n.id, n.items]), [["twitch-many-places", ["Calf: 1 twitch, 10 November 2026",
                                                                           "Thigh: 1 twitch, 12 November 2026"]]]);
});

test("no span of 2 weeks is made from a calf with no side and a sided calf", () => {
  const ids = N.notices([twitch("a", "2026-11-01T20:00", "Calf", "left"), twitch("b", "2026-11-20T20:00", "Calf")], [], rules, TODAY)
    .shown.map(n => n.id);
  assert.ok(!ids.includes("twitch-two-weeks"), ids.join(", "));
});
