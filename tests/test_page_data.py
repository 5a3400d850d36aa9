"""What machines read about each page (overrides/partials/page-data.html):
schema.org MedicalWebPage data and Open Graph tags, read back from the built
HTML and compared with the page's front matter. Proven on tests/fixtures/page-data/.
(v.Nu checks the markup is valid HTML: tests/test_html_valid.py.)
"""

from __future__ import annotations

import json

from mkdocs.config import load_config

from conftest import ROOT, fixture_site
from sitetools.checks.frontmatter import read_front_matter
from sitetools.problems import Problem, report
from sitetools.site import Site

PARTIAL = "overrides/partials/page-data.html"
# Properties the data must not carry, and why.
LEFT_OUT = {
    "reviewedBy": "machines read it as a medical reviewer, and no clinician has reviewed the site.",
    "expires": 'it means the page is no longer available, so search engines may drop it; the next review date '
               "belongs in the page text only.",
}
SITE_NAME = load_config(str(ROOT / "mkdocs.yml"))["site_name"]


def expected_data(site: Site, page, front: dict, site_name: str) -> dict:
    """What the page's data should say, from its front matter."""
    title = site_name if page.url_path == "" else front["title"]
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": front["description"],
        "url": site.site_url + page.url_path,
        "lastReviewed": str(front["last_reviewed"]),
        "medicalAudience.@type": "Patient",
        "citation": [{k: v for k, v in (("name", s["title"]), ("url", s.get("url"))) if v} for s in front["sources"]],
        "og:title": title,
        "og:description": front["description"],
        "og:url": site.site_url + page.url_path,
    }


def page_data_problems(site: Site, site_name: str = SITE_NAME) -> list[Problem]:
    problems = []
    for page in site.pages:
        if page.source is None:
            continue
        front, _ = read_front_matter(page.source)
        if not front:
            continue

        def problem(what: str) -> None:
            problems.append(Problem(page.name, what, f"Keep {PARTIAL} in overrides/main.html (block extrahead), "
                                                      "and the front matter complete."))

        scripts = page.soup.select('head script[type="application/ld+json"]')
        if len(scripts) != 1:
            problem(f"The page should carry one block of schema.org data (JSON-LD); it has {len(scripts)}.")
            continue
        try:
            data = json.loads(scripts[0].string or "")
        except ValueError as error:
            problem(f"The page's schema.org data is not valid JSON ({error.msg}).")
            continue
        found = dict(data)
        for claim in LEFT_OUT:
            if claim in data:
                problem(f'The page data has "{claim}": {LEFT_OUT[claim]}')
        found["medicalAudience.@type"] = (data.get("medicalAudience") or {}).get("@type")
        found["citation"] = [{k: v for k, v in c.items() if k in ("name", "url")} for c in data.get("citation", [])]
        for tag in ("og:title", "og:description", "og:url", "og:type"):
            meta = page.soup.select_one(f'head meta[property="{tag}"]')
            found[tag] = meta.get("content") if meta else None
        if not found["og:type"]:
            problem('The page has no Open Graph tag "og:type".')
        for key, want in expected_data(site, page, front, site_name).items():
            if found.get(key) != want:
                got = found.get(key)
                problem(f'The page data "{key}" is {json.dumps(got)}, not {json.dumps(want)}.' if got is not None
                        else f'The page data has no "{key}" (it should be {json.dumps(want)}).')
    return problems


def test_every_page_carries_its_data(site):
    problems = page_data_problems(site)
    assert not problems, report(problems)


def test_page_data_check_can_fail():
    problems = page_data_problems(fixture_site("page-data"), "Fibromyalgia and muscle twitching")
    assert [f"{p.file}: {p.what}" for p in problems] == [
        "docs/index.md: The page's schema.org data is not valid JSON (Expecting value).",
        'docs/movements.md: The page data has "reviewedBy": machines read it as a medical reviewer, and no clinician '
        'has reviewed the site.',
        'docs/movements.md: The page data has "expires": it means the page is no longer available, so search '
        'engines may drop it; the next review date belongs in the page text only.',
        'docs/movements.md: The page data "@type" is "WebPage", not "MedicalWebPage".',
        'docs/movements.md: The page data "lastReviewed" is "2025-01-01", not "2026-12-02".',
        'docs/movements.md: The page data "citation" is [{"name": "NHS, Twitching eyes and muscles", '
        '"url": "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"}], not [{"name": "NHS, Twitching eyes '
        'and muscles", "url": "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/"}, {"name": "NHS, Leg cramps", '
        '"url": "https://www.nhs.uk/conditions/leg-cramps/"}].',
        'docs/movements.md: The page data has no "og:description" (it should be "How to tell a muscle twitch from '
        'a spasm or a cramp.").',
    ]
