/*
 * The symptom log: entries kept only in this browser, in
 * IndexedDB (symptom-log-storage.js: each change one transaction, all or
 * nothing). After a write here the page updates what it holds and draws
 * itself again; every write tells the other tabs (BroadcastChannel), which
 * read the log again. What a message says comes from what actually failed.
 *
 * Reader text is only ever shown with textContent, never as HTML.
 * Started from [data-module="symptom-log"] (symptom-log-start.js); a
 * missing part throws SymptomLogError naming it.
 *
 * This file has the SymptomLog object, its start, storage and drawing, and
 * the helpers the log's other files share (SymptomLog.shared). Each of those
 * files has one job and adds its methods to SymptomLog.prototype: the form
 * (symptom-log-form.js), the entries list (-entries), the day questions and
 * start date (-days), the backup (-backup), the notices on screen
 * (-screen-notices) and the summary sheet (-summary). ./scripts/bundle-log
 * joins them, in the order of bundle_log.SCRIPTS, into symptom-log.min.js.
 */
(function () {
  "use strict";

  var F = window.SymptomLogFormat;
  var Storage = window.SymptomLogStorage;
  var M = window.SymptomLogMessages; // the reader-facing messages: symptom-log-messages.json
  var CHANNEL = "fibro-twitch-log";
  var LISTED_AT_ONCE = 100; // entries drawn at a time: "Show more" draws the next ones

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

  /* Why a write failed, in the reader's words (the start of a sentence). */
  function whyNot(error) {
    var name = error && error.name;
    if (name === "QuotaExceededError" || /quota/i.test(error && error.message || "")) return "The device has no room left";
    if (name === "DataCloneError" || error instanceof RangeError) return "Something in it is too complicated for this browser to store";
    if (name === "InvalidStateError") return "This page can no longer reach your log (it was opened by a newer page in another tab)";
    return "This browser would not store it";
  }

  /* The value of the ticked choice NAME in FORM, or null. */
  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  /* The date of the first twitch in ENTRIES (before or after any summary period), or null. */
  function firstTwitch(entries) {
    var dates = entries.filter(function (e) { return e.kind === "twitch"; }).map(function (e) { return e.when.slice(0, 10); }).sort();
    return dates.length ? dates[0] : null;
  }

  /* An entry's side in a sentence: the format's words ("Left side"), in lower case. */
  function sideWords(side) { return (F.WORDS.side[side] || side).toLowerCase(); }

  /* The care rules, as ./scripts/bundle-log puts them in the bundle. */
  function rules() { return window.SymptomLogCareRules; }

  /* The sudden rule in one line, the sudden case first: "If weakness, numbness or slurred speech
   * starts suddenly, ... it is an emergency. Call 999 in the UK, ..." (the care rules' sudden_rule
   * and the emergency level's action). On screen and on paper. */
  function suddenRule(notice) { return notice.sudden.text + " " + rules().levels.emergency.action; }

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
     "sudden", "sudden-alert", "urgent-alert", "visit-note", "earlier", "sudden-rule", "gp-rule", "gp-visit-form", "gp-visit-remove", "gp-visit-status",
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
    p["backup-reminder-link"].textContent = M.backup_reminder_link;
    p["gp-visit-question"].textContent = M.gp_visit_question;

    this.bindForm(); // the day questions, backups and GP visits are bound when the rest arrives (symptom-log-start.js)
    p.period.addEventListener("change", function () {
      self.listed = LISTED_AT_ONCE;
      self.render();
    });
    p.print.addEventListener("click", function () {
      self.more().then(function () { window.print(); });
    });
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
      // A log with entries shows its notices and summary before it says it is ready.
      return self.log.entries.length ? self.more() : null;
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

  /* Why nothing can be written now: the storage problem on screen, or that the log waits for another tab. */
  SymptomLog.prototype.notReadyWords = function () {
    return this.parts["storage-problem"].textContent || WAITING;
  };

  /* ENTRY is gone from storage: gone from what this page holds too, and the other tabs told. */
  SymptomLog.prototype.entryGone = function (entry) {
    var self = this;
    return this.changed(function (log) {
      var before = log.entries.length;
      log.entries = log.entries.filter(function (e) { return e.id !== entry.id; });
      if (log.entries.length < before) self.bytes -= F.recordBytes(entry);
    });
  };

  /* The date form FORM_PART: a date today or before (else STATUS_PART says NOT_A_DATE), then SAVE(date). */
  SymptomLog.prototype.bindDateForm = function (formPart, statusPart, notADate, save) {
    var self = this, form = this.parts[formPart];
    form.elements.date.max = today();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      if (!F.isDate(date) || date > today()) {
        self.say(statusPart, notADate);
        return;
      }
      save(date);
    });
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
    var N = window.SymptomLogNotices; // with the summary's figures, in the bundle fetched once the log is used
    var summary = N ? F.summarise(this.log.entries, this.log.days, from, to) : null;
    if (N) {
      var notices = N.notices(this.log.entries, (this.log.meta || {}).gp_visits, null, to);
      this.renderNotices(notices);
      this.renderSummary(summary, notices);
    } else if (this.log.entries.length || this.printing) {
      this.more(); // draws the log again when it arrives
    }
    if (this.renderEntries && summary) this.renderEntries(later.concat(summary.entries.slice().reverse()), later.length);
    this.renderReminder();
    this.renderSize();
    if (this.renderStarted) this.renderStarted();
    if (this.fillDay) this.fillDay();
  };

  SymptomLog.prototype.renderReminder = function () {
    var meta = this.log.meta || {}, since = meta.last_backup || meta.created;
    var old = this.log.entries.length && since && (Date.now() - Date.parse(since)) > M.backup_reminder_days * 864e5;
    // A log never backed up is told so, not that its last backup is old.
    this.parts["backup-reminder-words"].textContent = meta.last_backup
      ? message("backup_reminder", {days: M.backup_reminder_days}) : message("backup_never");
    this.parts["backup-reminder"].hidden = !old;
  };

  SymptomLog.prototype.renderSize = function () {
    var note = this.parts["size-note"];
    note.hidden = !F.nearlyFull(this.bytes);
    note.textContent = note.hidden ? "" : "Your log is nearly full. It takes " + F.megabytes(this.bytes) + " of the " +
      F.megabytes(F.MAX_BYTES) + " that one backup file can hold. Save a backup, then delete entries you no longer need.";
  };

  /* A link to a page of the site, from a care-rules href such as "when-to-see-a-doctor/#emergency". */
  SymptomLog.prototype.siteLink = function (href, text) {
    var doctor = this.root.getAttribute("data-doctor-url");
    var link = el("a", null, text);
    link.href = doctor.replace(/when-to-see-a-doctor\/$/, "") + href;
    return link;
  };

  // What the log's other files share: each reads these names once, at its top.
  SymptomLog.shared = {
    el: el, checked: checked, newId: newId, today: today, message: message, whyNot: whyNot,
    firstTwitch: firstTwitch, sideWords: sideWords, rules: rules, suddenRule: suddenRule,
    WAITING: WAITING, REPLACED: REPLACED, COULD_NOT_READ: COULD_NOT_READ, LISTED_AT_ONCE: LISTED_AT_ONCE
  };
  window.SymptomLog = SymptomLog;
  window.SymptomLogError = SymptomLogError;
})();
