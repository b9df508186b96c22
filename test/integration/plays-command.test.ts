import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { CompanyPlaysReport } from '../../src/jobs/explain-company-plays.ts';
import type { RuleDescription } from '../../src/plays/describe-rules.ts';
import { RULES } from '../../src/plays/rules.ts';
import { TRACK_PLAY, TRACK_PLAY_IDS } from '../../src/plays/track-ids.ts';
import type { OpenTracks, TrackKind } from '../../src/plays/play-types.ts';

// The demo portal's first company.
const COMPANY = '31000000001';

/** The CLI in this process (see run-cli.ts): a Node start per command is seconds on a busy machine. */
function vitals(args: string[], env: Record<string, string>) {
  return runCli(args, { env });
}

function dataDir(name: string, config?: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `vitals-plays-${name}-`));
  if (config === undefined) return { VITALS_DATA_DIR: dir };
  const file = join(dir, 'vitals.config.yaml');
  writeFileSync(file, config);
  return { VITALS_DATA_DIR: dir, VITALS_CONFIG: file };
}

/** Everything a run writes, in the store and in the sandbox portal, as one comparable value. */
function written(dir: string) {
  const read = (file: string, queries: string[]) => {
    const db = new Database(file, { readonly: true });
    try {
      return queries.map((q) => db.prepare(q).all());
    } finally {
      db.close();
    }
  };
  return {
    store: read(join(dir, 'vitals.sqlite'), [
      'SELECT count(*) AS n FROM score_history',
      'SELECT count(*) AS n FROM company_state',
      'SELECT count(*) AS n FROM job_runs',
      'SELECT count(*) AS n FROM play_state',
      'SELECT key, status, hubspot_id, updated_at FROM action_ledger ORDER BY key',
    ]),
    portal: read(join(dir, 'sandbox', 'sandbox-portal.sqlite'), [
      'SELECT type, count(*) AS n, max(updated_at) AS latest FROM objects GROUP BY type',
      'SELECT count(*) AS n FROM property_history',
      'SELECT count(*) AS n FROM enrollments',
    ]),
  };
}

/** The tracks the store saved as open for the company after its last evaluation. */
function savedTracks(dir: string, companyId: string): OpenTracks {
  const db = new Database(join(dir, 'vitals.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT tracks FROM play_state WHERE company_id = ?').get(companyId);
    return JSON.parse((row as { tracks: string | null } | undefined)?.tracks ?? '{}') as OpenTracks;
  } finally {
    db.close();
  }
}

describe.concurrent('vitals plays list', () => {
  it('prints every rule by section, within 100 columns, without any portal', async () => {
    const env = dataDir('list');
    const { code, stdout, stderr } = await vitals(['plays', 'list'], env);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^55 plays, all switched on\./);
    expect(stdout).toContain('§3 Alerts on score changes');
    expect(stdout).toContain('§7 Expansion');
    expect(stdout).toContain('  tier-critical — Critical: executive escalation');
    expect(stdout).toMatch(
      /^ {4}routing {3}company owner \(else fallback\), and the owner's manager$/m,
    );
    for (const rule of RULES) expect(stdout).toContain(`  ${rule.id} — `);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(existsSync(join(env.VITALS_DATA_DIR!, 'sandbox'))).toBe(false);
    expect(existsSync(join(env.VITALS_DATA_DIR!, 'vitals.sqlite'))).toBe(false);
  }, 30_000);

  it('gives the rows as JSON, with the switched-off rules marked', async () => {
    const env = dataDir('list-json', 'plays:\n  disabledRules: [tier-critical, win-back]\n');
    const json = await vitals(['plays', 'list', '--json'], env);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as RuleDescription[];
    expect(rows.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(rows.filter((r) => !r.enabled).map((r) => r.id)).toEqual(['tier-critical', 'win-back']);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'section',
      'title',
      'trigger',
      'episode',
      'applies',
      'actions',
      'priority',
      'due',
      'routing',
      'enabled',
    ]);
    const text = await vitals(['plays', 'list'], env);
    expect(text.stdout).toMatch(/^55 plays, 2 switched off in plays\.disabledRules\./);
    expect(text.stdout).toContain(
      '  tier-critical — Critical: executive escalation\n    status    SWITCHED OFF in plays.disabledRules: runs skip it\n',
    );
  }, 30_000);

  it('stops on a disabled rule that is not in the table, naming the entry, the value and the fix', async () => {
    const env = dataDir('list-bad', 'plays:\n  disabledRules: [win-back, tier_critical]\n');
    const { code, stdout, stderr } = await vitals(['plays', 'list'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'plays.disabledRules[1]: "tier_critical" is not a rule id. Did you mean "tier-critical"?',
    );
    expect(stderr).toContain('score-drop-7d, score-drop-30d');
    expect(existsSync(join(env.VITALS_DATA_DIR!, 'sandbox'))).toBe(false);
  }, 30_000);
});

