/*
 * Wide tables that keyboard users can scroll. Material wraps each table in a
 * box that scrolls sideways on small screens; when it does, the box becomes
 * focusable and named, so arrow keys can scroll it (WCAG 2.1.1).
 * No dependencies; safe to run more than once per page.
 */
(function () {
  "use strict";

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

  window.addEventListener("resize", makeWideTablesScrollable);
  // Material wraps tables once the page is ready: document$ is its signal.
  if (window.document$) {
    window.document$.subscribe(function () { setTimeout(makeWideTablesScrollable); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setTimeout(makeWideTablesScrollable); });
  }
})();
