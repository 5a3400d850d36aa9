/*
 * The symptom log's notices on screen (what symptom-log-notices.js finds, with
 * the care rules' words and links), the emergency alert beside "It came on
 * suddenly", and the GP visit the reader notes. Adds its methods to
 * SymptomLog.prototype (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, N = window.SymptomLogNotices, S = SymptomLog.shared;
  var el = S.el, today = S.today, whyNot = S.whyNot, rules = S.rules, suddenRule = S.suddenRule, message = S.message;

  /* Ticking "It came on suddenly" with a sign that is an emergency when sudden (the care rules'
   * if_sudden: weakness, numbness, slurred speech) shows the emergency card's words at once,
   * before any save. A twitch, or thinner muscles, ticked as sudden is no emergency: nothing shows. */
  SymptomLog.prototype.showSuddenAlert = function () {
    var box = this.parts["sudden-alert"], form = this.parts["entry-form"];
    var signs = Array.prototype.map.call(form.querySelectorAll('input[name="signs"]:checked'), function (input) { return input.value; });
    var alert = this.parts.sudden.checked ? N.suddenAlert(signs) : null;
    // An entry dated before today gets the words its notice will give (sudden_rule.earlier):
    // the emergency only if it is happening now, not "call 999 now" about a day that has passed.
    var field = form.elements.when.value, earlier = rules().sudden_rule.earlier;
    var past = alert && earlier && F.isLocalDateTime(field) && field.slice(0, 10) < today();
    box.textContent = "";
    if (alert) {
      box.appendChild(el("p", "symptom-log__notice-level", past ? earlier.level : alert.levelLabel));
      box.appendChild(el("p", null, past ? earlier.rule.replace("{action}", rules().levels.emergency.action)
        : alert.rule + " (" + alert.sourceTitle + ")"));
      var more = el("p");
      more.appendChild(this.siteLink(alert.href, "See the emergency signs"));
      box.appendChild(more);
    }
    box.hidden = !alert;
  };

  /* Ticking a sign that is urgent (one painful leg that is swollen, warm or red) shows the urgent
   * card's words at once; after such an entry is saved they stay, above "Saved", until the form
   * changes. SAVED is the saved entry, or none: then the ticks in the form count. */
  SymptomLog.prototype.showUrgentAlert = function (saved) {
    var box = this.parts["urgent-alert"], form = this.parts["entry-form"];
    var signs = saved ? saved.signs : Array.prototype.map.call(form.querySelectorAll('input[name="signs"]:checked'), function (input) { return input.value; });
    var kind = saved ? saved.kind : (form.querySelector('input[name="kind"]:checked') || {}).value;
    var alert = N.urgentAlert(signs, kind);
    box.textContent = "";
    if (alert) {
      box.appendChild(el("p", "symptom-log__notice-level", alert.levelLabel));
      box.appendChild(el("p", null, alert.rule + " (" + alert.sourceTitle + ")"));
      if (alert.note) box.appendChild(el("p", null, alert.note));
      var more = el("p");
      more.appendChild(this.siteLink(alert.href, "See the urgent signs"));
      box.appendChild(more);
    }
    box.hidden = !alert;
    // After a save a phone folds the optional questions away: open them, so the box is seen.
    var fold = box.closest(".symptom-log__phone-fold");
    if (saved && alert && fold) {
      this.unfold(fold, true);
      this.reveal(box);
    }
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
        ? " " + message("new_since_visit", {date: F.readableDate(result.visit), list: notice.newSince.join(", ")}) : "")));
      var lines = el("ul", "symptom-log__notice-entries");
      notice.items.slice(0, N.ITEMS_SHOWN).forEach(function (line) { lines.appendChild(el("li", null, line)); });
      if (notice.items.length > N.ITEMS_SHOWN) {
        lines.appendChild(el("li", null, "And " + (notice.items.length - N.ITEMS_SHOWN) + " more, listed under \u201cYour entries\u201d."));
      }
      item.appendChild(lines);
      // The advice said directly, in the care rules' words, then its source.
      var rule = el("p", "symptom-log__notice-rule", notice.rule + (notice.sourceTitle ? " Source: " + notice.sourceTitle + ". " : " "));
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
    // Nothing to show and no visit: said so, and the visit question stays, so a reader who saw a GP
    // before logging any sign can note it.
    p["visit-note"].textContent = result.visit ? message("visit_note", {date: F.readableDate(result.visit)}) + " " +
      (result.shown.length ? message("visit_note_new") : message("visit_note_nothing_new"))
      : result.shown.length ? "" : message("no_notices_yet");
    p["visit-note"].hidden = !p["visit-note"].textContent;
    var since = result.since || [];
    p.earlier.textContent = [
      result.earlier.length ? message("earlier_on_screen", {list: result.earlier.map(function (n) {
        return n.label + " (" + N.span(n) + ")";
      }).join("; ")}) : "",
      // A "see a GP once" sign met again since the visit: for the records, never "See a GP" again.
      since.length ? message("since_visit_on_screen", {list: N.sinceWords(since)}) : ""
    ].filter(Boolean).join(" ");
    p.earlier.hidden = !p.earlier.textContent;
    p["gp-rule"].textContent = R.gp_rule.text + " Source: " + R.sources[R.gp_rule.source].title + ".";
    p["gp-visit-remove"].hidden = !result.visit;
    p["notices-section"].hidden = false;
  };

  /* "I saw a GP about this on DATE": kept in the meta record and in backups
   * (gp_visits), changed in one checked write (symptom-log-storage.js). */
  SymptomLog.prototype.bindVisits = function () {
    var self = this;
    this.bindDateForm("gp-visit-form", "gp-visit-status", "Enter the date you saw the GP, today or before.", function (date) {
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
      this.say("gp-visit-status", "The date was not saved. " + this.notReadyWords());
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
})(window.SymptomLog);
