import { describe, expect, it } from 'vitest';
import { PLAY_STATUSES } from '../../../extensions/app/cards/card-contract.ts';
import { EXPANSION_SIGNALS } from '../../../src/plays/play-types.ts';
import { RENEWAL_RULES } from '../../../src/plays/renewal-rules.ts';
import { EXPANSION_SIGNAL_WORDS } from '../../../src/reports/expansion-report.ts';
import { PLAY_STATUS_WORDS } from '../../../src/reports/play-status-words.ts';
import { RENEWAL_STEPS } from '../../../src/reports/report-input.ts';

describe('the reports speak the plays’ and the card’s words', () => {
  it('know every renewal step, play status and growth signal, in their order', () => {
    expect(RENEWAL_STEPS).toEqual(RENEWAL_RULES.map((r) => r.id));
    expect(Object.keys(PLAY_STATUS_WORDS)).toEqual([...PLAY_STATUSES]);
    expect(Object.keys(EXPANSION_SIGNAL_WORDS)).toEqual([...EXPANSION_SIGNALS]);
  });
});
