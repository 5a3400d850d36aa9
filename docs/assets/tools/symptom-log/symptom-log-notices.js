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
 *            appears after that date (a sign not met before it, twitching in
 *            a new place, a sign that came on suddenly), as the care rules'
 *            gp_rule says. A sign first met after the visit is new, even in
 *            a place that twitched before it.
 * A place is an area and its side (placeOf): a left calf and a right calf are
 * two places, never one place "for more than 2 weeks".
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
  var ITEMS_SHOWN = 4;
  var NOT_NAMED = "Not named in the sources"; // the level words of a sign no source names // a notice lists this many places or entries, then says how many more
  // Words that tie a rule's sentence to twitches or to legs: said only where the entries are that.
  var SAYS_TWITCH = /twitch/i;
  var SAYS_LEGS = /\byour legs\b/i; // "your arms or legs" is any limb
  var LEG_AREA = /\b(legs?|thighs?|calf|calves|knees?|shins?|ankles?|foot|feet|toes?|heels?)\b/i;

  function dateOf(entry) { return entry.when.slice(0, 10); }
  function isLater(entry, today) { return dateOf(entry) > today; }
  function laterWords(dates) { return "dated after today (" + listDates(dates) + ")"; }
  /* A place is an area and its side: a left calf and a right calf are two places, and "both
   * sides" and no side given are places of their own (the cautious reading: more places, and
   * no span of 2 weeks made from two legs). */
  function placeOf(entry) { return entry.area.trim().toLowerCase() + "|" + (entry.side || ""); }
  /* "Calf (left side)": the area as the reader typed it, with its side. */
  function placeName(entry) {
    return entry.area.trim() + (entry.side ? " (" + (F.WORDS.side[entry.side] || entry.side).toLowerCase() + ")" : "");
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
    var groups = [], byKey = new Map();
    F.sortByWhen(entries.slice()).forEach(function (entry) {
      var key = entry.kind + "|" + placeOf(entry);
      if (!byKey.has(key)) groups.push(byKey.set(key, {entry: entry, dates: [], later: []}).get(key));
      byKey.get(key)[isLater(entry, today) ? "later" : "dates"].push(dateOf(entry));
    });
    return groups.map(function (group) {
      var entry = group.entry, count = group.dates.length + group.later.length;
      var when = (group.dates.length ? [listDates(group.dates)] : []).concat(group.later.length ? [laterWords(group.later)] : []);
      return F.WORDS.kind[entry.kind] + ", " + placeName(entry) + ": " +
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
   * TODAY (past) and after it (later). */
  function twitchPlaces(entries, today) {
    var places = [], byName = new Map();
    F.sortByWhen(entries.filter(function (e) { return e.kind === "twitch"; })).forEach(function (entry) {
      var key = placeOf(entry);
      if (!byName.has(key)) places.push(byName.set(key, {key: key, name: placeName(entry), entries: [], past: [], later: []}).get(key));
      var place = byName.get(key);
      place.entries.push(entry);
      place[isLater(entry, today) ? "later" : "past"].push(entry);
    });
    return places;
  }

  /* --- The care rules, read once for each notice ----------------------------------- */
  function ruleBook(rules) {
    var signs = {}, cardOf = {};
    rules.signs.forEach(function (sign) { signs[sign.id] = sign; });
    rules.cards.forEach(function (card) { card.signs.forEach(function (id) { cardOf[id] = card; }); });
    return {rules: rules, signs: signs, cardOf: cardOf};
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
    if (cardFits(book, sign, entries)) return book.cardOf[sign.id].heading + " " + sign.text + ".";
    return sign.label + ". " + book.rules.levels[sign.level].label + ".";
  }

  /* "if it came on gradually": the care rules' own words for a sign's gradual condition (the
   * start of gradual_rule.print), said after the level of a sign whose onset is "gradual". */
  function gradualWords(rules) { return rules.gradual_rule.print.slice(0, rules.gradual_rule.print.indexOf(".")); }

  /* A notice, with everything it says taken from the sign's rule. */
  function notice(book, signId, fields, today) {
    var rules = book.rules, sign = book.signs[signId];
    if (!sign) throw new Error("The care rules have no sign " + JSON.stringify(signId) + " (care-rules.json).");
    var level = rules.levels[sign.level], source = rules.sources[sign.source], card = book.cardOf[signId];
    var entries = fields.entries;
    var made = {
      id: signId, sign: signId, label: sign.label,
      level: sign.level, levelLabel: level.label, levelShort: level.short, action: level.action,
      // "See a GP, not urgent, if it came on gradually" only where the care rules' onset is
      // "gradual"; a sign with onset "any" holds its level however it came on.
      levelWords: level.short + (sign.onset === "gradual" ? ", " + gradualWords(rules) : ""),
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
        return {key: key, name: placeName(entries.filter(function (e) { return placeOf(e) === key; })[0])};
      }),
      seenUpTo: null,
      newSince: null
    };
    // A sign that is an emergency when sudden says so beside its gradual level.
    if (sign.onset === "gradual") {
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

  /* --- A sign ticked with a cramp -------------------------------------------------- */
  // The cramp sources' signs, and the sign ticked on the form that each one stands for.
  var CRAMP_TICKS = {"cramp-weakness": "weak-or-stiff", "cramp-numb-or-swollen": "feeling-change"};
  var CRAMP_SIGNS = Object.keys(CRAMP_TICKS);

  /* The care rules' sign that ID, ticked with ENTRY, meets: with a twitch or a spasm the sign
   * itself; with a cramp, the cramp sources' sign (the twitching sources say nothing of cramps),
   * or null where no source names it (a change in feeling with a cramp outside the legs). */
  function cramped(entry, id) {
    if (entry.kind !== "cramp") return id;
    if (id === "weak-or-stiff") return "cramp-weakness";
    if (id === "feeling-change") return isLegArea(entry) ? "cramp-numb-or-swollen" : null;
    return id;
  }

  /* A change in feeling with a cramp outside the legs: no source names it, so the notice gives no
   * level and no source, and says so. It came on suddenly is still the emergency (its if_sudden). */
  function unnamedFeeling(book, entries, today) {
    var rules = book.rules, made = notice(book, "feeling-change", {
      entries: entries,
      shows: "Your log shows a cramp with \u201c" + book.signs["feeling-change"].label + "\u201d ticked.",
      rule: "The sources this site uses do not say what to do about a change in feeling with a cramp in this place. " +
            "It is on your summary, for your GP to see.",
      items: entryLines(entries, today),
      keys: signKeys("cramp-feeling", entries)
    }, today);
    made.id = "cramp-feeling-not-named";
    made.sign = null;
    made.level = "none";
    made.levelLabel = made.levelShort = NOT_NAMED;
    made.levelWords = NOT_NAMED + ", " + gradualWords(rules);
    made.action = null;
    made.source = made.sourceTitle = made.sourceUrl = null;
    made.href = "when-to-see-a-doctor/#" + book.cardOf["cramp-numb-or-swollen"].id;
    return made;
  }

  /* --- What the entries meet, without a visit ------------------------------------- */
  function found(entries, rules, today) {
    var book = ruleBook(rules), list = [], signs = F.SIGNS;
    // Only a sign the care rules make an emergency when sudden ("if_sudden") is one. A twitch or a
    // cramp ticked as sudden, or a sign no source calls an emergency (thinner muscles), keeps its own level.
    var suddenSign = function (entry, id) { return entry.sudden === true && Boolean(book.signs[id] && book.signs[id].if_sudden); };
    var sudden = entries.filter(function (e) { return e.signs.some(function (id) { return suddenSign(e, id); }); });

    // Ticked as sudden: the emergency, first. Each ticked sign names its emergency sign.
    if (sudden.length) {
      var emergencyIds = [];
      sudden.forEach(function (entry) {
        entry.signs.forEach(function (id) {
          var ifSudden = suddenSign(entry, id) && book.signs[id].if_sudden;
          if (ifSudden && emergencyIds.indexOf(ifSudden) < 0) emergencyIds.push(ifSudden);
        });
      });
      var first = emergencyIds[0];
      var made = notice(book, first, {
        entries: sudden,
        shows: "Your log shows a sign that came on suddenly.",
        rule: book.cardOf[first].heading + " " + emergencyIds.map(function (id) { return book.signs[id].text; }).join(", or ") + ".",
        items: F.sortByWhen(sudden.slice()).map(function (e) {
          return F.WORDS.kind[e.kind] + ", " + placeName(e) + ", " +
            (isLater(e, today) ? "dated after today (" + F.entryTime(e) + ")" : F.entryTime(e)) + ": " +
            e.signs.filter(function (id) { return suddenSign(e, id); })
              .map(function (id) { return book.signs[id].label; }).join(", ");
        }),
        keys: sudden.map(function (e) { return "sudden:" + e.id; })
      }, today);
      made.id = "sudden";
      made.label = "A sign that came on suddenly";
      made.quoted = true; // the emergency card's own heading and signs
      list.push(made);
    }

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
    // Twitching in different places: more than one place, however far apart the dates.
    if (places.length > 1) {
      list.push(notice(book, "twitch-many-places", {
        entries: [].concat.apply([], places.map(function (p) { return p.entries; })),
        shows: "Your log shows twitching in " + places.length + " places.",
        items: placeLines(places),
        keys: places.map(function (p) { return "place:twitch-many-places|" + p.key; })
      }, today));
    }

    // The signs the reader ticked, each at its own level (a sudden one with an "if_sudden" is the
    // emergency above). With a cramp, a ticked sign is the cramp sources' sign (crampRule): weakness
    // is the Mayo Clinic's, a change in feeling in a leg or foot the NHS leg-cramp sign. A change in
    // feeling with a cramp elsewhere is named by no source, and is said to be.
    var tickedFor = function (target) {
      return entries.filter(function (e) {
        return e.signs.some(function (id) { return cramped(e, id) === target && !suddenSign(e, id); });
      });
    };
    signs.concat(CRAMP_SIGNS).forEach(function (id) {
      var ticked = tickedFor(id);
      if (!ticked.length) return;
      var fromCramp = CRAMP_SIGNS.indexOf(id) >= 0, tickedAs = fromCramp ? CRAMP_TICKS[id] : id;
      list.push(notice(book, id, {
        entries: ticked,
        shows: fromCramp
          ? "Your log shows a cramp " + (id === "cramp-numb-or-swollen" ? "in a leg or foot " : "") + "with \u201c" +
            book.signs[tickedAs].label + "\u201d ticked."
          : "Your log shows \u201c" + book.signs[id].label + "\u201d, ticked with " + plural(ticked.length, "entry", "entries") + ".",
        items: entryLines(ticked, today),
        keys: signKeys(id, ticked)
      }, today));
    });
    var unnamed = tickedFor(null);
    if (unnamed.length) list.push(unnamedFeeling(book, unnamed, today));

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
    return list;
  }

  /* What is new in a key, in words: a place, "Calf (left side)"; a sign's name; or, for a sign
   * the GP has seen in another place, its name and the new place: "The area feels weak or stiff
   * (Arm or hand)". Keys are "place:SIGN|PLACE", "sign:SIGN|PLACE", "sign:SIGN" or "sudden:ID". */
  function newWords(notice, key, seen) {
    var place = key.slice(key.indexOf("|") + 1);
    var named = notice.entryPlaces.filter(function (p) { return p.key === place; })[0];
    if (/^place:/.test(key)) return named ? named.name : place;
    // A sign counted without its place (a long cramp: "sign:long-cramp") is named by its label alone.
    if (!/^sign:/.test(key) || key.indexOf("|") < 0) return notice.label;
    var sign = key.slice(0, key.indexOf("|") + 1), seenElsewhere = false;
    seen.forEach(function (old) { if (old.indexOf(sign) === 0) seenElsewhere = true; });
    return seenElsewhere ? notice.label + " (" + (named ? named.name : place) + ")" : notice.label;
  }

  /* What the form shows at once when "it came on suddenly" is ticked with these SIGNS (ids), before
   * any save: the emergency, in the care rules' words, only for a sign that is one when sudden
   * ("if_sudden"). A twitch or a cramp on its own, or a sign no source calls an emergency, gives
   * null: nothing is shown. {levelLabel, rule, sourceTitle, href} otherwise. */
  function suddenAlert(signIds, rules) {
    var book = ruleBook(rules || root.SymptomLogCareRules), ids = [];
    (signIds || []).forEach(function (id) {
      var ifSudden = book.signs[id] && book.signs[id].if_sudden;
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
    if (!visit) return {visit: null, shown: all, earlier: []};
    // Seen at the visit: only what the entries up to it met. A place that twitched before the
    // visit does not make a sign met only after it (2 weeks in that place) seen.
    var seen = new Set(), before = entries.filter(function (e) { return dateOf(e) <= visit; });
    found(before, rules, today).forEach(function (n) {
      n.keys.forEach(function (key) { seen.add(key); });
    });
    var placesBefore = new Set(twitchPlaces(before, today).map(function (place) { return place.key; }));
    var oldPlace = function (key) {
      return key.indexOf("place:twitch-many-places|") === 0 && placesBefore.has(key.slice(key.indexOf("|") + 1));
    };
    var shown = [], earlier = [];
    all.forEach(function (n) {
      var fresh = n.keys.filter(function (key) { return !seen.has(key); });
      if (fresh.length) {
        // "More than one place", new since the visit, names the places that are new since it.
        var told = fresh.filter(function (key) { return !oldPlace(key); });
        n.newSince = unique((told.length ? told : fresh).map(function (key) { return newWords(n, key, seen); }));
        shown.push(n);
      } else {
        // Seen at the visit: its dates up to the visit are what the GP saw (span()).
        n.seenUpTo = visit;
        earlier.push(n);
      }
    });
    return {visit: visit, shown: shown, earlier: earlier};
  }

  root.SymptomLogNotices = {
    TWO_WEEKS: TWO_WEEKS, ITEMS_SHOWN: ITEMS_SHOWN,
    notices: notices, lastVisit: lastVisit, listDates: listDates, span: span, suddenAlert: suddenAlert
  };
})(window);
