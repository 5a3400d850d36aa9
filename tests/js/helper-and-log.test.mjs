// The "twitch, spasm or cramp?" helper and the symptom log give one tick the same advice:
// each warning sign the helper asks as one of the log's ticks (or by the id of a tick that
// means the same with a twitch) is run through the log's own notices, and must meet the same
// sign (so the same source), at the same level, with "if it came on gradually" in both or
// neither (review F: F1, F2). The helper's data is read as the page embeds it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {N, entry, rules} from "./load-notices.mjs";

const PARTIAL = new URL("../../overrides/partials/movement-helper.html", import.meta.url);
const TODAY = "2026-12-08";

/* The helper's data, as overrides/partials/movement-helper.html embeds it for the page. */
export function helperData(html = readFileSync(PARTIAL, "utf8")) {
  const found = html.match(/class="movement-helper__data"[^>]*>\{% raw %\}([\s\S]*?)\{% endraw %\}/);
  return JSON.parse(found[1]);
}

/* Where the helper's warning signs and the log's notices differ, in plain words naming the helper's file. */
export function differences(data, withRules = rules) {
  const ticks = Object.fromEntries(withRules.log_signs.map(t => [t.id, t]));
  const step = Object.values(data.steps).find(s => s.type === "signs");
  const problems = [];
  for (const sign of step.signs) {
    const tickId = sign.tick || (ticks[sign.id] && !ticks[sign.id].retired ? sign.id : null);
    if (!tickId) continue;  // a sign the log has no tick for (2 weeks, more than one place)
    const kinds = sign.kind ? [sign.kind] : Object.keys(ticks[tickId].for).filter(k => ticks[tickId].for[k] === sign.id);
    for (const kind of kinds) {
      const where = `movement-helper.html: the helper's "${sign.text}" (the log's "${tickId}" with a ${kind})`;
      const shown = N.notices([entry("a", "2026-12-01T10:00", {kind, area: "Calf", signs: [tickId]})], [], withRules, TODAY).shown;
      const notice = shown.find(n => n.tick === tickId || (n.ticks || []).includes(tickId) || n.sign === tickId);
      if (!notice) { problems.push(`${where}: the log shows no notice for it.`); continue; }
      const helperSign = sign.sign || sign.id;
      if (notice.sign !== helperSign) problems.push(`${where} meets "${helperSign}", but the log meets "${notice.sign}".`);
      if (notice.level !== sign.level) problems.push(`${where} is at the level "${sign.level}", but the log says "${notice.level}".`);
      // The page's copy leaves the source out (the same sign has the same source); the data file has it.
      if (sign.advice.source && notice.sourceTitle !== sign.advice.source) problems.push(`${where} cites "${sign.advice.source}", but the log cites "${notice.sourceTitle}".`);
      const logGradual = /came on gradually/.test(notice.levelWords), helperGradual = Boolean(sign.advice.gradual);
      if (logGradual !== helperGradual) {
        problems.push(`${where} ${helperGradual ? "says" : "does not say"} "if it came on gradually", but the log ${logGradual ? "does" : "does not"}.`);
      }
    }
  }
  return problems;
}

test("every tick the helper asks gets the log's sign, level, source and gradual words", () => {
  const data = helperData();
  const asked = Object.values(data.steps).find(s => s.type === "signs").signs.map(s => s.text);
  assert.ok(asked.includes("The part that twitches feels weak") && asked.includes("The part that twitches feels stiff"), asked.join("; "));
  assert.deepEqual(differences(data), []);
});

test("a helper that gives stiffness 'came on gradually', or weakness another level, is named", () => {
  const data = helperData();
  const signs = Object.values(data.steps).find(s => s.type === "signs").signs;
  const stiff = signs.find(s => s.tick === "stiff"), weak = signs.find(s => s.tick === "weak");
  stiff.advice.gradual = weak.advice.gradual;
  weak.level = "emergency";
  const problems = differences(data);
  assert.ok(problems.includes('movement-helper.html: the helper\'s "The part that twitches feels stiff" (the log\'s "stiff" with a twitch) ' +
                              'says "if it came on gradually", but the log does not.'), problems.join("\n"));
  assert.ok(problems.includes('movement-helper.html: the helper\'s "The part that twitches feels weak" (the log\'s "weak" with a twitch) ' +
                              'is at the level "emergency", but the log says "gp".'), problems.join("\n"));
});
