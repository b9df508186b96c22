import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VITALS_NODE_FLAGS } from '../../bench/vitals-node-flags.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as {
  scripts: Record<string, string>;
};

describe('the Node flags vitals runs with', () => {
  it('keeps a small young generation, from the shebang', () => {
    expect(VITALS_NODE_FLAGS).toEqual(['--max-semi-space-size=4']);
  });

  it('are the ones npm start passes too', () => {
    expect(packageJson.scripts.start).toBe(
      `node ${VITALS_NODE_FLAGS.join(' ')} src/cli/vitals.js start`,
    );
  });
});
