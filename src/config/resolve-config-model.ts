import { resolve } from 'node:path';
import { DEFAULT_MODEL, loadModel, presetNames } from '../models/load-model.ts';
import type { Model } from '../scoring/model-schema.ts';
import { ModelError, parseModel } from '../scoring/parse-model.ts';
import { closestMatch } from '../validation/closest-match.ts';
import type { IssueReport } from '../validation/describe-issues.ts';
import { applyModelOverrides } from './apply-model-overrides.ts';
import type { ModelSection } from './model-section-schema.ts';

export interface ResolvedModel {
  model: Model | null;
  source: string;
  issues: IssueReport[];
}

/** Loads the preset or model file, merges the overrides and validates the result. */
export function resolveConfigModel(section: ModelSection, baseDir: string): ResolvedModel {
  const fromFile = section.path !== undefined;
  const where = fromFile ? 'model.path' : 'model.preset';
  const name = section.path ?? section.preset ?? DEFAULT_MODEL;
  const source = fromFile ? name : `preset ${name}`;
  if (!fromFile && !presetNames().includes(name)) {
    const guess = closestMatch(name, presetNames());
    const hint = guess ? `Did you mean "${guess}"?` : `Use ${presetNames().join(', ')}.`;
    const message = `There is no preset "${name}". ${hint} For your own model, give its file as "path".`;
    return { model: null, source, issues: [{ path: where, message }] };
  }
  let model: Model;
  try {
    model = loadModel(fromFile ? resolve(baseDir, name) : name);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { model: null, source, issues: modelIssues(error, where, `${name}: `) };
  }
  if (!section.overrides) return { model, source, issues: [] };

  const merged = applyModelOverrides(model, section.overrides);
  if (merged.issues.length > 0) return { model: null, source, issues: merged.issues };
  try {
    return { model: parseModel(merged.data, source), source, issues: [] };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { model: null, source, issues: overrideIssues(error) };
  }
}

function modelIssues(error: ModelError, where: string, prefix: string): IssueReport[] {
  return error.issues.map((i) => ({
    path: where,
    message: `${prefix}${i.path ? `${i.path}: ` : ''}${i.message}`,
  }));
}

/** Issues of the merged model, pointed back at the override that caused them. */
function overrideIssues(error: ModelError): IssueReport[] {
  return error.issues.map(({ path, message }) => {
    if (path === 'dimensions') return { path: 'model.overrides.weights', message };
    if (path === 'tiers') return { path: 'model.overrides.tiers', message };
    if (path.startsWith('segments.')) return { path: `model.overrides.${path}`, message };
    return { path: 'model.overrides', message: `${path}: ${message}` };
  });
}
