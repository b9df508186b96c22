import { z } from 'zod';
import { SEGMENTS } from '../scoring/model-schema.ts';
import { propertyName, propertyValue } from './property-name.ts';
import { strictSection } from './strict-section.ts';

export const RULE_TESTS = ['equals', 'in', 'atLeast', 'above', 'atMost', 'below'] as const;

const segment = z.enum(SEGMENTS, {
  error: (i) =>
    i.input === undefined
      ? undefined
      : `Got ${JSON.stringify(i.input)}; use ${SEGMENTS.join(', ')}.`,
});

/** One rule: the company is in `segment` when its `property` passes the one test given. */
const segmentRuleSchema = strictSection(
  {
    segment,
    property: propertyName,
    equals: propertyValue.optional(),
    in: z.array(propertyValue).min(1).optional(),
    atLeast: z.number().optional(),
    above: z.number().optional(),
    atMost: z.number().optional(),
    below: z.number().optional(),
  },
  'a segment rule',
).superRefine((rule, ctx) => {
  const tests = RULE_TESTS.filter((t) => rule[t] !== undefined);
  if (tests.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    message:
      tests.length === 0
        ? `Give the rule one test: ${RULE_TESTS.join(', ')}.`
        : `A rule has one test; this one has ${tests.join(' and ')}. Split it into two rules.`,
  });
});

export type SegmentRule = z.output<typeof segmentRuleSchema>;

/** Rules in order, first match wins; companies no rule matches get `default`. */
export const segmentsSchema = strictSection(
  {
    rules: z.array(segmentRuleSchema).default([]),
    default: segment.nullable().default('smb'),
  },
  'segments',
);

export type SegmentSettings = z.output<typeof segmentsSchema>;
