// The check that the log's notices say what the care rules say: for each
// notice, its sign's level, source and link as care-rules.json gives them.
// Used by notices.test.mjs with the real rules file and with an edited copy,
// to prove the check fails, naming the place and the sign.

/* The words of a sign's level: "See a GP, not urgent", and for a sign that is an emergency when
 * sudden ("if_sudden"), its condition: "See a GP, not urgent, if it came on gradually". Met by a
 * tick (TICK, one of the care rules' log_signs), only if the tick can be that emergency too:
 * "The area feels stiff" meets "weak or stiff", but stiffness is never the emergency. */
export function levelWords(rules, sign, tick) {
  const gradual = rules.gradual_rule.print.split(".")[0];
  const sudden = Boolean(sign.if_sudden) && (!tick || Boolean(tick.if_sudden || tick.retired));
  return rules.levels[sign.level].short + (sudden ? `, ${gradual}` : "");
}

/* Problems, in plain words, with NOTICES as shown in PLACE, against RULES. */
export function ruleProblems(rules, notices, place) {
  const signs = Object.fromEntries(rules.signs.map(sign => [sign.id, sign]));
  const problems = [];
  for (const notice of notices) {
    // A sign no source names (a change in feeling with a cramp in the arm) gives no level and no source.
    if (notice.sign === null) {
      if (notice.source !== null || !/^Not named in the sources/.test(notice.levelWords)) {
        problems.push(`${place}: the notice ${notice.id} is for a sign no source names, but gives a level or a source.`);
      }
      continue;
    }
    const sign = signs[notice.sign];
    if (!sign) {
      problems.push(`${place}: the notice ${notice.id} names the sign ${notice.sign}, which care-rules.json does not have.`);
      continue;
    }
    const level = rules.levels[sign.level];
    const tick = notice.tick ? (rules.log_signs || []).find(t => t.id === notice.tick) : undefined;
    if (notice.level !== sign.level) {
      problems.push(`${place}: the sign ${sign.id} has the level ${notice.level}; care-rules.json gives it ${sign.level}.`);
    }
    if (notice.source !== sign.source || notice.sourceTitle !== rules.sources[sign.source].title) {
      problems.push(`${place}: the sign ${sign.id} cites ${notice.sourceTitle}; care-rules.json cites ${rules.sources[sign.source].title}.`);
    }
    // A sign logged as sudden on an earlier day says the emergency holds if it is happening now.
    const words = notice.id === "sudden-earlier" ? rules.sudden_rule.earlier.level : levelWords(rules, sign, tick);
    if (level && notice.levelWords !== words) {
      problems.push(`${place}: the sign ${sign.id} says ${JSON.stringify(notice.levelWords)}, not the words of its level in ` +
                    `care-rules.json (${JSON.stringify(words)}).`);
    }
    if (sign.level === "emergency" && notice.href !== rules.levels.emergency.href) {
      problems.push(`${place}: the sign ${sign.id} is an emergency but links to ${notice.href}, not the emergency card.`);
    }
  }
  return problems;
}
