"""The symptom log's script and styles as readers download them: two scripts and a stylesheet.

Every byte counts on its page (it aims for 100 KB on a first visit, and
Material takes most of that), so the sources in docs/assets/tools/symptom-log/
(idb-keyval as vendored, the format, the storage, the notices, the page in files by
job: PAGE) are joined into
two scripts (FIRST, what shows the log; LATER, fetched once it is used) and minified by terser (comments and spaces out, local names shortened,
globals kept: minifying.compact_script), and the styles by the build's own CSS
minifier. The readable sources stay beside them and are what contributors edit.

The care rules (docs/assets/tools/care-rules/care-rules.json, the one source
of every sign's words, level and source) go into the script as data
(window.SymptomLogCareRules, in LATER with the notices): the log works offline and under the page's
Content-Security-Policy, with no extra file to fetch and nothing evaluated.
The log's messages (symptom-log-messages.json, where volunteers change them)
go in the same way, as window.SymptomLogMessages, with how to read the
summary's chart (overrides/includes/symptom-log-chart.md, which the page
includes too: one text for the page and the sheet) as its "chart_how".

    python -m sitetools.bundle_log          write the bundles
    python -m sitetools.bundle_log --check  exit 1 if a bundle is out of date

The test suite runs the check, so a stale bundle fails the tests.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from . import ROOT
from .minifying import MINIFIERS, compact_script

FOLDER = ROOT / "docs" / "assets" / "tools" / "symptom-log"
# The page's files after symptom-log.js add their methods to its SymptomLog.prototype;
# symptom-log-start.js, last, starts the log once they all have.
PAGE = ["symptom-log.js", "symptom-log-form.js", "symptom-log-entries.js", "symptom-log-days.js",
        "symptom-log-backup.js", "symptom-log-screen-notices.js", "symptom-log-summary.js", "symptom-log-start.js"]
# Two bundles. FIRST is what shows the log and keeps an entry; LATER (the notices, with the
# care rules they read, the summary, the entries list, the day questions, and backups with
# reading a backup file and the CSV) is what a reader needs only once the log has
# entries or they start to use the page: symptom-log-start.js fetches it then (same origin,
# precached by the service worker like every script). A first visit downloads FIRST only.
FIRST = ["vendor/idb-keyval.js", "symptom-log-format.js", "symptom-log-storage.js", "symptom-log.js",
         "symptom-log-form.js", "symptom-log-start.js"]
LATER = ["symptom-log-files.js", "symptom-log-figures.js", "symptom-log-notices.js", "symptom-log-screen-notices.js", "symptom-log-summary.js",
         "symptom-log-entries.js", "symptom-log-days.js", "symptom-log-backup.js"]
SCRIPTS = ["vendor/idb-keyval.js", "symptom-log-format.js", "symptom-log-files.js", "symptom-log-figures.js", "symptom-log-storage.js",
           "symptom-log-notices.js"] + PAGE
FIRST_BUNDLE, LATER_BUNDLE = "symptom-log.min.js", "symptom-log-later.min.js"
CARE_RULES = ROOT / "docs" / "assets" / "tools" / "care-rules" / "care-rules.json"
CARE_RULES_NAME = "../care-rules/care-rules.json"  # as the bundle's banner names it
MESSAGES = FOLDER / "symptom-log-messages.json"
CHART_HOW = ROOT / "overrides" / "includes" / "symptom-log-chart.md"
STYLES = ["symptom-log.css"]
LICENCE = ("/*! idb-keyval 6.3.0 (c) 2016 Jake Archibald, Apache License 2.0: "
           "vendor/idb-keyval-LICENCE.txt */\n")


def banner(sources: list[str], text: str) -> str:
    """A first line naming the bundle's sources by what lists them (every byte of it is downloaded)."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return (f"/* Made by ./scripts/bundle-log from {sources[0]} and the rest of its list in bundle_log.py "
            f"(sha256 {digest}). Edit those files, not this one. */\n")


# What the log reads of the care rules: the rest (notes for editors, the cards' own words,
# the helper's phrases) stays in care-rules.json for the cards and the helper, and every
# byte left out is one a reader on a phone does not download. A field the log starts to read
# goes here too: a test runs the notices on both and fails on a difference.
LOG_READS = {
    "sources": None, "levels": None, "sudden_rule": None,  # None: the whole of it
    "gp_rule": ["text", "href", "source", "once"], "gradual_rule": ["print"],
    "cards": ["id", "heading", "signs"],
    "signs": ["id", "level", "onset", "source", "label", "text", "if_sudden", "step_up"],
    "log_signs": ["id", "label", "if_sudden", "retired", "for"],
}


def log_rules(rules: dict, reads: dict = LOG_READS) -> dict:
    """RULES with only the fields READS names (a list of dicts is kept item by item)."""
    def only(value, fields):
        if fields is None:
            return value
        if isinstance(value, list):
            return [only(item, fields) for item in value]
        return {key: value[key] for key in fields if key in value}
    return {key: only(rules[key], fields) for key, fields in reads.items() if key in rules}


def care_rules_script(path: Path | None = None) -> str:
    """The care rules (CARE_RULES unless PATH) as a script that sets window.SymptomLogCareRules,
    with only what the log reads (LOG_READS). Loaded just before the notices that read it."""
    rules = log_rules(json.loads((path or CARE_RULES).read_text(encoding="utf-8")))
    data = json.dumps(rules, ensure_ascii=False, separators=(",", ":"))
    return f"window.SymptomLogCareRules = {data};"


