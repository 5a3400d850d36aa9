/*
 * Glossary tooltips without a mouse (keyboard, touch, screen readers), and
 * wide tables that keyboard users can scroll.
 *
 * Material (feature content.tooltips) already shows a glossary word's
 * definition while the word is hovered or focused, and then points the word's
 * aria-describedby at the tooltip (role="tooltip"), so screen readers read it.
 * But an <abbr> cannot take focus, so only mouse users ever see it. Here:
 *   - the first use of each word on a page joins the Tab order (tabindex=0);
 *     later uses can still be tapped or clicked (tabindex=-1), without adding
 *     dozens of Tab stops for tired hands;
 *   - Escape hides an open tooltip without moving focus (WCAG 1.4.13).
 * Material's wide-table wrapper scrolls sideways on phones; if it does, it
 * becomes focusable and named, so arrow keys can scroll it (WCAG 2.1.1).
 * No dependencies; safe to run more than once per page.
 */
(function () {
  "use strict";

  function makeGlossaryWordsFocusable(root) {
    var seen = {};
    root.querySelectorAll("abbr[title]").forEach(function (word) {
      if (word.hasAttribute("tabindex")) return;
      // Forms of one word (cramp, cramps) share one definition.
      var definition = word.getAttribute("title");
      word.setAttribute("tabindex", seen[definition] ? "-1" : "0");
      seen[definition] = true;
    });
  }

  function hideOpenTooltipsOnEscape(event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      tip.classList.remove("md-tooltip2--active"); // shown again on next focus
    });
  }

  function nameOf(table) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var heading = table.closest(".md-typeset__scrollwrap");
    while (heading && !/^H[1-6]$/.test(heading.tagName)) {
      heading = heading.previousElementSibling;
    }
    return heading ? heading.textContent.trim() : "Table";
  }

  function makeWideTablesScrollable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var table = box.querySelector("table");
      if (!table) return;
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", nameOf(table) + " (table, scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  function setUp() {
    var content = document.querySelector(".md-content");
    if (content) makeGlossaryWordsFocusable(content);
    makeWideTablesScrollable();
  }

  document.addEventListener("keydown", hideOpenTooltipsOnEscape);
  window.addEventListener("resize", makeWideTablesScrollable);
  // Material wraps tables once the page is ready; document$ is its page-ready
  // signal (also after instant navigation, if that is ever switched on).
  if (window.document$) {
    window.document$.subscribe(function () { setTimeout(setUp); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setTimeout(setUp); });
  }
})();
