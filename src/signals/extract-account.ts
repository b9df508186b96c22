import type { MappingConfig } from '../config/config.ts';
import type { SignalSource } from '../config/signal-source-schema.ts';
import type { SignalValue } from '../scoring/compile-model.ts';
import type { Segment } from '../scoring/model-schema.ts';
import type { AccountSignals } from '../scoring/score-account.ts';
import { problemAt, type ExtractionProblem, type ReportProblem } from './extraction-problem.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { matchSegment } from './match-segment.ts';
import { parseNumber } from './parse-number.ts';
import { readSource } from './read-source.ts';
import { signalTargets, type SignalTarget } from './signal-targets.ts';

export interface ExtractInput {
  company: HubSpotRecord;
  /** The company's associated contacts. */
  contacts: readonly HubSpotRecord[];
  now: Date;
  config: MappingConfig;
}

export interface ExtractedAccount extends AccountSignals {
  id: string;
  name: string | null;
  segment: Segment | null;
  /** Every mapped signal; null when its data is missing. */
  signals: Record<string, SignalValue | null>;
  modifiers: Record<string, number | null>;
  mrr: number | null;
  ownerId: string | null;
  /** Values that could not be used; the signals they would have fed are missing. */
  problems: ExtractionProblem[];
}

interface Mapping {
  key: string;
  source: SignalSource;
  target: SignalTarget;
}

const mappings = new WeakMap<MappingConfig, Mapping[]>();

/** Turns one HubSpot company and its contacts into the input of the scoring core. */
export function extractAccount({ company, contacts, now, config }: ExtractInput): ExtractedAccount {
  const problems: ExtractionProblem[] = [];
  const seen = new Set<string>();
  const report = (problem: ExtractionProblem) => {
    const id = `${problem.object}:${problem.objectId}:${problem.property}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  };
  const signals: Record<string, SignalValue | null> = {};
  const modifiers: Record<string, number | null> = {};
  for (const { key, source, target } of mappingsOf(config)) {
    const value = readSource(source, target, { company, contacts, now, report });
    if (target.kind === 'signal') signals[key] = value;
    else modifiers[key] = typeof value === 'number' ? value : null;
  }
  return {
    id: company.id,
    name: readProperty(company, 'name'),
    segment: matchSegment(config.segments, company, report),
    signals,
    modifiers,
    mrr: config.mrrProperty === null ? null : readMrr(company, config.mrrProperty, report),
    ownerId: readProperty(company, 'hubspot_owner_id'),
    problems,
  };
}

function mappingsOf(config: MappingConfig): Mapping[] {
  let list = mappings.get(config);
  if (!list) {
    const targets = signalTargets(config.model);
    list = Object.entries(config.signals).flatMap(([key, source]) => {
      const target = targets.get(key);
      return target ? [{ key, source, target }] : [];
    });
    mappings.set(config, list);
  }
  return list;
}

function readMrr(company: HubSpotRecord, property: string, report: ReportProblem): number | null {
  const raw = readProperty(company, property);
  if (raw === null) return null;
  const mrr = parseNumber(raw);
  if (mrr === null)
    report(
      problemAt(
        'company',
        company,
        property,
        raw,
        'Not a number: MRR must be a plain number such as 1250.50.',
      ),
    );
  return mrr;
}
