import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { unmappedSignals } from '../../../src/config/unmapped-signals.ts';
import { tinyModel } from '../../support/models.ts';

const resolve = (data: unknown, file: string | null = null) =>
  resolveConfig(data, { env: {}, cwd: '/srv/vitals', file });

function issuesOf(data: unknown) {
  try {
    resolve(data);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('model: preset, path and overrides', () => {
  it('uses retention-os when the config names no model', () => {
    const config = resolve({});
    expect(config.model.name).toBe('retention-os');
    expect(config.modelSource).toBe('preset retention-os');
  });

  it('merges weight, tier and segment overrides into the preset', () => {
    const config = resolve({
      model: {
        preset: 'retention-os',
        overrides: {
          weights: { usage: 35, engagement: 20 },
          tiers: { healthy: 80 },
          segments: { enterprise: { weights: { relationship: 25, usage: 25, engagement: 20 } } },
        },
      },
    });
    expect(config.model.dimensions.map((d) => d.weight)).toEqual([35, 20, 20, 15, 10]);
    expect(config.model.tiers[0]).toMatchObject({ key: 'healthy', min: 80 });
    expect(config.model.segments.enterprise).toEqual({
      weights: { relationship: 25, usage: 25, engagement: 20 },
      tiers: {},
    });
  });

  it('validates the merged model again: weights must still add up to 100', () => {
    expect(issuesOf({ model: { overrides: { weights: { usage: 40 } } } })).toEqual([
      {
        path: 'model.overrides.weights',
        message: 'Dimension weights add up to 110; they must add up to 100.',
      },
    ]);
    expect(
      issuesOf({ model: { overrides: { segments: { smb: { weights: { usage: 35 } } } } } }),
    ).toEqual([
      {
        path: 'model.overrides.segments.smb.weights',
        message: 'Dimension weights add up to 105; they must add up to 100.',
      },
    ]);
  });

  it('names overrides of dimensions, tiers or segments the model does not have', () => {
    expect(issuesOf({ model: { overrides: { segments: { enterprize: {} } } } })).toEqual([
      {
        path: 'model.overrides.segments.enterprize',
        message: '"enterprize" is not a segment. Did you mean "enterprise"?',
      },
    ]);
    expect(
      issuesOf({ model: { overrides: { weights: { engagment: 25 }, tiers: { helthy: 80 } } } }),
    ).toEqual([
      {
        path: 'model.overrides.weights.engagment',
        message: 'retention-os has no dimension "engagment". Did you mean "engagement"?',
      },
      {
        path: 'model.overrides.tiers.helthy',
        message: 'retention-os has no tier "helthy". Did you mean "healthy"?',
      },
    ]);
  });

  it('suggests the preset meant, and rejects a preset and a path together', () => {
    expect(issuesOf({ model: { preset: 'retention' } })).toEqual([
      {
        path: 'model.preset',
        message:
          'There is no preset "retention". Did you mean "retention-os"? For your own model, give its file as "path".',
      },
    ]);
    expect(issuesOf({ model: { preset: 'cs-engine', path: 'm.yaml' } })).toEqual([
      { path: 'model', message: 'Give either "preset" or "path", not both.' },
    ]);
  });

  it('reads a model file relative to the config file, and reports its problems there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitals-config-'));
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyModel()));
    const config = resolve(
      { model: { path: 'tiny.json' }, signals: {} },
      join(dir, 'vitals.config.yaml'),
    );
    expect(config.model.name).toBe('tiny');
    expect(config.modelSource).toBe('tiny.json');
    expect(unmappedSignals(config).signals.length).toBeGreaterThan(0);

    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...tinyModel(), tiers: [] }));
    expect(() => resolve({ model: { path: 'broken.json' } }, join(dir, 'c.yaml'))).toThrow(
      'model.path: broken.json: tiers: One tier must start at 0 so that every score has a tier.',
    );
  });

  it('maps only the keys of the chosen model when the config gives no signals', () => {
    const config = resolve({ model: { preset: 'cs-engine' } });
    const keys = new Set([
      ...config.model.dimensions.flatMap((d) => d.signals.map((s) => s.key)),
      ...config.model.modifiers.map((m) => m.key),
    ]);
    expect(Object.keys(config.signals).every((key) => keys.has(key))).toBe(true);
  });

  it('lists the signals and modifiers a mapping leaves out, for doctor', () => {
    const config = resolve({
      signals: { usage_depth: { from: 'company', property: 'product_usage_depth' } },
    });
    const unmapped = unmappedSignals(config);
    expect(unmapped.signals).toHaveLength(13);
    expect(unmapped.signals).not.toContain('usage_depth');
    expect(unmapped.modifiers).toEqual(['nps_last', 'days_since_last_contact']);
  });
});
