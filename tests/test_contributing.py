"""The contributor's path: feedback links on every page, scripts/new-page,
no template text left behind, and a CONTRIBUTING.md that matches the project.

The new-page tests work in a throw-away copy of the project, as a contributor
would: create a page, write normal text, add the menu line, build, check.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from mkdocs.config import load_config

from conftest import FIXTURES, ROOT, fixture_site
from project_copy import build_and_load, copy_project
from sitetools.checks import ALL_CHECKS
from sitetools.checks.frontmatter import check_front_matter_file
from sitetools.checks.links import allowed_hosts
from sitetools.problems import Problem, line_of, report
from sitetools.checks.sources import accepted_sources
from sitetools.site import Site
from sitetools.pages import site_pages
from sitetools.review_cycle import review_cycle_years, years_after
from test_markdown_style import PYMARKDOWN

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
FOOTER = "overrides/partials/page-footer.html"
REPORT_TITLE = re.compile(r'^Problem on the page "(?P<name>.+)" \(docs/(?P<file>[\w./-]+\.md)\)$')


# --- "Edit this page" and "Report a problem with this page" -------------------

def feedback_link_problems(site: Site, edit_uri: str, issues_url: str) -> list[Problem]:
    """Every page written in docs/ links to its own source on GitHub and to
    the content-error form, with an issue title naming the page and its file."""
    problems = []
    for page in site.pages:
        if page.source is None:
            continue
        links = {a.get_text(strip=True): a.get("href", "") for a in page.soup.select("footer.site-page-footer a")}
        edit = links.get("Edit this page")
        own_source = edit_uri + page.doc  # "section/page.md" for a page in a folder
        if edit is None:
            problems.append(Problem(page.name, 'The page has no "Edit this page" link.',
                                    f"Keep the link in {FOOTER} and the edit_uri line in mkdocs.yml."))
        elif edit != own_source:
            problems.append(Problem(page.name, f'"Edit this page" opens {edit}, not the page\'s own file ({own_source}).',
                                    f"The link is made from edit_uri in mkdocs.yml and page.edit_url in {FOOTER}: put them back."))
        report_link = links.get("Report a problem with this page")
        if report_link is None:
            problems.append(Problem(page.name, 'The page has no "Report a problem with this page" link.',
                                    f"Keep the link in {FOOTER}."))
            continue
        query = parse_qs(urlsplit(report_link).query)
        title = query.get("title", [""])[0]
        named = REPORT_TITLE.match(title)
        menu = page.soup.select_one("a.md-nav__link--active")
        if not report_link.startswith(issues_url + "?") or query.get("template") != ["content-error.yml"]:
            problems.append(Problem(page.name, f'"Report a problem with this page" does not open the content-error form: {report_link}',
                                    f"Link to {{{{ config.extra.issues_url }}}}?template=content-error.yml in {FOOTER}."))
        elif not named or named["file"] != page.doc or (menu and named["name"] != menu.get_text(strip=True)):
            problems.append(Problem(page.name, f'The report it opens does not name this page: its title is "{title}".',
                                    f'Give it the title: Problem on the page "<page title>" (docs/<file>.md), as in {FOOTER}.'))
    return problems


def test_every_page_has_edit_and_report_links(site):
    problems = feedback_link_problems(site, CONFIG["edit_uri"], CONFIG["extra"]["issues_url"])
    assert not problems, report(problems)


def test_feedback_link_check_can_fail():
    site = fixture_site("no-feedback-links")
    problems = feedback_link_problems(site, "https://github.com/fibro-guide/muscle-twitching/edit/main/docs/",
                                      "https://github.com/fibro-guide/muscle-twitching/issues/new")
    assert [f"{p.file}: {p.what}" for p in problems] == [
        'docs/in-a-folder/page.md: "Edit this page" opens https://github.com/fibro-guide/muscle-twitching/edit/main/docs/page.md, '
        "not the page's own file (https://github.com/fibro-guide/muscle-twitching/edit/main/docs/in-a-folder/page.md).",
        'docs/in-a-folder/page.md: The report it opens does not name this page: its title is '
        '"Problem on the page "A page in a folder" (docs/page.md)".',
        'docs/index.md: The page has no "Edit this page" link.',
        'docs/index.md: The page has no "Report a problem with this page" link.',
        'docs/movements.md: "Edit this page" opens https://github.com/fibro-guide/muscle-twitching/edit/main/docs/index.md, '
        "not the page's own file (https://github.com/fibro-guide/muscle-twitching/edit/main/docs/movements.md).",
        'docs/movements.md: The report it opens does not name this page: its title is "Problem on a page".',
    ]


# --- scripts/new-page ---------------------------------------------------------

NAME = "pacing-your-day"
TITLE = "Pacing: plan your day"  # a colon, so the front matter needs quotes
# What a contributor might write in place of each "TODO:" (none are glossary words).
HEADING = "How can I plan a day with less strain?"
SENTENCES = [
    "Plan short rests between tasks through the day.",
    "Small changes to your routine can make a day easier.",
    "Pick one or two tasks for each part of the day.",
    "Rest before you feel worn out, not after.",
]


def new_page(project: Path, *args: str) -> subprocess.CompletedProcess:
    # Run it as a contributor does: ./scripts/new-page, no venv needed.
    return subprocess.run([str(project / "scripts" / "new-page"), *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("contributor"))


@pytest.fixture(scope="module")
def created(project) -> tuple[Path, str, str]:
    """The new page, what the script printed, and the page as first created."""
    result = new_page(project, NAME, TITLE)
    assert result.returncode == 0, result.stderr
    page = project / "docs" / f"{NAME}.md"
    return page, result.stdout, page.read_text(encoding="utf-8")


def write_normal_text(template_text: str) -> str:
    sentences = iter(SENTENCES * 3)
    text = re.sub(r"(?m)^## TODO:.*$", f"## {HEADING}", template_text)
    return re.sub(r"TODO:[^\n\"]*", lambda _: next(sentences), text)


def add_to_menu(project: Path, nav_line: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    config.write_text(text.replace("\nnav:\n", f"\nnav:\n{nav_line}\n", 1), encoding="utf-8")


def test_new_page_has_help():
    result = subprocess.run([str(ROOT / "scripts/new-page"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Usage: ./scripts/new-page NAME")


def test_new_page_starts_with_valid_front_matter_and_todays_dates(created):
    page, _, _ = created
    today = dt.date.today()
    assert not check_front_matter_file(page), report(check_front_matter_file(page))
    text = page.read_text(encoding="utf-8")
    assert f'title: "{TITLE}"' in text and f"\n# {TITLE}\n" in text
    assert f"last_reviewed: {today}" in text
    assert f"next_review: {years_after(today, review_cycle_years())}" in text


def test_new_page_says_which_menu_line_to_add(created):
    _, output, _ = created
    assert f'\n  - "{TITLE}": {NAME}.md\n' in output, output
    assert "mkdocs.yml" in output and "nav:" in output


def test_new_page_never_overwrites(project, created):
    page, _, _ = created
    before = page.read_text(encoding="utf-8")
    result = new_page(project, NAME)
    assert result.returncode != 0
    assert f"docs/{NAME}.md already exists" in result.stderr
    assert page.read_text(encoding="utf-8") == before


def test_new_page_explains_a_bad_name(project):
    result = new_page(project, "Pacing Your Day")
    assert result.returncode != 0 and "lower-case words joined by hyphens" in result.stderr
    assert not (project / "docs" / "Pacing Your Day.md").exists()


@pytest.mark.builds
def test_written_page_passes_every_check(project, created):
    page, output, template_text = created
    page.write_text(write_normal_text(template_text), encoding="utf-8")
    nav_line = next(line for line in output.splitlines() if line.endswith(f": {NAME}.md"))
    add_to_menu(project, nav_line)
    site = build_and_load(project)  # strict: a page missing from the menu would fail here
    built = site.page(f"{NAME}/index.html")
    assert built is not None and built.soup.h1.get_text(strip=True) == TITLE
    # Only the new page: test_content.py reports on the others.
    problems = [p for check in ALL_CHECKS for p in check(site) if p.file == f"docs/{NAME}.md"]
    problems += placeholder_problems([page])
    problems += [p for p in feedback_link_problems(site, CONFIG["edit_uri"], CONFIG["extra"]["issues_url"])
                 if p.file == f"docs/{NAME}.md"]
    assert not problems, report(problems)
    style = subprocess.run([str(PYMARKDOWN), "--strict-config", "scan", str(page)], cwd=ROOT, capture_output=True, text=True)
    assert style.returncode == 0, style.stdout + style.stderr


# --- No template text left behind -----------------------------------------------

def placeholder_problems(pages: list[Path], docs: Path | None = None) -> list[Problem]:
    problems = []
    for page in pages:
        name = f"docs/{page.relative_to(docs).as_posix() if docs else page.name}"
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if "TODO:" in line:
                problems.append(Problem(name, f'The page still has text from the page template: "{line.strip()}"',
                                        'Replace the "TODO:" text with your own words, or delete the line.', number))
    return problems


def test_no_page_keeps_template_text():
    docs = ROOT / "docs"
    problems = placeholder_problems([docs / page.source for page in site_pages(docs)], docs)
    assert not problems, report(problems)


def test_template_text_check_can_fail(created, tmp_path):
    _, _, as_created = created  # the page before any "TODO:" was replaced
    unedited = tmp_path / f"{NAME}.md"
    unedited.write_text(as_created, encoding="utf-8")
    problems = placeholder_problems([unedited])
    assert str(problems[0]).startswith(
        f'docs/{NAME}.md, line 3: The page still has text from the page template: "description: "TODO: one sentence')
    assert "How to fix: Replace the \"TODO:\" text with your own words" in str(problems[0])
    assert len(problems) == sum(line.count("TODO:") for line in as_created.splitlines())


# --- CONTRIBUTING.md (for writers) and DEVELOPING.md match the project ----------

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
DEVELOPING = ROOT / "DEVELOPING.md"
GUIDES = [CONTRIBUTING, DEVELOPING]
MAX_WRITERS_GUIDE_WORDS = 800  # its prose; the accepted-sources list is data to copy


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_guide_names_only_files_that_exist(guide):
    text = guide.read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:\./)?((?:scripts|overrides|tests|docs|\.github)/[\w./-]+|mkdocs\.yml)`", text))
    missing = sorted(path for path in named if not (ROOT / path).exists() and "pacing-your-day" not in path)
    assert not missing, f"{guide.name} names files that do not exist: {missing}"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_guide_links_to_its_own_sections(guide):
    text = guide.read_text(encoding="utf-8")
    anchors = {re.sub(r"[^\w -]", "", h.lower()).replace(" ", "-") for h in re.findall(r"(?m)^#+ (.+)$", text)}
    broken = sorted(set(re.findall(r"\]\(#([\w-]+)\)", text)) - anchors)
    assert not broken, f"{guide.name} links to sections that do not exist: {broken}"


def test_writers_guide_is_short_and_in_order():
    """Writing rules first, then editing on GitHub, then what the checks say."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    prose = re.sub(r"(?s)```.*?```", "", text)
    words = len(re.findall(r"\S+", prose))
    assert words <= MAX_WRITERS_GUIDE_WORDS, (
        f"CONTRIBUTING.md has {words} words besides the sources list; writers get at most {MAX_WRITERS_GUIDE_WORDS}. "
        "Move developer material to DEVELOPING.md.")
    headings = re.findall(r"(?m)^## (.+)$", text)
    assert headings == ["How to write a page", "How to edit a page on GitHub", "What the checks say, and how to fix it"], headings
    assert line_of(CONTRIBUTING, "./scripts/check-writing") and "(DEVELOPING.md)" in text
    assert line_of(DEVELOPING, "./scripts/new-page") and line_of(DEVELOPING, "./scripts/test")


