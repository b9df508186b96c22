import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../../src/config/config.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { Io } from '../../../src/cli/process-io.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** Deletes every folder this module made (call it in afterAll). */
export function removeCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of this repository's HubSpot project (hsproject.json, extensions/ minus node_modules). */
export function projectCopy(): string {
  const dir = tempDir('vitals-app-');
  cpSync(path.join(ROOT, 'hsproject.json'), path.join(dir, 'hsproject.json'));
  cpSync(path.join(ROOT, 'extensions'), path.join(dir, 'extensions'), {
    recursive: true,
    filter: (source) => !source.split(path.sep).includes('node_modules'),
  });
  return dir;
}

/** A config file with `yaml` in a fresh folder, and the env that points loadConfig at it. */
export function configEnv(yaml = '{}\n'): Record<string, string> {
  const file = path.join(tempDir('vitals-app-config-'), 'vitals.config.yaml');
  writeFileSync(file, yaml);
  return { VITALS_CONFIG: file };
}

/** The config Vitals runs with when `yaml` is its config file (default: the built-in one). */
export function configOf(yaml?: string, env: Record<string, string> = {}): Config {
  return loadConfig({ env: { ...configEnv(yaml), ...env } });
}

/** An Io that keeps what a command prints. */
export function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    color: false,
    errIsTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}
