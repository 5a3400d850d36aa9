/*
 * The symptom log's notices: where the reader's own entries meet a sign in
 * the care rules (docs/assets/tools/care-rules/care-rules.json, put into the
 * bundle as window.SymptomLogCareRules by ./scripts/bundle-log). Every word
 * of advice, every level, source and link comes from those rules; this file
 * only decides which entries meet which sign, and what a GP has already seen.
 *
 * notices(entries, visits, rules, today) gives {visit, shown, earlier}:
 *   visit    the last date on or before TODAY the reader saw a GP about it
 *            ("YYYY-MM-DD"), or null;
 *   shown    the notices to show now, each naming its entries and dates and
 *            quoting its rule with its source;
 *   earlier  the notices the entries up to the visit already met: the GP
 *            could see them. They stay out of "shown" until something new
 *            appears after that date (a sign not met before it, a sign that
 *            came on suddenly), as the care rules' gp_rule says. A sign first
 *            met after the visit is new, even in a place that twitched before it;
 *   since    the "see a GP once" notices (gp_rule.once: 2 weeks in one place,
 *            more than one place) that have something new since the visit,
 *            each with newSince: for the reader's records and next
 *            appointment, never a reason to go back (gp_rule: a new sign is).
 * A place is an area and its side (placeOf): a left calf and a right calf are
 * two places, never one place "for more than 2 weeks". A twitch with no side
 * given, in an area also logged with a side, is named "Calf (side not given)".
 * It is most likely one of those sided places, so it never counts as one more
 * place, nor as a place new since a GP visit; and a sided place is not new
 * where the GP saw that area with no side. It is still a place of its own for
 * "more than 2 weeks": no span is made from two places that may differ.
 * The reader ticks the care rules' log_signs. Each names the care-rule sign it
 * meets for a twitch, a spasm or a cramp, or none, and the notice then says no
 * source names it (no level, no source). Only a tick with an "if_sudden" is
 * the emergency when "came on suddenly" is ticked: weakness, a change of
 * feeling, or trouble speaking, never stiffness. A notice names the tick and,
 * where it differs, the rule it met, so nothing reads as a symptom the reader
 * did not report.
 * An entry dated after TODAY (typed wrong, or saved where the clock was
 * ahead) still brings its signs and its place, said to be dated after
 * today; it never makes a span ("more than 2 weeks") or a date that reads
 * as if it had happened. Places are keyed in a Map: an area is the
 * reader's text, and "__proto__" or "constructor" is a place like any other.
 * Entries are in backup format (symptom-log-format.js). No page here: the
 * tests in tests/js call it directly.
 */
