import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/vitals.js', import.meta.url));

/** The Node flags the vitals command runs with, read from its shebang, so a bench child runs alike. */
export const VITALS_NODE_FLAGS: string[] = nodeFlags(readFileSync(BIN, 'utf8'));

function nodeFlags(source: string): string[] {
  const shebang = /^#!\/usr\/bin\/env -S node((?: --[a-z-]+=\S+)*)\n/.exec(source);
  if (!shebang) throw new Error(`${BIN} does not start with "#!/usr/bin/env -S node [flags]".`);
  return shebang[1]!.trim().split(/\s+/).filter(Boolean);
}
