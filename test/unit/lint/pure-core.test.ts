import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint config keeps scoring, signals and plays pure', () => {
  const forbidden = [
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'no-restricted-imports',
    ],
    ["import fs from 'fs';\nexport const x = fs;", 'no-restricted-imports'],
    ["import express from 'express';\nexport const x = express;", 'no-restricted-imports'],
    ["import Database from 'better-sqlite3';\nexport const x = Database;", 'no-restricted-imports'],
    [
      "import { Client } from '@hubspot/api-client';\nexport const x = Client;",
      'no-restricted-imports',
    ],
    ["import { run } from '../jobs/run.ts';\nexport const x = run;", 'no-restricted-imports'],
    ['export const token = process.env.HUBSPOT_ACCESS_TOKEN;', 'no-restricted-globals'],
    ['export const now = Date.now();', 'no-restricted-syntax'],
    ['export const now = new Date();', 'no-restricted-syntax'],
    ['export const now = Date();', 'no-restricted-syntax'],
    ['export const t = performance.now();', 'no-restricted-globals'],
    ['export const env = globalThis.process.env;', 'no-restricted-syntax'],
    ["import { gzipSync } from 'zlib';\nexport const x = gzipSync;", 'no-restricted-imports'],
    [
      "import { performance as p } from 'perf_hooks';\nexport const x = p;",
      'no-restricted-imports',
    ],
  ] as const;

  it.each([
    'src/scoring/probe.ts',
    'src/signals/probe.ts',
    'src/plays/probe.ts',
    'src/validation/probe.ts',
  ])('rejects I/O, env and clock in %s', async (file) => {
    for (const [code, rule] of forbidden) expect(await ruleIdsFor(code, file)).toContain(rule);
  });

  it('allows pure code there, and I/O in the shell', async () => {
    expect(
      await ruleIdsFor(
        "import { z } from 'zod';\nexport const at = new Date(0); export const s = z.string();",
        'src/scoring/probe.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
        'src/models/probe.ts',
      ),
    ).toEqual([]);
  });
});
