import type { OpenTracks } from '../../src/plays/play-types.ts';
import type {
  AccountFactsRecord,
  CompanyState,
  LedgerEntry,
  MrrChange,
  NpsAnswerRecord,
  ScoreRecord,
  Store,
} from '../../src/store/store.ts';
import { copyLedger, type CardTemplate } from './card-api-store.ts';
import { mulberry32 } from './mulberry32.ts';

/** One company as a real pass with plays left it: card, ledger, facts and open tracks. */
export interface PortfolioTemplate extends CardTemplate {
  facts: AccountFactsRecord;
  tracks: OpenTracks;
}

export interface FilledPortfolio {
  companies: number;
  weeks: number;
  historyRows: number;
  mrrRows: number;
  npsAnswers: number;
  churned: number;
  ledgerEntries: number;
  doneEntries: number;
  withTracks: number;
  ms: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const BATCH = 1_000;
/** Far from the sandbox's ids (31…), so a template's id is only ever itself in its JSON. */
const ID_BASE = 90_000_000_000;
/** Chances per account and month: MRR up, MRR down, churn (DOMAIN §8's movements). */
/** Contacts per company who answer the NPS survey. */
const NPS_CONTACTS = 2;
const MONTHLY = { expansion: 0.03, contraction: 0.02, churn: 0.008 };

/** The facts and open tracks of the templates' pass, beside their cards and ledgers. */
export async function portfolioTemplates(
  store: Store,
  cards: readonly CardTemplate[],
): Promise<PortfolioTemplate[]> {
  const facts = new Map((await store.accountFacts('sandbox')).map((f) => [f.companyId, f]));
  const tracks = await store.openTracks(
    'sandbox',
    cards.map((c) => c.id),
  );
  return cards.map((c) => {
    const own = facts.get(c.id);
    if (!own) throw new Error(`The pass saved no facts for company ${c.id}.`);
    return { ...c, facts: own, tracks: tracks.get(c.id) ?? {} };
  });
}

/**
 * `companies` companies under new ids, each a copy of a template (card, ledger, facts, open
 * tracks), with a year of weekly score history and a year of MRR history that starts for all at
 * one instant a year ago and moves as a book does (expansion, contraction, churn). Ends with a
 * completed run, as `vitals report` looks for one.
 */
export async function fillPortfolioStore(
  store: Store,
  templates: readonly PortfolioTemplate[],
  companies: number,
  weeks: number,
  now: Date,
): Promise<FilledPortfolio> {
  const started = performance.now();
  const random = mulberry32(20_261_124);
  const filled: FilledPortfolio = {
    companies,
    weeks,
    historyRows: 0,
    mrrRows: 0,
    npsAnswers: 0,
    churned: 0,
    ledgerEntries: 0,
    doneEntries: 0,
    withTracks: 0,
    ms: 0,
  };
  const run = await store.startRun({
    portal: 'sandbox',
    kind: 'full',
    source: 'sandbox',
    dryRun: false,
  });
  for (let start = 0; start < companies; start += BATCH) {
    const batch = {
      scores: [] as ScoreRecord[],
      states: [] as CompanyState[],
      mrr: [] as MrrChange[],
      nps: [] as NpsAnswerRecord[],
    };
    const facts: AccountFactsRecord[] = [];
    const ledger: LedgerEntry[] = [];
    const tracks: {
      companyId: string;
      ruleIds: string[];
      evaluatedAt: string;
      tracks: OpenTracks;
    }[] = [];
    for (let i = start; i < Math.min(start + BATCH, companies); i++) {
      const template = templates[i % templates.length]!;
      const id = String(ID_BASE + i);
      const copy = <T>(value: T): T =>
        JSON.parse(JSON.stringify(value).split(template.id).join(id)) as T;
      batch.states.push({ ...copy(template.state), checkedAt: now.toISOString() });
      ledger.push(...copy(template.ledger));
      batch.scores.push(...weeklyHistory(id, weeks, now, random));
      const mrr = mrrYear(id, template.facts.mrr, now, random);
      batch.mrr.push(...mrr.rows);
      batch.nps.push(...npsYear(id, now, random));
      if (mrr.churnedAt) filled.churned += 1;
      facts.push({
        ...copy(template.facts),
        mrr: mrr.rows.at(-1)!.mrr,
        churnedAt: mrr.churnedAt ?? template.facts.churnedAt,
        updatedAt: now.toISOString(),
      });
      if (Object.keys(template.tracks).length > 0) {
        tracks.push({
          companyId: id,
          ruleIds: [],
          evaluatedAt: now.toISOString(),
          tracks: copy(template.tracks),
        });
        filled.withTracks += 1;
      }
    }
    await store.appendScores(batch.scores);
    await store.putCompanyStates(batch.states);
    await store.putAccountFacts(facts);
    await store.appendMrr(batch.mrr);
    await store.commitPage({
      runId: run.id,
      progress: run.progress,
      scores: [],
      states: [],
      nps: batch.nps,
    });
    await store.putActiveRules('sandbox', tracks);
    await copyLedger(store, ledger, filled);
    filled.historyRows += batch.scores.length;
    filled.mrrRows += batch.mrr.length;
    filled.npsAnswers += batch.nps.length;
  }
  await store.finishRun(run.id, { status: 'completed' });
  filled.ms = performance.now() - started;
  return filled;
}

/** One reading a week for `weeks` weeks up to now, the score wandering as a real one does. */
function weeklyHistory(id: string, weeks: number, now: Date, random: () => number): ScoreRecord[] {
  let score = 30 + Math.floor(random() * 60);
  return Array.from({ length: weeks }, (_, k) => {
    score = Math.max(0, Math.min(100, score + Math.round((random() - 0.5) * 10)));
    return {
      portal: 'sandbox',
      companyId: id,
      scoredAt: new Date(
        now.getTime() - (weeks - 1 - k) * WEEK_MS - random() * DAY_MS,
      ).toISOString(),
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

/** A year of NPS answers: each of the company's contacts surveyed every quarter. */
function npsYear(id: string, now: Date, random: () => number): NpsAnswerRecord[] {
  return Array.from({ length: NPS_CONTACTS }, (_, c) =>
    Array.from({ length: 4 }, (_, quarter) => ({
      portal: 'sandbox',
      companyId: id,
      contactId: `${id}${c}`,
      score: Math.floor(random() * 11),
      at: new Date(now.getTime() - (quarter * 91 + random() * 30) * DAY_MS).toISOString(),
    })),
  ).flat();
}

/** A year of one company's MRR: its starting point a year ago, then a change now and then. */
function mrrYear(id: string, mrr: number | null, now: Date, random: () => number) {
  const begin = now.getTime() - 365 * DAY_MS;
  const row = (at: number, value: number): MrrChange => ({
    portal: 'sandbox',
    companyId: id,
    at: new Date(at).toISOString(),
    mrr: Math.round(value),
  });
  let value = mrr ?? 0;
  const rows = [row(begin, value)];
  let churnedAt: string | null = null;
  for (let month = 1; month <= 12 && value > 0; month++) {
    const at = begin + (month - random()) * 30 * DAY_MS;
    const r = random();
    if (r < MONTHLY.churn) {
      value = 0;
      churnedAt = new Date(at).toISOString();
    } else if (r < MONTHLY.churn + MONTHLY.expansion) value *= 1.1 + random() * 0.4;
    else if (r < MONTHLY.churn + MONTHLY.expansion + MONTHLY.contraction)
      value *= 0.6 + random() * 0.3;
    else continue;
    rows.push(row(at, value));
  }
  return { rows, churnedAt };
}
