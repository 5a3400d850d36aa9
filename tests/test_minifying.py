"""The published CSS and JavaScript of our own carry no comments (the minify
step of ./scripts/build), while docs/ keeps them for contributors."""

from __future__ import annotations

from sitetools.minifying import minify


def test_published_site_css_and_js_have_no_comments(built_site):
    for name in ("assets/stylesheets/site.css", "assets/javascripts/site.js"):
        text = (built_site / name).read_text(encoding="utf-8")
        assert "/*" not in text and "\n//" not in text, (
            f"{name} in the built site still has its comments: the minify step of ./scripts/build "
            "(scripts/sitetools/minifying.py) did not run on it.")


def test_minify_shrinks_our_files_and_leaves_vendored_ones(tmp_path):
    ours = tmp_path / "assets" / "tool.js"
    vendored = tmp_path / "assets" / "library.min.js"
    ours.parent.mkdir()
    ours.write_text("// why this exists\nconst answer = 1;  /* a note */\n", encoding="utf-8")
    vendored.write_text("/* licence kept */ var a=1;", encoding="utf-8")
    minify(tmp_path)
    assert ours.read_text(encoding="utf-8") == "const answer=1;"
    assert vendored.read_text(encoding="utf-8") == "/* licence kept */ var a=1;"
