/*
 * Starts every symptom log on the page, each on its own, once the log's other
 * files have added their methods to SymptomLog.prototype (symptom-log.js).
 *
 * The notices, the summary, the entries list, the day questions and backups come in
 * a second file (LATER, made by ./scripts/bundle-log), which a first visit does not
 * need to show the log and keep an entry: it is
 * fetched when the log has entries, when the reader first touches, types or
 * scrolls, or when printing starts, and the service worker keeps it for offline use.
 * Until it has arrived, a press of a button it runs waits for it, and the summary's
 * place says on paper that it was printed too early (symptom-log.css).
 */
(function (SymptomLog) {
  "use strict";

  var el = SymptomLog.shared.el;
  var LATER = "symptom-log-later.min.js";
  var FIRST_USE = ["pointerdown", "keydown", "focusin", "touchstart", "wheel", "scroll"];
  // What waits for the second file: buttons (a click) and forms (a submit) it binds.
  var WAITS = {
    click: '[data-part="export-json"], [data-part="export-csv"], [data-part="delete-all"], ' +
      '[data-part="delete-all-no"], [data-part="delete-all-yes"], [data-part="gp-visit-remove"]',
    submit: '[data-part="import-form"], [data-part="gp-visit-form"], [data-part="day-form"], [data-part="started-form"]'
  };
  var TYPED_BEFORE = ["day-form", "started-form"]; // what the reader typed there stays when the rest arrives
  var NOT_LOADED = "Part of the log did not load: the list of your entries, what they show, the summary and backups. " +
    "Your saved entries are still on this device. Reload this page to try again.";

  var script = document.currentScript;
  var laterUrl = (script && script.src ? script.src : "").replace(/[^\/]*$/, LATER);
  var arriving = null;

  /* The second file, added once as a same-origin <script>; a failure can be tried again. */
  function fetchLater() {
    if (window.SymptomLogNotices) return Promise.resolve(true);
    if (!arriving) {
      arriving = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = laterUrl;
        tag.onload = function () { resolve(!!window.SymptomLogNotices); };
        tag.onerror = function () {
          arriving = null;
          tag.parentNode.removeChild(tag);
          resolve(false);
        };
        document.head.appendChild(tag);
      });
    }
    return arriving;
  }

  /* The rest of the log: resolves true once it has arrived and is drawn, false if it could not. */
  SymptomLog.prototype.more = function () {
    var self = this;
    if (this.complete) return Promise.resolve(true);
    if (!this.completing) {
      this.completing = fetchLater().then(function (arrived) {
        self.completing = null;
        if (!arrived) {
          self.laterFailed = true;
          self.showProblem("storage-problem", NOT_LOADED);
          self.showLevelsUnchecked();
          return false;
        }
        self.laterFailed = false;
        if (self.parts["storage-problem"].textContent === NOT_LOADED) self.parts["storage-problem"].hidden = true;
        self.complete = true;
        keepTyped(TYPED_BEFORE.map(function (part) { return self.parts[part]; }), function () {
          self.bindDay();
          self.bindStarted();
          self.bindBackup();
          self.bindVisits();
          self.render();
        });
        self.showSuddenAlert();
        return true;
      });
    }
    return this.completing;
  };

  /* WORK fills in FORMS: what the reader had already typed or ticked there is put back. */
  function keepTyped(forms, work) {
    var fields = [];
    forms.forEach(function (form) {
      fields = fields.concat(Array.prototype.filter.call(form.elements, function (field) {
        return /^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName) && !/^(submit|button|file)$/.test(field.type);
      }));
    });
    var ticks = function (field) { return field.type === "radio" || field.type === "checkbox"; };
    var before = fields.map(function (field) { return ticks(field) ? field.checked : field.value; });
    work();
    fields.forEach(function (field, i) {
      if (ticks(field) && before[i]) field.checked = true;
      else if (!ticks(field) && before[i] !== "") field.value = before[i];
    });
  }

  /* A press made before the second file arrived is held, then made again once it has. */
  function holdUntilComplete(log) {
    Object.keys(WAITS).forEach(function (type) {
      log.root.addEventListener(type, function (event) {
        var target = event.target.closest && event.target.closest(WAITS[type]);
        if (log.complete || !target) return;
        event.preventDefault();
        event.stopPropagation();
        log.more().then(function (arrived) {
          if (!arrived) return;
          if (type === "click") target.click();
          else target.dispatchEvent(new Event("submit", {cancelable: true}));
        });
      }, true);
    });
  }

  function fetchOnFirstUse(logs) {
    var fetchAll = function () {
      FIRST_USE.forEach(function (type) { window.removeEventListener(type, fetchAll, true); });
      logs.forEach(function (log) { log.more(); });
    };
    FIRST_USE.forEach(function (type) { window.addEventListener(type, fetchAll, {capture: true, passive: true}); });
  }

  function startAll() {
    var logs = [];
    document.querySelectorAll('[data-module="symptom-log"]').forEach(function (root) {
      try {
        var log = new SymptomLog(root);
        root.symptomLog = log; // for the tests and the benchmark
        holdUntilComplete(log);
        log.start();
        logs.push(log);
      } catch (error) {
        if (window.console) console.error(error.name + ": " + error.message);
        couldNotStart(root);
      }
    });
    if (logs.length) fetchOnFirstUse(logs);
  }

  /* A log that cannot start is hidden, as it would not keep what the reader typed;
   * a line says what to use instead (as the <noscript> line does). */
  function couldNotStart(root) {
    root.hidden = true;
    var line = el("p", "symptom-log-no-js", "The symptom log could not start in this browser. You can use the ");
    var link = el("a", null, "paper symptom diary");
    link.href = root.getAttribute("data-diary-url");
    line.appendChild(link);
    line.appendChild(document.createTextNode(" instead."));
    root.parentNode.insertBefore(line, root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})(window.SymptomLog);
