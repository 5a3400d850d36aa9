"""The symptom log's allowed values and their words agree everywhere they are
written: the script (symptom-log-format.js: KINDS, DURATIONS, FREQUENCIES,
SIGNS, STRESS and WORDS), the form the reader fills in
(overrides/partials/symptom-log.html, read from the built page), and the
Python side (scripts/sitetools/symptom_log.py). The signs to tick are
the care rules' log_signs (docs/assets/tools/care-rules/care-rules.json):
the form has them all, in order, with their labels (a retired one hidden
unless an older entry has it); tests/js/log-signs.test.mjs checks the
script against the care rules.
The backup reminder's
days are one figure, backup_reminder_days (docs/assets/tools/symptom-log/symptom-log-messages.json):
its words say it with {days}, a log never backed up has words of its own (backup_never),
and the page's "reminds you after 30 days" (docs/symptom-log.md) says the same figure.
Proven able to fail on tests/fixtures/symptom-log-values/form.html, which says "felt" and
leaves out a duration, on a copy of the care rules without "weak-grip", and on messages.json
and symptom-log.md there, which say 14 days in words and have no words for a log never backed up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import FIXTURES
from sitetools import ROOT, care_rules, symptom_log
from sitetools.symptom_log import LOG_PAGE, script_values

FORM = "overrides/partials/symptom-log.html"
MESSAGES = ROOT / "docs" / "assets" / "tools" / "symptom-log" / "symptom-log-messages.json"
# The form's field for each of the script's lists, and WORDS' name for it.
FIELDS = {"KINDS": ("kind", "kind"), "DURATIONS": ("duration", "duration"), "FREQUENCIES": ("frequency", "frequency"),
          "SIGNS": ("signs", "sign"), "STRESS": ("stress", "stress"), "WHEN_APPROX": ("when_choice", None)}
NOT_APPROX = {"now", "other"}  # the form's quick times that give a clock time: never a when_approx


def form_choices(html: str) -> dict[str, dict[str, str]]:
    """{field: {value: the words beside it}} for the form's radio buttons and tick boxes."""
    soup = BeautifulSoup(html, "lxml")
    found: dict[str, dict[str, str]] = {}
    for field in {name for name, _ in FIELDS.values()}:
        for box in soup.select(f'input[name="{field}"]'):
            label = box.find_parent("label")
            words = label.find("strong") or label
            found.setdefault(field, {})[box["value"]] = " ".join(words.get_text(" ").split()).rstrip(":").strip()
    return found


PAGE = ROOT / "docs" / "symptom-log.md"


def page_reminder_days(text: str) -> int | None:
    """The days the page says the log reminds you after ("The page reminds you after 30 days")."""
    found = re.search(r"reminds you after (\d+) days", " ".join(text.split()))
    return int(found[1]) if found else None


def value_problems(form: dict[str, dict[str, str]], script: dict, python: dict[str, list[str]], where: str) -> list[str]:
    """Where the form (at WHERE), the script and the Python side disagree, in plain words."""
    problems = []
    for name, (field, words_key) in FIELDS.items():
        allowed, words = script[name], script["WORDS"].get(words_key, {})
        if python[name] != allowed:
            problems.append(f"scripts/sitetools/symptom_log.py: {name} is {python[name]}, "
                            f"but symptom-log-format.js allows {allowed}.")
        offered = {value: label for value, label in form.get(field, {}).items() if name != "WHEN_APPROX" or value not in NOT_APPROX}
        if list(offered) != allowed:
            problems.append(f"{where}: the form offers {list(offered)} for \"{field}\", "
                            f"but symptom-log-format.js ({name}) allows {allowed}.")
        for value, label in offered.items():
            if value in words and label != words[value]:
                problems.append(f"{where}: the form says \"{label}\" for {field} \"{value}\", but the summary "
                                f"and entries say \"{words[value]}\" (symptom-log-format.js, WORDS.{words_key}).")
    return problems


def log_sign_problems(form: dict[str, dict[str, str]], rules: dict, where: str, rules_where: str) -> list[str]:
    """Where the form's signs (at WHERE) differ from the care rules' log_signs (at RULES_WHERE)."""
    offered = form.get("signs", {})
    ticks = rules.get("log_signs") or []  # a retired one too: hidden unless an older entry has it
    problems = []
    if list(offered) != [tick["id"] for tick in ticks]:
        problems.append(f"{where}: the form offers the signs {list(offered)}, but {rules_where} (log_signs) "
                        f"lists {[tick['id'] for tick in ticks]}. Copy the list from the care rules.")
    for tick in ticks:
        if tick["id"] in offered and offered[tick["id"]] != tick["label"]:
            problems.append(f"{where}: the form says \"{offered[tick['id']]}\" for the sign \"{tick['id']}\", "
                            f"but {rules_where} (log_signs) says \"{tick['label']}\".")
    return problems


