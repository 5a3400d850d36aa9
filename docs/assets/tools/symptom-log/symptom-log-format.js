/*
 * The symptom log's data, without the page: the backup format, its
 * versions and migrations, the checks of entries and days, and the summary
 * for the appointment (the notices are in symptom-log-notices.js; reading a
 * backup file and the CSV for spreadsheets in symptom-log-files.js).
 * No storage and no page here, so each rule has one home and the tests can
 * call it directly (window.SymptomLogFormat).
 *
 * Backup format version 5 (documented in DEVELOPING.md, "The symptom log's backup file"):
 *   {"format": "fibro-twitch-log", "version": 5, "exported": ISO date-time,
 *    "entries": [...], "days": [...], "gp_visits": ["YYYY-MM-DD", ...],
 *    "twitching_started": "YYYY-MM-DD" or null}
 * Version 2 added each entry's "sudden" (its signs came on suddenly: true,
 * false or null) and "gp_visits" (the dates the reader saw a GP about it).
 * Version 3 added each entry's "side" ("left", "right", "both" or null) and
 * "twitching_started" (the day the reader says their twitching began).
 * Version 4 added each entry's "when_approx" ("earlier-today", "last-night"
 * or null): the reader chose that quick time and gave no clock time, so the
 * time in "when" is only a place to sort it by and is never shown.
 * Version 5 split the sign "weak-or-stiff" into "weak" and "stiff" and added
 * more signs (the care rules' log_signs). An older entry keeps "weak-or-stiff"
 * as the reader ticked it: no one can tell now which they meant.
 * Unknown fields, at the top and in each entry or day, are kept.
 */
