import { createHash } from 'node:crypto';
import type { Model } from '../scoring/model-schema.ts';

const versions = new WeakMap<Model, string>();

/**
 * The version a run records for the model: the version its file declares and a fingerprint of
 * everything in it, e.g. "1+3fa9c2d1". Editing a weight or a band without touching `version`
 * still starts a new version, so history never mixes two models under one name.
 */
export function modelVersion(model: Model): string {
  const known = versions.get(model);
  if (known) return known;
  const fingerprint = createHash('sha256').update(canonicalJson(model)).digest('hex').slice(0, 8);
  const version = `${model.version}+${fingerprint}`;
  versions.set(model, version);
  return version;
}

/** JSON with object keys sorted, so the same model gives the same text however it was written. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