(function (root) {
  "use strict";

  var F = root.SymptomLogFormat;
  var TWO_WEEKS = 14; // first to last twitch in one place more than this many days apart: "more than 2 weeks"
  var ITEMS_SHOWN = 4; // a notice lists this many places or entries, then says how many more
  var NOT_NAMED = "Not named in the sources"; // the level words of a sign no source names
  // The order a reader and a GP read the notices in: the most urgent first, then the sign no source names.
  var LEVEL_ORDER = ["emergency", "urgent", "gp", "doctor", "none"];
  // Words that tie a rule's sentence to twitches or to legs: said only where the entries are that.
  var SAYS_TWITCH = /twitch/i;
  var SAYS_LEGS = /\byour legs\b/i; // "your arms or legs" is any limb
  var LEG_AREA = /\b(legs?|thighs?|calf|calves|knees?|shins?|ankles?|foot|feet|toes?|heels?)\b/i;

  function dateOf(entry) { return entry.when.slice(0, 10); }
  function isLater(entry, today) { return dateOf(entry) > today; }
  function laterWords(dates) { return "dated after today (" + listDates(dates) + ")"; }
  /* A place is an area and its side: a left calf and a right calf are two places, and "both
   * sides" is a place of its own. No side given is a place of its own too, so no span of 2 weeks
   * is made from two legs; where the area is also logged with a side it is "covered" (twitchPlaces). */
  function areaOf(entry) { return entry.area.trim().toLowerCase(); }
  function placeOf(entry) { return areaOf(entry) + "|" + (entry.side || ""); }
  /* The areas these entries give a side for: an entry with no side in one of them is
   * "Calf (side not given)". */
  function sidedAreas(entries) {
    return new Set(entries.filter(function (e) { return e.side; }).map(areaOf));
  }
  /* "Calf (left side)": the area as the reader typed it, with its side. SIDED (sidedAreas) names
   * "Calf (side not given)" where the same area is logged with a side. */
  function placeName(entry, sided) {
    if (!entry.side) return entry.area.trim() + (sided && sided.has(areaOf(entry)) ? " (side not given)" : "");
    return entry.area.trim() + " (" + (F.WORDS.side[entry.side] || entry.side).toLowerCase() + ")";
  }
  function isLegArea(entry) { return LEG_AREA.test(entry.area); }
  function unique(list) { return list.filter(function (item, i) { return list.indexOf(item) === i; }); }
  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  /* "1 March 2026, 2 March 2026 and 5 March 2026"; a long list ends "and 9 more, the last on ...". */
  function listDates(dates) {
    dates = unique(dates.slice().sort());
    var shown = dates.slice(0, 3).map(F.readableDate);
    if (dates.length > 3) {
      return shown.join(", ") + " and " + (dates.length - 3) + " more, the last on " + F.readableDate(dates[dates.length - 1]);
    }
    return shown.length === 1 ? shown[0] : shown.slice(0, -1).join(", ") + " and " + shown[shown.length - 1];
  }

  /* One line per kind and place: "Cramp, Arm or hand: 3 March 2026 and 5 March 2026". */
  function entryLines(entries, today) {
    var groups = [], byKey = new Map(), sided = sidedAreas(entries);
    F.sortByWhen(entries.slice()).forEach(function (entry) {
      var key = entry.kind + "|" + placeOf(entry);
      if (!byKey.has(key)) groups.push(byKey.set(key, {entry: entry, dates: [], later: []}).get(key));
      byKey.get(key)[isLater(entry, today) ? "later" : "dates"].push(dateOf(entry));
    });
    return groups.map(function (group) {
      var entry = group.entry, count = group.dates.length + group.later.length;
      var when = (group.dates.length ? [listDates(group.dates)] : []).concat(group.later.length ? [laterWords(group.later)] : []);
      return F.WORDS.kind[entry.kind] + ", " + placeName(entry, sided) + ": " +
        (count > 1 ? plural(count, "entry", "entries") + ", " : "") + when.join("; and ");
    });
  }

  /* Places, each with its twitches: "Calf (left side): 4 twitches, 1 March 2026 to 16 March 2026 (15 days)". */
  function placeLines(places) {
    return places.map(function (place) {
      var line = place.name + ": ", past = place.past;
      if (past.length) {
        var first = dateOf(past[0]), last = dateOf(past[past.length - 1]);
        var days = F.dayNumber(last) - F.dayNumber(first);
        line += plural(past.length, "twitch", "twitches") + ", " +
          (days ? F.readableDate(first) + " to " + F.readableDate(last) + " (" + plural(days, "day", "days") + " apart)"
                : F.readableDate(first));
      }
      if (place.later.length) {
        line += (past.length ? "; and " : "") + plural(place.later.length, "twitch", "twitches") + " " +
          laterWords(place.later.map(dateOf));
      }
      return line;
    });
  }

  /* The dates of a notice's entries in a few words: "1 March 2026 to 16 March 2026",
   * then those dated after today, said to be. A notice seen at a GP visit (seenUpTo) gives
   * the dates up to the visit, then says it was logged again after it: a date after the
   * visit never reads as seen at it. */
  function span(notice) {
    var upTo = notice.seenUpTo, words = [];
    var dates = upTo ? notice.dates.filter(function (d) { return d <= upTo; }) : notice.dates;
    var after = upTo ? notice.dates.filter(function (d) { return d > upTo; }) : [];
    if (dates.length) {
      var first = F.readableDate(dates[0]), last = F.readableDate(dates[dates.length - 1]);
      words.push(first === last ? first : first + " to " + last);
    }
    if (after.length) words.push("logged again after the visit, the last on " + F.readableDate(after[after.length - 1]));
    if (notice.laterDates.length) words.push(laterWords(notice.laterDates));
    return words.join("; and ");
  }

  /* Twitches by place, in the order first logged; each place's twitches up to
   * TODAY (past) and after it (later). A place with no side whose area these twitches also
   * give a side for is "covered": it is not counted as one more place. */
  function twitchPlaces(entries, today) {
    var places = [], byName = new Map();
    var twitches = entries.filter(function (e) { return e.kind === "twitch"; }), sided = sidedAreas(twitches);
    F.sortByWhen(twitches).forEach(function (entry) {
      var key = placeOf(entry);
      if (!byName.has(key)) {
        places.push(byName.set(key, {key: key, name: placeName(entry, sided), entries: [], past: [], later: [],
                                     covered: !entry.side && sided.has(areaOf(entry))}).get(key));
      }
      var place = byName.get(key);
      place.entries.push(entry);
      place[isLater(entry, today) ? "later" : "past"].push(entry);
    });
    return places;
  }

  /* --- The care rules, read once for each notice ----------------------------------- */
  function ruleBook(rules) {
    var signs = {}, cardOf = {}, ticks = {};
    rules.signs.forEach(function (sign) { signs[sign.id] = sign; });
    rules.cards.forEach(function (card) { card.signs.forEach(function (id) { cardOf[id] = card; }); });
    (rules.log_signs || []).forEach(function (tick) { ticks[tick.id] = tick; });
    return {rules: rules, signs: signs, cardOf: cardOf, ticks: ticks};
  }

  /* The rule a notice quotes: the card's own sentence, "See a GP if your cramps disturb your
   * sleep." Where that sentence speaks of twitches or legs and these entries are not that, the
   * sign's name and level instead, so a cramp in the arm is never told about twitching or legs. */
  function cardFits(book, sign, entries) {
    return Boolean(book.cardOf[sign.id]) &&
      !(SAYS_TWITCH.test(sign.text) && entries.some(function (e) { return e.kind !== "twitch"; })) &&
      !(SAYS_LEGS.test(sign.text) && !entries.every(isLegArea));
  }
  function ruleSentence(book, sign, entries) {
    // A sign that steps up to the emergency (one swollen leg, with breathlessness) says so.
    var stepUp = sign.step_up ? " " + sign.step_up : "";
    if (cardFits(book, sign, entries)) return book.cardOf[sign.id].heading + " " + sign.text + "." + stepUp;
    return sign.label + ". " + book.rules.levels[sign.level].label + "." + stepUp;
  }

  /* "if it came on gradually": the care rules' own words for a sign's gradual condition (the
   * start of gradual_rule.print), said after the level of a sign whose onset is "gradual". */
  function gradualWords(rules) { return rules.gradual_rule.print.slice(0, rules.gradual_rule.print.indexOf(".")); }

  /* A notice, with everything it says taken from the sign's rule. */
  function notice(book, signId, fields, today) {
    var rules = book.rules, sign = book.signs[signId];
    if (!sign) throw new Error("The care rules have no sign " + JSON.stringify(signId) + " (care-rules.json).");
    var level = rules.levels[sign.level], source = rules.sources[sign.source], card = book.cardOf[signId];
    var entries = fields.entries, sided = sidedAreas(entries);
    // A tick that is the emergency when sudden (or one that may be: a retired "weak or stiff")
    // holds its level only if it came on gradually; stiffness or thinner muscles hold it however.
    var gradual = fields.gradual === undefined ? Boolean(sign.if_sudden) : fields.gradual;
    var made = {
      id: signId, sign: signId, label: sign.label,
      level: sign.level, levelLabel: level.label, levelShort: level.short, action: level.action,
      // "See a GP, not urgent, if it came on gradually" only for a sign that is the emergency when
      // sudden (gradual_rule); thinner muscles or a twitch in two places hold their level however they came on.
      levelWords: level.short + (gradual ? ", " + gradualWords(rules) : ""),
      rule: fields.rule || ruleSentence(book, sign, entries),
      // The card's own sentence is shown as a quote; one built here from a label is not.
      quoted: !fields.rule && cardFits(book, sign, entries),
      source: sign.source, sourceTitle: source.title, sourceUrl: source.url,
      href: level.href || (card ? "when-to-see-a-doctor/#" + card.id : rules.gp_rule.href),
      shows: fields.shows,
      items: fields.items,
      entries: entries.map(function (e) { return e.id; }),
      dates: unique(entries.filter(function (e) { return !isLater(e, today); }).map(dateOf).sort()),
      laterDates: unique(entries.filter(function (e) { return isLater(e, today); }).map(dateOf).sort()),
      keys: fields.keys,
      entryPlaces: unique(entries.map(placeOf)).map(function (key) {
        return {key: key, name: placeName(entries.filter(function (e) { return placeOf(e) === key; })[0], sided)};
      }),
      seenUpTo: null,
      newSince: null
    };
    // A sign that is an emergency when sudden says so beside its gradual level.
    if (gradual) {
      made.sudden = {text: rules.sudden_rule.text, sourceTitle: rules.sources[rules.sudden_rule.source].title,
                     href: rules.levels.emergency.href};
    }
    // Said plainly, so a date after today is never read as something that happened.
    var later = entries.filter(function (e) { return isLater(e, today); }).length;
    if (later) {
      made.shows += " " + (later === entries.length ? (later === 1 ? "This entry is" : "These entries are")
                                                    : later + " of these entries " + (later === 1 ? "is" : "are")) +
        " dated after today: check " + (later === 1 ? "its date" : "their dates") + ".";
    }
    return made;
  }

  /* A ticked sign is keyed by sign and place: weakness in the arm after weakness in the calf seen
   * at a GP visit is a new sign (gp_rule), and is shown again. */
  function signKeys(id, entries) {
    return unique(entries.map(function (e) { return "sign:" + id + "|" + placeOf(e); }));
  }

  /* --- A ticked sign ------------------------------------------------------------- */
  /* The care rules' sign that the tick ID meets, ticked with ENTRY: the log sign's own for the
   * entry's kind ("for"), or null where no source names it with that kind. A rule that speaks of
   * legs ("in your legs") is met only by a leg or foot: a change in feeling with a cramp in the
   * arm is named by no source. A tick the rules do not know meets nothing. */
  function metBy(book, entry, id) {
    var tick = book.ticks[id], signId = tick && tick.for ? tick.for[entry.kind] : null;
    if (!signId || !book.signs[signId]) return null;
    return SAYS_LEGS.test(book.signs[signId].text) && !isLegArea(entry) ? null : signId;
  }
  /* Whether a tick is the emergency when sudden (its "if_sudden"), or may be (a retired tick
   * such as "weak or stiff", which cannot tell weakness from stiffness): such a notice says
   * "if it came on gradually" and gives the sudden rule. */
  function mentionsSudden(tick) { return Boolean(tick && (tick.if_sudden || tick.retired)); }
  function tickLabel(book, id) { return book.ticks[id] ? book.ticks[id].label : F.WORDS.sign[id] || id; }

  /* The ticks that no source names with their kind of entry (stiffness with a cramp, anything but a
   * nerve sign with a spasm), in one notice: no level and no source, said plainly. GROUPS are
   * {id, entries}, one for each tick. */
  function unnamedTicks(book, groups, today) {
    // The tick logged first comes first, so the first line (all that paper may print) has the first date.
    var first = function (g) { return F.sortByWhen(g.entries.slice())[0].when; };
    groups = groups.slice().sort(function (a, b) { return first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0; });
    var rules = book.rules, entries = [].concat.apply([], groups.map(function (g) { return g.entries; }));
    var labels = groups.map(function (g) { return "\u201c" + book.ticks[g.id].label + "\u201d"; });
    var sudden = groups.some(function (g) { return mentionsSudden(book.ticks[g.id]); });
    // "in this place" only where a source names a sign for a leg: a change of feeling with a cramp.
    var placeBound = groups.some(function (g) {
      return g.entries.some(function (e) { return book.ticks[g.id].for && book.ticks[g.id].for[e.kind]; });
    });
    // notice() needs a sign to start from: every word, level and source it gives is replaced below.
    var made = notice(book, "twitch-many-places", {
      entries: entries,
      shows: "Your log shows " + groups.map(function (g, i) {
        var kinds = unique(g.entries.map(function (e) { return "a " + F.WORDS.kind[e.kind].toLowerCase(); })).join(" or ");
        return labels[i] + " ticked with " + kinds;
      }).join(", and ") + ".",
      rule: "The sources this site uses do not say what to do about " + (groups.length === 1 ? "this sign" : "these signs") +
            " with " + (groups.length === 1 ? "this kind of entry" : "these kinds of entry") + (placeBound ? " in this place" : "") +
            ". It is on your summary, for your GP to see.",
      items: [].concat.apply([], groups.map(function (g) {
        return entryLines(g.entries, today).map(function (line) { return line + ": " + book.ticks[g.id].label; });
      })),
      keys: [].concat.apply([], groups.map(function (g) { return signKeys("none+" + g.id, g.entries); })),
      gradual: sudden
    }, today);
    made.id = "not-named";
    made.ticks = groups.map(function (g) { return g.id; });
    made.newName = labels.join(", ");
    made.sign = null;
    made.label = "Ticked, and named by no source with its kind of entry";
    made.level = "none";
    made.levelLabel = made.levelShort = NOT_NAMED;
    made.levelWords = NOT_NAMED + (sudden ? ", " + gradualWords(rules) : "");
    made.action = null;
    made.quoted = false;
    made.source = made.sourceTitle = made.sourceUrl = null;
    made.href = "when-to-see-a-doctor/";
    return made;
  }

  /* --- A sign ticked as sudden --------------------------------------------------- */
  /* The emergency notice for SUDDEN entries (those with a tick that is an emergency when sudden).
   * EARLIER (the care rules' sudden_rule.earlier) for entries dated before today: it says plainly
   * when the sign was logged as sudden, and that the emergency holds only if it is happening now. */
  function suddenNotice(book, sudden, today, earlier) {
    var suddenSign = function (entry, id) { return entry.sudden === true && Boolean(book.ticks[id] && book.ticks[id].if_sudden); };
    var emergencyIds = [];
    sudden.forEach(function (entry) {
      entry.signs.forEach(function (id) {
        var ifSudden = suddenSign(entry, id) && book.ticks[id].if_sudden;
        if (ifSudden && emergencyIds.indexOf(ifSudden) < 0) emergencyIds.push(ifSudden);
      });
    });
    var first = emergencyIds[0], suddenSided = sidedAreas(sudden), emergency = book.rules.levels.emergency;
    var dates = listDates(sudden.map(dateOf));
    var made = notice(book, first, {
      entries: sudden,
      shows: earlier ? earlier.shows.replace("{dates}", dates) : "Your log shows a sign that came on suddenly.",
      rule: earlier ? earlier.rule.replace("{action}", emergency.action)
        : book.cardOf[first].heading + " " + emergencyIds.map(function (id) { return book.signs[id].text; }).join(", or ") + ".",
      items: F.sortByWhen(sudden.slice()).map(function (e) {
        return F.WORDS.kind[e.kind] + ", " + placeName(e, suddenSided) + ", " +
          (isLater(e, today) ? "dated after today (" + F.entryTime(e) + ")" : F.entryTime(e)) + ": " +
          e.signs.filter(function (id) { return suddenSign(e, id); })
            .map(function (id) { return tickLabel(book, id); }).join(", ");
      }),
      keys: sudden.map(function (e) { return "sudden:" + e.id; })
    }, today);
    made.id = earlier ? "sudden-earlier" : "sudden";
    made.label = earlier ? earlier.label : "A sign that came on suddenly";
    if (earlier) made.levelWords = earlier.level;
    made.quoted = !earlier; // the emergency card's own heading and signs
    return made;
  }

  /* --- What the entries meet, without a visit ------------------------------------- */
  function found(entries, rules, today) {
    var book = ruleBook(rules), list = [];
    // Only a tick with an "if_sudden" (weakness, a change of feeling, speech) is the emergency when
    // "came on suddenly" is ticked. A twitch or a cramp on its own, stiffness, or a sign no source
    // calls an emergency (thinner muscles) keeps its own level.
    var suddenSign = function (entry, id) { return entry.sudden === true && Boolean(book.ticks[id] && book.ticks[id].if_sudden); };
    var sudden = entries.filter(function (e) { return e.signs.some(function (id) { return suddenSign(e, id); }); });

    // Ticked as sudden: the emergency, first. Each tick names its emergency sign. One ticked on a
    // day before today is said to be: the emergency holds only if it is happening now.
    var current = sudden.filter(function (e) { return dateOf(e) >= today; });
    var past = sudden.filter(function (e) { return dateOf(e) < today; });
    if (current.length) list.push(suddenNotice(book, current, today, null));
    if (past.length) list.push(suddenNotice(book, past, today, rules.sudden_rule.earlier));

    // Twitching in one place for more than 2 weeks, counted place by place, up to today:
    // an entry dated after today says nothing about how long it has gone on.
    var places = twitchPlaces(entries, today);
    var long = places.filter(function (place) {
      var past = place.past;
      return past.length && F.dayNumber(past[past.length - 1].when) - F.dayNumber(past[0].when) > TWO_WEEKS;
    }).map(function (place) { return {key: place.key, name: place.name, entries: place.past, past: place.past, later: []}; });
    if (long.length) {
      list.push(notice(book, "twitch-two-weeks", {
        entries: [].concat.apply([], long.map(function (p) { return p.entries; })),
        shows: "Your log shows twitching in the same place, logged on dates more than 2 weeks apart.",
        items: placeLines(long),
        // After a GP visit, this sign is seen only if the entries before the visit met it:
        // twitching in a place logged before it that only now spans 2 weeks is new (gp_rule).
        keys: long.map(function (p) { return "place:twitch-two-weeks|" + p.key; })
      }, today));
    }
    // Twitching in different places: more than one place, however far apart the dates. A place
    // with no side, in an area logged with a side, is named but not counted (covered).
    var counted = places.filter(function (p) { return !p.covered; });
    if (counted.length > 1) {
      list.push(notice(book, "twitch-many-places", {
        entries: [].concat.apply([], places.map(function (p) { return p.entries; })),
        shows: "Your log shows twitching in " + counted.length + " places" +
          (counted.length < places.length ? ", and twitching with no side given in an area logged with a side" : "") + ".",
        items: placeLines(places),
        keys: counted.map(function (p) { return "place:twitch-many-places|" + p.key; })
      }, today));
    }

    // The ticks, each at the level of the care rules' sign it meets for that kind of entry (a
    // sudden one with an "if_sudden" is the emergency above). One notice for each tick and the
    // sign it meets, which names both where they differ: "Ticked “A change or loss of feeling”
    // with a cramp; the rule it meets: Cramps with numbness or swelling in your legs".
    var ticked = [], byPair = new Map();
    F.sortByWhen(entries.slice()).forEach(function (entry) {
      entry.signs.forEach(function (id) {
        if (suddenSign(entry, id)) return;
        var pair = id + "+" + metBy(book, entry, id);
        if (!byPair.has(pair)) ticked.push(byPair.set(pair, {id: id, signId: metBy(book, entry, id), entries: []}).get(pair));
        byPair.get(pair).entries.push(entry);
      });
    });
    var order = (rules.log_signs || []).map(function (tick) { return tick.id; });
    ticked.sort(function (a, b) { return order.indexOf(a.id) - order.indexOf(b.id); });
    var unnamed = [];
    ticked.forEach(function (group) {
      var tick = book.ticks[group.id];
      if (!tick) return; // a tick the care rules do not know: the format refuses it before it gets here
      if (!group.signId) { unnamed.push(group); return; }
      var sign = book.signs[group.signId], same = sign.label === tick.label;
      var kinds = unique(group.entries.map(function (e) { return F.WORDS.kind[e.kind].toLowerCase(); })).join(" or ");
      var made = notice(book, group.signId, {
        entries: group.entries,
        shows: "Your log shows \u201c" + tick.label + "\u201d, ticked with " +
          (same ? plural(group.entries.length, "entry", "entries") : "a " + kinds) + ".",
        items: entryLines(group.entries, today),
        keys: signKeys(group.signId + "+" + group.id, group.entries),
        gradual: mentionsSudden(tick) && Boolean(sign.if_sudden)
      }, today);
      made.id = group.signId + (same ? "" : "+" + group.id);
      made.tick = group.id;
      made.newName = tick.label; // "New since your GP visit: The area feels weak", the tick alone
      // Ticked with "came on suddenly", but no source calls this sign an emergency when sudden: said
      // plainly, so the reader knows their "suddenly" was read and what it means.
      if (group.entries.some(function (e) { return e.sudden === true; })) {
        made.suddenNote = rules.sudden_rule.not_emergency.replace("{level}", made.levelWords.charAt(0).toLowerCase() + made.levelWords.slice(1));
        made.shows += " " + made.suddenNote;
      }
      // What the reader ticked first, then the rule it met: never a symptom they did not report.
      if (!same) made.label = "Ticked \u201c" + tick.label + "\u201d with a " + kinds + "; the rule it meets: " + sign.label;
      list.push(made);
    });
    if (unnamed.length) list.push(unnamedTicks(book, unnamed, today));

    var cramps = entries.filter(function (e) { return e.kind === "cramp"; });
    var woke = cramps.filter(function (e) { return e.disturbed_sleep === true; });
    if (woke.length) {
      list.push(notice(book, "cramps-disturb-sleep", {
        entries: woke, shows: "Your log shows a cramp that woke you or kept you awake.",
        items: entryLines(woke, today), keys: ["sign:cramps-disturb-sleep"]
      }, today));
    }
    var longCramps = cramps.filter(function (e) { return e.duration === "over-10-minutes"; });
    if (longCramps.length) {
      list.push(notice(book, "long-cramp", {
        entries: longCramps, shows: "Your log shows a cramp that lasted over 10 minutes.",
        items: entryLines(longCramps, today), keys: ["sign:long-cramp"]
      }, today));
    }
    return byLevel(list);
  }

  /* NOTICES in order of level (LEVEL_ORDER), each level's notices in the order they were found. */
  function byLevel(notices) {
    var rank = function (n) { var i = LEVEL_ORDER.indexOf(n.level); return i < 0 ? LEVEL_ORDER.length : i; };
    return notices.map(function (n, i) { return {n: n, i: i}; })
      .sort(function (a, b) { return rank(a.n) - rank(b.n) || a.i - b.i; })
      .map(function (pair) { return pair.n; });
  }

  /* What is new in a key, in words: a place, "Calf (left side)"; a sign's name (a tick's own
   * words); or, for a sign the GP has seen in another place, its name and the new place: "The area
   * feels weak (Arm or hand)". Keys are "place:SIGN|PLACE", "sign:SIGN|PLACE", "sign:SIGN" or "sudden:ID". */
  function newWords(notice, key, seen) {
    var place = key.slice(key.indexOf("|") + 1), name = notice.newName || notice.label;
    var named = notice.entryPlaces.filter(function (p) { return p.key === place; })[0];
    if (/^place:/.test(key)) return named ? named.name : place;
    // A sign counted without its place (a long cramp: "sign:long-cramp") is named by its label alone.
    if (!/^sign:/.test(key) || key.indexOf("|") < 0) return name;
    var sign = key.slice(0, key.indexOf("|") + 1), seenElsewhere = false;
    seen.forEach(function (old) { if (old.indexOf(sign) === 0) seenElsewhere = true; });
    return seenElsewhere ? name + " (" + (named ? named.name : place) + ")" : name;
  }

  /* What the form shows at once when "it came on suddenly" is ticked with these SIGNS (ids), before
   * any save: the emergency, in the care rules' words, only for a sign that is one when sudden
   * ("if_sudden"). A twitch or a cramp on its own, or a sign no source calls an emergency, gives
   * null: nothing is shown. {levelLabel, rule, sourceTitle, href} otherwise. */
  function suddenAlert(signIds, rules) {
    var book = ruleBook(rules || root.SymptomLogCareRules), ids = [];
    (signIds || []).forEach(function (id) {
      var ifSudden = book.ticks[id] && book.ticks[id].if_sudden;
      if (ifSudden && ids.indexOf(ifSudden) < 0) ids.push(ifSudden);
    });
    if (!ids.length) return null;
    var emergency = book.rules.levels.emergency;
    return {
      levelLabel: emergency.label,
      rule: book.cardOf[ids[0]].heading + " " + ids.map(function (id) { return book.signs[id].text; }).join(", or ") + ".",
      sourceTitle: book.rules.sources[book.signs[ids[0]].source].title,
      href: emergency.href
    };
  }

  /* What the form shows at once when a tick whose sign is urgent (one painful, swollen leg) is
   * ticked, and after such an entry is saved: the urgent card's own words. SIGNS are tick ids; KIND
   * is the entry's kind, or none yet (then any kind whose sign is urgent counts). Null otherwise. */
  function urgentAlert(signIds, kind, rules) {
    var book = ruleBook(rules || root.SymptomLogCareRules), ids = [];
    (signIds || []).forEach(function (id) {
      var tick = book.ticks[id], met = tick && tick.for ? (kind ? [tick.for[kind]] : Object.keys(tick.for).map(function (k) { return tick.for[k]; })) : [];
      met.forEach(function (signId) {
        if (signId && book.signs[signId] && book.signs[signId].level === "urgent" && ids.indexOf(signId) < 0) ids.push(signId);
      });
    });
    if (!ids.length) return null;
    var urgent = book.rules.levels.urgent, sign = book.signs[ids[0]], card = book.cardOf[sign.id];
    return {
      levelLabel: urgent.short,
      rule: card.heading + " " + ids.map(function (id) { return book.signs[id].text; }).join(", or ") + ".",
      note: sign.step_up || "", // the card's note is not in the page's bundle: the sign's own step up is
      sourceTitle: book.rules.sources[sign.source].title,
      href: urgent.href
    };
  }

  /* The "see a GP once" notices met again since a visit (notices().since), in words:
   * "Twitches in more than one place: Eyelid or face (left side)". */
  function sinceWords(since) {
    return since.map(function (n) { return n.label + ": " + (n.newSince || []).join(", "); }).join("; ");
  }

  /* The last visit on or before TODAY (of them all without it). */
  function lastVisit(visits, today) {
    var dates = (visits || []).filter(function (date) { return F.isDate(date) && !(today && date > today); }).sort();
    return dates.length ? dates[dates.length - 1] : null;
  }

  /* notices(entries, visits, rules, today): see the top of this file. */
  function notices(entries, visits, rules, today) {
    rules = rules || root.SymptomLogCareRules;
    today = today || F.localNow().slice(0, 10);
    var visit = lastVisit(visits, today), all = found(entries, rules, today);
    if (!visit) return {visit: null, shown: all, earlier: [], since: []};
    var once = rules.gp_rule.once || [];
    // Seen at the visit: only what the entries up to it met. A place that twitched before the
    // visit does not make a sign met only after it (2 weeks in that place) seen.
    var seen = new Set(), before = entries.filter(function (e) { return dateOf(e) <= visit; });
    found(before, rules, today).forEach(function (n) {
      n.keys.forEach(function (key) { seen.add(key); });
    });
    // A place the GP saw; or a sided place whose area the GP saw with no side given, which may
    // well be the same place (the cautious reading: not told as new).
    var placesBefore = new Set(twitchPlaces(before, today).map(function (place) { return place.key; }));
    var oldPlace = function (key) {
      if (key.indexOf("place:twitch-many-places|") !== 0) return false;
      var place = key.slice(key.indexOf("|") + 1);
      return placesBefore.has(place) || placesBefore.has(place.slice(0, place.lastIndexOf("|") + 1));
    };
    var shown = [], earlier = [], since = [];
    all.forEach(function (n) {
      var fresh = n.keys.filter(function (key) { return !seen.has(key); });
      // "More than one place", new since the visit, names the places that are new since it; one
      // whose every new key is a place the GP saw (or saw with no side) brings nothing new.
      var told = fresh.filter(function (key) { return !oldPlace(key); });
      if (told.length) {
        n.newSince = unique(told.map(function (key) { return newWords(n, key, seen); }));
        // A "see a GP once" sign was the reason for the visit: what is new in it is for the records.
        (once.indexOf(n.sign) >= 0 ? since : shown).push(n);
      } else {
        // Seen at the visit: its dates up to the visit are what the GP saw (span()).
        n.seenUpTo = visit;
        earlier.push(n);
      }
    });
    return {visit: visit, shown: shown, earlier: earlier, since: since};
  }

  root.SymptomLogNotices = {
    TWO_WEEKS: TWO_WEEKS, ITEMS_SHOWN: ITEMS_SHOWN,
    notices: notices, lastVisit: lastVisit, listDates: listDates, span: span, suddenAlert: suddenAlert,
    urgentAlert: urgentAlert, sinceWords: sinceWords, LEVEL_ORDER: LEVEL_ORDER
  };
})(window);
