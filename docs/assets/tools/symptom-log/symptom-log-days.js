/*
 * The symptom log's questions about the day (sleep, caffeine, stress, a medicine)
 * and the date the twitching started. Adds its methods to SymptomLog.prototype
 * (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, S = SymptomLog.shared;
  var today = S.today, whyNot = S.whyNot, checked = S.checked, firstTwitch = S.firstTwitch;

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
    var self = this;
    this.bindDateForm("started-form", "started-status", "Enter the day your twitching started, today or before.", function (date) {
      var first = firstTwitch(self.log.entries);
      if (first && date > first) {
        self.say("started-status", "Your first twitch entry is from " + F.readableDate(first) + ". Enter that day or earlier.");
        return;
      }
      if (!self.storage || !self.ready) {
        self.say("started-status", "The date was not saved. " + self.notReadyWords());
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
    var first = firstTwitch(this.log.entries);
    if (started && document.activeElement !== input) input.value = started;
    this.parts["started-hint"].textContent = started
      ? "Saved: " + F.readableDate(started) + ". You can change it."
      : first
        ? "Your first twitch entry is from " + F.readableDate(first) + ". If it started before that, enter the day. A rough date is fine."
        : "A rough date is fine.";
  };
})(window.SymptomLog);
