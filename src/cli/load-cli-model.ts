import { DEFAULT_MODEL, loadModel, presetNames } from '../models/load-model.ts';
import type { Model } from '../scoring/model-schema.ts';
import { ModelError } from '../scoring/parse-model.ts';
import { CliError } from './cli-error.ts';

/** loadModel, with a failure turned into a message that lists the presets to choose from. */
export function loadCliModel(nameOrPath: string): Model {
  try {
    return loadModel(nameOrPath);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const problems = error.issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`);
    const presets = presetNames().map((name) =>
      name === DEFAULT_MODEL ? `${name} (default)` : name,
    );
    throw new CliError(
      [
        `Cannot use the model "${nameOrPath}":`,
        ...problems,
        `Presets: ${presets.join(', ')} (see them with: vitals models).`,
      ].join('\n'),
    );
  }
}
