import {
  HubSpotUnreachableError,
  isUnreachable,
  unreachableMessage,
} from '../app/hubspot-unreachable.ts';
import { openApp, type App } from '../app/open-app.ts';
import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import { RunInProgressError } from '../jobs/run-rescore.ts';
import { StoreError, USER_FIXABLE_STORE_CODES } from '../store/store-error.ts';
import { CliError, EXIT } from './cli-error.ts';

/** What a command says when the app fails: bad input exits 2, the rest goes on as a crash. */
export function explainAppError(error: unknown): Error {
  if (error instanceof CliError) return error;
  if (error instanceof ConfigError) return new CliError(error.message);
  if (error instanceof StoreError && USER_FIXABLE_STORE_CODES.has(error.code))
    return new CliError(error.message);
  if (error instanceof RunInProgressError) return new CliError(error.message, EXIT.rejected);
  if (error instanceof HubSpotUnreachableError) return new CliError(error.message, EXIT.rejected);
  if (isUnreachable(error))
    return new CliError(
      unreachableMessage(null, error, 'then run the command again.'),
      EXIT.rejected,
    );
  if (error instanceof HubSpotError)
    return new CliError(`HubSpot said no: ${error.message}`, EXIT.rejected);
  return error as Error;
}

/** Opens the app (config, store, portal), saying in plain words why it could not. */
export async function openAppOrExplain(options: { serve?: boolean } = {}): Promise<App> {
  try {
    return await openApp(process.env, options);
  } catch (error) {
    throw explainAppError(error);
  }
}

/** The config, or the CLI error that says what to fix in it. */
export function loadConfigOrExplain(): Config {
  try {
    return loadConfig();
  } catch (error) {
    throw explainAppError(error);
  }
}
