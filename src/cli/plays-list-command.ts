import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import { describeRules } from '../plays/describe-rules.ts';
import { CliError, EXIT } from './cli-error.ts';
import { renderPlaysList } from './plays-list-text.ts';
import type { Io } from './process-io.ts';

/** `vitals plays list`: the rule table in words. Needs only the config: no portal, no store. */
export function playsListCommand(options: { json?: boolean }, io: Io): number {
  let settings;
  try {
    settings = loadConfig().plays;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const rows = describeRules(settings);
  io.out(options.json ? `${JSON.stringify(rows, null, 2)}\n` : renderPlaysList(rows, settings));
  return EXIT.ok;
}
