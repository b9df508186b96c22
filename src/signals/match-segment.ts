import type { SegmentRule, SegmentSettings } from '../config/segment-rules-schema.ts';
import type { Segment } from '../scoring/model-schema.ts';
import { problemAt, type ReportProblem } from './extraction-problem.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseNumber } from './parse-number.ts';

/** The segment of the first rule the company passes, else the default. */
export function matchSegment(
  segments: SegmentSettings,
  company: HubSpotRecord,
  report: ReportProblem,
): Segment | null {
  for (const rule of segments.rules) {
    if (passes(rule, company, report)) return rule.segment;
  }
  return segments.default;
}

/** A missing value passes no test; values are compared as text, numbers as numbers. */
function passes(rule: SegmentRule, company: HubSpotRecord, report: ReportProblem): boolean {
  const raw = readProperty(company, rule.property);
  if (raw === null) return false;
  if (rule.equals !== undefined) return raw === String(rule.equals);
  if (rule.in !== undefined) return rule.in.some((v) => raw === String(v));
  const value = parseNumber(raw);
  if (value === null) {
    report(
      problemAt(
        'company',
        company,
        rule.property,
        raw,
        'Not a number, so no segment rule on it can match.',
      ),
    );
    return false;
  }
  if (rule.atLeast !== undefined) return value >= rule.atLeast;
  if (rule.above !== undefined) return value > rule.above;
  if (rule.atMost !== undefined) return value <= rule.atMost;
  return rule.below !== undefined && value < rule.below;
}
