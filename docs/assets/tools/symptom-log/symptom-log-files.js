/*
 * Reading a backup file and writing a spreadsheet (CSV): only backups need them
 * (symptom-log-backup.js), so they come with the log's second bundle
 * (./scripts/bundle-log) and add parseBackup, CSV_COLUMNS, csvCell and toCSV to
 * window.SymptomLogFormat (symptom-log-format.js, whose rules they use).
 */
(function (F) {
  "use strict";

  var FORMAT = F.FORMAT, VERSION = F.VERSION, MAX_BYTES = F.MAX_BYTES, MAX_DEPTH = F.MAX_DEPTH, MAX_LISTED = F.MAX_LISTED;
  var TOP_FIELDS = F.TOP_FIELDS, megabytes = F.megabytes, isWhole = F.isWhole, migrate = F.migrate;
  var gpVisitProblems = F.gpVisitProblems, startProblems = F.startProblems, entryProblems = F.entryProblems;
  var dayProblems = F.dayProblems, isLocalDateTime = F.isLocalDateTime, isDate = F.isDate, entryTime = F.entryTime;
  var readableDate = F.readableDate, copyFields = F.copyFields, tooDeep = F.tooDeep, normalEntry = F.normalEntry;
  var normalDay = F.normalDay, normalVisits = F.normalVisits, sortByWhen = F.sortByWhen;

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* --- Reading a backup file --------------------------------------------- */
  function refused(problems) {
    return {ok: false, problems: problems};
  }

  /* parseBackup(text, bytes): {ok: true, backup} or {ok: false, problems}.
   * Everything is checked before anything is written. */
  function parseBackup(text, bytes) {
    if (bytes > MAX_BYTES) {
      return refused(["The file is more than " + megabytes(MAX_BYTES) + ". This page can only load backups of " +
                      megabytes(MAX_BYTES) + " or less."]);
    }
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return refused(["The file is not a backup from this log, or it is damaged. A spreadsheet file (CSV) cannot be loaded."]);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      return refused(["The file is not a backup from this log. Its first lines should say \"format\": \"" + FORMAT + "\"."]);
    }
    if (!isWhole(data.version) || data.version < 1) {
      return refused(["The file does not say which version of the backup format it uses."]);
    }
    if (data.version > VERSION) {
      return refused(["The file was made by a newer version of this page (backup version " + data.version +
                      "; this page reads up to version " + VERSION + "). Reload the page to get the newest version, then try again."]);
    }
    var backup = migrate(data);
    if (!Array.isArray(backup.entries)) return refused(["The file has no list of entries."]);
    if (backup.days != null && !Array.isArray(backup.days)) return refused(["The file's list of days is not a list."]);
    var visitProblems = gpVisitProblems(backup.gp_visits).concat(startProblems(backup.twitching_started));
    if (visitProblems.length) return refused(visitProblems);
    var problems = [], ids = new Map(), dates = new Map();
    backup.entries.forEach(function (entry, index) {
      var label = "Entry " + (index + 1) + (entry && isLocalDateTime(entry.when) ? " (" + entryTime(entry) + ")" : "");
      entryProblems(entry).forEach(function (problem) { problems.push(label + ": " + problem); });
      if (entry && typeof entry.id === "string") {
        if (ids.has(entry.id)) problems.push(label + ": it has the same id as entry " + ids.get(entry.id) + ".");
        else ids.set(entry.id, index + 1);
      }
    });
    (backup.days || []).forEach(function (day, index) {
      var label = "Day " + (index + 1) + (day && isDate(day.date) ? " (" + readableDate(day.date) + ")" : "");
      dayProblems(day).forEach(function (problem) { problems.push(label + ": " + problem); });
      if (day && isDate(day.date)) {
        if (dates.has(day.date)) problems.push(label + ": it has the same date as day " + dates.get(day.date) + ".");
        else dates.set(day.date, index + 1);
      }
    });
    var extra = copyFields({}, backup);
    TOP_FIELDS.forEach(function (key) { delete extra[key]; });
    if (tooDeep(extra)) problems.push("The file has a field nested more than " + MAX_DEPTH + " levels deep, so this browser cannot store it.");
    if (problems.length) {
      var listed = problems.slice(0, MAX_LISTED);
      if (problems.length > MAX_LISTED) listed.push("And " + (problems.length - MAX_LISTED) + " more problems like these.");
      return refused(listed);
    }
    backup.entries = backup.entries.map(normalEntry);
    backup.days = (backup.days || []).map(normalDay);
    backup.gp_visits = normalVisits(backup.gp_visits);
    backup.twitching_started = backup.twitching_started == null ? null : backup.twitching_started;
    return {ok: true, backup: backup};
  }

  /* --- CSV for spreadsheets ------------------------------------------------ */
  /* One column list drives the file; each entry row carries its day's answers,
   * and the log's start date and GP visits (the same on every row). A rough
   * time ("when_approx") has its date alone in "when": no clock time is made up. */
  var CSV_COLUMNS = ["id", "when", "when_approx", "kind", "area", "side", "duration", "frequency", "pain", "signs", "sudden", "disturbed_sleep",
                     "notes", "sleep_hours", "caffeine", "stress", "medicine_change", "twitching_started", "gp_visits"];

  /* A cell a spreadsheet would run as a formula (=, +, - or @ first; tab and
   * carriage return too, as OWASP advises) starts with ' instead. So does one
   * that starts with a character some spreadsheets skip or read as one of
   * those: NUL (OWASP ASVS 5), line feed, zero-width space, byte order mark,
   * and the full-width = + - @. */
  var FORMULA_START = /^[=+\-@\t\r\n\0\u200b\ufeff\uff1d\uff0b\uff0d\uff20]/;
  function csvCell(value) {
    var text = value == null ? "" : Array.isArray(value) ? value.join("; ") : String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* One row per entry, with its day's answers (repeated on each entry of that day), and one row
   * per day answered with no entry (its id and kind empty), in order of time: nothing in a
   * backup's entries and days is left out. */
  function toCSV(entries, days, started, visits) {
    var byDate = new Map(), log = {twitching_started: started == null ? null : started, gp_visits: normalVisits(visits)};
    days.forEach(function (day) { byDate.set(day.date, day); });
    var row = function (entry, day, when) {
      return CSV_COLUMNS.map(function (column) {
        if (column === "when") return csvCell(when);
        return csvCell(has(entry, column) ? entry[column] : has(day, column) ? day[column] : has(log, column) ? log[column] : null);
      }).join(",");
    };
    var rows = sortByWhen(entries.slice()).map(function (entry) {
      var date = entry.when.slice(0, 10);
      return {at: entry.when, line: row(entry, byDate.get(date) || {}, entry.when_approx ? date : entry.when)};
    });
    var withEntries = new Set(entries.map(function (entry) { return entry.when.slice(0, 10); }));
    days.filter(function (day) { return isDate(day.date) && !withEntries.has(day.date); }).forEach(function (day) {
      rows.push({at: day.date, line: row({}, day, day.date)});
    });
    // A day's own row ("2026-03-01") sorts before any time on a later day; no entry shares its date.
    rows.sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
    return "\ufeff" + [CSV_COLUMNS.join(",")].concat(rows.map(function (r) { return r.line; })).join("\r\n") + "\r\n"; // the mark tells spreadsheets it is UTF-8
  }

  F.parseBackup = parseBackup;
  F.CSV_COLUMNS = CSV_COLUMNS;
  F.csvCell = csvCell;
  F.toCSV = toCSV;
})(window.SymptomLogFormat);
