import { historyReadingAt, shiftMonth } from '../backtest/history-reading.ts';
import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import { HISTORY_BATCH_SIZE, type CompanyWithHistory } from '../hubspot/read-company-history.ts';
import { accountAsOf, historyReading } from '../signals/account-as-of.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import type { SignalSnapshot, Store } from '../store/store.ts';

export interface BackfillOptions {
  portal: string;
  config: MappingConfig;
  /** How many months to rebuild, ending with the month before the first one runs kept. */
  months: number;
  now: Date;
}

export interface BackfillSummary {
  /** Companies read (those runs have scored), and those whose history gave at least one month. */
  companies: number;
  companiesWithHistory: number;
  /** Months rebuilt and written. */
  snapshots: number;
  /** 'YYYY-MM', both included: the months written; null when none was. */
  from: string | null;
  to: string | null;
  /** The months asked for ('YYYY-MM', both included); null when none had come yet. */
  asked: { from: string; to: string } | null;
  /** Signals read from contacts, which company history cannot give: missing in rebuilt months. */
  contactSignals: string[];
  apiCalls: number;
}

type BackfillStore = Pick<Store, 'accountFacts' | 'snapshotMonths' | 'putSignalSnapshots'>;
type HistoryGateway = Pick<Gateway, 'readCompanyHistory'>;

/**
 * Rebuilds monthly signal snapshots from HubSpot's property history for the months before runs
 * began keeping them, so a backtest has a past on its first day. Only months before the earliest
 * kept snapshot are written: a month a run read is never replaced by a rebuilt one. Each month is
 * read as the company's properties stood mid-month; signals read from contacts stay missing,
 * since HubSpot's company history does not hold them.
 */
export async function backfillSnapshots(
  gateway: HistoryGateway,
  store: BackfillStore,
  options: BackfillOptions,
): Promise<BackfillSummary> {
  const facts = await store.accountFacts(options.portal);
  const span = await store.snapshotMonths(options.portal);
  const lastMonth = shiftMonth(span.first ?? options.now.toISOString().slice(0, 7), -1);
  const months = Array.from({ length: options.months }, (_, i) =>
    shiftMonth(lastMonth, i - options.months + 1),
  ).filter((m) => historyReadingAt(m).getTime() <= options.now.getTime());
  const required = requiredProperties(options.config);
  const { contactSignals } = historyReading(options.config);
  const churnedAt = new Map(facts.map((f) => [f.companyId, f.churnedAt]));
  const summary: BackfillSummary = {
    companies: facts.length,
    companiesWithHistory: 0,
    snapshots: 0,
    from: null,
    to: null,
    asked: months.length > 0 ? { from: months[0]!, to: months.at(-1)! } : null,
    contactSignals: [...contactSignals],
    apiCalls: 0,
  };
  if (months.length === 0) return summary;
  const ids = facts.map((f) => f.companyId);
  // One gateway call per batch HubSpot takes with history, so each batch is written as it comes.
  for (let i = 0; i < ids.length; i += HISTORY_BATCH_SIZE) {
    const batch = ids.slice(i, i + HISTORY_BATCH_SIZE);
    const records = await gateway.readCompanyHistory(batch, required.company);
    summary.apiCalls += 1;
    const rows: SignalSnapshot[] = [];
    for (const record of records) {
      // Without its history a record would read today's values into every past month.
      if (!record.propertiesWithHistory) continue;
      const history = { ...record.propertiesWithHistory };
      for (const name of required.company) history[name] ??= [];
      const rebuilt = monthsOf(
        { ...record, propertiesWithHistory: history },
        months,
        churnedAt.get(record.id) ?? null,
        options,
      );
      if (rebuilt.length > 0) summary.companiesWithHistory += 1;
      rows.push(...rebuilt);
    }
    if (rows.length > 0) await store.putSignalSnapshots(rows);
    summary.snapshots += rows.length;
    for (const row of rows) {
      if (summary.from === null || row.month < summary.from) summary.from = row.month;
      if (summary.to === null || row.month > summary.to) summary.to = row.month;
    }
  }
  return summary;
}

/**
 * The company's months as its history tells them: none before it existed or after it churned,
 * and none in which not one signal had a value yet.
 */
function monthsOf(
  record: CompanyWithHistory,
  months: readonly string[],
  churnedAt: string | null,
  options: BackfillOptions,
): SignalSnapshot[] {
  const created = record.createdAt ? Date.parse(record.createdAt) : -Infinity;
  const churned = churnedAt ? Date.parse(churnedAt) : Infinity;
  const rows: SignalSnapshot[] = [];
  for (const month of months) {
    const at = historyReadingAt(month);
    if (at.getTime() < created || at.getTime() >= churned) continue;
    const account = accountAsOf(record, at, options.config);
    if (!Object.values(account.signals).some((v) => v !== null)) continue;
    rows.push({
      portal: options.portal,
      companyId: record.id,
      month,
      takenAt: at.toISOString(),
      segment: account.segment,
      signals: account.signals,
      modifiers: account.modifiers,
    });
  }
  return rows;
}
