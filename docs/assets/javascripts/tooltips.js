/*
 * Glossary tooltips without a mouse (keyboard, touch, screen readers).
 *
 * Material (feature content.tooltips) already shows a glossary word's
 * definition while the word is hovered or focused, and then points the word's
 * aria-describedby at the tooltip (role="tooltip"), so screen readers read it.
 * But an <abbr> cannot take focus, so only mouse users ever see it. Here:
 *   - the first use of each word on a page joins the Tab order (tabindex=0);
 *     later uses can still be tapped or clicked (tabindex=-1), without adding
 *     dozens of Tab stops for tired hands;
 *   - Escape hides an open tooltip without moving focus (WCAG 1.4.13).
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

  function setUp() {
    var content = document.querySelector(".md-content");
    if (content) makeGlossaryWordsFocusable(content);
  }

  document.addEventListener("keydown", hideOpenTooltipsOnEscape);
  // document$ is Material's page-ready signal (also after instant
  // navigation, if that is ever switched on).
  if (window.document$) {
    window.document$.subscribe(function () { setTimeout(setUp); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setTimeout(setUp); });
  }
})();
