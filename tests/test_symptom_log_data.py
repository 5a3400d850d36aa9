"""The symptom log without a browser: its files are where the page needs them
and as pinned, its bundles are fresh, reader text never becomes HTML, its
script loads on its page only, and the pages that should link to it do.
Each check is also run on a small broken copy (tmp_path) to prove it can fail.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from conftest import ROOT
from sitetools import bundle_log

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
    """The care rules go into the log's script: a sign at another level makes the bundle stale."""
    rules = json.loads(bundle_log.CARE_RULES.read_text(encoding="utf-8"))
    next(sign for sign in rules["signs"] if sign["id"] == "long-cramp")["level"] = "urgent"
    edited = tmp_path / "care-rules.json"
    edited.write_text(json.dumps(rules), encoding="utf-8")
    monkeypatch.setattr(bundle_log, "CARE_RULES", edited)
    assert bundle_log.stale() == ["symptom-log.min.js"]


MARKUP = ROOT / "overrides" / "partials" / "symptom-log.html"
SIGN_CHOICE = re.compile(r'\("([a-z-]+)", "([^"]+)"\)')


def sign_label_problems(markup: str, rules: dict) -> list[str]:
    """The signs the log's form lets a reader tick carry their names from the care rules."""
    listed = re.search(r"set signs = \[(.*?)\] -%\}", markup)
    if not listed:
        return ["overrides/partials/symptom-log.html: no list of signs ({% set signs = [...] %})."]
    labels = {sign["id"]: sign["label"] for sign in rules["signs"]}
    problems = []
    for sign, label in SIGN_CHOICE.findall(listed.group(1)):
        if sign not in labels:
            problems.append(f"overrides/partials/symptom-log.html: the sign {sign} is not in care-rules.json.")
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
