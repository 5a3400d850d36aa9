"""The project's layout stays as the README says: tooling lives in
scripts/sitetools/, tests only in tests/, and nothing outside tests/ imports
from it; no two sitetools modules import each other, even by a roundabout way
or inside a function. Proven able to fail on tests/fixtures/layout-faults/."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

# Ways a file can reach into tests/: import a test module, put tests/ on the
# path, or run a file in it.
REACHES_INTO_TESTS = re.compile(
    r"from conftest|import conftest|sys\.path.*[\"']tests|tests/[\w/-]+\.py|pythonpath.*tests")
OUTSIDE_TESTS = ("scripts", ".ci", ".github")


def files_outside_tests(root: Path) -> list[Path]:
    return [path for folder in OUTSIDE_TESTS if (root / folder).is_dir()
            for path in sorted((root / folder).rglob("*")) if path.is_file() and "__pycache__" not in path.parts]


def reach_problems(root: Path) -> list[str]:
    problems = []
    for path in files_outside_tests(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if REACHES_INTO_TESTS.search(line):
                problems.append(f"{path.relative_to(root)}, line {number}: this file uses code from tests/ "
                                f"({line.strip()}). How to fix: move the shared code into scripts/sitetools/ "
                                "and import it from there; tests/ is only for tests.")
    return problems


def layout_table_problems(root: Path) -> list[str]:
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Where things are", 1)[1].split("\n## ", 1)[0]
    paths = re.findall(r"^\| `([^`]+)` \|", section, flags=re.M)
    return [f"README.md, \"Where things are\": it lists `{path}`, which does not exist. "
            "How to fix: update the table to match the folders." for path in paths if not (root / path).exists()]


def imported_modules(package: Path) -> dict[str, set[str]]:
    """{module: the package's modules it imports}, names relative to PACKAGE ("checks.site"),
    imports inside functions too, and the module each pipeline Step names. The package's own __init__ is left out: it holds ROOT alone."""
    modules = {path.relative_to(package).with_suffix("").as_posix().replace("/", "."): path
               for path in sorted(package.rglob("*.py")) if "__pycache__" not in path.parts}
    modules = {name.removesuffix(".__init__"): path for name, path in modules.items() if name != "__init__"}
    graph = {}
    for name, path in modules.items():
        folder = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = folder[:len(folder) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                found |= {f"{target}.{alias.name}".strip(".") for alias in node.names} | {target}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(package.name + "."):
                target = node.module.removeprefix(package.name + ".")
                found |= {f"{target}.{alias.name}" for alias in node.names} | {target}
            elif (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Step" and len(node.args) > 1
                  and isinstance(node.args[1], ast.Constant)):  # a pipeline step imports its module when it runs
                found.add(".".join([*folder, node.args[1].value]))
        graph[name] = {module for module in found if module in modules and module != name}
    return graph


def import_circles(package: Path) -> list[str]:
    """Each circle of imports among PACKAGE's modules once, as "a -> b -> a", in plain words."""
    graph, circles, seen = imported_modules(package), [], set()

    def walk(module: str, trail: list[str]) -> None:
        for imported in sorted(graph[module]):
            if imported in trail:
                circle = trail[trail.index(imported):]
                key = frozenset(circle)
                if key not in seen:
                    seen.add(key)
                    circles.append(" -> ".join([*circle, imported]))
            else:
                walk(imported, [*trail, imported])

    for module in sorted(graph):
        walk(module, [module])
    return [f"{package.relative_to(package.parents[1])}: {circle} import each other. How to fix: move what both need "
            "into a module of its own, or let the command that needs both import them." for circle in circles]


def test_no_import_circles_in_sitetools():
    circles = import_circles(ROOT / "scripts" / "sitetools")
    assert not circles, "\n".join(circles)


def test_circle_check_finds_a_circle_through_a_pipeline_step(tmp_path):
    package = tmp_path / "scripts" / "toolkit"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "pipeline.py").write_text('STEPS = [Step("pdfs", "printing", "write_pdfs", lambda b: (b.site,))]\n')
    (package / "printing.py").write_text("def write_pdfs(site):\n    from .pipeline import STEPS\n")
    assert [circle.split(" import")[0] for circle in import_circles(package)] == [
        "scripts/toolkit: pipeline -> printing -> pipeline"]


def test_circle_check_finds_a_circle_through_a_function():
    assert import_circles(FIXTURES / "layout-faults" / "scripts" / "toolkit") == [
        "scripts/toolkit: building -> printing -> building import each other. How to fix: move what both need "
        "into a module of its own, or let the command that needs both import them."]


def readme_table(readme: str) -> str:
    """README's "Where things are" table, as text."""
    return readme.split("## Where things are", 1)[1].split("\n## ", 1)[0]


def top_level_entries(root: Path) -> list[str]:
    """What git keeps at the top of the repository: "docs", "mkdocs.yml", ".ci"."""
    files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    return sorted({name.split("/", 1)[0] for name in files})


def tool_modules(package: Path) -> list[str]:
    """The package's modules and sub-packages as README names them: "pages.py", "service-worker.mjs", "checks/"."""
    return sorted([path.name for path in package.iterdir() if path.suffix in (".py", ".mjs") and path.name != "__init__.py"]
                  + [path.name + "/" for path in package.iterdir() if (path / "__init__.py").is_file()])


def readme_coverage_problems(readme: str, entries: list[str], modules: list[str]) -> list[str]:
    """Top-level entries and sitetools modules that README's table leaves out."""
    table = readme_table(readme)
    paths = [path.strip() for cell in re.findall(r"^\| ([^|]+) \|", table, flags=re.M)
             for path in re.findall(r"`([^`]+)`", cell)]
    named = set(re.findall(r"`([^`]+)`", table))
    problems = [f"README.md, \"Where things are\": nothing in the table's first column is `{entry}` or inside it. "
                "How to fix: add a row that says what it holds."
                for entry in entries if not any(path.rstrip("/") == entry or path.startswith(entry + "/") for path in paths)]
    problems += [f"README.md, \"Where things are\": the module `{module}` of scripts/sitetools/ is not named. "
                 "How to fix: name it in the row for scripts/sitetools/, with its job."
                 for module in modules if module not in named and f"scripts/sitetools/{module}" not in named]
    return problems


def test_readme_table_names_every_top_level_entry_and_every_tool_module():
    problems = readme_coverage_problems((ROOT / "README.md").read_text(encoding="utf-8"), top_level_entries(ROOT),
                                        tool_modules(ROOT / "scripts" / "sitetools"))
    assert not problems, "\n".join(problems)


def test_readme_coverage_check_can_fail():
    readme = (FIXTURES / "layout-faults" / "README.md").read_text(encoding="utf-8")
    assert readme_coverage_problems(readme, ["scripts", "mkdocs.yml", "tools"], ["pages.py", "printing.py"]) == [
        "README.md, \"Where things are\": nothing in the table's first column is `mkdocs.yml` or inside it. "
        "How to fix: add a row that says what it holds.",
        "README.md, \"Where things are\": the module `printing.py` of scripts/sitetools/ is not named. "
        "How to fix: name it in the row for scripts/sitetools/, with its job."]


def test_nothing_outside_tests_uses_tests():
    problems = reach_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_readme_layout_table_matches_the_tree():
    problems = layout_table_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_layout_checks_catch_a_command_that_reaches_into_tests():
    problems = reach_problems(FIXTURES / "layout-faults")
    assert len(problems) == 2, problems
    assert problems[0].startswith("scripts/report.py, line 4: this file uses code from tests/")


def test_layout_checks_catch_a_stale_readme_table():
    assert layout_table_problems(FIXTURES / "layout-faults") == [
        "README.md, \"Where things are\": it lists `tools/`, which does not exist. "
        "How to fix: update the table to match the folders."]


def test_content_checks_run_as_a_command(built_site):
    """Contributors run the checks on a build with `python -m sitetools.checks`."""
    result = subprocess.run([sys.executable, "-m", "sitetools.checks", str(built_site)],
                            cwd=ROOT / "scripts", capture_output=True, text=True)
    assert result.returncode == 0 and "No problems found." in result.stdout, result.stdout + result.stderr


# --- The site's own classes (DEVELOPING.md, "How a tool is built: one convention") ------------

SITE_SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "site.js"
SITE_STYLES = ROOT / "docs" / "assets" / "stylesheets" / "site.css"
# Where site.js names a class it puts on the page: className = "...", addNote("...", classList.add("...").
SETS_A_CLASS = re.compile(r'(?:className\s*=\s*|addNote\(\s*|classList\.(?:add|toggle)\(\s*)"([^"]+)"')
# Where a template, a page's attribute list or a stylesheet names a class.
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
JINJA = re.compile(r"\{[{%].*?[}%]\}")
ATTRIBUTE_LIST = re.compile(r'\{:?((?:\s*(?:[#.][\w-]+|[\w-]+="[^"]*"))+)\s*\}|attrs: \{class: ([^}]*)\}')
CSS_CLASS = re.compile(r'\.(-?[A-Za-z_][\w-]*)')
CSS_NOT_SELECTORS = re.compile(r'/\*.*?\*/|\{[^{}]*\}|"[^"]*"', re.S)
# Classes that are not ours to name: Material's, each tool's, Python-Markdown's
# admonition (admonition, admonition-title, note) and Material's focus-visible polyfill.
OTHERS_PREFIXES = ("site-", "md-", "symptom-log", "movement-helper")
OTHERS_CLASSES = {"admonition", "admonition-title", "note", "focus-visible"}


def named_classes(text: str, kind: str) -> list[tuple[int, str]]:
    """(line, class) for each class TEXT names: KIND is "script", "template", "markdown" or "css"."""
    if kind == "css":  # selectors only: comments, declarations and quoted strings blanked, lines kept
        text = CSS_NOT_SELECTORS.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
        found = [(m.start(), m[1]) for m in CSS_CLASS.finditer(text)]
    elif kind == "script":
        found = [(m.start(), cls) for m in SETS_A_CLASS.finditer(text) for cls in m[1].split()]
    else:
        found = [(m.start(), cls) for m in CLASS_ATTRIBUTE.finditer(text)
                 for cls in JINJA.sub(" ", m[1]).split()]  # a Jinja expression is not a class name
        if kind == "markdown":
            found += [(m.start(), token.lstrip(".")) for m in ATTRIBUTE_LIST.finditer(text)
                      for token in (m[1] or "").split() if token.startswith(".")]
            found += [(m.start(), cls) for m in ATTRIBUTE_LIST.finditer(text) for cls in (m[2] or "").split()]
    return [(text.count("\n", 0, start) + 1, cls) for start, cls in found]


def unprefixed_classes(name: str, text: str, kind: str = "script") -> list[str]:
    """Our own classes that do not start with "site-", so they could clash with Material's
    or a tool's, and a reader of site.css cannot tell where they come from."""
    return [f'{name}, line {line}: the class "{cls}" has no "site-" prefix. '
            f'How to fix: call it "site-{cls}", and rename it wherever it is used (templates, pages, site.css, '
            "the checks and the tests)."
            for line, cls in sorted(set(named_classes(text, kind)))
            if not cls.startswith(OTHERS_PREFIXES) and cls not in OTHERS_CLASSES]


def files_naming_classes(root: Path) -> list[tuple[Path, str]]:
    kinds = {".html": "template", ".md": "markdown", ".css": "css", ".js": "script"}
    files = [*sorted((root / "overrides").rglob("*")), *sorted((root / "docs").glob("*.md")),
             root / SITE_STYLES.relative_to(ROOT), root / SITE_SCRIPT.relative_to(ROOT)]
    return [(path, kinds[path.suffix]) for path in files if path.is_file() and path.suffix in kinds]


def test_the_site_script_names_classes_this_check_can_see():
    assert SETS_A_CLASS.search(SITE_SCRIPT.read_text(encoding="utf-8")), \
        "site.js sets no class this check can see: has SETS_A_CLASS gone stale?"
    assert named_classes(SITE_STYLES.read_text(encoding="utf-8"), "css"), "site.css names no class this check can see"


def test_the_site_prefixes_its_own_classes():
    problems = [problem for path, kind in files_naming_classes(ROOT)
                for problem in unprefixed_classes(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), kind)]
    assert not problems, "\n".join(problems)


def test_an_unprefixed_class_is_named():
    text = 'var a = 1;\n    label.className = "needs-network";\n'
    assert unprefixed_classes("site.js", text) == [
        'site.js, line 2: the class "needs-network" has no "site-" prefix. How to fix: call it "site-needs-network", '
        "and rename it wherever it is used (templates, pages, site.css, the checks and the tests)."]


def test_unprefixed_classes_in_templates_pages_and_styles_are_named():
    fixture = FIXTURES / "class-faults"
    problems = [problem for path, kind in files_naming_classes(fixture)
                for problem in unprefixed_classes(str(path.relative_to(fixture)), path.read_text(encoding="utf-8"), kind)]
    text = "\n".join(problems)
    for expected in ('overrides/partials/page-footer.html, line 2: the class "page-footer" has no "site-" prefix',
                     'docs/page.md, line 3: the class "screen-only" has no "site-" prefix',
                     'docs/page.md, line 6: the class "small-picture" has no "site-" prefix',
                     'docs/assets/stylesheets/site.css, line 5: the class "print-only" has no "site-" prefix'):
        assert expected in text, text
    assert len(problems) == 4, text  # site-, md-, the tools', admonition and Jinja classes pass
