"""The web app manifest lets a phone add the site to its home screen: valid,
scoped to the site's own path under site_url, icons of 192 and 512 pixels,
maskable too. Chromium's own verdict is in tests/test_offline.py
(test_site_can_be_installed). Proven able to fail on tests/fixtures/bad-manifest/.
"""

from __future__ import annotations

from conftest import FIXTURES, site_url
from sitetools.app_manifest import manifest_problems


def test_manifest_is_valid_scoped_and_has_its_icons(built_site):
    problems = manifest_problems(built_site, site_url())
    assert not problems, "\n".join(problems)


def test_manifest_check_can_fail():
    problems = manifest_problems(FIXTURES / "bad-manifest" / "site", "https://example.org/guide/")
    text = "\n".join(problems)
    assert "'scope' leads to /, not to the site's own path /guide/" in text, text
    assert "the icon icons/small.png says it is 192x192 but is 48x48" in text, text
    assert "the icon icons/missing.png does not exist" in text, text
    assert "no maskable icon of 192x192, 512x512 pixels" in text, text
