/*
 * The summary's figures for the appointment (summarise): only the summary sheet
 * (symptom-log-summary.js) needs them, so they come with the log's second bundle
 * (./scripts/bundle-log) and add SUMMARY_LIMITS and summarise to
 * window.SymptomLogFormat (symptom-log-format.js, whose rules they use).
 */
(function (F) {
  "use strict";

  var KINDS = F.KINDS, SIGNS = F.SIGNS, STRESS = F.STRESS;
  var dateOfDay = F.dateOfDay, dayNumber = F.dayNumber, sortByWhen = F.sortByWhen;

  function countBy(list, key) {
    var counts = new Map();
    list.forEach(function (item) { var k = key(item); counts.set(k, (counts.get(k) || 0) + 1); });
    return Array.from(counts, function (pair) { return {name: pair[0], count: pair[1]}; })
      .sort(function (a, b) { return b.count - a.count || (a.name < b.name ? -1 : 1); });
  }
  function areaName(entry) { return entry.area.trim().toLowerCase(); }

  /* The dates of these entries, each once, in order. */
  function datesOf(list) {
    var dates = list.map(function (e) { return e.when.slice(0, 10); }).sort();
    return dates.filter(function (d, i) { return d !== dates[i - 1]; }); // sorted: a repeat is next to its twin
  }

  /* How long the summary may get and still print on one sheet with its chart
   * (tests/test_symptom_log_print.py): over dailyChartDays days it is charted
   * by month, and a longer list is cut short (a notice on paper names its
   * first noticeItems places or entries, and the first medicines medicine changes, each in
   * medicineChars characters).
   * The entries list keeps it all. */
  var SUMMARY_LIMITS = {dailyChartDays: 91, areas: 10, noticeItems: 1, medicines: 3, medicineChars: 60};

  /* summarise(entries, days, fromDate, toDate): what the summary shows. */
  function summarise(entries, days, from, to) {
    var inRange = sortByWhen(entries.filter(function (e) {
      var date = e.when.slice(0, 10);
      return date >= from && date <= to;
    }));
    var twitches = sortByWhen(entries.filter(function (e) { return e.kind === "twitch"; }));
    var pains = inRange.filter(function (e) { return e.pain != null; }).map(function (e) { return e.pain; });
    var sleep = new Map();
    days.forEach(function (day) { sleep.set(day.date, day.sleep_hours); });
    var perDay = [];
    for (var n = dayNumber(from); n <= dayNumber(to); n++) {
      perDay.push({date: dateOfDay(n), count: 0, sleep: null});
    }
    var start = dayNumber(from);
    inRange.forEach(function (e) { perDay[dayNumber(e.when) - start].count += 1; });
    perDay.forEach(function (day) { day.sleep = sleep.get(day.date) == null ? null : sleep.get(day.date); });
    var signs = SIGNS.map(function (sign) {
      return {sign: sign, dates: datesOf(inRange.filter(function (e) { return e.signs.indexOf(sign) >= 0; }))};
    }).filter(function (s) { return s.dates.length; });
    // Months, for a long period: entries, and the average of the nights slept that were noted.
    var perMonth = [], months = new Map();
    perDay.forEach(function (day) {
      var key = day.date.slice(0, 7), month = months.get(key);
      if (!month) {
        months.set(key, month = {date: key + "-01", count: 0, sleep: null, slept: 0, nights: 0});
        perMonth.push(month);
      }
      month.count += day.count;
      if (day.sleep != null) { month.slept += day.sleep; month.nights += 1; }
    });
    perMonth.forEach(function (month) { if (month.nights) month.sleep = Math.round(month.slept / month.nights * 10) / 10; });
    return {
      from: from, to: to, entries: inRange,
      first: inRange.length ? inRange[0].when.slice(0, 10) : null,
      last: inRange.length ? inRange[inRange.length - 1].when.slice(0, 10) : null,
      firstTwitch: twitches.length ? twitches[0].when.slice(0, 10) : null,
      byKind: KINDS.map(function (kind) {
        return {name: kind, count: inRange.filter(function (e) { return e.kind === kind; }).length};
      }),
      byArea: countBy(inRange, areaName).map(function (area) {
        area.sides = sideCounts(inRange.filter(function (e) { return areaName(e) === area.name; }), true);
        return area;
      }),
      daysWithEntries: perDay.filter(function (d) { return d.count; }).length,
      pain: spread(pains),
      signs: signs,
      perDay: perDay,
      perMonth: perDay.length > SUMMARY_LIMITS.dailyChartDays ? perMonth : null,
      bySide: sideCounts(inRange),
      dayAnswers: dayAnswers(days, from, to)
    };
  }

  /* Lowest, highest and middle of some numbers, or null when there are none. */
  function spread(numbers) {
    if (!numbers.length) return null;
    var sorted = numbers.slice().sort(function (a, b) { return a - b; }), half = Math.floor(sorted.length / 2);
    var middle = sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    return {low: sorted[0], high: sorted[sorted.length - 1], middle: Math.round(middle * 10) / 10, count: sorted.length};
  }

  /* How many entries name each side ("side": left, right, both), and (unless NAMED_ONLY)
   * how many name none (name null). [] when no entry names one, so a log without sides
   * prints nothing about them. */
  function sideCounts(list, namedOnly) {
    var named = list.filter(function (e) { return typeof e.side === "string" && e.side; });
    if (!named.length) return [];
    var counts = countBy(named, function (e) { return e.side; });
    if (!namedOnly && named.length < list.length) counts.push({name: null, count: list.length - named.length});
    return counts;
  }

  /* The day questions answered between FROM and TO: hours slept, caffeine drinks,
   * stress and medicine changes, for the summary (nothing listed for one never answered). */
  function dayAnswers(days, from, to) {
    var inRange = days.filter(function (d) { return d.date >= from && d.date <= to; });
    var numbers = function (key) {
      return inRange.filter(function (d) { return typeof d[key] === "number"; }).map(function (d) { return d[key]; });
    };
    var stress = STRESS.map(function (level) {
      return {name: level, count: inRange.filter(function (d) { return d.stress === level; }).length};
    }).filter(function (s) { return s.count; });
    var medicines = inRange.filter(function (d) { return typeof d.medicine_change === "string" && d.medicine_change.trim(); })
      .map(function (d) { return {date: d.date, text: d.medicine_change.trim()}; })
      .sort(function (a, b) { return a.date < b.date ? -1 : 1; });
    return {sleep: spread(numbers("sleep_hours")), caffeine: spread(numbers("caffeine")), stress: stress, medicines: medicines};
  }

  F.SUMMARY_LIMITS = SUMMARY_LIMITS;
  F.summarise = summarise;
})(window.SymptomLogFormat);
