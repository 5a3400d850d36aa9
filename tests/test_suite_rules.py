"""The suite's own rule (tests/conftest.py, reads_only_sources): a check that
asks for no build reads only the project's files, so it runs once, in the
MkDocs run, and BUILDER=zensical leaves it out. A check that builds a site of
its own must be marked `builds`, or it fails."""

from __future__ import annotations

import pytest

from conftest import BuildOutsideTheRule, reads_only_sources, run_build


def test_a_check_that_builds_without_saying_so_fails(request, tmp_path):
    assert reads_only_sources(request.node)
    with pytest.raises(BuildOutsideTheRule, match=r"test_suite_rules\.py::.* builds a site .*mark it @pytest.mark.builds"):
        run_build(tmp_path / "mkdocs.yml", tmp_path / "site")


@pytest.mark.builds
def test_a_check_marked_builds_runs_with_each_builder(request):
    assert not reads_only_sources(request.node)


def test_a_check_that_reads_the_build_runs_with_each_builder(request, site):
    assert not reads_only_sources(request.node)
