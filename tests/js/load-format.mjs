// Loads docs/assets/tools/symptom-log/symptom-log-format.js, symptom-log-files.js and symptom-log-figures.js
// as the page does (plain scripts that set window.SymptomLogFormat) and returns it.
import {readFileSync} from "node:fs";
import {runInThisContext} from "node:vm";

globalThis.window = globalThis;
for (const name of ["symptom-log-format.js", "symptom-log-files.js", "symptom-log-figures.js"]) {
  const source = new URL(`../../docs/assets/tools/symptom-log/${name}`, import.meta.url);
  runInThisContext(readFileSync(source, "utf8"), {filename: source.pathname});
}
export default globalThis.SymptomLogFormat;
export const fixture = name => readFileSync(new URL(`../fixtures/symptom-log/${name}`, import.meta.url), "utf8");
export function entry(id, when, fields = {}) {
  return {id, when, kind: "twitch", area: "Calf", duration: null, frequency: null, pain: null, signs: [],
          disturbed_sleep: null, notes: "", ...fields};
}
export function backup(entries, days = [], top = {}) {
  return {format: "fibro-twitch-log", version: 1, exported: "2026-03-20T18:00:00.000Z", entries, days, ...top};
}
export function parse(data) {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return F().parseBackup(text, Buffer.byteLength(text));
}
function F() { return globalThis.SymptomLogFormat; }
