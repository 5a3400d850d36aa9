// Loads the symptom log's format and notices as the page does (plain scripts
// that set window.SymptomLogFormat and window.SymptomLogNotices), with the
// care rules read from docs/assets/tools/care-rules/care-rules.json, as
// ./scripts/bundle-log puts them in the page's bundle.
import {readFileSync} from "node:fs";
import {runInThisContext} from "node:vm";

const folder = new URL("../../docs/assets/tools/", import.meta.url);
export const RULES_FILE = new URL("care-rules/care-rules.json", folder);
export const rules = JSON.parse(readFileSync(RULES_FILE, "utf8"));
globalThis.window = globalThis;
globalThis.SymptomLogCareRules = rules;
for (const name of ["symptom-log-format.js", "symptom-log-files.js", "symptom-log-figures.js", "symptom-log-notices.js"]) {
  const source = new URL(`symptom-log/${name}`, folder);
  runInThisContext(readFileSync(source, "utf8"), {filename: source.pathname});
}
export const F = globalThis.SymptomLogFormat;
export const N = globalThis.SymptomLogNotices;

/* An entry in backup format, a twitch in the calf unless FIELDS say otherwise. */
export function entry(id, when, fields = {}) {
  return {id, when, kind: "twitch", area: "Calf", duration: null, frequency: null, pain: null, signs: [],
          disturbed_sleep: null, notes: "", sudden: null, ...fields};
}

/* The ids of the notices shown for ENTRIES (and GP VISITS). */
export function shownIds(entries, visits = [], withRules = rules) {
  return N.notices(entries, visits, withRules).shown.map(n => n.id);
}
