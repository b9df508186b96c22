import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { ConfigError } from './config-error.ts';
import { envIssue } from './env-issue.ts';
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
  const fromEnv = file === undefined ? env.VITALS_CONFIG?.trim() || undefined : undefined;
  const given = file ?? fromEnv;
  const path = given === undefined ? findConfigFile(cwd) : resolve(cwd, given);
  if (fromEnv !== undefined && path !== null) checkConfigVariable(fromEnv, path);
  const data = path === null ? {} : readConfigFile(path);
  return resolveConfig(data, { env, cwd, file: path });
}

/** A VITALS_CONFIG that names no file is the variable's mistake, not the file's. */
function checkConfigVariable(value: string, path: string): void {
  const isFile = statSync(path, { throwIfNoEntry: false })?.isFile();
  if (isFile === true) return;
  const found = isFile === undefined ? 'there is no such file' : 'it is a folder';
  throw new ConfigError(
    'VITALS_CONFIG',
    [],
    [
      envIssue(
        'VITALS_CONFIG',
        value,
        `but ${found} (${path}): set VITALS_CONFIG to the config file's path, or unset it to use vitals.config.yaml in the working directory.`,
      ),
    ],
  );
}