def shown_sources(text: str) -> list[dict]:
    block = re.search(r"(?s)### Accepted sources.*?```yaml\n(.*?)```", text)
    assert block, "CONTRIBUTING.md should show the accepted sources in a ```yaml block under \"### Accepted sources\"."
    return yaml.safe_load(block[1])["sources"]


def test_writers_guide_shows_the_accepted_sources_the_checks_read():
    listed = [{k: v for k, v in (("title", s.title), ("url", s.url)) if v} for s in accepted_sources()]
    shown = shown_sources(CONTRIBUTING.read_text(encoding="utf-8"))
    assert shown == listed, (
        "CONTRIBUTING.md's accepted sources differ from scripts/sitetools/checks/accepted-sources.yml, "
        f"which the checks read. Copy the titles and addresses across.\nShown: {shown}\nListed: {listed}")
    hosts = {urlsplit(source["url"]).hostname for source in shown if "url" in source}
    assert hosts <= allowed_hosts(), f"Hosts not in scripts/sitetools/checks/allowed-hosts.txt: {hosts - allowed_hosts()}"


def test_sources_comparison_can_fail():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    shown = shown_sources(text.replace("  - title: NHS, Leg cramps\n    url: https://www.nhs.uk/conditions/leg-cramps/\n", ""))
    assert {"title": "NHS, Leg cramps", "url": "https://www.nhs.uk/conditions/leg-cramps/"} not in shown