def reminder_problems(messages: dict, where: str, page: str, page_where: str) -> list[str]:
    """Where the backup reminder's days are written as a figure of their own, or a log never backed
    up would be told its last backup is old."""
    days, problems = messages.get("backup_reminder_days"), []
    if "{days}" not in messages.get("backup_reminder", ""):
        problems.append(f"{where}: the backup reminder \"{messages.get('backup_reminder')}\" does not say {{days}}, "
                        f"so it can differ from backup_reminder_days ({days}). Write {{days}} for the number.")
    if not messages.get("backup_never"):
        problems.append(f"{where}: there are no words for a log never backed up (backup_never), "
                        "so it would be told its last backup is old.")
    if page_reminder_days(page) != days:
        problems.append(f"{page_where}: the page says the log reminds you after {page_reminder_days(page)} days, "
                        f"but it does so after {days} days (backup_reminder_days in {where}).")
    return problems


def read_messages(path: Path = MESSAGES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def python_values() -> dict[str, list[str]]:
    return {name: getattr(symptom_log, name) for name in FIELDS}


def test_the_log_values_agree_in_the_script_the_form_and_python(built_site):
    html = (built_site / LOG_PAGE / "index.html").read_text(encoding="utf-8")
    problems = value_problems(form_choices(html), script_values(), python_values(), FORM)
    problems += log_sign_problems(form_choices(html), care_rules.load(), FORM, "care-rules.json")
    problems += reminder_problems(read_messages(), "docs/assets/tools/symptom-log/symptom-log-messages.json",
                                  PAGE.read_text(encoding="utf-8"), "docs/symptom-log.md")
    assert not problems, "\n".join(problems)


def test_the_values_check_can_fail():
    html = (FIXTURES / "symptom-log-values" / "form.html").read_text(encoding="utf-8")
    where = "tests/fixtures/symptom-log-values/form.html"
    python = {**python_values(), "STRESS": ["low", "high"]}
    problems = value_problems(form_choices(html), script_values(), python, where)
    rules = care_rules.load()
    rules["log_signs"] = [tick for tick in rules["log_signs"] if tick["id"] != "weak-grip"]
    problems += log_sign_problems(form_choices(html), rules, where, "a copy of care-rules.json")
    problems += reminder_problems(read_messages(FIXTURES / "symptom-log-values" / "messages.json"),
                                  "tests/fixtures/symptom-log-values/messages.json",
                                  (FIXTURES / "symptom-log-values" / "symptom-log.md").read_text(encoding="utf-8"),
                                  "tests/fixtures/symptom-log-values/symptom-log.md")
    assert problems == [
        "tests/fixtures/symptom-log-values/form.html: the form offers ['moment', 'under-1-minute', '1-to-10-minutes'] "
        "for \"duration\", but symptom-log-format.js (DURATIONS) allows "
        "['moment', 'under-1-minute', '1-to-10-minutes', 'over-10-minutes'].",
        "tests/fixtures/symptom-log-values/form.html: the form says \"The area felt stiff\" for signs "
        "\"stiff\", but the summary and entries say \"The area feels stiff\" "
        "(symptom-log-format.js, WORDS.sign).",
        "scripts/sitetools/symptom_log.py: STRESS is ['low', 'high'], but symptom-log-format.js allows "
        "['low', 'medium', 'high'].",
        "tests/fixtures/symptom-log-values/form.html: the form offers the signs ['weak', 'stiff', 'feeling-change', "
        "'weak-grip', 'leg-weakness', 'one-leg-swollen', 'speech-or-swallowing', 'thinner-muscles', 'weak-or-stiff'], "
        "but a copy of care-rules.json (log_signs) lists ['weak', 'stiff', 'feeling-change', 'leg-weakness', "
        "'one-leg-swollen', 'speech-or-swallowing', 'thinner-muscles', 'weak-or-stiff']. Copy the list from the care rules.",
        "tests/fixtures/symptom-log-values/form.html: the form says \"The area felt stiff\" for the sign \"stiff\", "
        "but a copy of care-rules.json (log_signs) says \"The area feels stiff\".",
        "tests/fixtures/symptom-log-values/messages.json: the backup reminder \"Your last backup is more than 14 days old.\" "
        "does not say {days}, so it can differ from backup_reminder_days (30). Write {days} for the number.",
        "tests/fixtures/symptom-log-values/messages.json: there are no words for a log never backed up (backup_never), "
        "so it would be told its last backup is old.",
        "tests/fixtures/symptom-log-values/symptom-log.md: the page says the log reminds you after 14 days, "
        "but it does so after 30 days (backup_reminder_days in tests/fixtures/symptom-log-values/messages.json).",
    ], problems
