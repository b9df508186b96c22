import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { capitalize, dayOf, listWords, tierName } from './brief-words.ts';
import { NO_SCORE, SPARK_WEEKS, sparkline } from './sparkline.ts';

/** Past this many, the unscored signals are counted rather than named. */
const NAMED = 4;

/** The score, tier and coverage now, and the quarter's trend as marks and in words. */
export function healthSection(input: BriefInput): BriefSection {
  const { current, history, now, timeZone } = input;
  const lines: string[] = [];
  const missing: string[] = [];
  if (current.score === null)
    missing.push(
      "No score yet: none of the model's signals has data for this account. Fill its health properties in HubSpot to score it.",
    );
  else
    lines.push(
      `Score ${current.score}/100, ${tierName(input.tiers, current.tier)} (data coverage ${current.coverage} %).`,
    );
  const spark = sparkline(history, current.score, now, timeZone);
  lines.push(
    `Last ${SPARK_WEEKS} weeks: ${spark.marks} (one mark per week on a 0–100 scale; ${NO_SCORE} is a week without a score).`,
    `${capitalize(spark.words)}.`,
  );
  if (spark.weeks.slice(0, -1).every((w) => w.score === null))
    missing.push(
      'No stored score from before this week: the trend fills in as Vitals keeps scoring the account.',
    );
  if (input.account.churnedAt)
    lines.push(`The account churned on ${dayOf(input.account.churnedAt, timeZone)}.`);
  const unscored = current.signals.filter((s) => s.value === null).map((s) => s.label);
  if (current.score !== null && unscored.length > 0) {
    const named =
      unscored.length > NAMED
        ? `${unscored.slice(0, NAMED).join(', ')} and ${unscored.length - NAMED} more`
        : listWords(unscored);
    missing.push(`No data for ${named}: fill their properties in HubSpot for a firmer score.`);
  }
  return { key: 'health', heading: 'Health now and 90-day trend', lines, missing };
}
