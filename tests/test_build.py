"""The strict build: it must fail on a broken link or anchor, naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, run_build


def test_site_builds_strictly_without_warnings(built_site):
    # The `built_site` fixture fails the session on any warning; this test
    # makes that visible as its own line in the report.
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()


def copy_project_with_pages(tmp_path: Path, pages: Path) -> Path:
    """The real mkdocs.yml and overrides, with only the fixture's pages."""
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(pages, tmp_path / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - index.md\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_strict_build_fails_on_broken_link_and_anchor(tmp_path):
    config = copy_project_with_pages(tmp_path, FIXTURES / "broken-build")
    clean, output = run_build(config, tmp_path / "site")
    assert not clean, "A broken link should fail the build"
    assert "'index.md' contains a link 'gone.md', but the target is not found" in output, output
    assert "contains a link 'index.md#nowhere', but there is no such anchor" in output, output
