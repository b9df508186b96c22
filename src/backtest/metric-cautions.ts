import type { Estimate } from './metric-estimate.ts';
import type { TierRate } from './metric-tiers.ts';

/** The points below which a figure is flagged as not to be taken as a precise number. */
export const CAUTION_LIMITS = {
  /** Months of history: fewer may show one season rather than the score's usual behaviour. */
  months: 6,
  /** Observations followed by churn: fewer, and one account more or less moves every figure. */
  churnEvents: 20,
  /** Observations in a tier: fewer, and its churn rate is little more than an anecdote. */
  tierObservations: 30,
  /** Width of a 95 % interval (0–1 scale) beyond which one number would mislead. */
  intervalWidth: 0.2,
  /** Share of observations without a score from which the score figures cover too little. */
  unscoredShare: 0.1,
} as const;

/** What a caution is about, for code that shows or tests them. */
export type CautionKind =
  | 'no-observations'
  | 'no-churn'
  | 'all-churned'
  | 'no-scores'
  | 'one-sided-scores'
  | 'short-history'
  | 'few-churn-events'
  | 'many-unscored'
  | 'no-tiers'
  | 'small-tier'
  | 'no-alarms'
  | 'wide-interval';

/** A plain-English warning that a figure should not be trusted as a precise number. */
export interface Caution {
  kind: CautionKind;
  /** Which figure it is about, where it is about one: 'auc', 'precision', 'recall' or a tier. */
  subject?: string;
  message: string;
}

/** The figures the cautions are drawn from. */
export interface CautionInput {
  observations: number;
  churnEvents: number;
  churnedAccounts: number;
  unscored: number;
  /** Scored observations followed by churn, and not. */
  scoredChurned: number;
  scoredStayed: number;
  months: number;
  tiers: readonly TierRate[];
  alarmTiers: readonly string[];
  alarmObservations: number;
  auc: Estimate | null;
  precision: Estimate | null;
  recall: Estimate | null;
}

/** Every caution that applies, most fundamental first. */
export function cautionsFor(input: CautionInput): Caution[] {
  if (input.observations === 0) {
    return [
      {
        kind: 'no-observations',
        message:
          'There is nothing to judge: the backtest found no monthly scores. Check the period ' +
          'chosen and that accounts have score history in it.',
      },
    ];
  }
  return [
    ...aucMissing(input),
    ...historyCautions(input),
    ...tierCautions(input),
    ...intervalCautions(input),
  ];
}

function aucMissing(input: CautionInput): Caution[] {
  const { observations, churnEvents, scoredChurned, scoredStayed } = input;
  if (churnEvents === 0) {
    return [
      {
        kind: 'no-churn',
        message:
          'No account churned after any of these months, so there is nothing to check the ' +
          'score against: no AUC and no alarm figures. Backtest over a period in which some ' +
          'accounts left.',
      },
    ];
  }
  if (churnEvents === observations) {
    return [
      {
        kind: 'all-churned',
        message:
          'Every monthly score was followed by churn, so there are no staying accounts for the ' +
          'score to tell apart from leaving ones: no AUC. Check the churn data, or backtest ' +
          'over a period that includes accounts that stayed.',
      },
    ];
  }
  if (scoredChurned + scoredStayed === 0) {
    return [
      {
        kind: 'no-scores',
        message:
          'None of these months had a score (no account had data), so there is no AUC and no ' +
          'churn rate by score band.',
      },
    ];
  }
  if (scoredChurned === 0 || scoredStayed === 0) {
    const which = scoredChurned === 0 ? 'none was' : 'every one was';
    return [
      {
        kind: 'one-sided-scores',
        message:
          `Of the months that had a score, ${which} followed by churn, so there is no AUC: ` +
          'the score was never put to the test of telling a leaving account from a staying ' +
          'one. Filling in the accounts’ missing data would let it be measured.',
      },
    ];
  }
  return [];
}

