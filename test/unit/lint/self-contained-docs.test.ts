import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// Installed, generated or local state: not the project's own words.
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'data', 'coverage', '.node']);

// Notes kept beside the project (a "shared" folder next to it) do not ship with it: a comment
// or README that sends the reader there points at nothing.
const OUTSIDE = [/(?<![\w.@/-])(?:\.\.\/)*shared\//, /\.\.\/shared\b/, /\/work\/shared\b/];

/** Each line of `text` that points at a file outside the project, as "line: text". */
function outsideReferences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (OUTSIDE.some((p) => p.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

function* projectFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) yield* projectFiles(path);
    else if (entry.isFile()) yield path;
  }
}

// Spelled in pieces so this file does not match its own check.
const NOTES = ['shared', 'HUBSPOT.md'].join('/');

describe('the project stands alone', () => {
  it('finds references to notes outside the project, wherever they sit', () => {
    expect(outsideReferences(`// HubSpot's limits (${NOTES}).`)).toHaveLength(1);
    expect(outsideReferences(`See ${NOTES} for the rest.`)).toHaveLength(1);
    expect(outsideReferences(`see [the notes](../${NOTES})`)).toHaveLength(1);
    expect(outsideReferences(`see ${['..', 'shared'].join('/')}`)).toHaveLength(1);
    expect(outsideReferences(`/${['work', NOTES].join('/')}`)).toHaveLength(1);
    expect(outsideReferences(`${NOTES}\n`)).toEqual([`1: ${NOTES}`]);
  });

  it('leaves a folder of that name inside a path alone', () => {
    expect(outsideReferences("import x from '@acme/shared/x';")).toEqual([]);
    expect(outsideReferences('node_modules/some-lib/shared/index.js')).toEqual([]);
    expect(outsideReferences('a shared limit, shared by every caller')).toEqual([]);
  });

  it('has no comment, README or doc that points at a file outside the project', () => {
    const found: string[] = [];
    for (const path of projectFiles(ROOT)) {
      const text = readFileSync(path, 'utf8');
      if (text.includes('\0')) continue;
      for (const line of outsideReferences(text)) found.push(`${relative(ROOT, path)}:${line}`);
    }
    expect(found, 'reword these so the project says it itself').toEqual([]);
  });
});
