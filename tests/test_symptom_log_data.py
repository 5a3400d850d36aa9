"""The symptom log without a browser: its files are where the page needs them
and as pinned, its bundles are fresh, reader text never becomes HTML, its
script loads on its page only, and the pages that should link to it do.
Each check is also run on a small broken copy (tmp_path) to prove it can fail.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT
from sitetools import bundle_log
from sitetools.bundle_log import LATER_BUNDLE, MADE_MESSAGES

FOLDER = ROOT / "docs" / "assets" / "tools" / "symptom-log"
VENDORED = FOLDER / "vendor" / "idb-keyval.js"
# sha256 of dist/umd.js in the npm package idb-keyval 6.3.0 (the pin in package.json).
IDB_KEYVAL_SHA256 = {"6.3.0": "1d5aefa0c1cc78962ef116f11b7608dafeabf4950f71cb99fdab410422921d52"}
HTML_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")
LINKED_FROM = ["symptom-diary.md", "movements.md", "when-to-see-a-doctor.md"]


def vendored_problems(package_json: Path, vendored: Path) -> list[str]:
    pin = json.loads(package_json.read_text())["dependencies"]["idb-keyval"]
    problems = []
    if pin not in IDB_KEYVAL_SHA256:
        problems.append(f"package.json pins idb-keyval {pin}, but tests/test_symptom_log_data.py knows no checksum for it.")
    elif hashlib.sha256(vendored.read_bytes()).hexdigest() != IDB_KEYVAL_SHA256[pin]:
        problems.append(f"{vendored.name} is not dist/umd.js of idb-keyval {pin} (the pin in package.json): copy it again.")
    if not (vendored.parent / "idb-keyval-LICENCE.txt").is_file():
        problems.append("The idb-keyval licence must be kept beside the copy (vendor/idb-keyval-LICENCE.txt).")
    return problems


def test_idb_keyval_is_the_pinned_version_with_its_licence():
    problems = vendored_problems(ROOT / "package.json", VENDORED)
    assert not problems, "\n".join(problems)


def test_vendored_check_catches_a_changed_copy(tmp_path):
    (tmp_path / "vendor").mkdir()
    copy = tmp_path / "vendor" / "idb-keyval.js"
    copy.write_bytes(VENDORED.read_bytes() + b"\n// changed")
    problems = vendored_problems(ROOT / "package.json", copy)
    assert any("is not dist/umd.js of idb-keyval 6.3.0" in p for p in problems), problems
    assert any("licence must be kept" in p for p in problems), problems


def test_bundles_are_fresh():
    stale = bundle_log.stale()
    assert not stale, (f"docs/assets/tools/symptom-log/: {', '.join(stale)} no longer match their sources. "
                       "Run ./scripts/bundle-log and commit the result.")


def test_bundle_check_catches_an_edited_source(tmp_path, monkeypatch):
    for path in FOLDER.rglob("*"):
        if path.is_file():
            target = tmp_path / path.relative_to(FOLDER)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (tmp_path / "symptom-log.js").write_text((FOLDER / "symptom-log.js").read_text() + "\n// edited\n")
    monkeypatch.setattr(bundle_log, "FOLDER", tmp_path)
    assert bundle_log.stale() == ["symptom-log.min.js"]


def html_sink_problems(folder: Path) -> list[str]:
    problems = []
    for path in sorted(folder.rglob("*.js")):
        if "vendor" in path.parts or path.name.endswith(".min.js"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HTML_SINKS.search(line):
                problems.append(f"{path.name}, line {number}: writes HTML or runs text as code ({line.strip()}). "
                                "Show reader text with textContent only.")
    return problems


def test_reader_text_is_never_written_as_html():
    problems = html_sink_problems(FOLDER)
    assert not problems, "\n".join(problems)


def test_html_check_catches_inner_html(tmp_path):
    (tmp_path / "bad.js").write_text("item.innerHTML = entry.notes;\n")
    assert html_sink_problems(tmp_path) == [
        "bad.js, line 1: writes HTML or runs text as code (item.innerHTML = entry.notes;). Show reader text with textContent only."]


def test_a_backup_fixture_for_every_version():
    version = int(re.search(r"var VERSION = (\d+);", (FOLDER / "symptom-log-format.js").read_text()).group(1))
    fixtures = ROOT / "tests" / "fixtures" / "symptom-log"
    for number in range(1, version + 1):
        path = fixtures / f"backup-v{number}.json"
        assert path.is_file(), f"tests/fixtures/symptom-log/backup-v{number}.json is missing: keep one backup of each version."
        assert json.loads(path.read_text())["version"] == number, f"{path.name} does not say version {number}."


def test_the_log_loads_only_on_its_page(site):
    for page in site.pages:
        loads = [s["src"] for s in page.soup.select("script[src]") if "symptom-log" in s["src"]]
        loads += [link["href"] for link in page.soup.select("link[rel~=stylesheet]")
                  if "symptom-log" in link["href"] and not link.find_parent("noscript")]
        if page.rel == "symptom-log/index.html":
            assert len(loads) == 2, f"docs/symptom-log.md loads {loads}, not its one script and one stylesheet."
            root = page.soup.select_one('[data-module="symptom-log"]')
            assert root is not None and not root.has_attr("hidden"), (
                "The log's root must be drawn from the start, so the page does not move when its script runs.")
            no_js = page.soup.select('noscript link[href$="symptom-log-no-js.css"]')
            assert no_js, "Without JavaScript nothing hides the log's controls: <noscript> should load symptom-log-no-js.css."
            assert page.soup.select_one("[data-symptom-log-no-js] a[href='../symptom-diary/']"), "No line for readers without JavaScript."
            assert "<!-- symptom-log -->" not in str(page.soup), "The page's marker was not replaced by the log."
        else:
            assert not loads, f"{page.name} loads the symptom log's files ({loads}); only its page should."


def test_pages_link_to_the_log(site):
    for source in LINKED_FROM:
        page = site.page(source.removesuffix(".md") + "/index.html")
        links = [a["href"] for a in page.article().select("a[href]")]
        assert any(href.startswith("../symptom-log/") for href in links), f"docs/{source} does not link to the symptom log."


# --- The care rules in the log: in its bundle, and the signs it asks about ------------------------

def test_bundle_check_catches_edited_care_rules(tmp_path, monkeypatch):
    """The care rules go into the log's later script, with the notices: a sign at another level makes it stale."""
    rules = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    next(sign for sign in rules["signs"] if sign["id"] == "long-cramp")["level"] = "urgent"
    edited = tmp_path / "care-rules.json"
    edited.write_text(json.dumps(rules), encoding="utf-8")
    monkeypatch.setattr(bundle_log, "CARE_RULES", edited)
    assert bundle_log.stale() == ["symptom-log-later.min.js"]


