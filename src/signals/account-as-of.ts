import type { MappingConfig } from '../config/config.ts';
import { extractAccount, type ExtractedAccount } from './extract-account.ts';
import { recordAsOf, type RecordWithHistory } from './record-as-of.ts';

interface HistoryReading {
  /** Properties read as days since a date: a date after the reading was not known then. */
  dateProperties: ReadonlySet<string>;
  /** Signals read from contacts, which a company's history does not hold. */
  contactSignals: readonly string[];
}

const readings = new WeakMap<MappingConfig, HistoryReading>();

/** What a company's own property history can and cannot tell under this mapping. */
export function historyReading(config: MappingConfig): HistoryReading {
  let reading = readings.get(config);
  if (!reading) {
    const sources = Object.entries(config.signals);
    reading = {
      dateProperties: new Set(
        sources.flatMap(([, s]) => (s.from === 'daysSince' ? [s.property] : [])),
      ),
      contactSignals: sources
        .filter(([, s]) => s.from !== 'company' && s.from !== 'daysSince')
        .map(([key]) => key)
        .sort(),
    };
    readings.set(config, reading);
  }
  return reading;
}

/**
 * The account as its company record stood at `at`, read from the record's property history.
 * Signals and modifiers read from contacts are missing, not "no champion" or "no stakeholders":
 * the company's history says nothing of its contacts then.
 */
export function accountAsOf(
  record: RecordWithHistory,
  at: Date,
  config: MappingConfig,
): ExtractedAccount {
  const { dateProperties, contactSignals } = historyReading(config);
  const company = recordAsOf(record, at, dateProperties);
  const account = extractAccount({ company, contacts: [], now: at, config });
  for (const key of contactSignals) {
    if (key in account.signals) account.signals[key] = null;
    if (key in account.modifiers) account.modifiers[key] = null;
  }
  return account;
}
