import { readdirSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { ModelError, parseModel } from '../scoring/parse-model.ts';
import type { Model } from '../scoring/model-schema.ts';

const PRESET_DIR = fileURLToPath(new URL('../scoring/presets/', import.meta.url));
export const DEFAULT_MODEL = 'retention-os';

export function presetNames(): string[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort((a, b) => (a === DEFAULT_MODEL ? -1 : b === DEFAULT_MODEL ? 1 : a.localeCompare(b)));
}

/** Reads a preset by name, or a model file by path (.json, .yaml or .yml). */
export function loadModel(nameOrPath: string = DEFAULT_MODEL): Model {
  const looksLikePath = /[\\/]|\.(json|ya?ml)$/i.test(nameOrPath);
  if (!looksLikePath) {
    if (!presetNames().includes(nameOrPath)) {
      throw new ModelError(nameOrPath, [
        {
          path: '',
          message: `There is no preset called "${nameOrPath}"; use one of ${presetNames().join(', ')}, or the path of a model file.`,
        },
      ]);
    }
    return loadModelFile(resolve(PRESET_DIR, `${nameOrPath}.yaml`), `preset ${nameOrPath}`);
  }
  return loadModelFile(resolve(nameOrPath), nameOrPath);
}

function loadModelFile(path: string, source: string): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : (error as Error).message;
    throw new ModelError(source, [{ path: '', message: `Cannot read ${path}: ${reason}.` }]);
  }
  let data: unknown;
  try {
    data =
      extname(path).toLowerCase() === '.json'
        ? JSON.parse(text)
        : YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ModelError(source, [
      { path: '', message: `Cannot parse it: ${(error as Error).message}` },
    ]);
  }
  return parseModel(data, source);
}
