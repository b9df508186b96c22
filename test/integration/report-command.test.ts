import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChurnRiskReport } from '../../src/reports/churn-risk-report.ts';
import type { PortfolioReport } from '../../src/reports/portfolio-report.ts';
import type { ReactivationReport } from '../../src/reports/reactivation-report.ts';
import type { RenewalsReport } from '../../src/reports/renewals-report.ts';
import type { RetentionReport } from '../../src/reports/retention-report.ts';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';
import { runCli } from '../support/run-cli.ts';

// The demo portal's "today", and the day after: the second run sees one changed MRR.
const TODAY = new Date('2026-11-16T10:00:00.000Z');
const TOMORROW = new Date('2026-11-17T10:00:00.000Z');
const DAY_MS = 86_400_000;

type Properties = Record<string, string | undefined>;

/** The reports of a sandbox portal after a real run, read through the CLI in this process. */
describe('vitals report on the sandbox', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-report-'));
  const env = { VITALS_DATA_DIR: dataDir };
  const vitals = (args: string[], clock = TODAY, tty = false) => runCli(args, { env, clock, tty });
  const json = async <T>(args: string[], clock = TODAY): Promise<T> => {
    const result = await vitals([...args, '--format', 'json'], clock);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  /** What the sandbox portal holds: the properties the run wrote included. */
  const companies = () => {
    const db = openPortalDatabase(join(dataDir, 'sandbox'));
    try {
      const rows = db
        .prepare(`SELECT id, properties FROM objects WHERE type = 'companies'`)
        .all() as { id: number; properties: string }[];
      return new Map(rows.map((r) => [String(r.id), JSON.parse(r.properties) as Properties]));
    } finally {
      db.close();
    }
  };
  const mrrRows = async () => {
    const store = await openSqliteStore(dataDir);
    try {
      const history = await store.mrrHistory('sandbox');
      return [...history].flatMap(([id, points]) => points.map((p) => ({ id, ...p })));
    } finally {
      await store.close();
    }
  };
  /** Each contact's NPS answer in the sandbox portal, per company it is linked to. */
  const npsByHand = (until: number) => {
    const db = openPortalDatabase(join(dataDir, 'sandbox'));
    try {
      const rows = db
        .prepare(
          `SELECT o.id, o.properties FROM objects o WHERE o.type = 'contacts' AND EXISTS (
             SELECT 1 FROM associations a WHERE a.from_id = o.id AND a.to_type = 'companies')`,
        )
        .all() as { id: number; properties: string }[];
      const scores = rows.flatMap((r) => {
        const p = JSON.parse(r.properties) as Properties;
        const at = Date.parse(p.hs_feedback_last_survey_date ?? '');
        const rating = p.hs_feedback_last_nps_rating;
        return rating && at <= until ? [Number(rating)] : [];
      });
      const promoters = scores.filter((s) => s >= 9).length;
      const detractors = scores.filter((s) => s <= 6).length;
      return {
        responses: scores.length,
        promoters,
        detractors,
        score: Math.round(((promoters - detractors) * 1000) / scores.length) / 10,
      };
    } finally {
      db.close();
    }
  };
  const customers = () => [...companies()].filter(([, p]) => p.customer_status !== 'churned');

  beforeAll(async () => {
    const before = await vitals(['report', 'portfolio']);
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(
      /^No run has scored the sandbox demo portal yet, so there is nothing to report: run `vitals run --once`/,
    );
    const run = await vitals(['run', '--once', '--json']);
    expect(run.code).toBe(0);
  }, 120_000);

  it('counts per tier the companies the run wrote that tier to, and their MRR adds up', async () => {
    const report = await json<PortfolioReport>(['report', 'portfolio']);
    const paying = customers();
    expect(report.total.accounts).toBe(paying.length);
    for (const tier of report.byTier) {
      const written = paying.filter(([, p]) => (p.health_tier ?? 'unknown') === tier.tier);
      expect(new Set(tier.ids), tier.tier).toEqual(new Set(written.map(([id]) => id)));
    }
    const cents = (n: number) => Math.round(n * 100);
    const tierMrr = report.byTier.reduce((sum, t) => sum + cents(t.mrr), 0);
    expect(tierMrr).toBe(cents(report.total.mrr));
    const sandboxMrr = paying.reduce((sum, [, p]) => sum + cents(Number(p.mrr ?? 0)), 0);
    expect(cents(report.total.mrr)).toBe(sandboxMrr);
    // The alert queue is made of plays of these same accounts.
    const ids = new Set(paying.map(([id]) => id));
    expect(report.alerts.length).toBeGreaterThan(0);
    expect(report.alerts.every((a) => ids.has(a.companyId))).toBe(true);
  });

  it('agrees across reports: churn risk, renewals and win-back see the accounts the portfolio does', async () => {
    const portfolio = await json<PortfolioReport>(['report', 'portfolio']);
    const risk = await json<ChurnRiskReport>(['report', 'churn-risk']);
    for (const tier of risk.byTier) {
      const same = portfolio.byTier.find((t) => t.tier === tier.tier)!;
      expect({ accounts: tier.accounts, mrr: tier.mrr, ids: new Set(tier.ids) }).toEqual({
        accounts: same.accounts,
        mrr: same.mrr,
        ids: new Set(same.ids),
      });
    }
    const tierOf = new Map(portfolio.byTier.flatMap((t) => t.ids.map((id) => [id, t.tier])));
    const renewals = await json<RenewalsReport>(['report', 'renewals']);
    expect(renewals.total.accounts).toBeGreaterThan(0);
    for (const row of renewals.rows.filter((r) => !r.churned))
      expect(row.tier, row.companyId).toBe(tierOf.get(row.companyId));
    const forecast = renewals.forecast.reduce((sum, f) => sum + f.accounts, 0);
    expect(forecast).toBe(renewals.total.accounts);
    const reactivation = await json<ReactivationReport>(['report', 'reactivation']);
    const churned = new Set(
      [...companies()].filter(([, p]) => p.customer_status === 'churned').map(([id]) => id),
    );
    expect(reactivation.churned.ids.length).toBeGreaterThan(0);
    expect(reactivation.churned.ids.every((id) => churned.has(id) && !tierOf.has(id))).toBe(true);
  });

  it('filters by owner and segment, every figure from the accounts kept', async () => {
    const all = await json<PortfolioReport>(['report', 'portfolio']);
    const owner = companies().get(all.total.ids[0]!)!.hubspot_owner_id!;
    const mine = await json<PortfolioReport>(['report', 'portfolio', '--owner', owner]);
    const theirs = customers().filter(([, p]) => p.hubspot_owner_id === owner);
    expect(mine.filter).toEqual({ owner });
    expect(new Set(mine.total.ids)).toEqual(new Set(theirs.map(([id]) => id)));
    const smb = await json<PortfolioReport>(['report', 'portfolio', '--segment', 'smb']);
    expect(smb.total.accounts).toBeGreaterThan(0);
    expect(smb.total.accounts).toBeLessThan(all.total.accounts);
  });

  it('writes CSV as RFC 4180: CRLF records, one field count, quotes doubled', async () => {
    const result = await vitals(['report', 'churn-risk', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const records = parseCsv(result.stdout);
    expect(records[0]).toEqual([
      'Company ID',
      'Account',
      'Owner',
      'Tier',
      'Score',
      'Change (7 days)',
      'MRR',
      'Renewal in (days)',
      'What costs the most',
      'Plays in hand',
    ]);
    expect(records.length).toBeGreaterThan(2);
    for (const record of records) expect(record).toHaveLength(records[0]!.length);
    const risk = await json<ChurnRiskReport>(['report', 'churn-risk']);
    expect(records.slice(1).map((r) => r[0])).toEqual(risk.rows.map((r) => r.companyId));
    // A field with a comma, quote or line break is quoted, and reads back as it was.
    const quoted = records.slice(1).find((r) => r.some((f) => /[",]/.test(f)));
    expect(quoted).toBeDefined();
  });

  it('prints tables for people, tiers coloured on a terminal only', async () => {
    const plain = await vitals(['report', 'portfolio']);
    expect(plain.stdout).toMatch(/^The SANDBOX demo portal, as the run that finished/);
    expect(plain.stdout).toMatch(/^Tier +Accounts +Share of accounts +MRR +Share of MRR$/m);
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await vitals(['report', 'portfolio'], TODAY, true);
    expect(coloured.stdout).toContain('\u001b[');
  });

  it('refuses a wrong option with exit status 2, naming it and the fix', async () => {
    const wrong = await vitals(['report', 'portfolio', '--segment', 'Enterprise']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /--segment "Enterprise" is not a segment: .* Did you mean enterprise\?/,
    );
    const table = await vitals(['report', 'retention', '--format', 'csv', '--table', 'rows']);
    expect(table.code).toBe(2);
    expect(table.stderr).toMatch(/^--table: The retention report has no table "rows": use one of/);
  });

  // Last: it runs again, a day later, after a change in the portal.
  it('records the starting MRR once, then only the one change, and retention counts it', async () => {
    const first = await mrrRows();
    const starts = new Set(first.map((r) => r.at));
    expect(starts.size).toBe(1);
    expect(first).toHaveLength(companies().size);
    const [id, properties] = customers().find(([, p]) => Number(p.mrr) > 0)!;
    const before = Number(properties.mrr);
    const change = await vitals(['sandbox', 'change', id, `mrr=${before + 250}`]);
    expect(change.code).toBe(0);
    expect((await vitals(['run', '--once', '--json'], TOMORROW)).code).toBe(0);
    const second = await mrrRows();
    const added = second.filter((r) => !first.some((f) => f.id === r.id && f.at === r.at));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ id, mrr: before + 250 });
    expect(Date.parse(added[0]!.at)).toBeGreaterThan(Date.parse([...starts][0]!));

    const retention = await json<RetentionReport>(
      ['report', 'retention', '--from', '2026-11-16', '--to', '2026-11-17'],
      new Date(TOMORROW.getTime() + DAY_MS / 2),
    );
    expect(retention.startsAt).toBe([...starts][0]);
    expect(retention.notes[0]).toMatch(/^Vitals began recording MRR on 2026-11-16/);
    expect(retention.expansion).toEqual({ accounts: 1, mrr: 250, ids: [id] });
    expect(retention.contraction.accounts + retention.churn.accounts).toBe(0);
    expect(retention.grr.percent).toBe(100);
    const start = retention.start.mrr;
    expect(retention.nrr.percent).toBe(Math.round(((start + 250) / start) * 1000) / 10);
    expect(retention.start.ids).toContain(id);

    // NPS: every contact's latest answer, as the sandbox holds it, counted by hand.
    const end = Date.parse(retention.endsAt);
    const byHand = npsByHand(end);
    expect(byHand.responses).toBeGreaterThan(20);
    expect(retention.nps).toMatchObject(byHand);
  }, 120_000);

  it('keeps the NPS answers a contact gave before: a past period still counts them', async () => {
    const later = new Date(TOMORROW.getTime() + DAY_MS);
    const before = npsByHand(later.getTime());
    const db = openPortalDatabase(join(dataDir, 'sandbox'));
    const promoter = db
      .prepare(
        `SELECT o.id FROM objects o WHERE o.type = 'contacts'
           AND CAST(json_extract(o.properties, '$.hs_feedback_last_nps_rating') AS INTEGER) >= 9
           AND EXISTS (SELECT 1 FROM associations a WHERE a.from_id = o.id AND a.to_type = 'companies')
         ORDER BY o.id LIMIT 1`,
      )
      .get() as { id: number };
    db.close();
    // The promoter answers again, a detractor now; the day after, a run reads it.
    const answer = await vitals(
      ['sandbox', 'change', String(promoter.id), 'hs_feedback_last_nps_rating=3'],
      later,
    );
    expect(answer.stderr).toBe('');
    expect((await vitals(['run', '--once', '--json'], later)).code).toBe(0);

    const retention = async (to: string) =>
      (
        await json<RetentionReport>(
          ['report', 'retention', '--from', '2026-11-16', '--to', to],
          new Date(later.getTime() + DAY_MS),
        )
      ).nps!;
    const now = await retention('2026-11-18');
    expect(now).toMatchObject({
      responses: before.responses,
      promoters: before.promoters - 1,
      detractors: before.detractors + 1,
    });
    // HubSpot holds only the new answer; the store kept the one given before the 17th.
    const past = await retention('2026-11-17');
    expect(past).toMatchObject({ responses: before.responses, promoters: before.promoters });

    const table = await vitals([
      'report',
      'retention',
      '--from',
      '2026-11-16',
      '--to',
      '2026-11-18',
    ]);
    expect(table.stdout).toContain('NPS on 2026-11-18, from each contact');
    const line = (label: string) =>
      table.stdout.split('\n').find((l) => l.startsWith(`${label}  `));
    expect(line('Contacts who answered')).toMatch(new RegExp(` ${before.responses}$`));
    expect(line('Detractors (0–6)')).toMatch(new RegExp(` ${before.detractors + 1}$`));
    expect(line('NPS')).toMatch(new RegExp(` ${now.score! > 0 ? '\\+' : ''}${now.score}$`));
  }, 120_000);
});

/** RFC 4180 as a spreadsheet reads it: CRLF between records, "" for a quote inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i += 1;
    } else field += c;
    i += 1;
  }
  return records;
}
