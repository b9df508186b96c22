import { z } from 'zod';
import { CHURN_SIGNALS, EXPANSION_SIGNALS } from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { show } from '../validation/describe-issues.ts';
import { hubspotId } from './hubspot-id.ts';
import { lifecycleSectionSchema } from './lifecycle-section-schema.ts';
import { propertyName, propertyValue } from './property-name.ts';
import { timezone } from './schedule-schema.ts';
import { strictSection } from './strict-section.ts';

/** The signals a play can react to, each read from a date property of the company. */
export const PLAY_SIGNALS = [...CHURN_SIGNALS, ...EXPANSION_SIGNALS] as const;

const ownerId = hubspotId('a HubSpot owner id', '61234567');
const optionalSequenceId = hubspotId("the sequence's id in HubSpot", '24680135')
  .nullable()
  .default(null);

/** A whole number in a range; every way of missing it gets the same message with the fix. */
function wholeNumber(min: number, max: number, fix: string) {
  const error = (i: { input?: unknown }) =>
    i.input === undefined ? undefined : `Got ${show(i.input)}; ${fix}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const days = (fallback: number) =>
  wholeNumber(1, 36_500, `use a whole number of days, 1 or more, e.g. ${fallback}.`).default(
    fallback,
  );

const managers = z.record(z.string().regex(/^\d+$/), ownerId, {
  error: (i) => {
    if (i.code === 'invalid_key') {
      return `"${String(i.input)}" is not an owner id. List each owner by their HubSpot owner id (digits only, e.g. "61234567") with their manager's id as its value.`;
    }
    return i.code === 'invalid_type' && i.input !== undefined
      ? `Got ${show(i.input)}; give each owner's id with their manager's id, e.g. { "61234567": "70000001" }.`
      : undefined;
  },
});

const signals = z.partialRecord(z.enum(PLAY_SIGNALS), propertyName, {
  // zod reports keys outside the enum as unrecognized, which its types do not show.
  error: (i) => {
    const issue = i as z.core.$ZodRawIssue;
    if (issue.code === 'unrecognized_keys') return issue.keys.map(unknownSignal).join('\n');
    return issue.code === 'invalid_type' && issue.input !== undefined
      ? `Got ${show(issue.input)}; give each signal the date property that records when it was last seen, e.g. { champion_left: champion_left_at }.`
      : undefined;
  },
});

const RULE_IDS = RULES.map((rule) => rule.id);

const ruleId = z
  .string()
  .trim()
  .min(1, { error: 'Give a rule id here, or remove the empty entry.' })
  // An empty entry already has its message above.
  .refine((id) => id === '' || RULE_IDS.includes(id), {
    error: (i) => unknownRule(String(i.input)),
  });

const disabledRules = z.array(ruleId, {
  error: (i) => {
    if (i.input === undefined) return undefined;
    const example = typeof i.input === 'string' ? `, e.g. [${i.input}]` : '';
    return `Got ${show(i.input)}; give a list of rule ids${example}.`;
  },
});

const sender = strictSection(
  {
    userId: hubspotId('the HubSpot user id of the sender', '9012345').nullable().default(null),
    email: z
      .email({
        error: (i) =>
          i.input === undefined
            ? undefined
            : 'Use the address of the connected inbox the sender sends from, e.g. "csm@example.com".',
      })
      .nullable()
      .default(null),
  },
  'plays.sender',
).superRefine((s, ctx) => {
  if ((s.userId === null) === (s.email === null)) return;
  const [given, missing] = s.userId === null ? ['email', 'userId'] : ['userId', 'email'];
  ctx.addIssue({
    code: 'custom',
    message: `Got ${given} ${show(s[given as 'userId' | 'email'])} but no ${missing}; give both: HubSpot enrols contacts as a user, who sends from their connected inbox.`,
  });
});

