/*
 * The site's own small behaviours on top of Material, one section each:
 *   1. glossary tooltips without a mouse (keyboard, touch, screen readers);
 *   2. wide tables that keyboard users can scroll;
 *   3. the "Print this page" button.
 * One file, not three: on a slow phone connection every extra file is one
 * more request before the page settles (scripts/bench: LCP 1.49 s -> 1.34 s
 * with print.css folded into site.css as well).
 * No dependencies; safe to run more than once per page.
 */
(function () {
  "use strict";

  /* Run once the page is ready. document$ is Material's page-ready signal
     (also after instant navigation, if that is ever switched on); the
     timeout lets Material finish its own work on the page first. */
  function whenPageReady(setUp) {
    if (window.document$) {
      window.document$.subscribe(function () { setTimeout(setUp); });
    } else {
      document.addEventListener("DOMContentLoaded", function () { setTimeout(setUp); });
    }
  }

  /* --- 1. Glossary tooltips without a mouse ---------------------------------
   * Material (feature content.tooltips) already shows a glossary word's
   * definition while the word is hovered or focused, and then points the
   * word's aria-describedby at the tooltip (role="tooltip"), so screen readers
   * read it. But an <abbr> cannot take focus, so only mouse users ever see it:
   *   - the first use of each word on a page joins the Tab order (tabindex=0);
   *     later uses can still be tapped or clicked (tabindex=-1), without
   *     adding dozens of Tab stops for tired hands;
   *   - Escape hides an open tooltip without moving focus (WCAG 1.4.13). */
  function makeGlossaryWordsFocusable() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    var seen = {};
    content.querySelectorAll("abbr[title]").forEach(function (word) {
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

  /* --- 2. Wide tables that keyboard users can scroll ------------------------
   * Material wraps each table in a box that scrolls sideways on small
   * screens; when it does, the box becomes focusable and named, so arrow
   * keys can scroll it (WCAG 2.1.1). */
  function tableName(table) {
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
        box.setAttribute("aria-label", tableName(table) + " (table, scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  /* --- 3. The "Print this page" button --------------------------------------
   * The page ships it hidden, so without JavaScript no one meets a button
   * that does nothing; here it is shown and opens the browser's print dialog
   * (the print section of site.css decides what goes on paper). */
  function showPrintButtons() {
    document.querySelectorAll("[data-print-button]").forEach(function (button) {
      if (!button.hidden) return; // already set up
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  document.addEventListener("keydown", hideOpenTooltipsOnEscape);
  window.addEventListener("resize", makeWideTablesScrollable);
  showPrintButtons(); // at once: the button is in the page already (defer)
  whenPageReady(makeGlossaryWordsFocusable);
  whenPageReady(makeWideTablesScrollable); // Material wraps tables when ready
})();
