import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/models/load-model.ts';
import { modelVersion } from '../../../src/models/model-version.ts';
import type { Model } from '../../../src/scoring/model-schema.ts';

describe('the version a run records for its model', () => {
  const model = loadModel('retention-os');

  it('is the declared version and a fingerprint of the whole model', () => {
    expect(modelVersion(model)).toMatch(/^1\+[0-9a-f]{8}$/);
    expect(modelVersion(loadModel('retention-os'))).toBe(modelVersion(model));
  });

  it('does not depend on the order the file lists its keys in', () => {
    const reordered = Object.fromEntries(Object.entries(model).reverse()) as Model;
    expect(modelVersion(reordered)).toBe(modelVersion(model));
  });

  it('changes when a weight changes, though the declared version does not', () => {
    const edited: Model = {
      ...model,
      dimensions: model.dimensions.map((d, i) => (i === 0 ? { ...d, weight: d.weight + 1 } : d)),
    };
    expect(modelVersion(edited)).not.toBe(modelVersion(model));
    expect(modelVersion(edited).startsWith('1+')).toBe(true);
  });

  it('differs between presets', () => {
    expect(modelVersion(loadModel('cs-engine'))).not.toBe(modelVersion(model));
  });
});
