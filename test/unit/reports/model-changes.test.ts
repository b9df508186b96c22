import { describe, expect, it } from 'vitest';
import { modelChanges } from '../../../src/reports/model-changes.ts';

const run = (startedAt: string, model: string | null) => ({ startedAt, model });

describe('when the scoring model changed, from the runs', () => {
  it('gives the first run of each new model, in time order, whatever order the runs come in', () => {
    const runs = [
      run('2026-03-01T06:00:00Z', 'b 2+22222222'),
      run('2026-01-01T06:00:00Z', 'a 1+11111111'),
      run('2026-02-01T06:00:00Z', 'a 1+11111111'),
      run('2026-04-01T06:00:00Z', 'a 1+11111111'),
    ];
    expect(modelChanges(runs, '2025-01-01T00:00:00Z')).toEqual([
      { at: '2026-03-01T06:00:00Z', from: 'a 1+11111111', to: 'b 2+22222222' },
      { at: '2026-04-01T06:00:00Z', from: 'b 2+22222222', to: 'a 1+11111111' },
    ]);
  });

  it('keeps only the changes since the start of the window, judged against the run before it', () => {
    const runs = [
      run('2026-01-01T06:00:00Z', 'a 1+11111111'),
      run('2026-02-01T06:00:00Z', 'b 2+22222222'),
      run('2026-03-01T06:00:00Z', 'c 3+33333333'),
    ];
    expect(modelChanges(runs, '2026-02-15T00:00:00Z')).toEqual([
      { at: '2026-03-01T06:00:00Z', from: 'b 2+22222222', to: 'c 3+33333333' },
    ]);
  });

  it('lets runs from before Vitals kept the model neither start nor end a change', () => {
    const runs = [
      run('2026-01-01T06:00:00Z', null),
      run('2026-02-01T06:00:00Z', 'a 1+11111111'),
      run('2026-03-01T06:00:00Z', null),
      run('2026-04-01T06:00:00Z', 'a 1+11111111'),
    ];
    expect(modelChanges(runs, '2025-01-01T00:00:00Z')).toEqual([]);
  });
});
