import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');
const fixture = (name: string) => join('test/fixtures', name);
const TIERS = /^(Healthy|Monitor|At risk|Critical|No data) /;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bin in a process of its own: for what only a real process shows (Node's version, npx). */
function runProcess(args: string[], nodeArgs: string[] = []): Promise<Run> {
  return exec(process.execPath, [...nodeArgs, CLI, ...args]);
}

/** The CLI in this process: the same main, without a Node start per command. */
function run(args: string[], options: { tty?: boolean } = {}): Promise<Run> {
  return runCli(args, options);
}

function exec(file: string, args: string[], env = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A preload that runs before the CLI, to fake what the child process sees. */
const preload = (code: string) => ['--import', `data:text/javascript,${encodeURIComponent(code)}`];

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vitals-cli-')), name);
  writeFileSync(path, text);
  return path;
}

/** Every row has its score right-aligned under SCORE and its tier starting under TIER. */
function expectAlignedTable(lines: string[]): void {
  const [header, ...rows] = lines;
  expect(header).toMatch(/^ID +NAME +SEGMENT +SCORE +TIER +COVERAGE +TOP DRIVER$/);
  const scoreEnd = header!.indexOf('SCORE') + 'SCORE'.length;
  const tierAt = header!.indexOf('TIER');
  const coverageEnd = header!.indexOf('COVERAGE') + 'COVERAGE'.length;
  for (const row of rows) {
    expect(row.slice(0, scoreEnd)).toMatch(/ (\d+|-)$/);
    expect(row.slice(tierAt)).toMatch(TIERS);
    expect(row.slice(0, coverageEnd)).toMatch(/ \d+%$/);
  }
}

const tableLines = (stdout: string) => stdout.trimEnd().split('\n').slice(0, -1);

describe.concurrent('vitals CLI', () => {
  it('lists every command with a one-line description in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['score', 'models', 'run', 'setup', 'sandbox', 'start', 'demo'])
      expect(stdout).toMatch(new RegExp(`^  ${command}( \\[options\\])? +\\w.+$`, 'm'));
    expect(stdout).toContain('vitals models show NAME|PATH');
  });

  it('runs as the package bin through npx from the repo root', { timeout: 120_000 }, async () => {
    const PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
    const { code, stdout } = await exec('npx', ['vitals', '--help'], { ...process.env, PATH });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: vitals/);
  });

  it('stops with one clear line on a Node older than 22.18', async () => {
    const fake = "Object.defineProperty(process.versions, 'node', { value: '22.17.1' });";
    const { code, stdout, stderr } = await runProcess(['--help'], preload(fake));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/needs Node\.js 22\.18 or newer.*22\.17\.1.*install Node 22.*README/);
  });

  it('prints JSON results with hand-checkable scores', async () => {
    const { code, stdout, stderr } = await run([
      'score',
      '--input',
      fixture('accounts-valid.json'),
      '--format',
      'json',
    ]);
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['model', 'results', 'errors']);
    expect(out.model).toBe('retention-os');
    expect(out.errors).toEqual([]);
    const [full, partial, detractor, empty] = out.results;
    expect(full).toMatchObject({ id: 'full-marks', score: 100, tier: 'healthy', raw: 100 });
    expect(full).toMatchObject({ name: 'Full Marks Ltd', segment: 'enterprise', coverage: 100 });
    expect(full.dimensions.usage).toMatchObject({ score: 10, weight: 30 });
    expect(full.drivers).toEqual([]);
    // usage (7+4+3)/3 at 30, engagement 7 at 25: raw = (30×14/3 + 25×7)/55 × 10 = 57.27;
    // 30 days without contact costs 10 → 47. Coverage: (30 + 25/3) / 100 → 38 %.
    expect(partial).toMatchObject({ score: 47, tier: 'at_risk', raw: 57.27, coverage: 38 });
    expect(partial.dimensions.usage.score).toBe(4.67);
    expect(partial.dimensions.financial.score).toBeNull();
    expect(partial.modifiers).toMatchObject([{ key: 'days_since_last_contact', impact: -10 }]);
    const login = partial.signals.find((s: { key: string }) => s.key === 'login_frequency_pct');
    expect(login).toMatchObject({ dimension: 'usage', value: 75, points: 7, contribution: 12.73 });
    // The keys, plus the documented extras (name, segment, raw, label, maxPoints).
    expect(Object.keys(partial).sort()).toEqual([
      'coverage',
      'dimensions',
      'drivers',
      'id',
      'levers',
      'modifiers',
      'name',
      'raw',
      'score',
      'segment',
      'signals',
      'tier',
    ]);
    expect(Object.keys(partial.dimensions.usage).sort()).toEqual(['label', 'score', 'weight']);
    expect(Object.keys(login).sort()).toEqual([
      'contribution',
      'dimension',
      'key',
      'label',
      'maxPoints',
      'points',
      'value',
    ]);
    expect(Object.keys(partial.modifiers[0]).sort()).toEqual([
      'amount',
      'effect',
      'impact',
      'key',
      'label',
      'value',
    ]);
    expect(partial.levers.length).toBeGreaterThan(0);
    expect(detractor).toMatchObject({ score: 74, tier: 'monitor', raw: 100 });
    expect(empty).toMatchObject({ id: 'no-data', score: null, tier: 'unknown', coverage: 0 });
  });

  it('prints an aligned table without colour codes when stdout is not a terminal', async () => {
    const { code, stdout } = await run(['score', '--input', fixture('accounts-valid.json')]);
    expect(code).toBe(0);
    expect(stdout).toBe(stripVTControlCharacters(stdout));
    const lines = tableLines(stdout);
    expectAlignedTable(lines);
    expect(lines[1]).toMatch(/^full-marks +Full Marks Ltd +Enterprise +100 +Healthy +100% +none$/);
    expect(lines[2]).toMatch(
      /Partial Data Co +SMB +47 +At risk +38% +Check-in attendance: usually/,
    );
    expect(lines[3]).toMatch(/Detractor Inc .* 74 +Monitor +100% +Last NPS answer: 3 \(costs 26/);
    expect(lines[4]).toMatch(/^no-data .* - +No data +0% +no signals given$/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('4 scored, 0 rejected');
  });

  it('colours tiers on a terminal without breaking the columns', async () => {
    const args = ['score', '--input', fixture('accounts-valid.json')];
    const { stdout } = await run(args, { tty: true });
    expect(stdout).toContain('\u001b[1m\u001b[32mHealthy'); // bold green
    expect(stdout).toContain('\u001b[33mMonitor'); // yellow
    expect(stdout).toContain('\u001b[31mAt risk'); // orange has no terminal colour: red
    expectAlignedTable(tableLines(stripVTControlCharacters(stdout)));
  });

  it('scores the good accounts and names every bad one in JSON (exit 1)', async () => {
    const args = ['score', '-i', fixture('accounts-mixed.json'), '-f', 'json'];
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.results.map((r: { id: string }) => r.id)).toEqual(['good-1', 'good-2']);
    expect(out.errors).toEqual([
      {
        id: 'typo',
        path: 'accounts[1].signals.usage_dept',
        message: expect.stringContaining('Did you mean "usage_depth"?'),
      },
      {
        id: 'wrong-type',
        path: 'accounts[2].signals.core_features_adopted',
        message: expect.stringMatching(/"three".*a whole number/),
      },
      {
        id: 'out-of-range',
        path: 'accounts[3].modifiers.nps_last',
        message: expect.stringMatching(/11.*from 0 to 10/),
      },
      {
        id: 'bad-enum',
        path: 'accounts[4].signals.checkin_attendance',
        message: expect.stringMatching(/"often".*always, usually, sometimes, never/),
      },
    ]);
    expect(stderr).toMatch(/4 of 6 accounts were rejected/);
  });

  it('lists rejected accounts after the table on stderr (exit 1)', async () => {
    const { code, stdout, stderr } = await run(['score', '-i', fixture('accounts-mixed.json')]);
    expect(code).toBe(1);
    expectAlignedTable(tableLines(stdout));
    expect(stdout).toMatch(/^good-1 .*\n^good-2 /m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 scored, 4 rejected');
    for (const [id, field] of [
      ['typo', 'signals.usage_dept'],
      ['wrong-type', 'signals.core_features_adopted'],
      ['out-of-range', 'modifiers.nps_last'],
      ['bad-enum', 'signals.checkin_attendance'],
    ])
      expect(stderr).toMatch(new RegExp(`^  ${id} +accounts\\[\\d\\]\\.${field} +(Got|")`, 'm'));
    expect(stderr).toContain('Did you mean "usage_depth"?');
  });

  it('gives line and column for broken JSON (exit 2)', async () => {
    const broken = tempFile(
      'broken.json',
      '{\n  "accounts": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n',
    );
    const trailing = tempFile('trailing.json', '{ "accounts": [{ "id": "a" },] }');
    const [missingComma, extraComma] = await Promise.all([
      run(['score', '-i', broken, '-f', 'json']),
      run(['score', '-i', trailing]),
    ]);
    expect(missingComma).toMatchObject({ code: 2, stdout: '' });
    expect(missingComma.stderr).toMatch(/not valid JSON\. At line 4, column 5: a comma is missing/);
    expect(extraComma.code).toBe(2);
    expect(extraComma.stderr).toMatch(
      /line 1, column 30: expected a value \(is there a comma too many/,
    );
  });

  it('exits 2 when the input file is missing, a folder, or has no accounts list', async () => {
    const [missing, folder, shape] = await Promise.all([
      run(['score', '-i', 'no/such/file.json']),
      run(['score', '-i', 'test/fixtures']),
      run(['score', '-i', fixture('accounts-wrong-shape.json')]),
    ]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/Cannot read no\/such\/file\.json: there is no such file/);
    expect(folder).toMatchObject({ code: 2, stdout: '' });
    expect(folder.stderr).toMatch(/it is a folder/);
    expect(shape).toMatchObject({ code: 2, stdout: '' });
    expect(shape.stderr).toMatch(/Expected an object with an "accounts" list/);
  });

  it('exits 2 and lists the presets for a model that cannot be used', async () => {
    const input = ['score', '-i', fixture('accounts-valid.json'), '--model'];
    const runs = await Promise.all([
      run([...input, 'retention-0s']),
      run([...input, 'models/missing.yaml']),
      run([...input, fixture('model-invalid.json')]),
    ]);
    for (const { code, stdout, stderr } of runs) {
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toMatch(/^Presets: retention-os \(default\), cs-engine, services/m);
    }
    expect(runs[0]!.stderr).toContain('There is no preset called "retention-0s"');
    expect(runs[1]!.stderr).toMatch(/missing\.yaml: the file does not exist/);
    expect(runs[2]!.stderr).toMatch(/dimensions: Dimension weights add up to 60/);
  });

  it('rejects an unknown --format with the allowed choices (exit 2)', async () => {
    const { code, stderr } = await run([
      'score',
      '-i',
      fixture('accounts-valid.json'),
      '-f',
      'csv',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/'csv' is invalid\. Allowed choices are table, json/);
  });

  it('scores with a model file and its segment overrides', async () => {
    const args = ['score', '-i', fixture('accounts-tiny.json'), '-m', fixture('model-small.json')];
    const { code, stdout } = await run([...args, '-f', 'json']);
    expect(code).toBe(0);
    // smb: (60×10 + 40×4) / 100 → 76, good; enterprise weighs care 80: (20×10 + 80×4) / 100 → 52.
    expect(JSON.parse(stdout)).toMatchObject({
      model: 'tiny',
      results: [
        { id: 't-smb', score: 76, tier: 'good' },
        { id: 't-ent', score: 52, tier: 'poor' },
      ],
    });
  });

  it('lists the presets with weights and tier ranges', async () => {
    const [table, json] = await Promise.all([run(['models']), run(['models', '-f', 'json'])]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^retention-os \(default\): Retention OS$/m);
    expect(table.stdout).toMatch(/^cs-engine: CS Engine$/m);
    expect(table.stdout).toMatch(/^services: Services$/m);
    expect(table.stdout).toContain('Dimensions: Usage 30 · Engagement 25 · Financial 20');
    expect(table.stdout).toContain('Tiers: Healthy 75–100 · Monitor 50–74 · At risk 25–49');
    const out = JSON.parse(json.stdout);
    expect(out.default).toBe('retention-os');
    expect(out.models.map((m: { name: string }) => m.name)).toEqual([
      'retention-os',
      'cs-engine',
      'services',
    ]);
  });

  it('shows one model in full, by preset name or by path', async () => {
    const [preset, path, json] = await Promise.all([
      run(['models', 'show', 'retention-os']),
      run(['models', 'show', fixture('model-small.json')]),
      run(['models', 'show', 'cs-engine', '--format', 'json']),
    ]);
    expect(preset.code).toBe(0);
    for (const text of [
      'Usage (usage): weight 30',
      '    ≥ 90 → 10',
      '    advanced → 10',
      '    "none" → 1',
      '  At risk (at_risk): 25–49',
      'when ≤ 6, holds the score at 74 or less, the top of Monitor',
      'when ≥ 21, takes 10 points off the score',
    ])
      expect(preset.stdout).toContain(text);
    expect(path.stdout).toContain('  enterprise: weights Usage 20, Care 80; tiers Good from 70');
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'cs-engine', label: 'CS Engine' });
  });

  it('demo scores the demo portfolio: plainly demo data, every tier, no rejects', async () => {
    const { code, stdout, stderr } = await run(['demo']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n')[0]).toMatch(/^DEMO DATA: .*made up/);
    const lines = stdout.trimEnd().split('\n');
    const table = lines.slice(
      lines.findIndex((l) => l.startsWith('ID ')),
      -1,
    );
    expectAlignedTable(table);
    const tierAt = table[0]!.indexOf('TIER');
    const tiers = new Set(table.slice(1).map((row) => TIERS.exec(row.slice(tierAt))?.[1]));
    expect(tiers).toEqual(new Set(['Healthy', 'Monitor', 'At risk', 'Critical', 'No data']));
    expect(lines.at(-1)).toBe('25 scored, 0 rejected');
  });
});