# --- A volunteer who clicks "Edit this page" finds where generated words live --------------

PICTURE_FILES = ("docs/images/what-to-do.svg", "overrides/includes/what-to-do-picture.md")


def unpointed_picture_includes(name: str, text: str) -> list[str]:
    """Each `--8<-- "what-to-do-picture.md"` needs a comment just above it naming both files that
    hold the picture's words, as the care-card includes name care-rules.json."""
    lines = text.splitlines()
    return [f'{name}, line {number}: the what-to-do picture is included with no comment above it naming '
            f'{" and ".join(PICTURE_FILES)}. How to fix: put that comment on the line above.'
            for number, line in enumerate(lines, 1)
            if line.strip() == '--8<-- "what-to-do-picture.md"'
            and not (number > 1 and lines[number - 2].startswith("<!--") and all(f in lines[number - 2] for f in PICTURE_FILES))]


def test_every_picture_include_says_where_its_words_live():
    pages = sorted((ROOT / "docs").rglob("*.md"))
    including = [page for page in pages if '--8<-- "what-to-do-picture.md"' in page.read_text(encoding="utf-8")]
    assert len(including) >= 4, [page.name for page in including]
    problems = [p for page in including
                for p in unpointed_picture_includes(page.relative_to(ROOT).as_posix(), page.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)
    assert all((ROOT / name).is_file() for name in PICTURE_FILES)
    assert all(f"`{name}`" in CONTRIBUTING.read_text(encoding="utf-8") for name in PICTURE_FILES), (
        "CONTRIBUTING.md, \"Changing advice cards or the helper\", should name both files of the what-to-do picture.")


def test_a_picture_include_without_its_comment_is_named():
    bare = '# Home\n\n--8<-- "what-to-do-picture.md"\n'
    assert unpointed_picture_includes("docs/index.md", bare) == [
        "docs/index.md, line 3: the what-to-do picture is included with no comment above it naming "
        "docs/images/what-to-do.svg and overrides/includes/what-to-do-picture.md. How to fix: put that comment on the line above."]
