/*
 * The symptom log's list of entries: drawn a page at a time (all of it on paper),
 * each with Change and Delete, and Undo after a delete. Adds its methods to
 * SymptomLog.prototype (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, S = SymptomLog.shared;
  var el = S.el, whyNot = S.whyNot, sideWords = S.sideWords;
  var LISTED_AT_ONCE = S.LISTED_AT_ONCE;

  SymptomLog.prototype.deleteEntry = function (entry) {
    var self = this;
    if (!this.storage || !this.ready) {
      this.say("entry-status", "The entry was not deleted. " + this.notReadyWords());
      return Promise.resolve();
    }
    return this.storage.deleteEntry(entry.id).then(function () {
      self.deleted = entry;
      if (self.editing && self.editing.id === entry.id) self.resetForm();
      self.entryGone(entry);
      self.offerUndo("The entry from " + F.entryTime(entry) + " is deleted. ");
    }, function (error) {
      self.say("entry-status", whyNot(error) + ", so the entry was not deleted. It is still in your log. Please try again.");
    });
  };

  SymptomLog.prototype.offerUndo = function (text) {
    var self = this, status = this.parts["entry-status"];
    status.textContent = "";
    status.appendChild(document.createTextNode(text));
    var undo = el("button", "symptom-log__button", "Undo");
    undo.type = "button";
    undo.setAttribute("data-part", "undo");
    undo.addEventListener("click", function () { self.undoDelete(); });
    status.appendChild(undo);
    undo.focus();
  };

  SymptomLog.prototype.undoDelete = function () {
    var self = this, entry = this.deleted;
    if (!entry || !this.storage) return Promise.resolve();
    return this.storage.restoreEntry(entry).then(function () {
      self.deleted = null;
      self.changed(function (log) {
        var before = log.entries.length;
        log.entries = log.entries.filter(function (e) { return e.id !== entry.id; }).concat([entry]);
        if (log.entries.length > before) self.bytes += F.recordBytes(entry);
      });
      self.say("entry-status", "The entry is back.");
      self.focusEntry(entry.id);
    }, function (error) {
      self.offerUndo(whyNot(error) + ", so the entry could not be brought back. Press Undo to try again. ");
    });
  };

  SymptomLog.prototype.focusEntry = function (id) {
    var item = id && this.parts.entries.querySelector('[data-entry-id="' + CSS.escape(id) + '"]');
    if (item) item.focus();
  };

  /* The first LATER entries are dated after today. A long list is drawn
   * LISTED_AT_ONCE at a time, so a big log stays quick to change. */
  SymptomLog.prototype.renderEntries = function (entries, later) {
    var self = this, list = this.parts.entries;
    list.textContent = "";
    this.parts["entries-empty"].hidden = entries.length > 0;
    this.root.classList.toggle("symptom-log--empty", !entries.length);
    var count = this.printing ? entries.length : this.listed;
    entries.slice(0, count).forEach(function (entry, index) {
      list.appendChild(self.entryItem(entry, index < later));
    });
    var rest = entries.length - count;
    if (rest > 0) {
      var item = el("li", "symptom-log__more"), more = el("button", "symptom-log__button",
        "Show " + Math.min(rest, LISTED_AT_ONCE) + " more of " + rest + " older entries");
      more.type = "button";
      more.setAttribute("data-part", "show-more");
      more.addEventListener("click", function () {
        var next = list.children.length - 1;
        self.listed += LISTED_AT_ONCE;
        self.render();
        if (list.children[next]) list.children[next].focus();
      });
      item.appendChild(more);
      list.appendChild(item);
    }
  };

  SymptomLog.prototype.entryItem = function (entry, later) {
    var self = this, W = F.WORDS;
    var item = el("li", "symptom-log__entry");
    item.tabIndex = -1;
    item.setAttribute("data-entry-id", entry.id);
    var heading = el("p", "symptom-log__entry-title");
    heading.appendChild(el("strong", null, (W.kind[entry.kind] || entry.kind) + ", " + entry.area +
      (entry.side ? " (" + sideWords(entry.side) + ")" : "")));
    heading.appendChild(document.createTextNode(" \u00b7 " + F.entryTime(entry)));
    item.appendChild(heading);
    if (later) {
      item.appendChild(el("p", "symptom-log__entry-later", "This date is after today, so the summary leaves it out. " +
        "It may have been typed wrong, or saved where the clock was ahead. Change it if it is wrong."));
    }
    var details = [];
    if (entry.duration) details.push("Lasted: " + W.duration[entry.duration]);
    if (entry.frequency) details.push("How often: " + W.frequency[entry.frequency]);
    if (entry.pain != null) details.push("Pain: " + entry.pain + " of 10");
    if (entry.disturbed_sleep != null) details.push(entry.disturbed_sleep ? "Woke me or kept me awake" : "Did not disturb sleep");
    (entry.signs || []).forEach(function (sign) { details.push(W.sign[sign]); });
    if (entry.sudden === true) details.push("Came on suddenly");
    if (details.length) item.appendChild(el("p", "symptom-log__entry-details", details.join(" \u00b7 ")));
    if (entry.notes) item.appendChild(el("p", "symptom-log__entry-notes", "Notes: " + entry.notes));
    var actions = el("div", "symptom-log__entry-actions");
    var edit = el("button", "symptom-log__button", "Change");
    edit.type = "button";
    edit.setAttribute("aria-label", "Change the entry from " + F.entryTime(entry));
    edit.addEventListener("click", function () { self.editEntry(entry); });
    var remove = el("button", "symptom-log__button", "Delete");
    remove.type = "button";
    remove.setAttribute("aria-label", "Delete the entry from " + F.entryTime(entry));
    remove.addEventListener("click", function () { self.deleteEntry(entry); });
    actions.appendChild(edit);
    actions.appendChild(remove);
    item.appendChild(actions);
    return item;
  };
})(window.SymptomLog);