/** The `plays` section: who gets the tasks, when they are due, which sequences to use. */
export const playsSectionSchema = strictSection(
  {
    /** The portal's time zone; default schedule.timezone, else UTC. */
    timeZone: timezone.optional(),
    fallbackOwnerId: ownerId.nullable().default(null),
    managers: managers.default({}),
    dailyTaskCapPerOwner: wholeNumber(
      1,
      Number.MAX_SAFE_INTEGER,
      'use a whole number of tasks, 1 or more, e.g. 25.',
    ).default(25),
    /** Business hours, Monday to Friday in timeZone: every task is due inside them. */
    workdayStartHour: wholeNumber(
      0,
      23,
      "use an hour of the day from 0 to 23 in the portal's time zone, e.g. 8 for 8 am.",
    ).default(8),
    workdayEndHour: wholeNumber(
      0,
      23,
      "use an hour of the day from 0 to 23 in the portal's time zone, e.g. 18 for 6 pm.",
    ).default(18),
    nextTouchpointDays: days(7),
    renewal: strictSection(
      { sequenceId: optionalSequenceId, offsetDays: days(90) },
      'plays.renewal',
    ).prefault({}),
    winBack: strictSection(
      { sequenceId: optionalSequenceId, maxDaysAfterChurn: days(365) },
      'plays.winBack',
    ).prefault({}),
    paymentRecovery: strictSection(
      { sequenceId: optionalSequenceId, highValueMrr: z.number().min(0).default(5000) },
      'plays.paymentRecovery',
    ).prefault({}),
    sender: sender.prefault({}),
    /** Rule ids of the table in src/plays/rules.ts (`vitals plays list` shows them). */
    disabledRules: disabledRules.default([]),
    /** false: runs score and write health properties but create no tasks and enrol no one. */
    enabled: z.boolean().default(true),
    /**
     * How long HubSpot's search may take to show a new task. A create or enrolment that got no
     * clear answer (a server error) is looked for only once it is this old, so that "not found"
     * means "not made" before it is sent again.
     */
    settleAfterSeconds: wholeNumber(
      0,
      600,
      'use a whole number of seconds from 0 to 600, e.g. 10.',
    ).default(10),
    // The demo portal's properties, like the signal mapping's defaults (default-mapping.ts).
    signals: signals.default({
      data_export_request: 'data_export_requested_at',
      cancellation_terms_asked: 'cancellation_terms_asked_at',
      competitor_mentioned: 'competitor_mentioned_at',
      budget_review: 'budget_review_at',
      scope_cut_request: 'scope_cut_requested_at',
      new_use_case: 'new_use_case_at',
      success_milestone: 'success_milestone_at',
    }),
    churn: strictSection(
      {
        property: propertyName.default('customer_status'),
        equals: propertyValue.default('churned'),
        dateProperty: propertyName.nullable().default('churned_at'),
      },
      'plays.churn',
    )
      .nullable()
      .prefault({}),
    renewalDateProperty: propertyName.nullable().default('renewal_date'),
    // HubSpot sets it when a company's lifecycle stage becomes Customer.
    customerSinceProperty: propertyName.nullable().default('hs_v2_date_entered_customer'),
    payment: strictSection(
      {
        failedAtProperty: propertyName.nullable().default('payment_failed_at'),
        failuresProperty: propertyName.nullable().default('payment_failures'),
      },
      'plays.payment',
    ).prefault({}),
    lifecycle: lifecycleSectionSchema.prefault({}),
  },
  'plays',
).superRefine((plays, ctx) => {
  workdayInOrder(plays, ctx);
  const configured = (['renewal', 'winBack', 'paymentRecovery'] as const).filter(
    (kind) => plays[kind].sequenceId !== null,
  );
  if (configured.length === 0 || plays.sender.userId !== null) return;
  ctx.addIssue({
    code: 'custom',
    path: ['sender'],
    message: `Got ${configured.map((k) => `${k}.sequenceId ${show(plays[k].sequenceId)}`).join(' and ')} but no sender; give sender.userId and sender.email, or no contact can be enrolled.`,
  });
});

export type PlaysSection = z.output<typeof playsSectionSchema>;

function unknownSignal(key: string): string {
  const guess = closestMatch(key, PLAY_SIGNALS);
  const hint = guess ? `Did you mean "${guess}"?` : `Use ${PLAY_SIGNALS.join(', ')}.`;
  return `"{key}" is not a churn or expansion signal. ${hint}`;
}

function unknownRule(id: string): string {
  const guess = closestMatch(id, RULE_IDS);
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  return `${show(id)} is not a rule id.${hint} The rules are ${RULE_IDS.join(', ')} (\`vitals plays list\` describes each).`;
}

function workdayInOrder(
  plays: { workdayStartHour: number; workdayEndHour: number },
  ctx: z.RefinementCtx,
): void {
  if (plays.workdayStartHour < plays.workdayEndHour) return;
  ctx.addIssue({
    code: 'custom',
    path: ['workdayStartHour'],
    message: `Got ${plays.workdayStartHour}, not before workdayEndHour ${plays.workdayEndHour}; the workday must start before it ends, e.g. workdayStartHour: 8 and workdayEndHour: 18.`,
  });
}
