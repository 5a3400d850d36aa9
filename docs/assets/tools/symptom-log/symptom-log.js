/*
 * The symptom log (issue 11): entries kept only in this browser, in
 * IndexedDB (symptom-log-storage.js: each change one transaction, all or
 * nothing). After a write here the page updates what it holds and draws
 * itself again; every write tells the other tabs (BroadcastChannel), which
 * read the log again. What a message says comes from what actually failed.
 *
 * Reader text is only ever shown with textContent, never as HTML.
 * Started from [data-module="symptom-log"]; a missing part throws
 * SymptomLogError naming it.
 */
(function () {
  "use strict";

  var F = window.SymptomLogFormat;
  var Storage = window.SymptomLogStorage;
  var N = window.SymptomLogNotices;
  var M = window.SymptomLogMessages; // the reader-facing messages: symptom-log-messages.json
  var CHANNEL = "fibro-twitch-log";
  var SAME_AGAIN_MINUTES = 10; // the same entry saved again this soon is asked about first
  var LISTED_AT_ONCE = 100; // entries drawn at a time: "Show more" draws the next ones
  var FIELD_NAMES = {when: "when it started", kind: "what you noticed", area: "where", duration: "how long it lasted",
                     frequency: "how often", pain: "the pain score", signs: "the signs", disturbed_sleep: "sleep", notes: "the notes",
                     sudden: "whether it came on suddenly", side: "the side"};

  function SymptomLogError(message) {
    this.name = "SymptomLogError";
    this.message = message;
    this.stack = new Error(message).stack;
  }
  SymptomLogError.prototype = Object.create(Error.prototype);
  SymptomLogError.prototype.constructor = SymptomLogError;

  /* A part the log cannot work without: throws if the markup lost it. */
  function required(root, part) {
    var element = root.querySelector('[data-part="' + part + '"]');
    if (!element) throw new SymptomLogError('The symptom log is missing its part "' + part + '" (overrides/partials/symptom-log.html).');
    return element;
  }

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text != null) element.textContent = text;
    return element;
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }

  function today() { return F.localNow().slice(0, 10); }

  /* The message KEY of symptom-log-messages.json, with each {name} filled from FILL. */
  function message(key, fill) {
    return M[key].replace(/\{(\w+)\}/g, function (whole, name) { return fill && name in fill ? fill[name] : whole; });
  }
  /* --- The log on the page ----------------------------------------------------- */
  function SymptomLog(root) {
    if (!root) throw new SymptomLogError("The symptom log has no root element.");
    if (root.hasAttribute("data-symptom-log-started")) throw new SymptomLogError("The symptom log was started twice.");
    this.root = root;
    this.parts = {};
    var self = this;
    ["storage-problem", "safari-note", "backup-reminder", "form-title", "entry-errors", "entry-error-list",
     "entry-form", "area-other-choice", "area-other-field", "frequency", "disturbed-sleep", "save", "cancel-edit",
     "entry-status", "day-form", "day-status", "notices-section", "notices", "period", "print", "summary",
     "sudden", "sudden-alert", "visit-note", "earlier", "sudden-rule", "gp-rule", "gp-visit-form", "gp-visit-remove", "gp-visit-status",
     "entries-empty", "entries", "export-json", "export-csv", "backup-status", "import-errors",
     "import-error-title", "import-error-list", "import-form", "import-field", "import-error",
     "delete-all", "delete-all-confirm", "delete-all-question", "delete-all-yes", "delete-all-no",
     "persist-answer", "size-note", "side", "when-field", "more-button", "more", "saved", "save-bar", "when-shown",
     "when-change", "which-night", "backup-reminder-words", "backup-reminder-link", "gp-visit-question",
     "started-form", "started-hint", "started-status"].forEach(function (part) { self.parts[part] = required(root, part); });
    this.log = {entries: [], days: [], meta: null};
    this.editing = null; // the entry being changed: {id, original: its record, shown: the form's fields as filled in}
    this.saving = false; // a save is under way: another press of Save waits for it
    this.justSaved = false; // the form is as it was left after a save: Save again adds nothing
    this.typedSince = false; // the reader typed while a save was under way: keep what they typed
    this.ready = false;
    this.listed = LISTED_AT_ONCE;
    this.bytes = 0; // the log's size as a backup without spaces (F.backupBytes)
    this.deleted = null; // the last deleted entry, for undo
    this.lastSaved = null; // {entry, key, at}: the entry just saved, for Undo and to ask before the same again
    this.sameAgain = false; // the reader was told they saved the same a moment ago: the next Save adds it
    this.storage = null;
    root.setAttribute("data-symptom-log-started", "");
  }

  SymptomLog.prototype.start = function () {
    var self = this, p = this.parts;
    if (/Apple/.test(navigator.vendor || "")) p["safari-note"].hidden = false;
    p["backup-reminder-words"].textContent = M.backup_reminder;
    p["backup-reminder-link"].textContent = M.backup_reminder_link;
    p["gp-visit-question"].textContent = M.gp_visit_question;

    this.bindForm();
    this.bindDay();
    this.bindBackup();
    this.bindVisits();
    this.bindStarted();
    p.period.addEventListener("change", function () {
      self.listed = LISTED_AT_ONCE;
      self.render();
    });
    p.print.addEventListener("click", function () { window.print(); });
    // On paper the entries list is whole: drawn again when printing starts and ends.
    var paper = window.matchMedia("print"), redraw = function (event) {
      self.printing = event.type === "beforeprint" || paper.matches;
      self.render();
    };
    if (paper.addEventListener) paper.addEventListener("change", redraw);
    window.addEventListener("beforeprint", redraw);
    window.addEventListener("afterprint", redraw);
    this.resetForm();
    this.presetKind();

    try {
      this.storage = new Storage({
        blocked: function () { self.showProblem("storage-problem", WAITING); },
        replaced: function () { self.replaced(); }
      });
    } catch (error) {
      this.storageUnavailable();
      this.render();
      return Promise.resolve();
    }
    return this.storage.check().then(function () {
      return self.reload();
    }).then(function () {
      self.ready = true;
      if (p["storage-problem"].textContent === WAITING) p["storage-problem"].hidden = true;
      if (self.log.entries.length) self.checkPersisted();
    }, function () {
      if (self.storage) self.storageUnavailable();
      self.render();
    }).then(function () {
      if (window.BroadcastChannel) {
        self.channel = new BroadcastChannel(CHANNEL);
        self.channel.onmessage = function () {
          if (self.storage) self.reload().catch(function () { self.showProblem("storage-problem", COULD_NOT_READ); });
        };
      }
      self.root.setAttribute("data-symptom-log-ready", "");
    });
  };

  var WAITING = "The log is waiting for another tab or window that has it open. " +
    "Close the other tabs with the symptom log, and this page will be ready. What you type here is kept meanwhile.";
  var REPLACED = "A newer version of this page opened your log in another tab, so this page can no longer save. " +
    "Copy anything you typed here, then reload this page.";
  var COULD_NOT_READ = "Your log could not be read again to show the latest changes. Reload this page to see it.";

  /* Another tab opened the log with a newer page: this one let go of it. */
  SymptomLog.prototype.replaced = function () {
    this.storage = null;
    this.ready = false;
    this.showProblem("storage-problem", REPLACED);
  };

  SymptomLog.prototype.storageUnavailable = function () {
    var box = this.parts["storage-problem"];
    box.textContent = "";
    box.appendChild(el("strong", null, "This browser is not letting the log save anything. "));
    box.appendChild(document.createTextNode(
      "This can happen in a private window, or when saving data is turned off or the device is full. " +
      "What you type will not be kept. You can use the "));
    var link = el("a", null, "paper symptom diary");
    link.href = this.root.getAttribute("data-diary-url");
    box.appendChild(link);
    box.appendChild(document.createTextNode(" instead."));
    box.hidden = false;
    this.storage = null;
  };

  /* Read the whole log again (after a write here or in another tab). */
  SymptomLog.prototype.reload = function () {
    var self = this;
    return this.storage.readAll().then(function (log) {
      return self.upgrade(log);
    }).then(function (log) {
      self.log = log;
      self.bytes = F.backupBytes(log.entries, log.days, log.meta && log.meta.extra, log.meta && log.meta.gp_visits,
                                 log.meta && log.meta.twitching_started);
      self.render();
    });
  };

  /* What an older page stored is brought up to date with the same
   * MIGRATIONS as an import, and written back in one transaction. */
  SymptomLog.prototype.upgrade = function (log) {
    var version = log.meta && typeof log.meta.version === "number" ? log.meta.version : F.VERSION;
    if (version === F.VERSION) return log;
    if (version > F.VERSION) {
      this.showProblem("storage-problem", "This log was saved by a newer version of this page. Reload the page to use it.");
      return log;
    }
    var migrated = F.migrate({format: F.FORMAT, version: version, entries: log.entries, days: log.days});
    var meta = F.copyFields({}, log.meta, {version: F.VERSION});
    if (!Array.isArray(meta.gp_visits)) meta.gp_visits = migrated.gp_visits || [];
    if (meta.twitching_started === undefined) meta.twitching_started = null;
    var records = [["meta", meta]];
    migrated.entries.forEach(function (entry) { records.push([["entry", entry.id], entry]); });
    migrated.days.forEach(function (day) { records.push([["day", day.date], day]); });
    return this.storage.writeMany(records).then(function () {
      return {entries: migrated.entries, days: migrated.days, meta: meta};
    });
  };

  SymptomLog.prototype.showProblem = function (part, text) {
    var box = this.parts[part];
    box.textContent = text;
    box.hidden = false;
  };

  /* After a write: the other tabs read the log again; this one applies
   * CHANGE(log) to what it holds, or reads the log again without one. */
  SymptomLog.prototype.changed = function (change) {
    if (this.channel) this.channel.postMessage("changed");
    if (!change) return this.reload();
    change(this.log);
    this.render();
    return Promise.resolve();
  };

  /* --- Adding and changing an entry ----------------------------------------------- */
  SymptomLog.prototype.presetKind = function () {
    var kind = new URLSearchParams(location.search).get("kind");
    if (F.KINDS.indexOf(kind) >= 0) {
      this.parts["entry-form"].querySelector('input[name="kind"][value="' + kind + '"]').checked = true;
      this.showKindQuestions();
    }
  };

  SymptomLog.prototype.showKindQuestions = function () {
    var form = this.parts["entry-form"], kind = (form.querySelector('input[name="kind"]:checked') || {}).value;
    this.parts.frequency.hidden = kind !== "twitch";
    this.parts["disturbed-sleep"].hidden = kind !== "cramp";
    this.parts["area-other-field"].hidden = !this.parts["area-other-choice"].checked;
    // fix-f: a retired sign (an older "weak or stiff") shows only while ticked, so changing an old entry keeps it.
    form.querySelectorAll("[data-retired-sign]").forEach(function (label) { label.hidden = !label.querySelector("input").checked; });
    // Left, right or both only for an area the body has two of (data-sides in the form's list).
    var sided = !!form.querySelector('input[name="area"][data-sides]:checked');
    this.parts.side.hidden = !sided;
    if (!sided) form.querySelectorAll('input[name="side"]').forEach(function (input) { input.checked = false; });
    // On a phone the date and time show for "Another time" only: a rough time stays rough.
    var when = checked(form, "when_choice");
    this.unfold(this.parts["when-field"], when === "other");
    // The night and the day a quick time stands for: today's, or an entry's being changed.
    var field = form.elements.when.value, day = F.isLocalDateTime(field) && when !== "now" ? field.slice(0, 10) : today();
    this.parts["which-night"].textContent = "(" + F.nightBefore(when === "last-night" ? day : today(), true) + ")";
    var chosen = form.querySelector('input[name="when_choice"]:checked');
    this.parts["when-shown"].textContent = when === "other" && F.isLocalDateTime(field) ? F.readableDateTime(field)
      : F.WHEN_APPROX.indexOf(when) >= 0 && day !== today() ? F.entryTime({when: field, when_approx: when})
      : chosen ? chosen.parentNode.textContent.replace(/\s+/g, " ").trim() : "";
    this.showSuddenAlert();
  };

  /* Scroll PART into view above the sticky Save bar, when it opened behind it. */
  SymptomLog.prototype.reveal = function (part) {
    if (part.hidden || !part.getClientRects().length) return;
    var box = part.getBoundingClientRect(), bar = this.parts["save-bar"].getBoundingClientRect();
    var limit = Math.min(bar.top, window.innerHeight) - 8, below = box.bottom - limit;
    // Never so far that its top goes under the site's header.
    if (below > 0) window.scrollBy(0, Math.min(below, box.top - 64));
  };

  /* Open or close a part that a phone folds away (.symptom-log__phone-fold). */
  SymptomLog.prototype.unfold = function (part, open) {
    part.classList.toggle("symptom-log__phone-fold--open", open);
    if (part === this.parts.more) this.parts["more-button"].setAttribute("aria-expanded", String(open));
  };

  /* A quick time fills in the date and time; typing one picks "Another time". */
  SymptomLog.prototype.bindTimes = function () {
    var form = this.parts["entry-form"];
    form.addEventListener("change", function (event) {
      if (event.target.name === "when_choice" && event.target.value !== "other") {
        form.elements.when.value = F.quickTime(event.target.value);
      }
    });
    form.elements.when.addEventListener("input", function () {
      form.querySelector('input[name="when_choice"][value="other"]').checked = true;
    });
  };

  SymptomLog.prototype.bindForm = function () {
    var self = this, form = this.parts["entry-form"];
    this.bindTimes();
    form.addEventListener("change", function () { self.showKindQuestions(); });
    // What a choice opened is brought into view above the Save bar.
    form.addEventListener("change", function (event) {
      var name = event.target.name, p = self.parts;
      if (name === "area") self.reveal(p["area-other-choice"].checked ? p["area-other-field"] : p.side);
      if (name === "side") self.reveal(document.getElementById("symptom-log-when-choice"));
      if (name === "when_choice" && event.target.value === "other") self.reveal(p["when-field"]);
      if (name === "kind" || name === "when_choice") self.reveal(p["disturbed-sleep"]);
    });
    this.parts["more-button"].addEventListener("click", function () {
      var open = !self.parts.more.classList.contains("symptom-log__phone-fold--open");
      self.unfold(self.parts.more, open);
      if (open) self.reveal(self.parts.more.querySelector("fieldset"));
    });
    this.parts["when-change"].addEventListener("click", function () {
      var choices = document.getElementById("symptom-log-when-choice");
      self.reveal(choices);
      choices.querySelector('input[name="when_choice"]:checked').focus();
    });
    ["input", "change"].forEach(function (type) {
      form.addEventListener(type, function () {
        self.justSaved = false;
        if (self.saving) self.typedSince = true;
        else { // a new entry begins: the last one's confirmation goes
          self.sameAgain = false;
          self.say("saved", "");
        }
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.saveEntry();
    });
    this.parts["cancel-edit"].addEventListener("click", function () {
      var id = self.editing && self.editing.id;
      self.resetForm();
      self.say("entry-status", M.nothing_changed);
      self.focusEntry(id);
    });
  };

  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  /* The form as an entry's fields, and what is missing, with the field to go to. */
  SymptomLog.prototype.readForm = function () {
    var form = this.parts["entry-form"], problems = [];
    var kind = checked(form, "kind");
    var area = checked(form, "area");
    if (area === "") area = form.elements.area_other.value.trim();
    // "Now" is the moment of saving, however long the page was open.
    var choice = checked(form, "when_choice");
    var when = choice === "now" && !this.editing ? F.localNow() : form.elements.when.value;
    if (!kind) problems.push(["symptom-log-kind", "Choose what you noticed: a twitch, a spasm or a cramp."]);
    if (!area) {
      problems.push([this.parts["area-other-choice"].checked ? "symptom-log-area-other" : "symptom-log-area",
                     "Choose where in your body it was."]);
    }
    if (!F.isLocalDateTime(when)) problems.push(["symptom-log-when", "Enter the date and time it started."]);
    var signs = Array.prototype.map.call(form.querySelectorAll('input[name="signs"]:checked'), function (i) { return i.value; });
    var sudden = this.parts.sudden.checked;
    if (sudden && !signs.length) {
      // fix-f: the box's words changed in the partial ("One of the signs I ticked came on suddenly").
      problems.push(["symptom-log-sudden", "Tick the sign that came on suddenly, or untick \u201cOne of the signs I ticked came on suddenly\u201d."]);
    }
    var pain = checked(form, "pain");
    var sleep = checked(form, "disturbed_sleep");
    var fields = {
      when: when, kind: kind, area: area,
      side: this.parts.side.hidden ? null : checked(form, "side"),
      when_approx: F.WHEN_APPROX.indexOf(choice) >= 0 ? choice : null,
      duration: checked(form, "duration"),
      frequency: kind === "twitch" ? checked(form, "frequency") : null,
      pain: pain === null ? null : +pain,
      signs: signs,
      sudden: sudden ? true : null,
      disturbed_sleep: kind === "cramp" && sleep ? sleep === "yes" : null,
      notes: form.elements.notes.value
    };
    return {fields: fields, problems: problems};
  };

  SymptomLog.prototype.showFormProblems = function (problems) {
    var self = this, box = this.parts["entry-errors"], list = this.parts["entry-error-list"];
    list.textContent = "";
    problems.forEach(function (problem) {
      var item = el("li"), link = el("a", null, problem[1]);
      link.href = "#" + problem[0];
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var target = document.getElementById(problem[0]);
        var fold = target.closest(".symptom-log__phone-fold");
        if (fold) self.unfold(fold, true);
        var field = target.matches("fieldset") ? target.querySelector("input") : target;
        target.scrollIntoView({block: "center"});
        field.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    box.hidden = !problems.length;
    box.setAttribute("role", "alert");
    if (problems.length) box.focus();
  };

  /* Why a write failed, in the reader's words (the start of a sentence). */
  function whyNot(error) {
    var name = error && error.name;
    if (name === "QuotaExceededError" || /quota/i.test(error && error.message || "")) return "The device has no room left";
    if (name === "DataCloneError" || error instanceof RangeError) return "Something in it is too complicated for this browser to store";
    if (name === "InvalidStateError") return "This page can no longer reach your log (it was opened by a newer page in another tab)";
    return "This browser would not store it";
  }

  SymptomLog.prototype.setSaving = function (saving) {
    this.saving = saving;
    this.typedSince = false;
    this.parts.save.setAttribute("aria-disabled", String(saving));
  };

  /* keepMine: the reader chose their change over another tab's. */
  SymptomLog.prototype.saveEntry = function (keepMine) {
    var self = this, editing = this.editing;
    if (this.saving) return Promise.resolve(false); // a second press while the first is saved
    if (this.justSaved && !editing) {
      this.say("saved", M.already_saved);
      return Promise.resolve(false);
    }
    var read = this.readForm(), fields = read.fields;
    // The same kind, place, side and time again within minutes: perhaps the reader missed
    // that it was saved. Say so; a second press adds it (twitches do come again).
    var last = this.lastSaved, key = sameKey(fields);
    if (!editing && !read.problems.length && last && last.key === key && !this.sameAgain &&
        Date.now() - last.at < SAME_AGAIN_MINUTES * 6e4) {
      this.sameAgain = true;
      this.say("saved", message("same_again", {what: savedWords(last.entry)}));
      return Promise.resolve(false);
    }
    this.sameAgain = false;
    var newTime = !editing || fields.when !== editing.shown.when;
    if (newTime && F.isLocalDateTime(fields.when) && F.isAfterNow(fields.when)) {
      read.problems.push(["symptom-log-when", "The date and time is later than now. Enter when it started."]);
    }
    this.say("entry-status", "");
    this.say("saved", "");
    this.showFormProblems(read.problems);
    if (read.problems.length) return Promise.resolve(false);
    if (!this.storage || !this.ready) {
      this.showFormProblems([["symptom-log-when", (this.storage ? WAITING : this.parts["storage-problem"].textContent === REPLACED ? REPLACED
        : "This browser is not letting the log save anything, so the entry was not saved.") + " What you typed is still here."]]);
      return Promise.resolve(false);
    }
    var entry = editing ? null : F.normalEntry(F.copyFields({id: newId()}, fields));
    if (entry && !F.fits(this.bytes + F.recordBytes(entry))) {
      this.showFormProblems([["symptom-log-notes", "Your log is full: it is as big as a backup this page can load back (" +
        F.megabytes(F.MAX_BYTES) + "). The entry was not saved, and what you typed is still here. " +
        "Save a backup, then delete entries you no longer need."]]);
      return Promise.resolve(false);
    }
    var first = !this.log.entries.length;
    this.setSaving(true);
    var saving = editing ? this.storage.changeEntry(editing, fields, keepMine) : this.storage.addEntry(entry);
    return saving.then(function (result) {
      var stored = editing ? result.entry : entry, typed = self.typedSince;
      self.setSaving(false);
      if (typed) self.leaveEditing(); else self.resetForm();
      self.justSaved = !typed;
      self.changed(function (log) {
        var old = editing ? log.entries.filter(function (e) { return e.id === editing.id; })[0] : null;
        if (old) log.entries[log.entries.indexOf(old)] = stored; else log.entries.push(stored);
        self.bytes += F.recordBytes(stored) - (old ? F.recordBytes(old) : 0);
      });
      var typedNote = typed ? " What you typed since is still in the form." : "";
      if (editing) {
        self.say("entry-status", (result.changed.length ? M.changes_saved : M.nothing_changed) + typedNote);
      } else {
        self.lastSaved = {entry: stored, key: sameKey(stored), at: Date.now()};
        self.showSaved(stored, typedNote);
      }
      if (first) self.askToPersist();
      if (editing) self.focusEntry(editing.id);
      return true;
    }, function (error) {
      self.setSaving(false);
      if (error && error.name === "EntryGone") {
        self.leaveEditing();
        self.showFormProblems([["symptom-log-when", "This entry was deleted in another tab or window, so your changes " +
          "were not saved. What you typed is still here: save it to add it as a new entry."]]);
      } else if (error && error.name === "EntryConflict") {
        self.showConflict(error);
      } else {
        self.showFormProblems([["symptom-log-notes", whyNot(error) + ", so the entry was not saved. " +
          "What you typed is still here. Free some space or save a backup, then try again."]]);
      }
      return false;
    });
  };

  /* Another tab changed the same answers: the reader chooses which to keep. */
  SymptomLog.prototype.showConflict = function (error) {
    var self = this, editing = this.editing, box = this.parts["entry-errors"], list = this.parts["entry-error-list"];
    var item = el("li", null, "Another tab or window changed " + error.conflicts.map(function (key) {
      return FIELD_NAMES[key] || key;
    }).join(" and ") + " of this entry after you opened it here. Nothing was saved yet. " +
      (error.conflicts.indexOf("notes") >= 0 ? "Its notes there say: \u201c" + error.current.notes + "\u201d. " : "") +
      "Which do you want to keep?");
    var mine = el("button", "symptom-log__button", "Keep my changes");
    var theirs = el("button", "symptom-log__button", "Keep the other version");
    mine.type = theirs.type = "button";
    mine.setAttribute("data-part", "keep-mine");
    theirs.setAttribute("data-part", "keep-theirs");
    mine.addEventListener("click", function () {
      editing.original = error.current; // a third change meanwhile is caught again
      self.saveEntry(true);
    });
    theirs.addEventListener("click", function () {
      self.resetForm();
      self.say("entry-status", M.other_version_kept);
      self.focusEntry(editing.id);
    });
    var actions = el("div", "symptom-log__actions");
    actions.appendChild(mine);
    actions.appendChild(theirs);
    item.appendChild(actions);
    list.textContent = "";
    list.appendChild(item);
    box.hidden = false;
    box.focus();
  };

  /* The form goes back to adding an entry, keeping what is in it. */
  SymptomLog.prototype.leaveEditing = function () {
    this.editing = null;
    this.parts["form-title"].textContent = "Add an entry";
    this.parts.save.textContent = "Save entry";
    this.parts["cancel-edit"].hidden = true;
  };

  SymptomLog.prototype.resetForm = function () {
    var form = this.parts["entry-form"];
    form.reset();
    form.elements.when.value = F.localNow();
    this.unfold(this.parts.more, false);
    this.leaveEditing();
    this.justSaved = false;
    this.parts["entry-errors"].hidden = true;
    this.showKindQuestions();
  };

  SymptomLog.prototype.editEntry = function (entry) {
    var form = this.parts["entry-form"];
    form.reset();
    var pick = function (name, value) {
      var input = value == null ? null : form.querySelector('input[name="' + name + '"][value="' + CSS.escape(String(value)) + '"]');
      if (input) input.checked = true;
      return !!input;
    };
    pick("kind", entry.kind);
    if (!pick("area", entry.area)) {
      this.parts["area-other-choice"].checked = true;
      form.elements.area_other.value = entry.area;
    }
    form.elements.when.value = entry.when.slice(0, 16);
    pick("when_choice", entry.when_approx || "other");
    pick("side", entry.side);
    this.unfold(this.parts.more, true);
    pick("duration", entry.duration);
    pick("frequency", entry.frequency);
    pick("pain", entry.pain);
    pick("disturbed_sleep", entry.disturbed_sleep == null ? null : entry.disturbed_sleep ? "yes" : "no");
    (entry.signs || []).forEach(function (sign) { pick("signs", sign); });
    this.parts.sudden.checked = entry.sudden === true;
    form.elements.notes.value = entry.notes || "";
    this.showKindQuestions();
    this.editing = {id: entry.id, original: entry, shown: this.readForm().fields};
    this.justSaved = false;
    this.parts["entry-errors"].hidden = true;
    this.parts["form-title"].textContent = "Change the entry from " + F.entryTime(entry);
    this.parts.save.textContent = "Save changes";
    this.parts["cancel-edit"].hidden = false;
    this.parts["form-title"].scrollIntoView({block: "start"});
    form.querySelector('input[name="kind"]:checked, input[name="kind"]').focus();
  };

  SymptomLog.prototype.deleteEntry = function (entry) {
    var self = this;
    if (!this.storage || !this.ready) {
      this.say("entry-status", "The entry was not deleted. " + (this.parts["storage-problem"].textContent || WAITING));
      return Promise.resolve();
    }
    return this.storage.deleteEntry(entry.id).then(function () {
      self.deleted = entry;
      if (self.editing && self.editing.id === entry.id) self.resetForm();
      self.changed(function (log) {
        var before = log.entries.length;
        log.entries = log.entries.filter(function (e) { return e.id !== entry.id; });
        if (log.entries.length < before) self.bytes -= F.recordBytes(entry);
      });
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

  SymptomLog.prototype.say = function (part, text) {
    this.parts[part].textContent = text;
  };

  /* What the browser said when asked to keep the log for good ("persistent
   * storage"): the words are in symptom-log-messages.json. */
  function keptWords(granted) {
    return granted === true ? M.kept_for_good : granted === false ? M.kept_for_now : M.kept_unsaid;
  }

  /* Persistent storage, asked for once the first entry is saved: the answer is
   * shown once, under the confirmation, and kept beside the backup. */
  SymptomLog.prototype.askToPersist = function () {
    var self = this;
    var answer = navigator.storage && navigator.storage.persist ? navigator.storage.persist().catch(function () { return null; })
      : Promise.resolve(null);
    return answer.then(function (granted) {
      self.showKept(granted);
      var saved = self.parts.saved;
      if (saved.textContent) saved.appendChild(el("p", "symptom-log__kept", keptWords(granted)));
      if (self.storage) return self.storage.changeMeta({persisted: granted}).catch(function () { /* only a note for later */ });
    });
  };

  SymptomLog.prototype.showKept = function (granted) {
    this.say("persist-answer", keptWords(granted));
    this.parts["persist-answer"].hidden = false;
  };

  /* On each visit to a log with entries: if the browser has not yet promised to keep it, ask
   * again (the answer may change once the site is on the home screen). Silent in Chromium. */
  SymptomLog.prototype.checkPersisted = function () {
    var self = this, storage = navigator.storage;
    if (!(storage && storage.persisted && storage.persist)) return Promise.resolve();
    return storage.persisted().then(function (kept) {
      return kept ? true : storage.persist();
    }).then(function (granted) {
      self.showKept(granted);
    }).catch(function () { /* the answer is only advice */ });
  };

  /* "twitch, calf, left side, during the night": what an entry is, in the words of the confirmation. */
  function savedWords(entry) {
    var W = F.WORDS, words = [W.kind[entry.kind].toLowerCase(), entry.area.toLowerCase()];
    if (entry.side) words.push(W.side[entry.side].toLowerCase());
    words.push(entry.when_approx === "last-night" ? "during the night" : entry.when_approx === "earlier-today" ? "earlier today"
      : entry.when.slice(0, 10) === today() ? entry.when.slice(11, 16) : F.readableDateTime(entry.when));
    return words.join(", ");
  }
  function sameKey(entry) {
    return JSON.stringify([entry.kind, entry.area, entry.side, entry.when_approx]);
  }

  /* The confirmation in the Save bar, where the eye is, with Undo (role=status reads it out). */
  SymptomLog.prototype.showSaved = function (entry, note) {
    var self = this, box = this.parts.saved, line = el("p", null, message("saved", {what: savedWords(entry)}) + note + " ");
    var undo = el("button", "symptom-log__button", M.undo_saved);
    undo.type = "button";
    undo.setAttribute("data-part", "undo-save");
    undo.addEventListener("click", function () { self.undoSave(entry); });
    line.appendChild(undo);
    box.textContent = "";
    box.appendChild(line);
  };

  SymptomLog.prototype.undoSave = function (entry) {
    var self = this;
    if (!this.storage || !this.ready) return Promise.resolve();
    return this.storage.deleteEntry(entry.id).then(function () {
      self.lastSaved = null;
      self.justSaved = false;
      self.changed(function (log) {
        var before = log.entries.length;
        log.entries = log.entries.filter(function (e) { return e.id !== entry.id; });
        if (log.entries.length < before) self.bytes -= F.recordBytes(entry);
      });
      self.say("saved", M.saved_undone);
    }, function (error) {
      self.say("saved", whyNot(error) + ", so the entry was not removed. It is still in your log.");
    });
  };

  /* --- Questions about the day -------------------------------------------------- */
  SymptomLog.prototype.bindDay = function () {
    var self = this, form = this.parts["day-form"];
    form.elements.date.value = today();
    var fill = function () {
      var day = self.log.days.filter(function (d) { return d.date === form.elements.date.value; })[0] || {};
      form.elements.sleep_hours.value = day.sleep_hours == null ? "" : day.sleep_hours;
      form.elements.caffeine.value = day.caffeine == null ? "" : day.caffeine;
      form.querySelectorAll('input[name="stress"]').forEach(function (i) { i.checked = i.value === day.stress; });
      form.elements.medicine_change.value = day.medicine_change || "";
    };
    form.elements.date.addEventListener("change", fill);
    this.fillDay = fill;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      var number = function (name) { var v = form.elements[name].value; return v === "" ? null : +v; };
      var fields = {
        sleep_hours: number("sleep_hours"), caffeine: number("caffeine"),
        stress: checked(form, "stress"), medicine_change: form.elements.medicine_change.value.trim() || null
      };
      var problems = F.isDate(date) ? F.dayProblems(Object.assign({date: date}, fields)) : ["choose which day."];
      if (problems.length || !self.storage) {
        self.say("day-status", problems.length ? "Please check the answers: " + problems.join(" ").replace(/^its /, "the ")
                                               : "This browser is not letting the log save anything.");
        return;
      }
      self.storage.changeDay(date, fields).then(function (day) {
        self.changed(function (log) {
          var old = log.days.filter(function (d) { return d.date === date; })[0];
          log.days = log.days.filter(function (d) { return d !== old; }).concat([day]);
          self.bytes += F.recordBytes(day) - (old ? F.recordBytes(old) : 0);
        });
        self.say("day-status", "Your answers for " + F.readableDate(date) + " are saved.");
      }, function (error) {
        self.say("day-status", whyNot(error) + ", so your answers were not saved. They are still here; please try again.");
      });
    });
  };

  /* --- When the twitching started (twitching_started, kept in meta) --------------- */
  SymptomLog.prototype.bindStarted = function () {
    var self = this, form = this.parts["started-form"];
    form.elements.date.max = today();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      if (!F.isDate(date) || date > today()) {
        self.say("started-status", "Enter the day your twitching started, today or before.");
        return;
      }
      var first = firstTwitch(self.log.entries);
      if (first && date > first) {
        self.say("started-status", "Your first twitch entry is from " + F.readableDate(first) + ". Enter that day or earlier.");
        return;
      }
      if (!self.storage || !self.ready) {
        self.say("started-status", "The date was not saved. " + (self.parts["storage-problem"].textContent || WAITING));
        return;
      }
      self.storage.changeMeta({twitching_started: date}).then(function () {
        self.changed(function (log) {
          var before = (log.meta || {}).twitching_started;
          self.bytes += F.backupBytes([], [], null, [], date) - F.backupBytes([], [], null, [], before);
          log.meta = F.copyFields({version: F.VERSION}, log.meta, {twitching_started: date});
        });
        self.say("started-status", "Saved: your twitching started on " + F.readableDate(date) + ".");
      }, function (error) {
        self.say("started-status", whyNot(error) + ", so the date was not saved. Please try again.");
      });
    });
  };

  /* The date as saved, or the first twitch entry's date as a hint. */
  SymptomLog.prototype.renderStarted = function () {
    var started = (this.log.meta || {}).twitching_started, input = this.parts["started-form"].elements.date;
    var firsts = this.log.entries.filter(function (e) { return e.kind === "twitch"; }).map(function (e) { return e.when.slice(0, 10); }).sort();
    if (started && document.activeElement !== input) input.value = started;
    this.parts["started-hint"].textContent = started
      ? "Saved: " + F.readableDate(started) + ". You can change it."
      : firsts.length
        ? "Your first twitch entry is from " + F.readableDate(firsts[0]) + ". If it started before that, enter the day. A rough date is fine."
        : "A rough date is fine.";
  };

  /* The date of the first twitch in ENTRIES (before or after any summary period), or null. */
  function firstTwitch(entries) {
    var dates = entries.filter(function (e) { return e.kind === "twitch"; }).map(function (e) { return e.when.slice(0, 10); }).sort();
    return dates.length ? dates[0] : null;
  }

  /* --- Back up, load, delete everything ------------------------------------------ */
  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var link = el("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }


  SymptomLog.prototype.bindBackup = function () {
    var self = this, p = this.parts;
    p["export-json"].addEventListener("click", function () { self.exportBackup(); });
    p["export-csv"].addEventListener("click", function () {
      var meta = self.log.meta || {};
      download(F.toCSV(self.log.entries, self.log.days, meta.twitching_started, meta.gp_visits), "text/csv;charset=utf-8", "symptom-log-" + today() + ".csv");
      self.say("backup-status", "The spreadsheet file is saved in your downloads.");
    });
    p["import-form"].addEventListener("submit", function (event) {
      event.preventDefault();
      self.importFile(p["import-form"].elements.file.files[0]);
    });
    p["delete-all"].addEventListener("click", function () {
      var count = self.log.entries.length;
      p["delete-all-question"].textContent = "Delete all " + count + " entr" + (count === 1 ? "y" : "ies") +
        " from this browser? This cannot be undone. Save a backup first if you may want them later.";
      p["delete-all-confirm"].hidden = false;
      p["delete-all-confirm"].focus();
    });
    p["delete-all-no"].addEventListener("click", function () {
      p["delete-all-confirm"].hidden = true;
      self.say("backup-status", "Nothing was deleted.");
      p["delete-all"].focus();
    });
    p["delete-all-yes"].addEventListener("click", function () {
      if (!self.storage) return;
      self.storage.clear().then(function () {
        p["delete-all-confirm"].hidden = true;
        self.deleted = null;
        if (self.editing) self.leaveEditing(); // what is typed stays, as a new entry
        self.changed(function (log) {
          log.entries = [];
          log.days = [];
          log.meta = null;
          self.bytes = F.backupBytes([], []);
        });
        self.say("entry-status", "");
        self.say("backup-status", "Your log is deleted from this browser.");
        p["delete-all"].focus();
      }, function (error) {
        self.say("backup-status", whyNot(error) + ", so nothing was deleted. Your log is as it was. Please try again.");
      });
    });
  };

  SymptomLog.prototype.exportBackup = function () {
    var self = this, meta = this.log.meta || {};
    var backup = F.makeBackup(this.log.entries, this.log.days, meta.extra, null, meta.gp_visits, meta.twitching_started);
    // One field a line reads best; a log too big for that to load back (over
    // F.MAX_BYTES) is written without the spaces, and if it is still too big
    // the reader is told, so no one keeps a backup they cannot load back here.
    var text = JSON.stringify(backup, null, 2);
    if (F.utf8Length(text) > F.MAX_BYTES) text = JSON.stringify(backup);
    download(text, "application/json", "symptom-log-backup-" + today() + ".json");
    self.say("backup-status", F.utf8Length(text) > F.MAX_BYTES
      ? "The backup file is saved in your downloads. It is more than " + F.megabytes(F.MAX_BYTES) + ", so this page cannot load it back. " +
        "Keep it, and save a spreadsheet file too."
      : "The backup file is saved in your downloads. Keep it somewhere safe.");
    if (!this.storage) return Promise.resolve();
    return this.storage.changeMeta({last_backup: backup.exported}).then(function () {
      if (self.channel) self.channel.postMessage("changed");
      self.log.meta = F.copyFields({version: F.VERSION}, self.log.meta, {last_backup: backup.exported});
      self.renderReminder(); // only the reminder depends on it: a big log is not drawn again
    }, function () { /* the file is saved; the reminder may show again */ });
  };

  SymptomLog.prototype.showImportProblems = function (problems) {
    var p = this.parts, list = p["import-error-list"];
    list.textContent = "";
    problems.concat([F.NOTHING_CHANGED]).forEach(function (problem, index, all) {
      var item = el("li");
      if (index === 0) {
        var link = el("a", null, problem);
        link.href = "#symptom-log-import";
        link.addEventListener("click", function (event) {
          event.preventDefault();
          document.getElementById("symptom-log-import").focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = problem;
      }
      if (index === all.length - 1) item.className = "symptom-log__nothing-changed";
      list.appendChild(item);
    });
    p["import-error"].textContent = "";
    p["import-error"].appendChild(el("span", "symptom-log__visually-hidden", "Error: "));
    p["import-error"].appendChild(document.createTextNode(problems[0]));
    p["import-error"].hidden = false;
    p["import-field"].classList.add("symptom-log__field--error");
    p["import-form"].elements.file.setAttribute("aria-describedby", "symptom-log-import-error");
    p["import-errors"].hidden = false;
    p["import-errors"].focus();
  };

  SymptomLog.prototype.clearImportProblems = function () {
    var p = this.parts;
    p["import-errors"].hidden = true;
    p["import-error"].hidden = true;
    p["import-field"].classList.remove("symptom-log__field--error");
    p["import-form"].elements.file.removeAttribute("aria-describedby");
  };

  /* Check the whole file first; then one write, or none. */
  SymptomLog.prototype.importFile = function (file) {
    var self = this;
    this.clearImportProblems();
    this.say("backup-status", "");
    if (!file) {
      this.showImportProblems(["Choose a backup file first."]);
      return Promise.resolve(false);
    }
    if (!this.storage) {
      this.showImportProblems(["This browser is not letting the log save anything."]);
      return Promise.resolve(false);
    }
    if (!this.ready) {
      this.showImportProblems([this.parts["storage-problem"].textContent || WAITING]);
      return Promise.resolve(false);
    }
    var reading = file.size > F.MAX_BYTES ? Promise.resolve("") : file.text();
    return reading.then(function (text) {
      var result = F.parseBackup(text, file.size);
      if (!result.ok) {
        self.showImportProblems(result.problems);
        return false;
      }
      var backup = result.backup, ids = new Set(), dates = new Set(), adding = 0;
      self.log.entries.forEach(function (e) { ids.add(e.id); });
      self.log.days.forEach(function (d) { dates.add(d.date); });
      backup.entries.forEach(function (e) { if (!ids.has(e.id)) adding += F.recordBytes(e); });
      backup.days.forEach(function (d) { if (!dates.has(d.date)) adding += F.recordBytes(d); });
      var visits = new Set((self.log.meta || {}).gp_visits || []);
      backup.gp_visits.forEach(function (date) { if (!visits.has(date)) adding += F.recordBytes(date); });
      if (!F.fits(self.bytes + adding)) {
        self.showImportProblems(["With this backup your log would be more than " + F.megabytes(F.MAX_BYTES) +
          ", bigger than a backup this page can load back. Delete entries you no longer need, then try again."]);
        return false;
      }
      return self.storage.importBackup(backup).then(function (loaded) {
        self.say("backup-status", "Loaded " + loaded.added + " new entr" + (loaded.added === 1 ? "y" : "ies") + " and " +
          loaded.days + " day" + (loaded.days === 1 ? "" : "s") + "." + (loaded.kept ? " " + loaded.kept + " entr" +
          (loaded.kept === 1 ? "y was" : "ies were") + " already in your log." : "") +
          (loaded.visits ? " Added " + loaded.visits + " GP visit" + (loaded.visits === 1 ? "" : "s") + "." : "") +
          (loaded.started ? " The date your twitching started is now " + F.readableDate(loaded.started) + "." : ""));
        self.parts["import-form"].reset();
        return self.changed().then(function () { return true; }, function () {
          self.showProblem("storage-problem", COULD_NOT_READ);
          return true;
        });
      }, function (error) {
        self.showImportProblems([whyNot(error) + ", so the backup could not be loaded."]);
        return false;
      });
    }, function () {
      self.showImportProblems(["The file could not be read."]);
      return false;
    });
  };

  /* --- Showing the log -------------------------------------------------------------- */
  SymptomLog.prototype.render = function () {
    var period = this.parts.period.value, to = today(), from = to;
    if (period === "all") {
      this.log.entries.forEach(function (e) { if (e.when.slice(0, 10) < from) from = e.when.slice(0, 10); });
    } else {
      from = F.dateOfDay(F.dayNumber(to) - (+period || 28) + 1);
    }
    // Dated after today (a backup from a clock or time zone ahead): no
    // summary period holds them, so they head the list, to change or delete.
    var later = F.sortByWhen(this.log.entries.filter(function (e) { return e.when.slice(0, 10) > to; })).reverse();
    var summary = F.summarise(this.log.entries, this.log.days, from, to);
    var notices = N.notices(this.log.entries, (this.log.meta || {}).gp_visits, null, to);
    this.renderNotices(notices);
    this.renderSummary(summary, notices);
    this.renderEntries(later.concat(summary.entries.slice().reverse()), later.length);
    this.renderReminder();
    this.renderSize();
    this.renderStarted();
    if (this.fillDay) this.fillDay();
  };

  SymptomLog.prototype.renderReminder = function () {
    var meta = this.log.meta || {}, since = meta.last_backup || meta.created;
    var old = this.log.entries.length && since && (Date.now() - Date.parse(since)) > M.backup_reminder_days * 864e5;
    this.parts["backup-reminder"].hidden = !old;
  };

  SymptomLog.prototype.renderSize = function () {
    var note = this.parts["size-note"];
    note.hidden = !F.nearlyFull(this.bytes);
    note.textContent = note.hidden ? "" : "Your log is nearly full. It takes " + F.megabytes(this.bytes) + " of the " +
      F.megabytes(F.MAX_BYTES) + " that one backup file can hold. Save a backup, then delete entries you no longer need.";
  };

  /* --- Notices, the GP visit and the emergency alert (rules: window.SymptomLogCareRules) --- */
  function rules() { return window.SymptomLogCareRules; }

  /* A link to a page of the site, from a care-rules href such as "when-to-see-a-doctor/#emergency". */
  SymptomLog.prototype.siteLink = function (href, text) {
    var doctor = this.root.getAttribute("data-doctor-url");
    var link = el("a", null, text);
    link.href = doctor.replace(/when-to-see-a-doctor\/$/, "") + href;
    return link;
  };

  /* Ticking "It came on suddenly" with a sign that is an emergency when sudden (the care rules'
   * if_sudden: weakness, numbness, slurred speech) shows the emergency card's words at once,
   * before any save. A twitch, or thinner muscles, ticked as sudden is no emergency: nothing shows. */
  SymptomLog.prototype.showSuddenAlert = function () {
    var box = this.parts["sudden-alert"], form = this.parts["entry-form"];
    var signs = Array.prototype.map.call(form.querySelectorAll('input[name="signs"]:checked'), function (input) { return input.value; });
    var alert = this.parts.sudden.checked ? N.suddenAlert(signs) : null;
    box.textContent = "";
    if (alert) {
      box.appendChild(el("p", "symptom-log__notice-level", alert.levelLabel));
      box.appendChild(el("p", null, alert.rule + " (" + alert.sourceTitle + ")"));
      var more = el("p");
      more.appendChild(this.siteLink(alert.href, "See the emergency signs"));
      box.appendChild(more);
    }
    box.hidden = !alert;
  };

  SymptomLog.prototype.renderNotices = function (result) {
    var self = this, p = this.parts, R = rules(), list = p.notices;
    list.textContent = "";
    result.shown.forEach(function (notice) {
      var item = el("li", "symptom-log__notice symptom-log__notice--" + notice.level);
      item.setAttribute("data-notice", notice.id);
      item.setAttribute("data-sign", notice.sign || "");
      item.setAttribute("data-level", notice.level);
      item.setAttribute("data-source", notice.source || "");
      item.appendChild(el("p", "symptom-log__notice-level", notice.levelWords));
      item.appendChild(el("p", null, notice.shows + (notice.newSince
        ? " New since your GP visit on " + F.readableDate(result.visit) + ": " + notice.newSince.join(", ") + "." : "")));
      var lines = el("ul", "symptom-log__notice-entries");
      notice.items.slice(0, N.ITEMS_SHOWN).forEach(function (line) { lines.appendChild(el("li", null, line)); });
      if (notice.items.length > N.ITEMS_SHOWN) {
        lines.appendChild(el("li", null, "And " + (notice.items.length - N.ITEMS_SHOWN) + " more, listed under \u201cYour entries\u201d."));
      }
      item.appendChild(lines);
      // The card's own sentence is a quote; a sentence built from a sign's label is not shown as one.
      var rule = el("p", "symptom-log__notice-rule", "The advice: " + (notice.quoted ? "\u201c" + notice.rule + "\u201d" : notice.rule) +
        (notice.sourceTitle ? " Source: " + notice.sourceTitle + ". " : " "));
      rule.appendChild(self.siteLink(notice.href, notice.level === "emergency" ? "See the emergency signs" : "Read when to see a doctor"));
      item.appendChild(rule);
      list.appendChild(item);
    });
    // Said once, under the notices, for the signs that are an emergency when they come on suddenly:
    // each such notice's level says "if it came on gradually", and this says the sudden case first.
    var gradual = result.shown.filter(function (n) { return n.sudden; })[0];
    p["sudden-rule"].textContent = "";
    p["sudden-rule"].hidden = !gradual;
    if (gradual) {
      p["sudden-rule"].appendChild(el("strong", null, suddenRule(gradual)));
      p["sudden-rule"].appendChild(document.createTextNode(" Source: " + gradual.sudden.sourceTitle + ". "));
      p["sudden-rule"].appendChild(self.siteLink(gradual.sudden.href, "See the emergency signs"));
    }
    p["visit-note"].hidden = !result.visit;
    p["visit-note"].textContent = result.visit ? "You saw a GP about this on " + F.readableDate(result.visit) + ". " +
      (result.shown.length ? "Since then, your log shows something new." : "Since then, nothing new has appeared in your log.") : "";
    p.earlier.hidden = !result.earlier.length;
    p.earlier.textContent = result.earlier.length ? "Already there before your GP visit: " + result.earlier.map(function (n) {
      return n.label + " (" + N.span(n) + ")";
    }).join("; ") + "." : "";
    p["gp-rule"].textContent = R.gp_rule.text + " Source: " + R.sources[R.gp_rule.source].title + ".";
    p["gp-visit-remove"].hidden = !result.visit;
    p["notices-section"].hidden = !(result.shown.length || result.visit);
  };

  /* The sudden rule in one line, the sudden case first: "If weakness, numbness or slurred speech
   * starts suddenly, ... it is an emergency. Call 999 in the UK, ..." (the care rules' sudden_rule
   * and the emergency level's action). On screen and on paper. */
  function suddenRule(notice) { return notice.sudden.text + " " + rules().levels.emergency.action; }

  var PLACES_NAMED = 3; // a twitch notice on paper names up to this many more places; more are counted
  var NOTICES_AT_FULL_SIZE = 6; // more notices than this print a point smaller, so the summary keeps to one sheet

  /* A notice's entries in a line: the whole list when short; else the first twitching place in
   * full (its dates are the point) and the others by name, or how many entries and their first
   * and last dates. */
  function paperDetail(notice) {
    var cut = F.SUMMARY_LIMITS.noticeItems, items = notice.items, more = items.length - cut;
    if (more <= 0) return items.join("; ");
    if (isPlaceNotice(notice)) {
      var others = notice.entryPlaces.slice(cut).map(function (place) { return place.name; });
      return items.slice(0, cut).join("; ") + (others.length <= PLACES_NAMED ? "; also " + others.join(", ")
        : "; and " + plural(others.length, "more place", "more places"));
    }
    return plural(notice.entries.length, "entry", "entries") + ", " + N.span(notice);
  }

  function isPlaceNotice(notice) { return notice.id.indexOf("twitch-") === 0; }

  /* Whether paperDetail leaves out part of a notice's list (the entries list has it all). */
  function cutOnPaper(notice) {
    var cut = F.SUMMARY_LIMITS.noticeItems;
    return isPlaceNotice(notice) ? notice.entryPlaces.length - cut > PLACES_NAMED : notice.items.length > cut;
  }

  /* What a printed notice adds after "New since then:": the new places or signs, unless they are
   * just the sign itself, or every place the line names (then "New since then" has said it). */
  function newOnPaper(notice) {
    var news = (notice.newSince || []).filter(function (words) { return words !== notice.label; });
    var named = notice.entryPlaces.map(function (place) { return place.name; });
    var all = isPlaceNotice(notice) && named.every(function (name) { return news.indexOf(name) >= 0; });
    return all ? [] : news;
  }

  /* The notices on paper, for the GP: every one shown on screen, with its dates, its level and
   * the source of its advice, in a line or two each ("Level: sign: entries"). They cover the whole
   * log, whatever the summary's period: the sheet says from when. */
  SymptomLog.prototype.printedNotices = function (result, since, from) {
    // Many notices print a point smaller, each source once at the end with a number ("[1]"), so the
    // summary keeps to one sheet; a few print at the facts' size, each with its source by name.
    var many = result.shown.length > NOTICES_AT_FULL_SIZE, sources = [];
    var cite = function (title) {
      if (!many) return " (" + title + ")";
      if (sources.indexOf(title) < 0) sources.push(title);
      return " [" + (sources.indexOf(title) + 1) + "]";
    };
    var box = el("div", "symptom-log__printed-notices" + (many ? " symptom-log__printed-notices--many" : ""));
    box.setAttribute("data-part", "printed-notices");
    box.appendChild(el("h3", null, "What the log shows"));
    // Said only where the summary's period starts later than the log: then the notices' dates
    // reach back before it.
    var cover = since && since < from && (result.shown.length || result.earlier.length)
      ? " These notices cover the whole log, from " + F.readableDate(since) + "." : "";
    if (result.visit) {
      box.appendChild(el("p", null, "Seen by a GP about this on " + F.readableDate(result.visit) + "." + cover +
        (result.shown.length ? " New since then:" : " Nothing new since then.")));
    } else if (result.shown.length) {
      box.appendChild(el("p", null, cover.trim()));
    }
    if (!result.shown.length && !result.visit) {
      box.appendChild(el("p", null, "Checked: no entry has a sign ticked, and no twitch meets the 2-week or " +
        "more-than-one-place sign. No cramp disturbed sleep or lasted over 10 minutes."));
    }
    result.shown.forEach(function (notice) {
      var line = el("p", "symptom-log__printed-notice");
      line.setAttribute("data-notice", notice.id);
      line.setAttribute("data-level", notice.level);
      line.appendChild(el("strong", null, notice.levelWords + ": " + notice.label + ":"));
      // "New since then" is said once, above; a line adds only what is new when that is not the whole line.
      var news = newOnPaper(notice);
      line.appendChild(document.createTextNode(" " + paperDetail(notice) + "." +
        (news.length ? " New: " + news.join(", ") + "." : "") +
        (notice.sourceTitle ? cite(notice.sourceTitle) : "")));
      box.appendChild(line);
    });
    // The screen's sudden rule, said once (the sheet has room for one line, not one per notice).
    var gradual = result.shown.filter(function (n) { return n.sudden; })[0];
    if (gradual) {
      var rule = el("p", "symptom-log__printed-notice");
      rule.setAttribute("data-part", "printed-sudden-rule");
      rule.appendChild(el("strong", null, suddenRule(gradual)));
      rule.appendChild(document.createTextNode(cite(gradual.sudden.sourceTitle)));
      box.appendChild(rule);
    }
    if (sources.length) {
      box.appendChild(el("p", null, "Sources: " + sources.map(function (title, i) { return "[" + (i + 1) + "] " + title; }).join("; ") + "."));
    }
    if (result.earlier.length) {
      box.appendChild(el("p", null, "Already there before the GP visit: " + result.earlier.map(function (n) {
        return n.label + " (" + N.span(n) + ")";
      }).join("; ") + "."));
    }
    return box;
  };

  /* "I saw a GP about this on DATE": kept in the meta record and in backups
   * (gp_visits), changed in one checked write (symptom-log-storage.js). */
  SymptomLog.prototype.bindVisits = function () {
    var self = this, form = this.parts["gp-visit-form"];
    form.elements.date.max = today();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      if (!F.isDate(date) || date > today()) {
        self.say("gp-visit-status", "Enter the date you saw the GP, today or before.");
        return;
      }
      self.changeVisits(date, null, "Saved: you saw a GP about this on " + F.readableDate(date) + ".",
                        "the date was not saved");
    });
    this.parts["gp-visit-remove"].addEventListener("click", function () {
      var last = N.lastVisit((self.log.meta || {}).gp_visits, today());
      if (!last) return;
      self.changeVisits(null, last, "The GP visit on " + F.readableDate(last) + " is removed.", "the GP visit was not removed");
    });
  };

  /* ADD a visit's date or REMOVE one; DONE and NOT are what the reader is told. */
  SymptomLog.prototype.changeVisits = function (add, remove, done, not) {
    var self = this;
    if (!this.storage || !this.ready) {
      this.say("gp-visit-status", "The date was not saved. " + (this.parts["storage-problem"].textContent || WAITING));
      return Promise.resolve(false);
    }
    if (add && !F.fits(this.bytes + F.recordBytes(add))) {
      this.say("gp-visit-status", "Your log is full: it is as big as a backup this page can load back (" +
        F.megabytes(F.MAX_BYTES) + "), so " + not + ". Save a backup, then delete entries you no longer need.");
      return Promise.resolve(false);
    }
    return this.storage.changeVisits(add, remove).then(function (visits) {
      self.changed(function (log) {
        var before = (log.meta && log.meta.gp_visits) || [];
        self.bytes += F.backupBytes([], [], null, visits) - F.backupBytes([], [], null, before);
        log.meta = F.copyFields({}, log.meta, {version: F.VERSION, gp_visits: visits});
      });
      self.say("gp-visit-status", done);
      return true;
    }, function (error) {
      if (error && error.name === "VisitGone") {
        self.say("gp-visit-status", "That GP visit was already removed in another tab or window.");
        return self.changed().then(function () { return false; }, function () { return false; });
      }
      self.say("gp-visit-status", whyNot(error) + ", so " + not + ". Please try again.");
      return false;
    });
  };

  /* "4 Nov": for the chart and its table, where room is short. */
  function shortDate(date) {
    var parts = F.readableDate(date).split(" ");
    return parts[0] + " " + parts[1].slice(0, 3);
  }

  /* "Nov 2026": a month in the chart. */
  function shortMonth(date) {
    var parts = F.readableDate(date).split(" ");
    return parts[1].slice(0, 3) + " " + parts[2];
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function factRow(list, term, detail) {
    list.appendChild(el("dt", null, term));
    list.appendChild(el("dd", null, detail));
  }

  /* An entry's side in a sentence: the format's words ("Left side"), in lower case. */
  function sideWords(side) { return (F.WORDS.side[side] || side).toLowerCase(); }

  /* "Right: 7, left: 2, no side given: 4" (in brackets, "left 3, right 1"): the sides in COUNTS. */
  function sideList(counts, inBrackets) {
    var text = counts.map(function (c) {
      return (c.name ? sideWords(c.name) : "no side given") + (inBrackets ? " " : ": ") + c.count;
    }).join(", ");
    return inBrackets ? text : text.charAt(0).toUpperCase() + text.slice(1);
  }

  /* A day question's numbers: "From 4 to 7.5 h; on half of them 5 h or less (3 nights)", the
   * middle one (the median) in plain words; one number alone, "6 (1 entry)". */
  function spreadWords(spread, unit, days) {
    var count = " (" + plural(spread.count, days[0], days[1]) + ")";
    if (spread.count === 1) return spread.low + unit + count;
    if (spread.low === spread.high) return "All " + spread.low + unit + count;
    return "From " + spread.low + " to " + spread.high + unit + "; on half of them " + spread.middle + unit + " or less" + count;
  }

  /* An area as the reader first typed it ("Arm or hand"), for its name in lower case (the
   * summary counts "calf" and "Calf " as one area). */
  function typedArea(entries, name) {
    var first = entries.filter(function (e) { return e.area.trim().toLowerCase() === name; })[0];
    return first ? first.area.trim() : name;
  }

  // Fewer nights with sleep noted than this (a week's worth) leave the chart's sleep band out: a
  // few dots over 4 weeks cannot show a pattern such as more entries after short nights.
  var SLEEP_NIGHTS_CHARTED = 7;
  function sleepBand(s) {
    return s.perDay.filter(function (d) { return d.sleep != null; }).length >= Math.min(SLEEP_NIGHTS_CHARTED, s.perDay.length);
  }

  /* Lines to fill in by hand on paper, for the GP: never typed into the page, never kept. */
  function patientLines() {
    var box = el("div", "symptom-log__patient");
    ["Name", "Date of birth"].forEach(function (label) {
      var line = el("p", "symptom-log__patient-line");
      line.appendChild(el("span", null, label + " (if you wish):"));
      line.appendChild(el("span", "symptom-log__write-here"));
      box.appendChild(line);
    });
    return box;
  }

  SymptomLog.prototype.renderSummary = function (s, notices) {
    var box = this.parts.summary, W = F.WORDS, meta = this.log.meta || {};
    box.textContent = "";
    box.appendChild(patientLines());
    var title = el("p", "symptom-log__summary-dates");
    title.textContent = "Made on " + F.readableDate(today()) + ". From " + F.readableDate(s.from) + " to " + F.readableDate(s.to) + ". " +
      (s.entries.length ? plural(s.entries.length, "entry", "entries") + " on " + plural(s.daysWithEntries, "day", "days") + "."
                        : "No entries in this time.");
    box.appendChild(title);
    var logged = this.log.entries.map(function (e) { return e.when.slice(0, 10); }).filter(function (d) { return d <= s.to; }).sort();
    box.appendChild(this.printedNotices(notices, logged[0], s.from));
    // A start date after the first twitch logged is kept back for the earlier date, as a backup's import does.
    var started = F.isDate(meta.twitching_started) ? F.earlierStart(meta.twitching_started, firstTwitch(this.log.entries)) : null;
    if (!s.entries.length) {
      if (started) box.appendChild(el("p", null, "Twitching started: " + F.readableDate(started) + "."));
      return;
    }
    var facts = el("dl", "symptom-log__facts");
    factRow(facts, "Dates with entries", F.readableDate(s.first) + (s.last !== s.first ? " to " + F.readableDate(s.last) : ""));
    if (started) factRow(facts, "Twitching started", F.readableDate(started));
    factRow(facts, "Twitching first logged", s.firstTwitch ? F.readableDate(s.firstTwitch) : "No twitches logged");
    factRow(facts, "By kind", s.byKind.map(function (k) { return W.kind[k.name] + ": " + k.count; }).join(", "));
    if (s.bySide.length) factRow(facts, "By side", sideList(s.bySide));
    // Lists cut short, so the summary stays on one sheet; the entries list has every detail.
    var L = F.SUMMARY_LIMITS, cut = s.byArea.length > L.areas + 1 ? L.areas : s.byArea.length, rest = 0, shortened = false;
    // Each area's sides, unless the list is cut short: then "By side" gives them all, to keep one sheet.
    var sided = cut === s.byArea.length;
    var areas = s.byArea.map(function (a, i) {
      if (i >= cut) rest += a.count;
      return typedArea(s.entries, a.name) + ": " + a.count + (sided && a.sides.length ? " (" + sideList(a.sides, true) + ")" : "");
    }).slice(0, cut);
    if (rest) {
      areas.push("and " + (s.byArea.length - cut) + " more areas (" + plural(rest, "entry", "entries") + ")");
      shortened = true;
    }
    factRow(facts, "By body area", areas.join("; "));
    factRow(facts, "Pain (0 to 10)", s.pain ? spreadWords(s.pain, "", ["entry", "entries"]) : "No pain scores");
    this.dayFacts(facts, s.dayAnswers);
    box.appendChild(facts);
    shortened = shortened || notices.shown.some(cutOnPaper);
    if (shortened) box.appendChild(el("p", null, "Long lists are cut short here. Every entry is listed in full under \u201cYour entries\u201d."));
    box.appendChild(this.chart(s));
    var nights = s.perDay.filter(function (d) { return d.sleep != null; }).length, charted = sleepBand(s);
    // How many nights the dots stand for, said by day (a month's dot is its nights' average).
    var noted = nights && !(charted && s.perMonth) ? " Sleep was noted on " + nights + " of " + s.perDay.length + " nights" +
      (charted ? "." : ", too few to chart.") : "";
    // The day chart's words are the page's too (M.chart_how: overrides/includes/symptom-log-chart.md);
    // a chart by month says what its column is, then the same last sentence.
    var how = M.chart_how, pattern = how.slice(how.indexOf(". ") + 2);
    box.appendChild(el("p", "symptom-log__chart-how", "How to read the chart: " + (!charted
      ? "each column is a " + (s.perMonth ? "month" : "day") + ", with its entries." + noted
      : s.perMonth ? "each column is a month. Its entries are above, and the average hours slept below." + noted + " " + pattern
        : how.charAt(0).toLowerCase() + how.slice(1) + noted)));
    // The table scrolls inside its own box on a narrow screen; keyboard users can focus it to scroll.
    var table = s.perMonth ? this.monthTable(s) : this.chartTable(s), scroller = el("div", "symptom-log__table-box");
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", table.caption.textContent);
    scroller.appendChild(table);
    box.appendChild(scroller);
  };

  /* The day questions the reader answered in the period, as rows of the summary's facts (none for one not answered). */
  SymptomLog.prototype.dayFacts = function (facts, a) {
    var W = F.WORDS, limit = F.SUMMARY_LIMITS.medicines;
    if (a.sleep) factRow(facts, "Hours slept", spreadWords(a.sleep, " h", ["night", "nights"]));
    if (a.caffeine) factRow(facts, "Caffeine drinks a day", spreadWords(a.caffeine, "", ["day", "days"]));
    if (a.stress.length) factRow(facts, "Stress", a.stress.map(function (level, i) {
      var word = W.stress[level.name];
      return (i ? word.toLowerCase() : word) + ": " + plural(level.count, "day", "days");
    }).join(", "));
    var medicines = a.medicines.slice(0, limit).map(function (m) {
      var text = m.text.length > F.SUMMARY_LIMITS.medicineChars ? m.text.slice(0, F.SUMMARY_LIMITS.medicineChars - 1) + "\u2026" : m.text;
      return shortDate(m.date) + " " + m.date.slice(0, 4) + ": " + text;
    });
    if (a.medicines.length > limit) medicines.push("and " + plural(a.medicines.length - limit, "more change", "more changes"));
    if (medicines.length) factRow(facts, "New or changed medicine", medicines.join("; "));
  };

  /* Entries per day as bars, and hours slept as dots in a band of their own
   * below, each with its own scale and name, so neither is read on the
   * other's scale: a small SVG made here (a chart library would weigh more
   * than the whole log). The table after it says the same in words. Over a
   * long period, one column a month, with the month's average sleep (s.perMonth). */
  SymptomLog.prototype.chart = function (s) {
    // As wide as its box (300 to 700 units), so its labels keep their size on a phone.
    var room = Math.round(this.parts.summary.clientWidth || 700), monthly = !!s.perMonth;
    var NS = "http://www.w3.org/2000/svg", days = s.perMonth || s.perDay, width = Math.max(300, Math.min(700, room));
    var slept = sleepBand(s), left = 64, right = 8, band = 62, gap = 34, top = 22;
    var height = top + band + (slept ? gap + band : 0) + 34;
    var step = (width - left - right) / days.length;
    var most = Math.max.apply(null, days.map(function (d) { return d.count; }).concat([1]));
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("class", "symptom-log__chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "symptom-log-chart-title");
    var title = document.createElementNS(NS, "title");
    title.id = "symptom-log-chart-title";
    var unit = monthly ? "month" : "day", sleepName = monthly ? "Average hours slept" : "Hours slept";
    title.textContent = "Chart: entries each " + unit + " (bars" + (slept ? ", top) and " + sleepName.toLowerCase() +
      " (dots, below)" : ")") + ". The table below gives the same figures.";
    svg.appendChild(title);
    var add = function (tag, attributes, text) {
      var node = document.createElementNS(NS, tag);
      Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      if (text != null) node.textContent = text;
      svg.appendChild(node);
      return node;
    };
    var label = function (x, y, text, anchor) {
      return add("text", {x: x, y: y, "text-anchor": anchor || "end", "class": "symptom-log__chart-label"}, text);
    };
    // Band 1: entries, from 0 to the most in a day (or month).
    var entriesBottom = top + band, sleepTop = entriesBottom + gap, sleepBottom = sleepTop + band;
    label(0, top - 8, "Entries each " + unit, "start");
    add("line", {x1: left, x2: width - right, y1: entriesBottom, y2: entriesBottom, "class": "symptom-log__chart-axis"});
    add("line", {x1: left, x2: width - right, y1: top, y2: top, "class": "symptom-log__chart-grid"});
    label(left - 6, top + 5, String(most));
    label(left - 6, entriesBottom, "0");
    // Band 2: hours slept, from 0 to 12 (a longer night is drawn at the top). Its name sits in
    // the gap between the bands, clear of the "12 h" beside its top line.
    if (slept) {
      label(0, sleepTop - 16, sleepName, "start");
      add("line", {x1: left, x2: width - right, y1: sleepBottom, y2: sleepBottom, "class": "symptom-log__chart-axis"});
      [6, 12].forEach(function (hours) {
        var y = sleepBottom - band * hours / 12;
        add("line", {x1: left, x2: width - right, y1: y, y2: y, "class": "symptom-log__chart-grid"});
        label(left - 6, y + 5, hours + " h");
      });
      label(left - 6, sleepBottom, "0 h");
    }
    var every = Math.max(monthly ? 1 : 7, Math.ceil(days.length / Math.floor(width / 80)));
    days.forEach(function (day, i) {
      var x = left + i * step;
      if (day.count) {
        var h = band * day.count / most;
        add("rect", {x: x + step * 0.15, y: entriesBottom - h, width: Math.max(step * 0.7, 1), height: h, "class": "symptom-log__chart-bar"});
      }
      if (slept && day.sleep != null) {
        add("circle", {cx: x + step / 2, cy: sleepBottom - band * Math.min(day.sleep, 12) / 12, r: Math.max(1.5, Math.min(4, step / 2.5)),
                       "class": "symptom-log__chart-sleep"});
      }
      // A label near the last one would overlap it: keep them 64 units (a label's width) apart.
      if (i === 0 || (i % every === 0 && (days.length - 1 - i) * step >= 64) || i === days.length - 1) {
        label(x + step / 2, height - 10, monthly ? shortMonth(day.date) : shortDate(day.date), "middle");
      }
    });
    return svg;
  };

  /* The chart's figures as a table: one row a week from Monday (as a
   * calendar), one column a day; days before or after the period are empty. */
  SymptomLog.prototype.chartTable = function (s) {
    var table = el("table", "symptom-log__week-table");
    table.appendChild(el("caption", null, "Entries each day, with hours slept below"));
    var head = el("thead"), row = el("tr");
    var corner = el("th", null, "Week from");
    corner.scope = "col";
    row.appendChild(corner);
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].forEach(function (dayName) {
      var name = el("th", null, dayName);
      name.scope = "col";
      row.appendChild(name);
    });
    head.appendChild(row);
    table.appendChild(head);
    var body = el("tbody"), first = F.dayNumber(s.from);
    var monday = first - (first + 3) % 7; // 1 Jan 1970 was a Thursday: (n + 3) % 7 is 0 on a Monday
    for (var start = monday; start < first + s.perDay.length; start += 7) {
      row = el("tr");
      var week = el("th", null, shortDate(F.dateOfDay(start)));
      week.scope = "row";
      row.appendChild(week);
      for (var n = start; n < start + 7; n++) {
        var day = s.perDay[n - first];
        var cell = el("td");
        if (day) {
          cell.appendChild(document.createTextNode(String(day.count)));
          if (day.sleep != null) {
            cell.appendChild(el("span", "symptom-log__visually-hidden", ", slept "));
            cell.appendChild(el("span", "symptom-log__sleep", day.sleep + " h"));
          }
        }
        row.appendChild(cell);
      }
      body.appendChild(row);
    }
    table.appendChild(body);
    return table;
  };

  /* A long period's chart as a table: one row a year, one column a month,
   * so 3 years take 3 or 4 rows and fit on the summary's sheet. */
  SymptomLog.prototype.monthTable = function (s) {
    var table = el("table", "symptom-log__week-table");
    table.appendChild(el("caption", null, "Entries each month, with the average hours slept below"));
    var head = el("thead"), row = el("tr"), body = el("tbody"), year = null, cell;
    cell = el("th", null, "Year");
    cell.scope = "col";
    row.appendChild(cell);
    for (var c = 0; c < 12; c++) {
      cell = el("th", null, F.readableDate("2000-" + (c < 9 ? "0" : "") + (c + 1) + "-01").split(" ")[1].slice(0, 3));
      cell.scope = "col";
      row.appendChild(cell);
    }
    head.appendChild(row);
    table.appendChild(head);
    s.perMonth.forEach(function (month) {
      if (month.date.slice(0, 4) !== year) {
        year = month.date.slice(0, 4);
        row = el("tr");
        cell = el("th", null, year);
        cell.scope = "row";
        row.appendChild(cell);
        for (var m = 1; m < +month.date.slice(5, 7); m++) row.appendChild(el("td")); // months before the period
        body.appendChild(row);
      }
      cell = el("td", null, String(month.count));
      if (month.sleep != null) {
        cell.appendChild(el("span", "symptom-log__visually-hidden", ", average sleep "));
        cell.appendChild(el("span", "symptom-log__sleep", month.sleep.toFixed(1) + " h"));
      }
      row.appendChild(cell);
    });
    while (row.cells.length < 13) row.appendChild(el("td")); // months after the period
    table.appendChild(body);
    return table;
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

  /* --- Start every log on the page, each on its own ------------------------------- */
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
  window.SymptomLogError = SymptomLogError;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
