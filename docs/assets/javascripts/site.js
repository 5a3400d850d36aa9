/*
 * The site's own small behaviours on top of Material, one section each:
 *   1. glossary words: defined at their first use on a page, and their
 *      tooltips usable without a mouse (keyboard, touch, screen readers);
 *   2. wide tables that keyboard users can scroll;
 *   3. the "Print this page" button;
 *   4. offline reading: the service worker, the offline note, links that
 *      need the network, and the notice when the open page was updated;
 *   5. a name for Material's search dialog;
 *   6. a way on when a search finds nothing.
 * One file, not three: on a slow phone connection every extra file is one
 * more request before the page settles (./scripts/bench measures it).
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

  /* --- 1. Glossary words ----------------------------------------------------
   * The HTML marks every use of a glossary word (Python-Markdown's abbr), so
   * the page reads fully without JavaScript. Here only the first use of each
   * word in the running text keeps its mark and definition (a heading's use
   * only when the word is in no sentence), as plain-language guides advise:
   * fewer dotted lines to read past, and less work for a slow phone, since
   * Material builds a tooltip for every marked word.
   * This runs before Material sets up its tooltips (DOMContentLoaded). */
  function keepFirstUseOfEachGlossaryWord() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    var words = Array.prototype.slice.call(content.querySelectorAll("abbr[title]"));
    var inHeading = function (word) { return word.closest("h1, h2, h3, h4, h5, h6") !== null; };
    var kept = {};
    // Sentences first, then headings: a title's word is explained below it.
    words.filter(function (word) { return !inHeading(word); })
      .concat(words.filter(inHeading))
      .forEach(function (word) {
        // Forms of one word (cramp, cramps) share one definition.
        var definition = word.getAttribute("title");
        if (kept[definition]) {
          word.replaceWith(word.textContent); // another use: plain text
        } else {
          kept[definition] = true;
        }
      });
  }

  /* Material (feature content.tooltips) already shows a glossary word's
   * definition while the word is hovered or focused, and then points the
   * word's aria-describedby at the tooltip (role="tooltip"), so screen readers
   * read it. But an <abbr> cannot take focus, so only mouse users ever see it:
   *   - each marked word joins the Tab order (tabindex=0): one Tab stop per
   *     word, not per use, so tired hands are not made to Tab through dozens;
   *   - Escape hides an open tooltip without moving focus (WCAG 1.4.13). */
  function makeGlossaryWordsFocusable() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    content.querySelectorAll("abbr[title]:not([tabindex])").forEach(function (word) {
      word.setAttribute("tabindex", "0");
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

  /* --- 4. Offline reading ----------------------------------------------------
   * sw.js (Workbox, written at build time: scripts/sitetools/service_worker.py)
   * saves every page and file readers need; registered only after `load`, so
   * it never competes with the first paint (see the calls at the end). */
  var siteScript = document.currentScript ? document.currentScript.src : null;
  var workers = navigator.serviceWorker;

  function registerServiceWorker() {
    // sw.js sits at the site's root, two folders above this file: its scope is the site's path.
    if (workers && siteScript) workers.register(new URL("../../sw.js", siteScript).href).catch(function () {});
  }

  /* Workbox saves each file under its address + ?__WB_REVISION__=<content hash>:
   * [{request, revision}] for this page (two while an update is being saved). */
  function savedCopies() {
    if (!window.caches) return Promise.resolve([]);
    var here = new URL(location.href);
    here.hash = here.search = "";
    if (/\/$/.test(here.pathname)) here.pathname += "index.html";
    return caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    }).then(function (lists) {
      var copies = [];
      lists.forEach(function (requests) {
        requests.forEach(function (request) {
          var address = new URL(request.url);
          var revision = address.searchParams.get("__WB_REVISION__");
          address.search = "";
          if (address.href === here.href) copies.push({ request: request, revision: revision });
        });
      });
      return copies;
    }).catch(function () { return []; });
  }

  function addNote(className, text) {
    var article = document.querySelector(".md-content__inner");
    if (!article || article.querySelector("." + className)) return null;
    var note = document.createElement("p");
    note.className = className;
    note.setAttribute("role", "status");
    note.textContent = text;
    return article.insertBefore(note, article.firstChild);
  }

  /* Offline: a quiet note with the day the copy was saved (its Date header),
   * and links that need the network (other sites, the PDFs) say so. */
  function showWhetherOffline() {
    var offline = navigator.onLine === false;
    document.querySelectorAll(".site-offline-note, .site-needs-network").forEach(function (el) { el.remove(); });
    if (!offline) return;
    var note = addNote("site-offline-note", "You are offline.");
    savedCopies().then(function (copies) {
      return copies.length ? caches.match(copies[0].request) : null;
    }).then(function (response) {
      var saved = response && new Date(response.headers.get("date"));
      if (note && saved && !isNaN(saved)) {
        note.textContent = "You are offline. This copy was saved on " +
          saved.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) + ".";
      }
    });
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (link.hasAttribute("data-pdf") || (/^https?:$/.test(link.protocol) && link.origin !== location.origin)) {
        var label = document.createElement("span");
        label.className = "site-needs-network";
        label.textContent = " (needs internet)";
        link.appendChild(label);
      }
    });
  }

  /* A new version has taken over (the worker skips waiting): if this page's
   * saved copy changed, say so. Only for a page the worker served: one fresh
   * from the network is the newest already. */
  var revisionsAtLoad = null;

  function rememberRevision() {
    if (workers && workers.controller) {
      savedCopies().then(function (copies) {
        revisionsAtLoad = copies.map(function (copy) { return copy.revision; });
      });
    }
  }

  function noticeIfThisPageChanged() {
    if (!revisionsAtLoad || !revisionsAtLoad.length) return;
    savedCopies().then(function (copies) {
      if (!copies.some(function (copy) { return revisionsAtLoad.indexOf(copy.revision) === -1; })) return;
      var notice = addNote("site-update-notice", "This page was updated.");
      if (!notice) return;
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "Show the new version";
      button.addEventListener("click", function () { location.reload(); });
      notice.appendChild(button);
    });
  }

  /* --- 5. The search dialog's name -------------------------------------------
   * Material's search box is a dialog with no name, so screen readers
   * announce an unnamed "dialog" (axe: aria-dialog-name). It gets the name
   * of its own input ("Search"). Zensical's search names its dialog already.
   * Named here, not in a copy of Material's search partial: a copy would
   * replace Zensical's own search box, and goes stale on every upgrade. */
  function nameTheSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    if (!dialog) return;
    var input = dialog.querySelector(".md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  /* --- 6. A way on when a search finds nothing --------------------------------
   * Readers search in their own words, and some find no page. Instead of a
   * dead end, Material's "No matching documents" is followed by one line on
   * searching in other words and the pages most readers need. Their titles
   * come from the site's menu, so a renamed page needs no change here.
   * Zensical's search is a dialog of its own in a shadow root, which this
   * does not reach (DEVELOPING.md, "Moving to Zensical"). */
  var PAGES_MOST_READERS_NEED = ["when-to-see-a-doctor/", "understanding/", "symptom-log/"];
  var OTHER_WORDS = "Try other words, such as twitch, cramp, tired or worried, or fewer words.";

  function materialConfig() {
    var config = document.getElementById("__config");
    try { return config ? JSON.parse(config.textContent) : null; } catch (error) { return null; }
  }

  function pageTitle(address) {
    var links = document.querySelectorAll(".md-nav__link[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === address) return links[i].textContent.trim();
    }
    return null;
  }

  function searchHelp(base) {
    var help = document.createElement("div");
    help.className = "site-search-help";
    help.hidden = true;
    var line = document.createElement("p");
    line.textContent = OTHER_WORDS;
    var heading = document.createElement("p");
    heading.className = "site-search-help__heading";
    heading.textContent = "Pages most readers need:";
    var list = document.createElement("ul");
    PAGES_MOST_READERS_NEED.forEach(function (path) {
      var address = new URL(path, base).href;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = address;
      link.textContent = pageTitle(address) || path.replace(/\/$/, "").replace(/-/g, " ");
      item.appendChild(link);
      list.appendChild(item);
    });
    help.appendChild(line);
    help.appendChild(heading);
    help.appendChild(list);
    return help;
  }

  function offerAWayOnWhenNothingMatches() {
    var result = document.querySelector(".md-search-result");
    var meta = result && result.querySelector(".md-search-result__meta");
    var config = materialConfig();
    if (!meta || !config || result.querySelector(".site-search-help")) return;
    var none = (config.translations || {})["search.result.none"] || "No matching documents";
    var help = searchHelp(new URL(config.base || ".", location.href).href.replace(/\/?$/, "/"));
    result.appendChild(help);
    function update() { help.hidden = meta.textContent.trim() !== none; }
    new MutationObserver(update).observe(meta, {childList: true, characterData: true, subtree: true});
    update();
  }

  document.addEventListener("keydown", hideOpenTooltipsOnEscape);
  window.addEventListener("resize", makeWideTablesScrollable);
  keepFirstUseOfEachGlossaryWord(); // at once: before Material's tooltips
  showPrintButtons(); // at once: the button is in the page already (defer)
  nameTheSearchDialog(); // at once: the header is in the page already (defer)
  offerAWayOnWhenNothingMatches(); // at once: the search box is in the page already (defer)
  whenPageReady(makeGlossaryWordsFocusable);
  whenPageReady(makeWideTablesScrollable); // Material wraps tables when ready
  window.addEventListener("online", showWhetherOffline);
  window.addEventListener("offline", showWhetherOffline);
  whenPageReady(showWhetherOffline);
  rememberRevision(); // at once: before an update can be saved
  if (workers) workers.addEventListener("controllerchange", noticeIfThisPageChanged);
  window.addEventListener("load", registerServiceWorker); // never before the first paint
})();