describe.concurrent('vitals plays explain', () => {
  it('explains one demo company, and after a run shows what the ledger holds, writing nothing', async () => {
    const env = dataDir('explain');
    const before = await vitals(['plays', 'explain', COMPANY], env);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('SANDBOX demo portal');
    expect(before.stdout).toMatch(new RegExp(`^.+ \\(company ${COMPANY}\\)$`, 'm'));
    expect(before.stdout).toMatch(/^Not firing \(\d+\)$/m);
    expect(before.stdout).toContain('health_recommended_plays would read:');
    expect(before.stdout).not.toMatch(/already (done|skipped)/);

    const run = await vitals(['run', '--once', '--json'], env);
    expect(run.code).toBe(0);
    const snapshot = written(env.VITALS_DATA_DIR!);
    const after = await vitals(['plays', 'explain', COMPANY, '--json'], env);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('SANDBOX demo portal');
    const report = JSON.parse(after.stdout) as CompanyPlaysReport;
    expect(report.company.id).toBe(COMPANY);
    // The account's open tracks come first (each its one task), then every rule of the table.
    const tracks = report.rules.filter((r) => TRACK_PLAY_IDS.has(r.ruleId));
    expect(report.rules.slice(0, tracks.length)).toEqual(tracks);
    expect(report.rules.slice(tracks.length).map((r) => r.ruleId)).toEqual(RULES.map((r) => r.id));
    for (const rule of report.rules) expect(rule.why).not.toBe('');
    // The run recorded everything it planned: each action that still fires is in the ledger.
    const actions = report.rules.flatMap((r) => r.actions).filter((a) => !a.unconfigured);
    for (const a of actions) expect(a.ledger?.key).toBe(a.action.key);
    // A crossing that still holds keeps its track open (its entries are the track's); one
    // that only enrols has its own.
    for (const rule of report.rules.filter((r) => r.why.startsWith('still holds'))) {
      const track = RULES.find((r) => r.id === rule.ruleId)?.track;
      if (track) expect(tracks.map((t) => t.ruleId)).toContain(TRACK_PLAY[track].id);
      else expect(rule.earlier.length).toBeGreaterThan(0);
    }
    // A track whose task the run made shows that task's entries, as the ledger holds them.
    const saved = savedTracks(env.VITALS_DATA_DIR!, COMPANY);
    expect(tracks.map((t) => t.ruleId)).toEqual(
      expect.arrayContaining(Object.keys(saved).map((k) => TRACK_PLAY[k as TrackKind].id)),
    );
    for (const [kind, state] of Object.entries(saved)) {
      const row = tracks.find((t) => t.ruleId === TRACK_PLAY[kind as TrackKind].id)!;
      expect(row.earlier.length > 0).toBe(state.task);
      for (const e of row.earlier) expect(e.key.startsWith(`${COMPANY}:${row.ruleId}:`)).toBe(true);
    }
    expect(written(env.VITALS_DATA_DIR!)).toEqual(snapshot);
  }, 60_000);

  it('rejects an id no company has, and a value that is no id, with exit status 2', async () => {
    const env = dataDir('explain-bad');
    const unknown = await vitals(['plays', 'explain', '31000000002'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'No company has the id 31000000002 in the sandbox demo portal',
    );
    expect(unknown.stderr).toContain('`vitals run`');
    const other = dataDir('explain-nan');
    const notAnId = await vitals(['plays', 'explain', 'acme-corp'], other);
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('"acme-corp" is not a company id');
    expect(existsSync(join(other.VITALS_DATA_DIR!, 'sandbox'))).toBe(false);
  }, 30_000);
});
