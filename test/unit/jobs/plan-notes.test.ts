import { describe, expect, it } from 'vitest';
import { planChunkPlays } from '../../../src/jobs/plan-plays.ts';
import type { ScoredCompany } from '../../../src/jobs/score-chunk.ts';
import type { NoteAction } from '../../../src/plays/play-types.ts';
import { account, settings, withScore } from '../plays/play-input.ts';
import { openTestStore } from '../store/open-test-store.ts';

// 2025-03-03 is a Monday, the first business day of March: every paying account's value report.
const NOW = '2025-03-03T08:00:00.000Z';

function company(id: string): ScoredCompany {
  const explanation = withScore(80);
  return {
    id,
    name: `Company ${id}`,
    mrr: 2000,
    ownerId: 'o1',
    segment: 'mid_market',
    explanation,
    previousScore: 80,
    values: {} as ScoredCompany['values'],
    changed: {},
    history: null,
    reading: { segment: 'mid_market', signals: {}, modifiers: {} },
    facts: account({
      companyId: id,
      segment: 'mid_market',
      mrr: 2000,
      customerSince: '2024-01-10T10:00:00.000Z',
      lifecycle: { lastTouchAt: NOW },
    }),
    current: {},
    npsAnswers: [],
  };
}

describe('the notes of a plan', () => {
  it('writes bodies only for notes the ledger lacks, and leaves out a note it could not write', async () => {
    const { store } = await openTestStore(NOW);
    const ctx = {
      store,
      portal: 'sandbox',
      settings: settings({ timeZone: 'UTC' }),
      tiers: ['healthy', 'monitor', 'at_risk', 'critical'],
      now: new Date(NOW),
      baseline: false,
    };
    const written: string[] = [];
    const writeNote = async (c: ScoredCompany, note: NoteAction) => {
      written.push(note.key);
      return c.id === '3' ? null : `<p>report for ${c.id}</p>`;
    };
    const first = await planChunkPlays([company('1'), company('2'), company('3')], {
      ...ctx,
      writeNote,
    });
    const notes = first.actions.filter((a): a is NoteAction => a.kind === 'note');
    expect(notes.map((n) => [n.key, n.body])).toEqual([
      ['1:monthly-value-report:2025-03-03:note', '<p>report for 1</p>'],
      ['2:monthly-value-report:2025-03-03:note', '<p>report for 2</p>'],
    ]);
    await store.recordIntents('sandbox', notes);

    written.length = 0;
    const again = await planChunkPlays([company('1'), company('2'), company('3')], {
      ...ctx,
      writeNote,
    });
    // 1 and 2 are in the ledger: not rebuilt, not planned; 3 was never recorded: tried again.
    expect(written).toEqual(['3:monthly-value-report:2025-03-03:note']);
    expect(again.actions.filter((a) => a.kind === 'note')).toEqual([]);
  });
});
