import { describe, expect, it } from 'vitest';
import { heldBack } from '../../../src/jobs/held-back.ts';

const TASK = {
  companyId: '1',
  ruleId: 'save-playbook',
  key: '1:save-playbook:2026-11-16',
  ownerId: '7',
};

describe('a task held back by the daily cap', () => {
  it('says why, and is released from the start of the next day in the portal zone', () => {
    const settings = { timeZone: 'Europe/Berlin', dailyTaskCapPerOwner: 3 };
    // 23:30 UTC on Monday is already Tuesday in Berlin: released from Wednesday 00:00 there;
    // 10:00 UTC is still Monday 02:00 in Los Angeles: from Tuesday 00:00 there.
    expect(heldBack(TASK, settings, new Date('2026-11-16T23:30:00.000Z'))).toEqual({
      ...TASK,
      reason:
        'Owner 7 already has 3 new tasks today (plays.dailyTaskCapPerOwner); released tomorrow.',
      releaseAt: '2026-11-17T23:00:00.000Z',
    });
    expect(
      heldBack(
        TASK,
        { ...settings, timeZone: 'America/Los_Angeles' },
        new Date('2026-11-16T10:00:00.000Z'),
      ).releaseAt,
    ).toBe('2026-11-17T08:00:00.000Z');
  });
});
