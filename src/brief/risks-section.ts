import { daysBetween, parseInstant } from '../plays/local-time.ts';
import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { capitalize, dayOf, pointsWords, valueWords } from './brief-words.ts';
import { npsGroup } from './nps-words.ts';
import { LOOKBACK_DAYS, seenSignals } from './seen-signals.ts';

/** The retention model's silence penalty starts here; a brief flags the same line. */
export const SILENT_DAYS = 21;

/** Warning signs of the quarter, the last NPS answer, payments, silence and what caps the score. */
export function risksSection(input: BriefInput): BriefSection {
  const { account, timeZone } = input;
  const lines: string[] = [];
  const missing: string[] = [];
  const seen = seenSignals(account, 'churn', input.now, timeZone);
  lines.push(...seen.map((s) => `${capitalize(s.words)} (${s.on}).`));
  if (seen.length === 0) lines.push(`No churn signals seen in the last ${LOOKBACK_DAYS} days.`);

  if (account.npsLast === null) {
    missing.push('No NPS answer on record: send them an NPS survey, or map the NPS property.');
  } else {
    const on = account.npsAt ? ` on ${dayOf(account.npsAt, timeZone)}` : ' (date unknown)';
    lines.push(`Last NPS answer: ${account.npsLast}${on}, a ${npsGroup(account.npsLast)}.`);
  }

  lines.push(paymentLine(input));

  const days = account.daysSinceContact;
  if (days === null)
    missing.push('No last-contact date: log calls, emails and meetings on the company in HubSpot.');
  else if (days >= SILENT_DAYS) lines.push(`Last contact ${days} days ago: three weeks or more.`);
  else
    lines.push(
      `Last contact ${days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} ago`}.`,
    );

  const held = input.current.modifiers
    .filter((m) => m.impact < 0)
    .sort((a, b) => a.impact - b.impact);
  for (const m of held) {
    const what = `${m.label} (${valueWords(m.value)})`;
    lines.push(
      m.effect === 'cap'
        ? `${what} caps the score at ${m.amount}, ${pointsWords(m.impact)} below where it would be.`
        : `${what} takes ${pointsWords(m.impact)} off the score.`,
    );
  }
  return { key: 'risks', heading: 'Risks', lines, missing };
}

function paymentLine({ account, now, timeZone }: BriefInput): string {
  const at = parseInstant(account.paymentFailedAt);
  const on = account.paymentFailedAt ? dayOf(account.paymentFailedAt, timeZone) : null;
  const n = account.paymentFailures;
  if (n === 1) return `A payment failed${on ? ` on ${on}` : ''} and has not gone through since.`;
  if (n > 1) return `${n} failed payments in a row${on ? `, the last on ${on}` : ''}.`;
  if (at && on && daysBetween(at, now) <= LOOKBACK_DAYS)
    return `A payment failed on ${on}; paid since.`;
  return 'No failed payments on record.';
}
