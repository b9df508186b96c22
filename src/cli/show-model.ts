import { EXIT } from './cli-error.ts';
import { loadCliModel } from './load-cli-model.ts';
import type { OutputFormat } from './print-score-report.ts';
import type { Io } from './process-io.ts';
import { renderModel } from './render-model.ts';

/** `vitals models show`: one preset or model file in full. */
export function showModel(nameOrPath: string, format: OutputFormat, io: Io): number {
  const model = loadCliModel(nameOrPath);
  io.out(
    format === 'json'
      ? `${JSON.stringify(model, null, 2)}\n`
      : `${renderModel(model).join('\n')}\n`,
  );
  return EXIT.ok;
}
