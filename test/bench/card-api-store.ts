import type { Gateway } from '../../src/hubspot/create-gateway.ts';
import type { PlannedAction } from '../../src/plays/play-types.ts';
import type { CompanyState, LedgerEntry, ScoreRecord, Store } from '../../src/store/store.ts';
import { mulberry32 } from './mulberry32.ts';

/** One company as a real pass left it in the store: its state with the card, and its ledger. */
export interface CardTemplate {
  id: string;
  state: CompanyState;
  ledger: LedgerEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ROWS_PER_COMPANY = 10;
const BATCH = 1_000;
/** Far from the sandbox's ids (31…), so a template's id is only ever itself in its JSON. */
const ID_BASE = 90_000_000_000;

/** Every company of the pass's portal, with what the pass saved for it. */
export async function cardTemplates(
  store: Store,
  gateway: Pick<Gateway, 'companyPages'>,
): Promise<CardTemplate[]> {
  const templates: CardTemplate[] = [];
  for await (const page of gateway.companyPages({ properties: ['name'] })) {
    const ids = page.companies.map((c) => c.id);
    const states = await store.companyStates('sandbox', ids);
    for (const id of ids) {
      const state = states.get(id);
      if (!state?.card) throw new Error(`The pass saved no card for company ${id}.`);
      templates.push({ id, state, ledger: await store.ledgerForCompany('sandbox', id) });
    }
  }
  return templates;
}

export interface FilledStore {
  ids: string[];
  rowsPerCompany: number;
  historyRows: number;
  ledgerEntries: number;
  doneEntries: number;
  /** Percent of companies whose card lists at least one play. */
  withPlays: number;
  ms: number;
}

/**
 * `companies` companies under new ids, each a copy of a template (card, properties, ledger with
 * its statuses) with its own score history: ten readings spread over the last 90 days.
 */
export async function fillCardStore(
  store: Store,
  templates: readonly CardTemplate[],
  companies: number,
  now: Date,
): Promise<FilledStore> {
  const started = performance.now();
  const random = mulberry32(20_261_123);
  const filled: FilledStore = {
    ids: [],
    rowsPerCompany: ROWS_PER_COMPANY,
    historyRows: 0,
    ledgerEntries: 0,
    doneEntries: 0,
    withPlays: 0,
    ms: 0,
  };
  let plays = 0;
  for (let start = 0; start < companies; start += BATCH) {
    const scores: ScoreRecord[] = [];
    const states: CompanyState[] = [];
    const ledger: LedgerEntry[] = [];
    for (let i = start; i < Math.min(start + BATCH, companies); i++) {
      const template = templates[i % templates.length]!;
      const id = String(ID_BASE + i);
      const copy = <T>(value: T): T =>
        JSON.parse(JSON.stringify(value).split(template.id).join(id)) as T;
      filled.ids.push(id);
      states.push({ ...copy(template.state), checkedAt: now.toISOString() });
      ledger.push(...copy(template.ledger));
      scores.push(...history(id, now, random));
      if ((template.state.card as { plays: unknown[] }).plays.length > 0) plays += 1;
    }
    await store.appendScores(scores);
    await store.putCompanyStates(states);
    await copyLedger(store, ledger, filled);
    filled.historyRows += scores.length;
  }
  filled.withPlays = Math.round((100 * plays) / companies);
  filled.ms = performance.now() - started;
  return filled;
}

function history(id: string, now: Date, random: () => number): ScoreRecord[] {
  let score = 30 + Math.floor(random() * 60);
  return Array.from({ length: ROWS_PER_COMPANY }, (_, k) => {
    score = Math.max(0, Math.min(100, score + Math.round((random() - 0.5) * 12)));
    const daysAgo = 89 - k * 9 - random() * 4;
    return {
      portal: 'sandbox',
      companyId: id,
      scoredAt: new Date(now.getTime() - daysAgo * DAY_MS).toISOString(),
      score,
      tier:
        score >= 75 ? 'healthy' : score >= 50 ? 'monitor' : score >= 25 ? 'at_risk' : 'critical',
      coverage: 80,
      dimensions: { usage: 7, engagement: 6, financial: 8, relationship: 5, outcome: null },
      model: { name: 'retention-os', version: '1' },
      topDrivers: 'Logins: 40 (−6) · Reply time: 5 (−4)',
    };
  });
}

/** The ledger as the store API writes it: intents first, then each entry's settlement. */
export async function copyLedger(
  store: Store,
  entries: LedgerEntry[],
  filled: Pick<FilledStore, 'ledgerEntries' | 'doneEntries'>,
) {
  await store.recordIntents(
    'sandbox',
    entries.map((e): PlannedAction => e.action),
  );
  for (const e of entries) {
    if (e.status === 'done') await store.completeAction('sandbox', e.key, e.hubspotId!);
    else if (e.status === 'skipped') await store.skipAction('sandbox', e.key, e.detail!);
    else if (e.status === 'held') await store.holdAction('sandbox', e.key, e.detail!);
    else if (e.status === 'failed') await store.failAction('sandbox', e.key, e.detail!);
  }
  filled.ledgerEntries += entries.length;
  filled.doneEntries += entries.filter((e) => e.status === 'done').length;
}
