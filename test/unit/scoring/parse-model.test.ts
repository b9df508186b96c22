import { describe, expect, it } from 'vitest';
import { ModelError, parseModel } from '../../../src/scoring/parse-model.ts';
import { loadModel, presetNames } from '../../../src/models/load-model.ts';
import { tinyModel } from '../../support/models.ts';

function issuesOf(data: unknown) {
  try {
    parseModel(data, 'test model');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).issues;
  }
  throw new Error('expected the model to be rejected');
}

describe('model files', () => {
  it('ships retention-os (the default), cs-engine and services, all valid and without segment overrides', () => {
    expect(presetNames()).toEqual(['retention-os', 'cs-engine', 'services']);
    for (const name of presetNames()) {
      const model = loadModel(name);
      expect(model.name).toBe(name);
      expect(model.dimensions.reduce((sum, d) => sum + d.weight, 0)).toBe(100);
      expect(model.segments).toEqual({});
    }
  });

  it('gives cs-engine and services the tiers of DOMAIN §1', () => {
    expect(loadModel('cs-engine').tiers.map((t) => [t.key, t.min])).toEqual([
      ['thriving', 80],
      ['healthy', 60],
      ['at_risk', 40],
      ['critical', 0],
    ]);
    expect(loadModel('services').tiers.map((t) => t.min)).toEqual([80, 75, 60, 40, 0]);
  });

  it('rejects weights that do not add up to 100, naming the sum', () => {
    const model = tinyModel();
    model.dimensions[0]!.weight = 50;
    expect(issuesOf(model)).toContainEqual({
      path: 'dimensions',
      message: 'Dimension weights add up to 90; they must add up to 100.',
    });
  });

  it('requires a catch-all last band and one comparison per band', () => {
    const model = tinyModel();
    model.dimensions[0]!.signals[0] = {
      key: 'seats_used_pct',
      label: 'Seats',
      type: 'number',
      bands: [
        { atLeast: 80, below: 90, points: 10 },
        { atLeast: 40, points: 5 },
      ],
    };
    const paths = issuesOf(model).map((i) => i.path);
    expect(paths).toEqual([
      'dimensions[0].signals[0].bands[0]',
      'dimensions[0].signals[0].bands[1]',
    ]);
  });

  it('names an unknown tier, dimension or duplicate key with what is allowed', () => {
    const model = tinyModel({
      modifiers: [
        { key: 'mood', label: 'x', when: { atMost: 6 }, effect: { capAtTopOf: 'monitor' } },
      ],
      segments: { smb: { weights: { usage: 50, suport: 50 } } },
    });
    const issues = issuesOf(model);
    expect(issues).toContainEqual({
      path: 'modifiers[0].key',
      message:
        'The key "mood" is already used at dimensions[1].signals[0].key; keys must be unique.',
    });
    expect(issues).toContainEqual({
      path: 'modifiers[0].effect.capAtTopOf',
      message: 'No tier is called "monitor"; use one of good, okay, bad.',
    });
    expect(issues).toContainEqual({
      path: 'segments.smb.weights.suport',
      message: 'No dimension is called "suport"; use one of usage, support.',
    });
  });

  it('reports a wrong type with the value it got', () => {
    const model = tinyModel();
    (model.dimensions[1] as { weight: unknown }).weight = 'forty';
    expect(issuesOf(model)).toContainEqual({
      path: 'dimensions[1].weight',
      message: 'Got "forty"; expected number.',
    });
  });

  it('rejects segments other than enterprise, mid_market, smb and trial', () => {
    const issues = issuesOf(tinyModel({ segments: { startup: {} } as never }));
    expect(issues[0]?.path).toBe('segments.startup');
  });
});
