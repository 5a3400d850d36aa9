"""The GitHub set-up: workflows, issue forms and their links, checked offline.

check-jsonschema validates the files against GitHub's published schemas;
zizmor audits the workflows for security mistakes (unpinned actions, broad
permissions, leaked credentials). Both run without internet. The publish
gate (only what passed ./scripts/test on that commit goes live) is read from
the workflow. Each is proven able to fail on a small broken workflow in
tests/fixtures/workflows/.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT, site_url

BIN = Path(sys.executable).parent  # the venv's tools sit next to its python
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BAD = FIXTURES / "workflows"
# `uses: owner/action@<40-character commit SHA> # v1.2.3`
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}\s*$")


def run(tool: str, *args: str) -> tuple[int, str]:
    result = subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def check_schema(schema: str, *files: Path) -> tuple[int, str]:
    return run("check-jsonschema", "--builtin-schema", schema, *map(str, files))


def zizmor(*paths: Path) -> tuple[int, str]:
    return run("zizmor", "--offline", "--no-progress", *map(str, paths))


def test_there_is_one_workflow():
    """Checks and publishing are one workflow, so publishing can wait for the checks."""
    assert {p.name for p in WORKFLOWS} == {"deploy.yml"}


def test_workflows_match_githubs_schema():
    code, output = check_schema("vendor.github-workflows", *WORKFLOWS)
    assert code == 0, (
        f"A workflow in .github/workflows/ is not valid for GitHub:\n{output}\n"
        "How to fix: correct the key or value the message names (GitHub's workflow syntax reference lists them all).")


def test_workflows_have_no_security_findings():
    code, output = zizmor(GITHUB / "workflows")
    assert code == 0, (
        f"zizmor found security problems in .github/workflows/:\n{output}\n"
        "How to fix: follow the help link under each finding. Typical fixes: pin each action to a commit SHA "
        "(uses: owner/action@<sha> # v1.2.3), give each job only the permissions it needs, and keep "
        "persist-credentials: false on checkout.")


def test_every_action_is_pinned_with_its_version_noted():
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*(?:-\s*)?uses:", line):
                assert PINNED.match(line), (
                    f".github/workflows/{path.name}, line {number}: the action is not pinned to a commit with its "
                    f"version noted: {line.strip()}\nHow to fix: write it as uses: owner/action@<40-character SHA> # v1.2.3")


def test_schema_check_can_fail():
    code, output = check_schema("vendor.github-workflows", BAD / "invalid-key.yml")
    assert code != 0 and "'runs-on' is a required property" in output, output


def test_zizmor_can_fail():
    code, output = zizmor(BAD / "unpinned-action.yml")
    assert code != 0 and "unpinned-uses" in output and "actions/checkout@v4" in output, output


# --- Only what passes is published -------------------------------------------

def _needs(jobs: dict, name: str) -> set[str]:
    """Every job NAME waits for, directly or through the jobs it needs."""
    needs = jobs[name].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(_needs(jobs, job) for job in direct)) if direct else set()


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") + " " + step.get("uses", "") for step in job.get("steps", []))


def publish_gate_problems(path: Path) -> list[str]:
    """The jobs that build or publish the site wait for the job that runs the full
    checks (./scripts/test) in the same run, on the same commit; only the publish
    job may write to Pages; pull requests never publish."""
    where = f".github/workflows/{path.name}"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    jobs = workflow.get("jobs", {})
    checks = [name for name, job in jobs.items() if "./scripts/test" in _runs(job)]
    triggers = workflow.get(True, workflow.get("on", {}))  # YAML reads a bare `on:` as True
    problems = []
    if workflow.get("permissions") != {}:
        problems.append(f"{where}: the workflow gives every job rights (permissions: {workflow.get('permissions')}). "
                        "How to fix: set permissions: {} at the top and give each job only what it needs.")
    for name, job in jobs.items():
        publishes = "actions/deploy-pages" in _runs(job)
        uploads = "actions/upload-pages-artifact" in _runs(job)
        rights = job.get("permissions") or {}
        if (publishes or uploads) and not set(checks) & _needs(jobs, name):
            problems.append(f'{where}: the job "{name}" publishes the site without waiting for the full checks '
                            "(./scripts/test) on the same commit, so a change that fails them goes live. "
                            'How to fix: run ./scripts/test in a job of this workflow and add it to "needs:".')
        # A skipped job skips the jobs that need it: one guard on the way is enough.
        guarded = any("pull_request" in str(jobs[job_name].get("if", "")) for job_name in {name} | _needs(jobs, name))
        if (publishes or uploads) and not guarded and "pull_request" in triggers:
            problems.append(f'{where}: the job "{name}" would also run for pull requests. '
                            "How to fix: add if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'.")
        if (publishes or uploads) and re.search(r"always\(|failure\(|cancelled\(", str(job.get("if", ""))):
            problems.append(f'{where}: the job "{name}" runs even when the jobs it needs failed ({job["if"]}). '
                            "How to fix: remove always(), failure() and cancelled() from its if:.")
        if name in checks and (job.get("continue-on-error") or any(
                step.get("continue-on-error") for step in job.get("steps", []) if "./scripts/test" in step.get("run", ""))):
            problems.append(f'{where}: the checks in job "{name}" may fail without stopping the publishing '
                            "(continue-on-error). How to fix: remove continue-on-error.")
        if not publishes and any(rights.get(right) == "write" for right in ("pages", "id-token")):
            problems.append(f'{where}: the job "{name}" may publish to Pages but does not need to. '
                            "How to fix: only the job that runs actions/deploy-pages gets pages: write and id-token: write.")
    return problems


def test_only_what_passes_is_published():
    problems = [problem for path in WORKFLOWS for problem in publish_gate_problems(path)]
    assert not problems, "\n".join(problems)
    publishing = [path.name for path in WORKFLOWS if "actions/deploy-pages" in path.read_text(encoding="utf-8")]
    assert publishing == ["deploy.yml"], f"Only deploy.yml may publish, after the checks; these do: {publishing}"


def test_publish_gate_check_can_fail():
    problems = publish_gate_problems(BAD / "publish-without-checks.yml")
    text = "\n".join(problems)
    for phrase in ['publish-without-checks.yml: the job "build" publishes the site without waiting for the full checks',
                   'publish-without-checks.yml: the job "deploy" publishes the site without waiting for the full checks']:
        assert phrase in text, f"Expected the check to say {phrase!r}; it said:\n{text or '(nothing)'}"
    problems = publish_gate_problems(BAD / "publish-despite-failures.yml")
    text = "\n".join(problems)
    for phrase in ['the job "deploy" runs even when the jobs it needs failed (always()).',
                   'the checks in job "test" may fail without stopping the publishing (continue-on-error).',
                   'the job "build" would also run for pull requests.',
                   'the job "test" may publish to Pages but does not need to.']:
        assert phrase in text, f"Expected the check to say {phrase!r}; it said:\n{text or '(nothing)'}"


def test_issue_forms_match_githubs_schema():
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    config = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
    forms.remove(config)
    assert {f.name for f in forms} == {"content-error.yml", "suggest-a-topic.yml"}
    code, output = check_schema("vendor.github-issue-forms", *forms)
    assert code == 0, f"An issue form is not valid for GitHub:\n{output}"
    code, output = check_schema("vendor.github-issue-config", config)
    assert code == 0, f".github/ISSUE_TEMPLATE/config.yml is not valid for GitHub:\n{output}"


def test_page_footer_links_to_the_content_error_form():
    footer = (ROOT / "overrides/partials/page-footer.html").read_text(encoding="utf-8")
    assert "template=content-error.yml" in footer, "the 'Report a problem' link must open .github/ISSUE_TEMPLATE/content-error.yml"


def test_deploy_publishes_at_the_address_in_mkdocs_yml():
    # mkdocs.yml holds the address; the deploy workflow must not drift from it.
    steps = yaml.safe_load((GITHUB / "workflows/deploy.yml").read_text())["jobs"]["build"]["steps"]
    urls = [step["env"]["SITE_URL"] for step in steps if "SITE_URL" in step.get("env", {})]
    assert urls == [site_url()], f"deploy.yml builds with SITE_URL {urls}, but mkdocs.yml says {site_url()}"


def test_issue_config_links_to_the_published_site():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE/config.yml").read_text())
    for link in config.get("contact_links", []):
        assert link["url"].startswith(site_url()), f"{link['url']} is not on the site's address {site_url()}"
