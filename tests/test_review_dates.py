"""Review dates that expire: a page past its next_review shows a calm notice,
./scripts/review-dates lists overdue pages (and those due within 30 days) and
fails while any is overdue, and the weekly workflow run republishes, then
runs it. An overdue page is not a failing check for pull requests or
publishing: every content check still passes.

Proven on tests/fixtures/review-dates/docs/review-dates/: overdue.md (due
2026-06-01) and due-soon.md (due 2026-07-01), added in a folder to a copy of
the real site and built as on 2026-06-15.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from browser_checks import axe_problems, open_page
from conftest import FIXTURES, ROOT, serve
from project_copy import build_and_load, copy_project
from sitetools.checks import ALL_CHECKS
from sitetools.problems import report
from sitetools.review_cycle import in_words, review_cycle_years

BUILT_ON = "2026-06-15"
OVERDUE = "docs/review-dates/overdue.md"
DUE_SOON = "docs/review-dates/due-soon.md"
NOTICE = "This page is waiting for its review"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("review-dates"))
    shutil.copytree(FIXTURES / "review-dates" / "docs", project / "docs", dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "\nnav:\n", "\nnav:\n  - review-dates/overdue.md\n  - review-dates/due-soon.md\n", 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(project, monkeypatch_module):
    monkeypatch_module.setenv("BUILD_DATE", BUILT_ON)
    return build_and_load(project)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def notice(site, rel: str):
    page = site.page(rel)
    assert page is not None, f"{rel} was not built"
    return page.soup.select_one("article .site-review-overdue")


def test_an_overdue_page_shows_a_calm_notice(site):
    shown = notice(site, "review-dates/overdue/index.html")
    assert shown is not None, (f"{OVERDUE}: its next review (2026-06-01) has passed, but the page shows no notice. "
                               "How to fix: keep overrides/partials/review-overdue.html included in overrides/main.html.")
    text = " ".join(shown.get_text(" ").split())
    assert NOTICE in text and "1 June 2026" in text, text
    cycle = in_words(review_cycle_years())
    assert f"We check every page against its sources {cycle}." in text, (
        f"The notice should say the review cycle from mkdocs.yml ({cycle}): {text}")
    assert shown.select_one("time")["datetime"] == "2026-06-01"


@pytest.mark.parametrize("rel", ["review-dates/due-soon/index.html", "movements/index.html", "index.html"])
def test_a_page_not_yet_due_shows_no_notice(site, rel):
    assert notice(site, rel) is None, f"{rel}: the review is not due yet, but the page says it is overdue."


def test_an_overdue_page_is_not_a_failing_check(site):
    """Pull requests and publishing run these checks: the notice must still go out."""
    problems = [problem for check in ALL_CHECKS for problem in check(site)]
    assert not problems, report(problems)


def review_dates(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "BUILD_DATE"}
    return subprocess.run([str(ROOT / "scripts" / "review-dates"), *args], capture_output=True, text=True, env=env)


def test_review_dates_command_fails_while_a_page_is_overdue(project):
    result = review_dates("--docs", str(project / "docs"), "--today", BUILT_ON)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "Overdue for review (1)" in out and f"  {OVERDUE}: the review was due on 2026-06-01, 14 days ago." in out, out
    assert "Due within 30 days (1):" in out and f"  {DUE_SOON}: the review is due on 2026-07-01, in 16 days." in out, out
    assert "How to fix: check each overdue page against its sources" in out, out


def test_review_dates_command_passes_when_nothing_is_overdue(project):
    result = review_dates("--docs", str(project / "docs"), "--today", "2026-05-20")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No page is overdue for review." in result.stdout
    assert f"  {OVERDUE}: the review is due on 2026-06-01, in 12 days." in result.stdout, result.stdout


def test_review_dates_command_has_help():
    result = review_dates("--help")
    assert result.returncode == 0 and result.stdout.startswith("Usage: ./scripts/review-dates"), result.stdout


# --- The weekly run ---------------------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"


def test_weekly_run_republishes_then_fails_while_a_page_is_overdue():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers, jobs = workflow[True], workflow["jobs"]  # YAML reads a bare `on:` as True
    crons = [entry["cron"] for entry in triggers.get("schedule", [])]
    assert len(crons) == 1 and crons[0].split()[2:4] == ["*", "*"] and crons[0].split()[4] != "*", (
        f"deploy.yml should run once a week (schedule: cron with one day of the week); it has {crons}.")
    runs = {name: " ".join(step.get("run", "") for step in job.get("steps", [])) for name, job in jobs.items()}
    reviewers = [name for name, run in runs.items() if "./scripts/review-dates" in run]
    assert len(reviewers) == 1, f"One job should run ./scripts/review-dates; these do: {reviewers}"
    job = jobs[reviewers[0]]
    assert job.get("needs") == "deploy", "The review-dates job must run after the site is republished (needs: deploy)."
    assert "schedule" in job.get("if", "") and "pull_request" not in job.get("if", ""), (
        "The review-dates job must run on the weekly schedule only, never for pull requests: an overdue page "
        "is not a failing check for pull requests or publishing.")
    assert "BUILD_DATE" in runs["build"] or "./scripts/build" in runs["build"], (
        "The build must set BUILD_DATE so the overdue notice uses the day of the build.")


# --- On screen and on paper ---------------------------------------------------------

@pytest.mark.browser
def test_notice_shows_on_screen_and_costs_no_sheet_on_paper(site, page):
    """Every handout is at its two-sheet limit: even one printed line gave
    when-to-see-a-doctor a third sheet on Letter, and the weekly run that
    publishes the notice prints every handout. On paper, every sheet already
    shows "Page last reviewed"."""
    server, url = serve(site.root, "/")
    try:
        page.goto(url + "review-dates/overdue/")
        notice_box = page.locator(".site-review-overdue")
        assert notice_box.is_visible(), f"{OVERDUE}: the overdue notice does not show on screen."
        page.emulate_media(media="print")
        assert notice_box.is_hidden(), (f"{OVERDUE}: the overdue notice would be printed and can push a handout "
                                        'onto a third sheet. Keep it hidden in site.css (section "Print").')
    finally:
        server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_notice_is_accessible(site, browser, palette):
    """axe (WCAG 2.2 AA) on the overdue page, a page in a folder, with its notice showing."""
    context = browser.new_context(color_scheme=palette)
    server, url = serve(site.root, "/")
    try:
        tab = open_page(context.new_page(), url + "review-dates/overdue/", palette)
        problems = axe_problems(tab, f"{OVERDUE} ({palette} colours)")
        assert not problems, "\n".join(problems)
    finally:
        server.shutdown()
        context.close()
