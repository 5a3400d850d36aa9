// The check that the log's notices say what the care rules say: for each
// notice, its sign's level, source and link as care-rules.json gives them.
// Used by notices.test.mjs with the real rules file and with an edited copy,
// to prove the check fails, naming the place and the sign.

/* Problems, in plain words, with NOTICES as shown in PLACE, against RULES. */
export function ruleProblems(rules, notices, place) {
  const signs = Object.fromEntries(rules.signs.map(sign => [sign.id, sign]));
  const problems = [];
  for (const notice of notices) {
    const sign = signs[notice.sign];
    if (!sign) {
      problems.push(`${place}: the notice ${notice.id} names the sign ${notice.sign}, which care-rules.json does not have.`);
      continue;
    }
    const level = rules.levels[sign.level];
    if (notice.level !== sign.level) {
      problems.push(`${place}: the sign ${sign.id} has the level ${notice.level}; care-rules.json gives it ${sign.level}.`);
    }
    if (notice.source !== sign.source || notice.sourceTitle !== rules.sources[sign.source].title) {
      problems.push(`${place}: the sign ${sign.id} cites ${notice.sourceTitle}; care-rules.json cites ${rules.sources[sign.source].title}.`);
    }
    if (level && ![level.label, level.short].includes(notice.levelWords)) {
      problems.push(`${place}: the sign ${sign.id} says ${JSON.stringify(notice.levelWords)}, not the words of its level in care-rules.json.`);
    }
    if (sign.level === "emergency" && notice.href !== rules.levels.emergency.href) {
      problems.push(`${place}: the sign ${sign.id} is an emergency but links to ${notice.href}, not the emergency card.`);
    }
  }
  return problems;
}
