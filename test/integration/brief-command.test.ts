import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/brief/brief-types.ts';
import { runCli } from '../support/run-cli.ts';

const COMPANY = '31000000001';

function env(name: string): Record<string, string> {
  return { VITALS_DATA_DIR: mkdtempSync(join(tmpdir(), `vitals-brief-${name}-`)) };
}

const HEADINGS = [
  'Health now and 90-day trend',
  'What moved and why',
  'Goals and ROI evidence',
  'Open plays and outcomes',
  'Renewal and forecast',
  'Expansion signals',
  'Risks',
  'Stakeholders',
  'Suggested agenda',
];

describe.concurrent('vitals brief', () => {
  it('prints the QBR prep brief of a demo company as markdown and as JSON, writing nothing', async () => {
    const dir = env('ok');
    const text = await runCli(['brief', COMPANY], { env: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('SANDBOX demo portal');
    expect(text.stdout).toMatch(/^# QBR prep: .+/);
    for (const heading of HEADINGS) expect(text.stdout).toContain(`## ${heading}`);
    // Nothing stored yet: the brief says what is missing instead of inventing a trend.
    expect(text.stdout).toContain('Missing:');

    const json = await runCli(['brief', COMPANY, '--format', 'json'], { env: dir });
    expect(json.code).toBe(0);
    const brief = JSON.parse(json.stdout) as Brief;
    expect(brief).toMatchObject({ kind: 'qbr', companyId: COMPANY });
    expect(brief.sections.map((s) => s.heading)).toEqual(HEADINGS.slice(0, -1));
    expect(brief.agenda).toHaveLength(3);
  }, 60_000);

  it('stops with exit status 2 on an id that is not one, an unknown company or format', async () => {
    const dir = env('bad');
    const notAnId = await runCli(['brief', 'acme-corp'], { env: dir });
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('"acme-corp" is not a company id');
    const format = await runCli(['brief', COMPANY, '--format', 'pdf'], { env: dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format "pdf" is not a format of the brief');
    const unknown = await runCli(['brief', '31000000002'], { env: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No company has the id 31000000002');
  }, 60_000);
});