(function (root) {
  "use strict";

  var FORMAT = "fibro-twitch-log";
  var VERSION = 5;
  /* A bigger file is refused unread, and the log may hold no more than a
   * backup of this size (written without spaces), so every backup loads back. */
  var MAX_BYTES = 20 * 1024 * 1024;
  var NEARLY_FULL = 0.8; // the share of MAX_BYTES at which the reader is told
  var MAX_DEPTH = 50; // fields nested deeper than this cannot be stored
  var NOTHING_CHANGED = "Nothing was imported or changed.";

  var KINDS = ["twitch", "spasm", "cramp"];
  var DURATIONS = ["moment", "under-1-minute", "1-to-10-minutes", "over-10-minutes"];
  var FREQUENCIES = ["once", "a-few-times", "on-and-off-all-day"];
  /* The signs a reader can tick: the ids of the care rules' log_signs, in the form's order
   * (tests/js/log-signs.test.mjs checks they agree). "weak-or-stiff" is no longer offered; older
   * entries keep it. */
  var SIGNS = ["weak", "stiff", "feeling-change", "weak-grip", "leg-weakness", "one-leg-swollen",
               "speech-or-swallowing", "thinner-muscles", "weak-or-stiff"];
  var STRESS = ["low", "medium", "high"];
  var SIDES = ["left", "right", "both"];
  var WHEN_APPROX = ["earlier-today", "last-night"]; // the form's quick times that give no clock time

  /* What each stored word means to a reader (and a doctor reading the print). */
  var WORDS = {
    kind: {twitch: "Twitch", spasm: "Spasm", cramp: "Cramp"},
    duration: {"moment": "A moment", "under-1-minute": "Under 1 minute",
               "1-to-10-minutes": "1 to 10 minutes", "over-10-minutes": "Over 10 minutes"},
    frequency: {"once": "Once", "a-few-times": "A few times", "on-and-off-all-day": "On and off all day"},
    sign: {"weak": "The area feels weak",
           "stiff": "The area feels stiff",
           "feeling-change": "A change or loss of feeling",
           "weak-grip": "A weak grip",
           "leg-weakness": "Weakness in your ankle or leg",
           "one-leg-swollen": "One painful leg that is swollen, warm or red",
           "speech-or-swallowing": "Trouble speaking or swallowing",
           "thinner-muscles": "Muscles look thinner",
           "weak-or-stiff": "The area feels weak or stiff"},
    stress: {low: "Low", medium: "Medium", high: "High"},
    side: {left: "Left side", right: "Right side", both: "Both sides"}
  };

  /* Field names are data: "__proto__" or "constructor" is a field like any
   * other, so fields are copied by defining them, never by assigning. */
  function define(target, key, value) {
    Object.defineProperty(target, key, {value: value, writable: true, enumerable: true, configurable: true});
    return target;
  }
  function copyFields(target) {
    for (var i = 1; i < arguments.length; i++) {
      var source = arguments[i] || {};
      // Assigning is quicker, and safe for every name but "__proto__".
      Object.keys(source).forEach(function (key) {
        if (key === "__proto__") define(target, key, source[key]); else target[key] = source[key];
      });
    }
    return target;
  }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* A value as a message shows it: JSON writes 1e999 as "null". */
  function describe(value) {
    if (typeof value === "number" && !isFinite(value)) return "a number too big to use";
    var text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
  }

  /* Deeper than MAX_DEPTH: the browser's storage cannot copy it. */
  function tooDeep(value) {
    var stack = [[value, 0]];
    while (stack.length) {
      var item = stack.pop(), node = item[0];
      if (node === null || typeof node !== "object") continue;
      if (item[1] >= MAX_DEPTH) return true;
      Object.keys(node).forEach(function (key) { stack.push([node[key], item[1] + 1]); });
    }
    return false;
  }

  /* UTF-8 bytes of a text, as a file saves it. */
  function utf8Length(text) {
    var bytes = text.length;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00) { bytes += 2; i++; } // a pair of 2 units: 4 bytes
      else if (code >= 0x800) bytes += 2;
      else if (code >= 0x80) bytes += 1;
    }
    return bytes;
  }

  /* MIGRATIONS[n] takes a backup of version n to version n + 1. Applied in
   * order on load (what is stored) and on import (a backup file). Keep
   * tests/fixtures/symptom-log/backup-vN.json for every version N. */
  /* A copy of BACKUP whose entries each have KEY, null where it was missing. Anything but a
   * list of entries is left for parseBackup to refuse by name. */
  function withEntryField(backup, key) {
    var next = copyFields({}, backup);
    if (Array.isArray(backup.entries)) {
      next.entries = backup.entries.map(function (entry) {
        if (entry === null || typeof entry !== "object" || has(entry, key)) return entry;
        return define(copyFields({}, entry), key, null);
      });
    }
    return next;
  }
  var MIGRATIONS = {
    // 1 to 2: no entry said whether its signs came on suddenly, and no GP visit was noted.
    1: function (backup) {
      var next = withEntryField(backup, "sudden");
      if (!has(next, "gp_visits")) next.gp_visits = [];
      return next;
    },
    // 2 to 3: no entry said which side it was on, and no start date of the twitching was noted.
    2: function (backup) {
      var next = withEntryField(backup, "side");
      if (!has(next, "twitching_started")) next.twitching_started = null;
      return next;
    },
    // 3 to 4: every time was one the reader gave (or "now"), so none is approximate.
    3: function (backup) {
      return withEntryField(backup, "when_approx");
    },
    // 4 to 5: nothing to change. "weak-or-stiff" stays as ticked: turning it into "weak" would
    // say the reader reported weakness (and make a sudden one the emergency), "stiff" would drop it.
    4: function (backup) {
      return copyFields({}, backup);
    }
  };

  function migrate(backup, migrations, target) {
    migrations = migrations || MIGRATIONS;
    target = target || VERSION;
    var current = backup;
    while (current.version < target) {
      var step = migrations[current.version];
      if (typeof step !== "function") {
        throw new Error("No migration from backup version " + current.version);
      }
      current = step(current);
      current.version = (current.version || 0) + 1;
    }
    return current;
  }

  /* --- Dates ------------------------------------------------------------ */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"];
  var LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,3})?)?$/;
  var LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function realDate(y, m, d) {
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
  }
  function isLocalDateTime(text) {
    var m = typeof text === "string" && LOCAL_DATE_TIME.exec(text);
    return !!m && realDate(m[1], m[2], m[3]) && +m[4] < 24 && +m[5] < 60 && (!m[7] || +m[7] < 60);
  }
  function isDate(text) {
    var m = typeof text === "string" && LOCAL_DATE.exec(text);
    return !!m && realDate(m[1], m[2], m[3]);
  }
  /* Days since 1970 for "YYYY-MM-DD...": calendar days, no time zone. */
  function dayNumber(text) {
    return Math.round(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / 864e5);
  }
  function dateOfDay(number) {
    return new Date(number * 864e5).toISOString().slice(0, 10);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localNow(date) {
    date = date || new Date();
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }
  /* The time a quick choice of the entry form stands for, here and NOW:
   * "now"; "earlier-today", an hour before, on the hour; "last-night", 3 am
   * today, or the hour now if it is not yet 3 am. An hour before would fall in
   * the night (before 3 am), so "earlier today" then means the reader's day
   * before the night: 23:00 the day before. The two never stand for one time.
   * The form shows it, for the reader to change. */
  var NIGHT_ENDS = 3; // "last night" is stored at this hour
  function quickTime(choice, now) {
    now = now || new Date();
    var at = new Date(now.getTime());
    if (choice === "earlier-today") {
      if (now.getHours() - 1 >= NIGHT_ENDS) at.setHours(now.getHours() - 1, 0, 0, 0);
      else at.setDate(at.getDate() - 1), at.setHours(23, 0, 0, 0);
    }
    if (choice === "last-night") at.setHours(Math.min(now.getHours(), NIGHT_ENDS), 0, 0, 0);
    return localNow(at);
  }
  /* "1 March 2026", as the site writes dates. */
  function readableDate(text) {
    return +text.slice(8, 10) + " " + MONTHS[+text.slice(5, 7) - 1] + " " + text.slice(0, 4);
  }
  function readableDateTime(text) {
    return readableDate(text) + ", " + text.slice(11, 16);
  }
  /* "6 to 7 December", the night before the date TEXT ("6 to 7 Dec" when SHORT). */
  function nightBefore(text, short) {
    var before = dateOfDay(dayNumber(text) - 1), month = function (t) {
      var name = MONTHS[+t.slice(5, 7) - 1];
      return short ? name.slice(0, 3) : name;
    };
    var same = before.slice(5, 7) === text.slice(5, 7);
    return +before.slice(8, 10) + (same ? "" : " " + month(before)) + " to " + +text.slice(8, 10) + " " + month(text);
  }
  /* When an entry started, in the words the reader chose: a quick time that
   * gave no clock time is never shown as one. */
  function entryTime(entry) {
    if (entry.when_approx === "last-night") return readableDate(entry.when) + ", during the night";
    if (entry.when_approx === "earlier-today") return "earlier on " + readableDate(entry.when);
    return readableDateTime(entry.when);
  }

  /* --- Checking entries and days ------------------------------------------ */
  function oneOf(list) { return list.join(", "); }
  function isWhole(n) { return typeof n === "number" && isFinite(n) && Math.floor(n) === n; }

  /* What is wrong with one entry, in plain words ([] when nothing). */
  function entryProblems(entry) {
    var problems = [];
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      return ["it is not a list of fields."];
    }
    if (typeof entry.id !== "string" || !entry.id.trim()) problems.push("it has no id (a name that tells entries apart).");
    if (!isLocalDateTime(entry.when)) {
      problems.push('its date and time ("when") is ' + describe(entry.when) +
                    ", not a date and time like 2026-03-01T14:30.");
    }
    if (KINDS.indexOf(entry.kind) < 0) problems.push("its kind is " + describe(entry.kind) + "; it must be " + oneOf(KINDS) + ".");
    if (typeof entry.area !== "string" || !entry.area.trim()) problems.push("it has no body area.");
    if (entry.duration != null && DURATIONS.indexOf(entry.duration) < 0) {
      problems.push('how long it lasted ("duration") is ' + describe(entry.duration) + "; it must be " + oneOf(DURATIONS) + " or null.");
    }
    if (entry.frequency != null && FREQUENCIES.indexOf(entry.frequency) < 0) {
      problems.push('how often ("frequency") is ' + describe(entry.frequency) + "; it must be " + oneOf(FREQUENCIES) + " or null.");
    }
    if (entry.pain != null && !(isWhole(entry.pain) && entry.pain >= 0 && entry.pain <= 10)) {
      problems.push("its pain score is " + describe(entry.pain) + "; it must be a whole number from 0 to 10, or null.");
    }
    if (entry.signs != null) {
      if (!Array.isArray(entry.signs)) {
        problems.push('its warning signs ("signs") are not a list.');
      } else {
        entry.signs.forEach(function (sign) {
          if (SIGNS.indexOf(sign) < 0) problems.push("it has a warning sign this page does not know: " + describe(sign) + ".");
        });
      }
    }
    if (entry.disturbed_sleep != null && typeof entry.disturbed_sleep !== "boolean") {
      problems.push('whether a cramp woke you ("disturbed_sleep") is ' + describe(entry.disturbed_sleep) + "; it must be true, false or null.");
    }
    if (entry.notes != null && typeof entry.notes !== "string") problems.push("its notes are not text.");
    if (entry.sudden != null && typeof entry.sudden !== "boolean") {
      problems.push('whether its signs came on suddenly ("sudden") is ' + describe(entry.sudden) + "; it must be true, false or null.");
    }
    if (entry.side != null && SIDES.indexOf(entry.side) < 0) {
      problems.push('its side ("side") is ' + describe(entry.side) + "; it must be " + oneOf(SIDES) + " or null.");
    }
    if (entry.when_approx != null && WHEN_APPROX.indexOf(entry.when_approx) < 0) {
      problems.push('its rough time ("when_approx") is ' + describe(entry.when_approx) + "; it must be " + oneOf(WHEN_APPROX) + " or null.");
    }
    if (tooDeep(entry)) problems.push("a field is nested more than " + MAX_DEPTH + " levels deep, so this browser cannot store it.");
    return problems;
  }

  function dayProblems(day) {
    var problems = [];
    if (day === null || typeof day !== "object" || Array.isArray(day)) return ["it is not a list of fields."];
    if (!isDate(day.date)) problems.push("its date is " + describe(day.date) + ", not a date like 2026-03-01.");
    if (day.sleep_hours != null && !(typeof day.sleep_hours === "number" && day.sleep_hours >= 0 && day.sleep_hours <= 24)) {
      problems.push("its hours slept are " + describe(day.sleep_hours) + "; they must be a number from 0 to 24, or null.");
    }
    if (day.caffeine != null && !(isWhole(day.caffeine) && day.caffeine >= 0)) {
      problems.push("its caffeine drinks are " + describe(day.caffeine) + "; they must be a whole number, or null.");
    }
    if (day.stress != null && STRESS.indexOf(day.stress) < 0) {
      problems.push("its stress is " + describe(day.stress) + "; it must be " + oneOf(STRESS) + " or null.");
    }
    if (day.medicine_change != null && typeof day.medicine_change !== "string") problems.push("its medicine change is not text.");
    if (tooDeep(day)) problems.push("a field is nested more than " + MAX_DEPTH + " levels deep, so this browser cannot store it.");
    return problems;
  }

  /* A copy with every field of the format present; unknown fields kept. */
  function normalEntry(entry) {
    var copy = copyFields({}, entry);
    copy.duration = entry.duration == null ? null : entry.duration;
    copy.frequency = entry.frequency == null ? null : entry.frequency;
    copy.pain = entry.pain == null ? null : entry.pain;
    copy.signs = Array.isArray(entry.signs) ? entry.signs.filter(function (s, i, all) { return all.indexOf(s) === i; }) : [];
    copy.disturbed_sleep = entry.disturbed_sleep == null ? null : entry.disturbed_sleep;
    copy.notes = entry.notes == null ? "" : entry.notes;
    copy.sudden = entry.sudden == null ? null : entry.sudden;
    copy.side = entry.side == null ? null : entry.side;
    copy.when_approx = entry.when_approx == null ? null : entry.when_approx;
    return copy;
  }
  function normalDay(day) {
    var copy = copyFields({}, day);
    ["sleep_hours", "caffeine", "stress", "medicine_change"].forEach(function (key) {
      copy[key] = day[key] == null ? null : day[key];
    });
    return copy;
  }

  /* --- Backup files (reading one is in symptom-log-files.js) ------------- */
  var MAX_LISTED = 8; // more problems than this are counted, not listed

  /* The top-level fields of the format; any other is kept as it came (meta.extra). */
  var TOP_FIELDS = ["format", "version", "exported", "entries", "days", "gp_visits", "twitching_started"];

  /* The day the reader says their twitching started: a date like 2026-03-01, or null. */
  function startProblems(date) {
    if (date == null || isDate(date)) return [];
    return ['The date your twitching started ("twitching_started") is ' + describe(date) + ", not a date like 2026-03-01."];
  }

  /* The earlier of two start dates, either of which may be null: an import never moves it later. */
  function earlierStart(a, b) {
    if (a == null) return b == null ? null : b;
    return b == null || a <= b ? a : b;
  }

  function megabytes(bytes) { return Math.round(bytes / 1024 / 1024 * 10) / 10 + " MB"; }

  /* The dates the reader saw a GP about it: a list of dates like 2026-03-01. */
  function gpVisitProblems(visits) {
    if (visits == null) return [];
    if (!Array.isArray(visits)) return ['The file\'s GP visits ("gp_visits") are not a list of dates.'];
    return visits.filter(function (date) { return !isDate(date); }).slice(0, MAX_LISTED).map(function (date) {
      return 'A GP visit ("gp_visits") is dated ' + describe(date) + ", not a date like 2026-03-01.";
    });
  }
  function normalVisits(visits) {
    var dates = (visits || []).slice().sort();
    return dates.filter(function (date, i) { return date !== dates[i - 1]; }); // sorted: a repeat is next to its twin
  }

  function makeBackup(entries, days, extra, now, visits, started) {
    var backup = copyFields({}, extra);
    backup.format = FORMAT;
    backup.version = VERSION;
    backup.exported = (now || new Date()).toISOString();
    backup.entries = sortByWhen(entries.slice());
    backup.days = days.slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    backup.gp_visits = normalVisits(visits);
    backup.twitching_started = started == null ? null : started;
    return backup;
  }

  function sortByWhen(entries) {
    return entries.sort(function (a, b) { return a.when < b.when ? -1 : a.when > b.when ? 1 : (a.id < b.id ? -1 : 1); });
  }

  /* --- Changing an entry ---------------------------------------------------
   * mergeEdit(original, shown, mine, current): the entry to store when the
   * reader saves a change. original is the stored entry when they pressed
   * Change, shown the form's fields as it was filled in, mine the form's
   * fields now, current the stored entry now (undefined: it was deleted).
   * Only the fields the reader changed are written, so an unchanged time
   * keeps its seconds and unchanged notes their line ends, and a field
   * another tab changed meanwhile is kept. A field both changed is a
   * conflict, for the reader to settle. */
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function mergeEdit(original, shown, mine, current) {
    if (!current) return {gone: true, changed: [], conflicts: [], entry: null};
    var changed = Object.keys(mine).filter(function (key) { return !same(mine[key], shown[key]); });
    var conflicts = changed.filter(function (key) {
      return !same(current[key], original[key]) && !same(current[key], mine[key]);
    });
    var entry = copyFields({}, current);
    changed.forEach(function (key) { define(entry, key, mine[key]); });
    return {gone: false, changed: changed, conflicts: conflicts, entry: entry};
  }

  /* --- The log's size ----------------------------------------------------------
   * Measured as its backup file without spaces, in UTF-8, so "fits" means
   * "a backup of it loads back here" (MAX_BYTES). */
  function backupBytes(entries, days, extra, visits, started) {
    return utf8Length(JSON.stringify(copyFields({}, extra, {format: FORMAT, version: VERSION,
      exported: new Date(0).toISOString(), entries: entries, days: days, gp_visits: visits || [],
      twitching_started: started == null ? null : started})));
  }
  function recordBytes(record) { return utf8Length(JSON.stringify(record)) + 1; } // and its comma
  function fits(bytes) { return bytes <= MAX_BYTES; }
  function nearlyFull(bytes) { return bytes >= MAX_BYTES * NEARLY_FULL; }

  /* Later than this minute, here: typed by mistake, or made where the clock is ahead. */
  function isAfterNow(when, now) { return when.slice(0, 16) > localNow(now); }

  root.SymptomLogFormat = {
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, MAX_DEPTH: MAX_DEPTH, NOTHING_CHANGED: NOTHING_CHANGED,
    KINDS: KINDS, DURATIONS: DURATIONS, FREQUENCIES: FREQUENCIES, SIGNS: SIGNS, STRESS: STRESS, SIDES: SIDES, WORDS: WORDS,
    WHEN_APPROX: WHEN_APPROX, entryTime: entryTime, nightBefore: nightBefore,
    TOP_FIELDS: TOP_FIELDS, startProblems: startProblems, earlierStart: earlierStart,
    MIGRATIONS: MIGRATIONS, migrate: migrate,
    entryProblems: entryProblems, dayProblems: dayProblems, normalEntry: normalEntry, normalDay: normalDay,
    MAX_LISTED: MAX_LISTED, isWhole: isWhole, makeBackup: makeBackup, sortByWhen: sortByWhen,
    define: define, copyFields: copyFields, describe: describe, tooDeep: tooDeep, utf8Length: utf8Length,
    mergeEdit: mergeEdit, backupBytes: backupBytes, recordBytes: recordBytes, fits: fits, nearlyFull: nearlyFull,
    megabytes: megabytes, isAfterNow: isAfterNow,
    gpVisitProblems: gpVisitProblems, normalVisits: normalVisits,
    isLocalDateTime: isLocalDateTime, isDate: isDate, dayNumber: dayNumber, dateOfDay: dateOfDay,
    localNow: localNow, quickTime: quickTime, readableDate: readableDate, readableDateTime: readableDateTime
  };
})(window);
