"""The published CSS and JavaScript of our own carry no comments (the minify
step of ./scripts/build), while docs/ keeps them for contributors."""

from __future__ import annotations

from sitetools.minifying import TERSER_OPTIONS, compact_script, minify


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


def test_compact_script_keeps_globals_and_es5():
    source = ("function topLevelHelper(value) { return value + 1; }\n"
              "(function (root) {\n"
              "  var longLocalName = { answer: function (number) { return topLevelHelper(number); } };\n"
              "  root.SymptomLogFormat = longLocalName;\n"
              "})(window);\n")
    out = compact_script(source)
    assert "function topLevelHelper(" in out, f"terser renamed or dropped a global function: {out}"
    assert ".SymptomLogFormat=" in out and "answer:function(" in out, f"terser renamed a property or left ES5: {out}"
    assert "longLocalName" not in out, f"terser did not shorten a local name: {out}"
    assert "=>" not in out, f"terser wrote an arrow function, which older WebKit cannot run: {out}"


def test_compact_script_check_catches_renamed_globals(monkeypatch):
    monkeypatch.setitem(TERSER_OPTIONS, "toplevel", True)
    out = compact_script("function topLevelHelper(value) { return value + 1; }\nwindow.f = topLevelHelper;\n")
    assert "topLevelHelper" not in out, out