function historyCautions(input: CautionInput): Caution[] {
  const cautions: Caution[] = [];
  const { months, churnEvents, churnedAccounts, unscored, observations } = input;
  if (months < CAUTION_LIMITS.months) {
    cautions.push({
      kind: 'short-history',
      message:
        `Only ${plural(months, 'month')} of history: the figures may reflect a single season ` +
        `rather than how the score usually does. ${CAUTION_LIMITS.months} months or more ` +
        'would make them firmer.',
    });
  }
  if (churnEvents > 0 && churnEvents < CAUTION_LIMITS.churnEvents) {
    cautions.push({
      kind: 'few-churn-events',
      message:
        `Only ${plural(churnEvents, 'monthly score')} ${churnEvents === 1 ? 'was' : 'were'} ` +
        `followed by churn (from ${plural(churnedAccounts, 'account')}). With so few, one ` +
        'account more or less moves every figure a lot; more months of history, or more ' +
        'accounts, would make them firmer.',
    });
  }
  if (
    unscored > 0 &&
    unscored < observations &&
    unscored / observations >= CAUTION_LIMITS.unscoredShare
  ) {
    cautions.push({
      kind: 'many-unscored',
      message:
        `${percent(unscored / observations)} of the monthly scores are missing (no data that ` +
        'month), so the AUC and the score bands cover only the rest. Filling in the missing ' +
        'data would make them more complete.',
    });
  }
  return cautions;
}

function tierCautions(input: CautionInput): Caution[] {
  const { tiers, alarmTiers, alarmObservations } = input;
  if (tiers.every((t) => t.observations === 0)) {
    return [
      {
        kind: 'no-tiers',
        message:
          `No monthly score was in any of the tiers (${tiers.map((t) => t.tier).join(', ') || 'none were given'}), ` +
          'so there are no churn rates by tier and no alarm figures.',
      },
    ];
  }
  const cautions: Caution[] = tiers
    .filter((t) => t.observations < CAUTION_LIMITS.tierObservations)
    .map((t) => ({
      kind: 'small-tier',
      subject: t.tier,
      message:
        t.rate === null
          ? `No monthly score was in the ${t.tier} tier, so it has no churn rate.`
          : `Only ${plural(t.observations, 'monthly score')} ${t.observations === 1 ? 'was' : 'were'} ` +
            `in the ${t.tier} tier, so its churn rate of ${percent(t.rate)} could be far off. More ` +
            'accounts or more months of history would make it firmer.',
    }));
  if (alarmObservations === 0 && alarmTiers.length > 0) {
    cautions.push({
      kind: 'no-alarms',
      message:
        `No monthly score was in an alarm tier (${alarmTiers.join(', ')}), so there is no ` +
        'telling how often an alarm is followed by churn.',
    });
  }
  return cautions;
}

function intervalCautions(input: CautionInput): Caution[] {
  const wide = (e: Estimate | null): e is Estimate =>
    e !== null && e.high - e.low > CAUTION_LIMITS.intervalWidth;
  const narrow = 'More accounts, or more churn in the history, would narrow it.';
  const cautions: Caution[] = [];
  if (wide(input.auc)) {
    cautions.push({
      kind: 'wide-interval',
      subject: 'auc',
      message:
        `The AUC lies somewhere between ${input.auc.low.toFixed(2)} and ` +
        `${input.auc.high.toFixed(2)}: an interval too wide to rely on a single number. ${narrow}`,
    });
  }
  if (wide(input.precision)) {
    cautions.push({
      kind: 'wide-interval',
      subject: 'precision',
      message:
        `Of the monthly scores in an alarm tier, somewhere between ${percent(input.precision.low)} ` +
        `and ${percent(input.precision.high)} were followed by churn: an interval too wide to ` +
        `rely on a single number. ${narrow}`,
    });
  }
  if (wide(input.recall)) {
    cautions.push({
      kind: 'wide-interval',
      subject: 'recall',
      message:
        `Somewhere between ${percent(input.recall.low)} and ${percent(input.recall.high)} of ` +
        'the churn came after a month in an alarm tier: an interval too wide to rely on a ' +
        `single number. ${narrow}`,
    });
  }
  return cautions;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
