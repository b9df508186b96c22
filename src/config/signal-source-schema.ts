import { z } from 'zod';
import { closestMatch } from '../validation/closest-match.ts';
import { show } from '../validation/describe-issues.ts';
import { propertyName, propertyValue } from './property-name.ts';
import { strictSection } from './strict-section.ts';

const companySource = strictSection(
  {
    from: z.literal('company'),
    property: propertyName,
    /** The HubSpot property's type; defaults to the signal's. */
    type: z.enum(['number', 'enum']).optional(),
    /** HubSpot option value → signal value. */
    map: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    multiply: z.number().positive().optional(),
  },
  'a company source',
);

const contactCountSource = strictSection(
  {
    from: z.literal('associatedContactCount'),
    excludeWhen: strictSection(
      { property: propertyName, equals: propertyValue },
      'excludeWhen',
    ).optional(),
  },
  'an associatedContactCount source',
);

const championSource = strictSection(
  {
    from: z.literal('champion'),
    role: z.string().min(1).default('CHAMPION'),
    roleProperty: propertyName.default('hs_buying_role'),
    leftProperty: propertyName.optional(),
  },
  'a champion source',
);

const daysSinceSource = strictSection(
  { from: z.literal('daysSince'), property: propertyName },
  'a daysSince source',
);

const latestContactNumberSource = strictSection(
  { from: z.literal('latestContactNumber'), property: propertyName, dateProperty: propertyName },
  'a latestContactNumber source',
);

export const SOURCE_KINDS = [
  'company',
  'associatedContactCount',
  'champion',
  'daysSince',
  'latestContactNumber',
] as const;

/** Where one signal or modifier comes from in HubSpot. */
export const signalSourceSchema = z.discriminatedUnion(
  'from',
  [companySource, contactCountSource, championSource, daysSinceSource, latestContactNumberSource],
  { error: sourceError },
);

export type SignalSource = z.output<typeof signalSourceSchema>;
export type CompanySource = Extract<SignalSource, { from: 'company' }>;
export type ContactCountSource = Extract<SignalSource, { from: 'associatedContactCount' }>;
export type ChampionSource = Extract<SignalSource, { from: 'champion' }>;
export type DaysSinceSource = Extract<SignalSource, { from: 'daysSince' }>;
export type LatestContactNumberSource = Extract<SignalSource, { from: 'latestContactNumber' }>;

function sourceError(issue: z.core.$ZodRawIssue): string | undefined {
  const kinds = SOURCE_KINDS.join(', ');
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return undefined;
    return `Got ${show(issue.input)}; give a source such as { from: company, property: mrr }.`;
  }
  if (issue.code !== 'invalid_union') return undefined;
  const from = (issue.input as { from?: unknown } | undefined)?.from;
  if (from === undefined) return `Say where the value comes from: "from" takes one of ${kinds}.`;
  const guess = typeof from === 'string' ? closestMatch(from, SOURCE_KINDS) : null;
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  return `"from" takes one of ${kinds}.${hint}`;
}
