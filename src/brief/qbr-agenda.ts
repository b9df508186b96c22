import type { ExpansionSignal } from '../plays/play-types.ts';
import type { BriefInput } from './brief-input.ts';
import {
  changeWords,
  contactName,
  dayOf,
  outOfTen,
  pointsWords,
  tierName,
  valueWords,
} from './brief-words.ts';
import { dimensionQuestion, FULL_MARKS, weakestDimension } from './dimension-questions.ts';
import { inBestTier } from './expansion-section.ts';
import { quarterBaseline } from './moves-section.ts';
import { npsGroup } from './nps-words.ts';
import { forecastLabel } from './renewal-section.ts';
import { SILENT_DAYS } from './risks-section.ts';
import { seenSignals } from './seen-signals.ts';
import { hasRole } from './stakeholders-section.ts';

/** A renewal this close belongs on the agenda when it is not already safe. */
const RENEWAL_SOON_DAYS = 120;

/**
 * Three agenda items, always three, each tied to a fact of the brief: a deep dive on the weakest
 * area, one risk to raise, and either one growth idea (only for a healthy account with no save
 * effort open) or a recovery plan.
 */
export function qbrAgenda(input: BriefInput): [string, string, string] {
  return [deepDive(input), riskToRaise(input), growthOrRecovery(input)];
}

function deepDive(input: BriefInput): string {
  const weakest = weakestDimension(input.current);
  if (weakest === null)
    return 'Ask about their goals for next quarter and how they measure success: the account has no health data to dig into yet.';
  if (weakest.score >= FULL_MARKS)
    return 'Review what works: every area is at full marks, so ask which results they want by the next review.';
  return `Deep dive on ${weakest.label}, the weakest area at ${outOfTen(weakest.score)}: ask ${dimensionQuestion(weakest.key).ask}.`;
}

/** The most pressing risk the data shows, in the order a CSM would raise them. */
function riskToRaise(input: BriefInput): string {
  const { account, current, timeZone } = input;
  const warning = seenSignals(account, 'churn', input.now, timeZone)[0];
  if (warning)
    return `Talk through the latest warning sign (${warning.on}: ${warning.words}) and ask what is behind it.`;
  if (account.npsLast !== null && npsGroup(account.npsLast) === 'detractor') {
    const on = account.npsAt ? ` on ${dayOf(account.npsAt, timeZone)}` : '';
    return `Follow up their NPS answer of ${account.npsLast}${on}: ask what would have to change for a 9 or 10.`;
  }
  if (account.paymentFailures > 0)
    return `Sort out the failed payments (${account.paymentFailures} in a row): confirm the card and who approves the invoices.`;
  const champion = account.contacts.find((c) => c.left && hasRole(c, 'CHAMPION'));
  if (champion)
    return `Ask who takes over from ${contactName(champion)}, the champion who left, and offer that person a fresh kickoff.`;
  if (account.daysSinceContact !== null && account.daysSinceContact >= SILENT_DAYS)
    return `Agree a regular check-in: the last contact was ${account.daysSinceContact} days ago.`;
  const renewal = input.renewal;
  const soon = renewal && renewal.daysToGo >= 0 && renewal.daysToGo <= RENEWAL_SOON_DAYS;
  if (renewal && soon && renewal.forecast !== 'committed')
    return `Talk about the renewal on ${renewal.date} (forecast ${forecastLabel(renewal.forecast)}): ask what they need to decide.`;
  const driver = current.drivers[0];
  if (driver)
    return `Raise what costs the score most, ${driver.label} at ${valueWords(driver.value)} (${pointsWords(driver.impact)}), and ask how to improve it.`;
  return 'Ask what could change on their side next quarter: the data shows no warning signs in the last 90 days.';
}

const GROWTH_IDEAS: Record<ExpansionSignal, string> = {
  usage_near_limit: 'show what the next plan adds',
  new_use_case: 'offer a short demo of how it is covered',
  team_growth: 'ask whether the new people should have access',
  success_milestone: 'congratulate them and ask what they want to reach next',
};

function growthOrRecovery(input: BriefInput): string {
  const { current, tiers } = input;
  if (!input.tracks.save && inBestTier(input)) {
    const seen = seenSignals(input.account, 'expansion', input.now, input.timeZone)[0];
    if (seen)
      return `Growth idea: ${seen.words} (${seen.on}), so ${GROWTH_IDEAS[seen.key as ExpansionSignal]}.`;
    return `Growth idea: the account is ${tierName(tiers, current.tier)} at ${current.score}/100, so ask which other teams could get the same results.`;
  }
  if (current.score === null)
    return 'Agree what to review together next time: the account has no score yet, so fill its health properties in HubSpot before then.';
  const lever = current.levers[0];
  const start = lever ? `, starting with ${lever.label} (worth ${pointsWords(lever.gain)})` : '';
  return `Agree a recovery plan, since ${recoveryFact(input)}: two measurable steps${start}, and a date to check them.`;
}

function recoveryFact(input: BriefInput): string {
  const { current, tiers, timeZone } = input;
  const save = input.tracks.save;
  if (save) return `a save effort has been open since ${dayOf(save.openedAt, timeZone)}`;
  const base = quarterBaseline(input.history, input.now);
  const then = base?.point.score ?? null;
  if (base && then !== null && current.score !== null && current.score < then)
    return `the score is ${changeWords(current.score - then)} since ${dayOf(base.at, timeZone)}`;
  return `the account is ${tierName(tiers, current.tier)} at ${current.score}/100`;
}
