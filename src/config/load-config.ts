import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { findConfigFile } from './find-config-file.ts';
import { readConfigFile } from './read-config-file.ts';
import type { Env } from './read-env.ts';
import { resolveConfig } from './resolve-config.ts';

export interface LoadConfigOptions {
  /** Default: process.env. */
  env?: Env;
  /** The config file; default VITALS_CONFIG, else vitals.config.json|yaml|yml in `cwd`. */
  file?: string | undefined;
  /** Default: process.cwd(). Relative paths are resolved against it. */
  cwd?: string;
}

/**
 * Reads, validates and resolves the config once at start-up: the only place that reads the
 * environment. Throws a ConfigError listing every problem; it never calls HubSpot.
 */
export function loadConfig({
  env = process.env,
  file,
  cwd = process.cwd(),
}: LoadConfigOptions = {}): Config {
  const given = file ?? (env.VITALS_CONFIG?.trim() || undefined);
  const path = given === undefined ? findConfigFile(cwd) : resolve(cwd, given);
  const data = path === null ? {} : readConfigFile(path);
  return resolveConfig(data, { env, cwd, file: path });
}
