import { join } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { resetSandbox } from '../sandbox/reset-sandbox.ts';
import { EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

/** `vitals sandbox reset`: the next start seeds a fresh demo portal. */
export function sandboxReset(io: Io): number {
  const { dataDir } = loadConfig();
  resetSandbox(join(dataDir, 'sandbox'));
  io.out(
    `The sandbox portal in ${join(dataDir, 'sandbox')} is gone; the next run seeds a fresh one.\n`,
  );
  return EXIT.ok;
}