MARKUP = ROOT / "overrides" / "partials" / "symptom-log.html"
SIGN_CHOICE = re.compile(r'\("([a-z-]+)", "([^"]+)"\)')


def sign_label_problems(markup: str, rules: dict) -> list[str]:
    """The signs the log's form lets a reader tick carry their names from the care rules' log_signs."""
    listed = re.search(r"set signs = \[(.*?)\] -%\}", markup)
    if not listed:
        return ["overrides/partials/symptom-log.html: no list of signs ({% set signs = [...] %})."]
    labels = {sign["id"]: sign["label"] for sign in rules["log_signs"]}
    problems = []
    for sign, label in SIGN_CHOICE.findall(listed.group(1)):
        if sign not in labels:
            problems.append(f"overrides/partials/symptom-log.html: the sign {sign} is not in care-rules.json (log_signs).")
        elif label != labels[sign]:
            problems.append(f"overrides/partials/symptom-log.html: the sign {sign} is called {label!r}; "
                            f"care-rules.json calls it {labels[sign]!r}.")
    return problems


def test_the_form_names_each_sign_as_the_care_rules_do():
    rules = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    problems = sign_label_problems(MARKUP.read_text(encoding="utf-8"), rules)
    assert not problems, "\n".join(problems)


def test_sign_label_check_catches_another_name():
    rules = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    markup = MARKUP.read_text(encoding="utf-8").replace('"Muscles look thinner"', '"Thin muscles"')
    assert sign_label_problems(markup, rules) == [
        "overrides/partials/symptom-log.html: the sign thinner-muscles is called 'Thin muscles'; "
        "care-rules.json calls it 'Muscles look thinner'."]


# --- One text for the chart, and the log's messages in one file -------------------------------------

CHART_HOW = ROOT / "overrides" / "includes" / "symptom-log-chart.md"
PAGE_SCRIPTS = "docs/assets/tools/symptom-log/ (" + ", ".join(bundle_log.PAGE) + ")"


def page_script() -> str:
    """The log's page script as its files by job (bundle_log.PAGE), joined."""
    return "\n".join((FOLDER / name).read_text(encoding="utf-8") for name in bundle_log.PAGE)
MESSAGE_USE = re.compile(r"\bM\.(\w+)|message\(\"(\w+)\"")


def chart_words_problems(page_text: str, script: str, words: str, page: str, script_name: str) -> list[str]:
    """The page and the sheet explain the chart in the same words, from CHART_HOW: the page shows
    them, and the script has no copy of its own."""
    problems = []
    if words not in " ".join(page_text.split()):
        problems.append(f"{page}: the page does not say how to read the chart in the words of "
                        "overrides/includes/symptom-log-chart.md. Include that file (--8<-- \"symptom-log-chart.md\").")
    first = words.split(". ")[0][len("Each "):]
    if first in script:
        problems.append(f"{script_name}: the script writes the chart's words itself (\"{first}\"). "
                        "Use M.chart_how, which ./scripts/bundle-log takes from overrides/includes/symptom-log-chart.md.")
    return problems


