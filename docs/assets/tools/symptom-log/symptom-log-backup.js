/*
 * The symptom log's backup: saving it as a file or a spreadsheet, loading one back
 * (all or nothing, with its problems listed), and deleting everything. Adds its
 * methods to SymptomLog.prototype (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, S = SymptomLog.shared;
  var el = S.el, today = S.today, whyNot = S.whyNot, COULD_NOT_READ = S.COULD_NOT_READ;

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
      this.showImportProblems([this.notReadyWords()]);
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
})(window.SymptomLog);
