"""Every built page carries a Content-Security-Policy that lets only the
site's own files and its own inline scripts (by hash) run, first in its
head, and in step with the page: an inline script changed without its hash
fails here, naming the page. Proven able to fail on
tests/fixtures/csp-faults/site/ (no policy, a policy after a script, a loose
policy, a script changed without its hash). The browsers' side is in
test_content_security_browser.py and test_content_security_webkit.py.
"""

from __future__ import annotations

import pytest

from conftest import fixture_site
from sitetools.checks.content_security import check_content_security, parse_policy, policy_tags
from sitetools.content_security import PolicyProblem, add_policy, inline_parts, sha256_source


def test_every_page_has_a_policy_first_in_its_head_that_names_its_inline_scripts(site):
    problems = check_content_security(site)
    assert not problems, "\n".join(map(str, problems))


def test_the_policy_is_strict(site):
    """The same policy on every page, but for the hashes: nothing but the site's own files."""
    for page in site.pages:
        directives = parse_policy(policy_tags(page)[0]["content"])
        assert directives["default-src"] == ["'none'"], page.rel
        assert [s for s in directives["script-src"] if not s.startswith("'sha256-")] == ["'self'"], page.rel
        assert [s for s in directives["style-src"] if not s.startswith("'sha256-")] == ["'self'"], page.rel
        for name in ("font-src", "connect-src", "worker-src", "manifest-src"):
            assert directives[name] == ["'self'"], f"{page.rel}: {name} {directives[name]}"
        assert directives["img-src"] == ["'self'", "data:"], page.rel


def test_the_check_catches_missing_late_loose_and_stale_policies():
    problems = [str(problem) for problem in check_content_security(fixture_site("csp-faults"))]
    text = "\n".join(problems)
    for expected in [
        "no-policy/index.html: The page has no Content-Security-Policy <meta> tags; it needs one.",
        "late-policy/index.html: The Content-Security-Policy comes after a <script>",
        "loose-policy/index.html: The Content-Security-Policy's script-src allows 'unsafe-inline'",
        "loose-policy/index.html: The Content-Security-Policy must say object-src 'none'.",
        "changed-script/index.html: The inline script starting 'window.allowed = true;' is not in the page's "
        "Content-Security-Policy",
        "changed-script/index.html: The Content-Security-Policy allows a script",
    ]:
        assert expected in text, f"The check did not report {expected!r}; it said:\n{text}"
    assert not [p for p in problems if p.startswith("index.html")], text


# --- The build step -------------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>T</title>
<script>var a = 1;</script><script type="application/json">{"data": true}</script>
<style media="print">p { color: black }</style>
</head><body><script src="site.js"></script></body></html>"""


def test_the_step_hashes_the_scripts_that_run_and_not_data_blocks():
    page = add_policy(PAGE, "page.html")
    content = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    directives = parse_policy(content)
    assert directives["script-src"] == ["'self'", sha256_source("var a = 1;")]
    assert directives["style-src"] == ["'self'", sha256_source("p { color: black }")]
    assert page.index("Content-Security-Policy") < page.index("<title>")


def test_the_step_gives_the_same_page_when_run_again():
    spaced = PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ')
    once = add_policy(spaced, "page.html")
    assert add_policy(once, "page.html") == once


def test_the_step_hashes_text_as_the_browser_reads_it():
    """The HTML parser turns CR LF into LF before the script's text is hashed."""
    assert inline_parts("<script>a();\r\nb();</script>").scripts == ["a();\r\nb();"]
    assert sha256_source("a();\r\nb();") == sha256_source("a();\nb();")


@pytest.mark.parametrize("html, message", [
    ('<html><head><meta charset="utf-8"></head><body><button onclick="go()">Go</button></body></html>',
     "page.html: has an inline event handler (<button onclick=)"),
    ("<html><head><title>T</title></head><body></body></html>",
     'page.html: has no <meta charset="utf-8">'),
])
def test_the_step_refuses_a_page_it_cannot_protect(html, message):
    with pytest.raises(PolicyProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_policy(html, "page.html")


def bundle(tmp_path, script: str):
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "bundle.0123abcd.min.js").write_text(script)
    return tmp_path


def test_the_step_finds_the_style_text_zensicals_script_writes(tmp_path):
    """Zensical's search box gets a <style> whose text is one string in its bundle."""
    from sitetools.content_security import theme_styles
    site = bundle(tmp_path, "var x=1,Tc='.u{color:red}';function s(o){o.appendChild(C(\"style\",{},Tc.toString()))}")
    assert theme_styles(site) == [".u{color:red}"]


def test_the_step_fails_on_a_style_element_it_cannot_read(tmp_path):
    from sitetools.content_security import theme_styles
    site = bundle(tmp_path, "function s(o,t){o.appendChild(C(\"style\",{},t))}")
    with pytest.raises(PolicyProblem, match="bundle.0123abcd.min.js: the theme's script writes a <style> element"):
        theme_styles(site)
