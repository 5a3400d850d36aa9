/*
 * Starts every symptom log on the page, each on its own, once the log's other
 * files have added their methods to SymptomLog.prototype (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var el = SymptomLog.shared.el;

  function startAll() {
    document.querySelectorAll('[data-module="symptom-log"]').forEach(function (root) {
      try {
        var log = new SymptomLog(root);
        root.symptomLog = log; // for the tests and the benchmark
        log.start();
      } catch (error) {
        if (window.console) console.error(error.name + ": " + error.message);
        couldNotStart(root);
      }
    });
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
