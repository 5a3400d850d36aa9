// Not a test: prints, as JSON, what the log's notices and sudden alerts say for a log that
// meets every sign the log knows, with the care rules in the file named first on the command
// line. tests/test_symptom_log_data.py runs it with care-rules.json whole and with the part
// that ./scripts/bundle-log puts in the page: the two must say the same.
import {readFileSync} from "node:fs";
import {runInThisContext} from "node:vm";

const rules = JSON.parse(readFileSync(process.argv[2], "utf8"));
const folder = new URL("../../docs/assets/tools/symptom-log/", import.meta.url);
globalThis.window = globalThis;
globalThis.SymptomLogCareRules = rules;
for (const name of ["symptom-log-format.js", "symptom-log-files.js", "symptom-log-figures.js", "symptom-log-notices.js"]) {
  runInThisContext(readFileSync(new URL(name, folder), "utf8"));
}
const F = globalThis.SymptomLogFormat, N = globalThis.SymptomLogNotices;
const entry = (id, when, fields = {}) => ({id, when, kind: "twitch", area: "Calf", duration: null, frequency: null, pain: null,
  signs: [], disturbed_sleep: null, notes: "", sudden: null, side: null, when_approx: null, ...fields});
const entries = [
  entry("t1", "2026-03-01T08:00", {side: "left"}), entry("t2", "2026-03-20T08:00", {side: "left"}),
  entry("t3", "2026-03-03T08:00", {area: "Arm or hand"}), entry("t4", "2026-03-25T08:00", {area: "Eyelid or face"}),
  entry("c1", "2026-03-05T03:00", {kind: "cramp", duration: "over-10-minutes", disturbed_sleep: true, when_approx: "last-night"}),
  entry("c2", "2026-03-06T03:00", {kind: "cramp", area: "Thigh", pain: 9}),
  entry("s1", "2026-03-07T10:00", {kind: "spasm", area: "Back", pain: 8}),
  ...F.SIGNS.flatMap((sign, i) => [
    entry(`g${i}`, `2026-03-1${i}T10:00`, {signs: [sign]}),
    entry(`u${i}`, `2026-03-1${i}T11:00`, {kind: "cramp", signs: [sign], sudden: true}),
  ]),
];
const out = {
  none: N.notices(entries, [], rules, "2026-03-31"),
  visit: N.notices(entries, ["2026-03-12"], rules, "2026-03-31"),
  alerts: [...F.SIGNS.map(sign => N.suddenAlert([sign], rules)), N.suddenAlert(F.SIGNS, rules)],
};
console.log(JSON.stringify(out));
