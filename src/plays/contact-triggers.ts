import type { PlayInput } from './play-types.ts';
import { recentEvent } from './recent-event.ts';
import type { Trigger, TriggerResult } from './rule-types.ts';

/** The last NPS answer, given in the last 30 days, is 0–6; the survey date is the episode. */
export function npsDetractor(maxScore: number): Trigger {
  return {
    describe: () => `an NPS answer of 0–${maxScore} (detractor) in the last 30 days`,
    check({ account, now, settings }: PlayInput): TriggerResult {
      if (account.npsLast === null) return { why: 'no NPS answer' };
      if (account.npsLast > maxScore) return { why: `the last NPS answer is ${account.npsLast}` };
      if (account.npsAt === null)
        return {
          why: `NPS ${account.npsLast} without a survey date to tell it from an earlier one`,
        };
      const answered = recentEvent(account.npsAt, now, settings.timeZone);
      if ('why' in answered) return { why: `NPS ${account.npsLast}, ${answered.why}` };
      return { event: answered.episode, why: `NPS ${account.npsLast} given on ${answered.on}` };
    },
  };
}

/** Nobody has talked with the account for `days` days or more. */
export function noContactFor(days: number): Trigger {
  return {
    describe: () => `no contact for ${days}+ days`,
    check({ account }: PlayInput): TriggerResult {
      const since = account.daysSinceContact;
      if (since === null) return { why: 'no date of last contact' };
      if (since < days) return { why: `last contact ${since} days ago` };
      return { crossing: true, why: `no contact for ${since} days` };
    },
  };
}