# Messages the bundler makes from other files (messages_script): the chart's words and what the
# form shows at once when the notices could not arrive.
MADE_MESSAGES = {"chart_how", "sudden_unchecked", "urgent_unchecked"}


def sudden_unchecked(path: Path | None = None) -> dict[str, str]:
    """What the form shows when "it came on suddenly" is ticked while the notices, which know
    which ticks are an emergency when sudden, have not arrived (LATER could not be fetched):
    for the ticks that are an emergency when sudden ("if_sudden"), the care rules' sudden rule
    and the emergency level's words. It rides in FIRST, so a reader whose connection dropped
    is never left without them."""
    rules = json.loads((path or CARE_RULES).read_text(encoding="utf-8"))
    emergency = rules["levels"]["emergency"]
    ticks = [tick["id"] for tick in rules.get("log_signs") or [] if tick.get("if_sudden")]
    return {"ticks": ticks, "label": emergency["label"], "rule": rules["sudden_rule"]["text"], "href": emergency["href"]}


def urgent_unchecked(path: Path | None = None) -> dict[str, str]:
    """The same for the ticks whose sign is urgent for some kind of entry: the urgent level's words."""
    rules = json.loads((path or CARE_RULES).read_text(encoding="utf-8"))
    urgent = rules["levels"]["urgent"]
    level = {sign["id"]: sign["level"] for sign in rules["signs"]}
    ticks = [tick["id"] for tick in rules.get("log_signs") or []
             if "urgent" in [level.get(sign) for sign in (tick.get("for") or {}).values()]]
    return {"ticks": ticks, "label": urgent["label"], "rule": urgent["action"], "href": urgent["href"]}


def messages_script(keys: set[str] | None = None, later: bool = False,
                    path: Path | None = None, chart_how: Path | None = None) -> str:
    """The log's messages (MESSAGES unless PATH) and the chart's words (CHART_HOW unless CHART_HOW)
    as a script that sets window.SymptomLogMessages (the "_how_to_change" note left out: readers
    never see it). With KEYS, only those; LATER adds them to the messages FIRST set."""
    messages = json.loads((path or MESSAGES).read_text(encoding="utf-8"))
    messages = {key: value for key, value in messages.items() if not key.startswith("_")}
    messages["chart_how"] = " ".join((chart_how or CHART_HOW).read_text(encoding="utf-8").split())
    messages["sudden_unchecked"] = sudden_unchecked()
    messages["urgent_unchecked"] = urgent_unchecked()
    if keys is not None:
        messages = {key: value for key, value in messages.items() if key in keys}
    data = json.dumps(messages, ensure_ascii=False, separators=(",", ":"))
    return f"Object.assign(window.SymptomLogMessages, {data});" if later else f"window.SymptomLogMessages = {data};"


def first_message_keys(path: Path | None = None) -> set[str]:
    """The messages FIRST's files name: they ride in FIRST, and the rest (the notices' and the
    printed sheet's words) in LATER, where every file can read both."""
    text = "\n".join((FOLDER / name).read_text(encoding="utf-8") for name in FIRST)
    keys = set(json.loads((path or MESSAGES).read_text(encoding="utf-8"))) | MADE_MESSAGES
    return {key for key in keys if re.search(rf"\b{key}\b", text)}


def script_bundle(names: list[str], data: dict[str, tuple[str, str]], licence: str = "") -> str:
    """NAMES joined and minified, with DATA ({file before which it goes: (name, script)})."""
    parts, sources = [], []
    for name in names:
        if name in data:
            sources.append(data[name][0])
            parts.append(data[name][1])
        sources.append(name)
        parts.append((FOLDER / name).read_text(encoding="utf-8"))
    js = "\n;\n".join(parts)
    return banner(sources, js) + licence + compact_script(js) + "\n"


def bundles() -> dict[str, str]:
    """{file name: contents} of each bundle, as they should be."""
    named = f"{MESSAGES.name} and ../../../../overrides/includes/{CHART_HOW.name}"
    first = first_message_keys()
    all_keys = set(json.loads(MESSAGES.read_text(encoding="utf-8"))) | MADE_MESSAGES
    css = "\n".join((FOLDER / name).read_text(encoding="utf-8") for name in STYLES)
    return {
        FIRST_BUNDLE: script_bundle(FIRST, {"symptom-log.js": (named, messages_script(first))}, LICENCE),
        LATER_BUNDLE: script_bundle(LATER, {"symptom-log-files.js": (named, messages_script(all_keys - first, later=True)),
                                            "symptom-log-notices.js": (CARE_RULES_NAME, care_rules_script())}),
        "symptom-log.min.css": banner(STYLES, css) + MINIFIERS[".css"](css) + "\n",
    }


def stale() -> list[str]:
    return [name for name, text in bundles().items()
            if not (FOLDER / name).is_file() or (FOLDER / name).read_text(encoding="utf-8") != text]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out_of_date = stale()
        for name in out_of_date:
            print(f"docs/assets/tools/symptom-log/{name} is out of date with its sources. Run ./scripts/bundle-log.")
        return 1 if out_of_date else 0
    for name, text in bundles().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
        print(f"Wrote docs/assets/tools/symptom-log/{name} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
