/*
 * The symptom log's entry form: its questions, the quick times, checking what was
 * typed, saving an entry or its change, the conflict with another tab, and the
 * confirmation with Undo. Adds its methods to SymptomLog.prototype (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, M = window.SymptomLogMessages, S = SymptomLog.shared;
  var el = S.el, message = S.message, newId = S.newId, today = S.today, whyNot = S.whyNot, checked = S.checked;
  var WAITING = S.WAITING, REPLACED = S.REPLACED;
  var SAME_AGAIN_MINUTES = 10; // the same entry saved again this soon is asked about first
  var FIELD_NAMES = {when: "when it started", kind: "what you noticed", area: "where", duration: "how long it lasted",
                     frequency: "how often", pain: "the pain score", signs: "the signs", disturbed_sleep: "sleep", notes: "the notes",
                     sudden: "whether it came on suddenly", side: "the side"};

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
    // An older "weak or stiff" (a retired sign) shows only while ticked, so changing an old entry keeps it.
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
    if (this.showSuddenAlert) { // the notices have arrived (symptom-log-start.js)
      this.showSuddenAlert();
      this.showUrgentAlert();
    } else if (this.laterFailed) this.showLevelsUnchecked();
  };

  /* If the notices could not arrive, a tick that is an emergency when sudden (with "it came on
   * suddenly") or urgent still shows its level's words, from the care rules: never nothing. */
  SymptomLog.prototype.showLevelsUnchecked = function () {
    var form = this.parts["entry-form"];
    var ticked = function (words) {
      return words.ticks.some(function (id) { return form.querySelector('input[name="signs"][value="' + id + '"]:checked'); });
    };
    this.showUnchecked(this.parts["sudden-alert"], M.sudden_unchecked, this.parts.sudden.checked && ticked(M.sudden_unchecked),
                       "See the emergency signs");
    this.showUnchecked(this.parts["urgent-alert"], M.urgent_unchecked, ticked(M.urgent_unchecked), "See the urgent signs");
  };

  SymptomLog.prototype.showUnchecked = function (box, words, shown, link) {
    box.textContent = "";
    if (shown) {
      box.appendChild(el("p", "symptom-log__notice-level", words.label));
      box.appendChild(el("p", null, words.rule));
      var more = el("p");
      more.appendChild(this.siteLink(words.href, link));
      box.appendChild(more);
    }
    box.hidden = !shown;
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
        // The form is empty again, but an urgent sign just saved keeps its words on show.
        if (!typed && self.showUrgentAlert) self.showUrgentAlert(stored);
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

  /* "twitch, calf, left side, during the night": what an entry is, in the words of the confirmation. */
  function savedWords(entry) {
    var W = F.WORDS, words = [W.kind[entry.kind].toLowerCase(), entry.area.toLowerCase()];
    if (entry.side) words.push(W.side[entry.side].toLowerCase());
    // "Earlier today" chosen at night is the day before (quickTime): said with its date.
    var onToday = entry.when.slice(0, 10) === today();
    words.push(entry.when_approx === "last-night" ? "during the night"
      : entry.when_approx === "earlier-today" ? (onToday ? "earlier today" : F.entryTime(entry))
      : onToday ? entry.when.slice(11, 16) : F.readableDateTime(entry.when));
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
      self.entryGone(entry);
      self.say("saved", M.saved_undone);
    }, function (error) {
      self.say("saved", whyNot(error) + ", so the entry was not removed. It is still in your log.");
    });
  };
})(window.SymptomLog);
