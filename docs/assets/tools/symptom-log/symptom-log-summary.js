/*
 * The symptom log's summary sheet for the GP: the printed notices, the facts, the
 * day answers, the chart and its table. Adds its methods to SymptomLog.prototype
 * (symptom-log.js).
 */
(function (SymptomLog) {
  "use strict";

  var F = window.SymptomLogFormat, N = window.SymptomLogNotices, M = window.SymptomLogMessages, S = SymptomLog.shared;
  var el = S.el, today = S.today, firstTwitch = S.firstTwitch, sideWords = S.sideWords, suddenRule = S.suddenRule;
  var message = S.message;

  var PLACES_NAMED = 3; // a twitch notice on paper names up to this many more places; more are counted
  var NOTICES_AT_FULL_SIZE = 6; // more notices than this give each source once, by number, to save room
  var NOTICES_AT_BODY_SIZE = 10; // more than this (a long log with nearly every sign) print smaller, to keep one sheet

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
    // A tick no source names: its kind and place, so the GP need not hunt for it in the entries.
    if (notice.id === "not-named") return items.slice(0, cut).join("; ") + "; and " + plural(more, "more", "more");
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
    var box = el("div", "symptom-log__printed-notices" + (many ? " symptom-log__printed-notices--many" : "") +
      (result.shown.length > NOTICES_AT_BODY_SIZE ? " symptom-log__printed-notices--crowded" : ""));
    box.setAttribute("data-part", "printed-notices");
    box.appendChild(el("h3", null, message("printed_title")));
    // Said only where the summary's period starts later than the log: then the notices' dates
    // reach back before it, and the GP is told that earlier entries are named only here.
    var cover = since && since < from && (result.shown.length || result.earlier.length || (result.since || []).length)
      ? " " + message("printed_cover", {since: F.readableDate(since), from: F.readableDate(from)}) : "";
    if (result.visit) {
      box.appendChild(el("p", null, message("printed_seen", {date: F.readableDate(result.visit)}) + cover + " " +
        (result.shown.length ? message("printed_new_since") : message("printed_nothing_new"))));
    } else if (result.shown.length && cover) {
      box.appendChild(el("p", null, cover.trim()));
    }
    if (!result.shown.length && !result.visit) box.appendChild(el("p", null, message("printed_checked")));
    result.shown.forEach(function (notice) {
      var line = el("p", "symptom-log__printed-notice");
      line.setAttribute("data-notice", notice.id);
      line.setAttribute("data-level", notice.level);
      line.appendChild(el("strong", null, notice.levelWords + ": " + notice.label + ":"));
      // "New since then" is said once, above; a line adds only what is new when that is not the whole line.
      var news = newOnPaper(notice);
      line.appendChild(document.createTextNode(" " + paperDetail(notice) + "." +
        (news.length ? " " + message("printed_new", {list: news.join(", ")}) : "") +
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
      box.appendChild(el("p", null, message("printed_sources", {list: sources.map(function (title, i) { return "[" + (i + 1) + "] " + title; }).join("; ")})));
    }
    if (result.earlier.length) {
      box.appendChild(el("p", null, message("printed_earlier", {list: result.earlier.map(function (n) {
        return n.label + " (" + N.span(n) + ")";
      }).join("; ")})));
    }
    if ((result.since || []).length) {
      box.appendChild(el("p", null, message("printed_since_visit", {list: N.sinceWords(result.since)})));
    }
    return box;
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

  /* "Right: 7, left: 2, no side given: 4" (in brackets, "left 3, right 1"): the sides in COUNTS. */
  function sideList(counts, inBrackets) {
    var text = counts.map(function (c) {
      return (c.name ? sideWords(c.name) : "no side given") + (inBrackets ? " " : ": ") + c.count;
    }).join(", ");
    return inBrackets ? text : text.charAt(0).toUpperCase() + text.slice(1);
  }

  /* A day question's numbers: "From 4 to 7.5 h; middle value (median) 5 h (3 nights)": a GP
   * reads "median", a reader "middle value", and either can check it against the nights listed;
   * one number alone, "6 (1 entry)". */
  function spreadWords(spread, unit, days) {
    var count = " (" + plural(spread.count, days[0], days[1]) + ")";
    if (spread.count === 1) return spread.low + unit + count;
    if (spread.low === spread.high) return "All " + spread.low + unit + count;
    return "From " + spread.low + " to " + spread.high + unit + "; middle value (median) " + spread.middle + unit + count;
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
    var body = el("tbody"), first = F.dayNumber(s.from), last = first + s.perDay.length - 1;
    var monday = first - (first + 3) % 7; // 1 Jan 1970 was a Thursday: (n + 3) % 7 is 0 on a Monday
    var quiet = function (start) { // a week with no entry and no hours slept in the period
      for (var n = start; n < start + 7; n++) {
        var day = s.perDay[n - first];
        if (day && (day.count || day.sleep != null)) return false;
      }
      return true;
    };
    for (var start = monday; start <= last; start += 7) {
      // Weeks in a row with nothing in them are one line, "7 Sep to 9 Nov: no entries", so the sheet
      // is not filled with rows of zeros.
      var end = start;
      while (end + 7 <= last && quiet(end) && quiet(end + 7)) end += 7;
      if (end > start) {
        row = el("tr", "symptom-log__week-quiet");
        var weeks = el("th", null, shortDate(F.dateOfDay(Math.max(start, first))) + " to " + shortDate(F.dateOfDay(Math.min(end + 6, last))));
        weeks.scope = "row";
        row.appendChild(weeks);
        var none = el("td", null, "No entries");
        none.colSpan = 7;
        row.appendChild(none);
        body.appendChild(row);
        start = end;
        continue;
      }
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
})(window.SymptomLog);
