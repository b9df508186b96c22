import { EXIT } from './cli-error.ts';
import { DEFAULT_MODEL, presetNames } from '../models/load-model.ts';
import { loadCliModel } from './load-cli-model.ts';
import type { OutputFormat } from './print-score-report.ts';
import type { Io } from './process-io.ts';
import { renderModelSummary } from './render-model-summary.ts';

/** `vitals models`: the presets, in short. */
export function listModels(format: OutputFormat, io: Io): number {
  const models = presetNames().map((name) => loadCliModel(name));
  if (format === 'json') {
    io.out(`${JSON.stringify({ default: DEFAULT_MODEL, models }, null, 2)}\n`);
    return EXIT.ok;
  }
  const blocks = models.map((m) => renderModelSummary(m, m.name === DEFAULT_MODEL).join('\n'));
  io.out(`${blocks.join('\n\n')}\n\nSee one in full with: vitals models show NAME\n`);
  return EXIT.ok;
}
