import { z } from 'zod';
import { DEFAULT_LIFECYCLE } from '../lifecycle/lifecycle-defaults.ts';
import { show } from '../validation/describe-issues.ts';
import { propertyName } from './property-name.ts';
import { strictSection } from './strict-section.ts';

function wholeDays(min: number, fix: string) {
  const error = (i: { input?: unknown }) =>
    i.input === undefined ? undefined : `Got ${show(i.input)}; ${fix}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(3650, { error });
}

const cadenceDays = (fallback: number | null, what: string) =>
  wholeDays(1, `use a whole number of days from 1 to 3650 between ${what}, or null for none.`)
    .nullable()
    .default(fallback);

const segmentCadence = (segment: keyof typeof DEFAULT_LIFECYCLE.cadence) =>
  strictSection(
    {
      touchDays: cadenceDays(DEFAULT_LIFECYCLE.cadence[segment].touchDays, 'two touches'),
      qbrDays: cadenceDays(DEFAULT_LIFECYCLE.cadence[segment].qbrDays, 'two QBRs'),
    },
    `plays.lifecycle.cadence.${segment}`,
  ).prefault({});

const budgetError = (i: { input?: unknown }) =>
  i.input === undefined
    ? undefined
    : `Got ${show(i.input)}; use a percentage of the portal's accounts from 0.1 to 100, e.g. 5.`;

const QBR_WORD = /^[A-Za-z0-9]{2,40}$/;

/**
 * `plays.lifecycle`: onboarding, the touch cadence, QBRs, anniversaries and the value report;
 * where their facts come from in HubSpot, and the cadence by segment.
 */
export const lifecycleSectionSchema = strictSection(
  {
    enabled: z.boolean().default(true),
    /**
     * Company date properties whose latest value is the last touch. HubSpot's "last contacted"
     * counts logged calls, meetings and emails; its "last activity date" also counts notes and
     * tasks, Vitals' own included, so it would reset the cadence by itself.
     */
    touchProperties: z
      .array(propertyName, {
        error: (i) =>
          i.input === undefined
            ? undefined
            : `Got ${show(i.input)}; give a list of date properties, e.g. [notes_last_contacted].`,
      })
      .min(1, { error: 'Give at least one property, e.g. [notes_last_contacted].' })
      .default(['notes_last_contacted']),
    lastLoginProperty: propertyName.nullable().default(null),
    activationProperty: propertyName.nullable().default(null),
    accountExecutiveProperty: propertyName.nullable().default(null),
    qbrDateProperty: propertyName.nullable().default(null),
    /** A meeting whose title carries this word is a QBR. */
    qbrMeetingWord: z
      .string()
      .regex(QBR_WORD, {
        error: (i) =>
          `Got ${show(i.input)}; use one word of 2 to 40 letters or digits, e.g. "QBR": HubSpot's search matches whole words.`,
      })
      .nullable()
      .default('QBR'),
    cadence: strictSection(
      {
        enterprise: segmentCadence('enterprise'),
        mid_market: segmentCadence('mid_market'),
        smb: segmentCadence('smb'),
        trial: segmentCadence('trial'),
      },
      'plays.lifecycle.cadence',
    ).prefault({}),
    criticalTouchDays: wholeDays(1, 'use a whole number of days, 1 or more, e.g. 1.').default(
      DEFAULT_LIFECYCLE.criticalTouchDays,
    ),
    atRiskTouchDays: wholeDays(1, 'use a whole number of days, 1 or more, e.g. 7.').default(
      DEFAULT_LIFECYCLE.atRiskTouchDays,
    ),
    qbrLeadDays: wholeDays(1, 'use a whole number of days, 1 or more, e.g. 14.').default(
      DEFAULT_LIFECYCLE.qbrLeadDays,
    ),
    valueReport: z.boolean().default(DEFAULT_LIFECYCLE.valueReport),
    dailyTaskBudgetPercent: z
      .number({ error: budgetError })
      .min(0.1, { error: budgetError })
      .max(100, { error: budgetError })
      .default(DEFAULT_LIFECYCLE.dailyTaskBudgetPercent),
  },
  'plays.lifecycle',
);

export type LifecycleSection = z.output<typeof lifecycleSectionSchema>;
