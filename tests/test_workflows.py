"""The GitHub set-up: workflows, issue forms and their links, checked offline.

check-jsonschema validates the files against GitHub's published schemas;
zizmor audits the workflows for security mistakes (unpinned actions, broad
permissions, leaked credentials). Both run without internet. Each is proven
able to fail on a small broken workflow in tests/fixtures/workflows/.
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


def test_there_are_the_two_workflows():
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "deploy.yml"}


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
