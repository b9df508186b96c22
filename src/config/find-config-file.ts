import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config-error.ts';

export const CONFIG_FILE_NAMES = ['vitals.config.json', 'vitals.config.yaml', 'vitals.config.yml'];

/** The config file in `dir`, or null when there is none; two of them is an error. */
export function findConfigFile(dir: string): string | null {
  const found = CONFIG_FILE_NAMES.map((name) => resolve(dir, name)).filter((p) => existsSync(p));
  if (found.length > 1) {
    throw new ConfigError(dir, [
      {
        path: '',
        message: `Found ${found.join(' and ')}; keep one of them so it is clear which applies.`,
      },
    ]);
  }
  return found[0] ?? null;
}