def test_the_chart_is_explained_in_one_text_on_the_page_and_the_sheet(site):
    words = " ".join(CHART_HOW.read_text(encoding="utf-8").split())
    page = site.page("symptom-log/index.html")
    problems = chart_words_problems(page.soup.select_one("article").get_text(" "), page_script(),
                                    words, "docs/symptom-log.md", PAGE_SCRIPTS)
    assert not problems, "\n".join(problems)
    assert json.dumps(words, ensure_ascii=False) in (FOLDER / LATER_BUNDLE).read_text(encoding="utf-8"), \
        f"{LATER_BUNDLE} does not carry the chart's words: run ./scripts/bundle-log."


def test_the_chart_words_check_can_fail():
    words = " ".join(CHART_HOW.read_text(encoding="utf-8").split())
    old_page = ("The summary's chart shows your entries each day as bars, and your hours of sleep as dots. "
                "Look for days with taller bars after nights with fewer hours.")
    own_copy = ('el("p", null, "How to read the chart: each column is a day: its entries are above, '
                'and the hours slept the night before below.")')
    problems = chart_words_problems(old_page, own_copy, words, "broken.md", "broken.js")
    assert len(problems) == 2 and problems[0].startswith("broken.md: the page does not say how to read the chart") \
        and problems[1].startswith("broken.js: the script writes the chart's words itself"), problems


def message_problems(script: str, messages: dict, script_name: str, messages_name: str) -> list[str]:
    """Every message the script uses is in the messages file, and every message there is used."""
    used = {a or b for a, b in MESSAGE_USE.findall(script)}
    known = {key for key in messages if not key.startswith("_")} | MADE_MESSAGES
    problems = [f"{script_name} uses the message \"{key}\", which {messages_name} does not have." for key in sorted(used - known)]
    problems += [f"{messages_name}: the message \"{key}\" is used nowhere in {script_name}. Remove it, or use it."
                 for key in sorted(known - used)]
    return problems


def test_the_log_messages_are_in_one_file_and_all_used():
    messages = json.loads((FOLDER / "symptom-log-messages.json").read_text(encoding="utf-8"))
    problems = message_problems(page_script(), messages, PAGE_SCRIPTS,
                                "docs/assets/tools/symptom-log/symptom-log-messages.json")
    assert not problems, "\n".join(problems)


def test_the_messages_check_can_fail():
    problems = message_problems('say(M.saved_twice); message("saved", {})', {"saved": "Saved.", "unused": "x", "_note": "y"},
                                "broken.js", "broken.json")
    assert problems == ['broken.js uses the message "saved_twice", which broken.json does not have.',
                        'broken.json: the message "chart_how" is used nowhere in broken.js. Remove it, or use it.',
                        'broken.json: the message "sudden_unchecked" is used nowhere in broken.js. Remove it, or use it.',
                        'broken.json: the message "unused" is used nowhere in broken.js. Remove it, or use it.',
                        'broken.json: the message "urgent_unchecked" is used nowhere in broken.js. Remove it, or use it.'], problems


# --- The care rules the log carries: only what it reads --------------------------------------------

def notices_with(rules: dict, tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(rules), encoding="utf-8")
    run = subprocess.run(["node", str(ROOT / "tests" / "js" / "notices-with-rules.mjs"), str(path)],
                         capture_output=True, text=True, timeout=60)
    return run.stdout if run.returncode == 0 else f"(the notices failed: {run.stderr.strip().splitlines()[-1:]})"


def trimmed_rules_problems(full: dict, reads: dict, tmp_path: Path) -> list[str]:
    """The notices say the same with the care rules whole and with the part the log's bundle carries."""
    if notices_with(full, tmp_path, "whole.json") != notices_with(bundle_log.log_rules(full, reads), tmp_path, "part.json"):
        return ["scripts/sitetools/bundle_log.py: the log's notices change when only LOG_READS of care-rules.json is "
                "bundled. Add the field the log now reads to LOG_READS."]
    return []


def test_the_bundle_carries_every_care_rule_field_the_log_reads(tmp_path):
    full = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    problems = trimmed_rules_problems(full, bundle_log.LOG_READS, tmp_path)
    assert not problems, "\n".join(problems)


def test_the_care_rule_fields_check_can_fail(tmp_path):
    full = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    reads = {**bundle_log.LOG_READS, "signs": [f for f in bundle_log.LOG_READS["signs"] if f != "if_sudden"]}
    problems = trimmed_rules_problems(full, reads, tmp_path)
    assert len(problems) == 1 and "Add the field the log now reads to LOG_READS" in problems[0], problems
