import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/process-io.ts';
import { scoreCommand } from '../../../src/cli/score-command.ts';

function accountsFile(accounts: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vitals-score-')), 'accounts.json');
  writeFileSync(path, JSON.stringify({ accounts }));
  return path;
}

function score(input: string, format: 'table' | 'json' = 'json') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    color: false,
    errIsTTY: false,
  };
  const code = scoreCommand({ input, model: 'retention-os', format }, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('vitals score with fields it does not read', () => {
  it('scores all 20,000 accounts of an export with a notes column, with one warning', () => {
    const accounts = Array.from({ length: 20_000 }, (_, i) => ({
      id: String(i + 1),
      notes: `call ${i}`,
      signals: { usage_depth: 'basic' },
    }));
    const { code, stdout, stderr } = score(accountsFile(accounts));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect([report.results.length, report.errors]).toEqual([20_000, []]);
    expect(stderr).toBe(
      'Warning: ignored the field "notes" in 20,000 accounts. Vitals reads only id, name, segment, signals, modifiers; remove it to silence this warning.\n',
    );
  });

  it('names a near miss, and still rejects an unknown signal with the rest scored', () => {
    const { code, stdout, stderr } = score(
      accountsFile([
        { id: 'a', segmnet: 'smb', signals: { usage_depth: 'basic' } },
        { id: 'b', signals: { notes: 'x' } },
      ]),
      'table',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Warning: ignored the field "segmnet" in 1 account\. Did you mean "segment"\?$/m,
    );
    expect(stderr).toMatch(/^ {2}b +accounts\[1\]\.signals\.notes +"notes" is not a signal/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 scored, 1 rejected');
  });
});
