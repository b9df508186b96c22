import { describe, expect, it } from 'vitest';
import { discountRule } from '../../../src/plays/discount-rule.ts';
import type { PlayInput, TrackState } from '../../../src/plays/play-types.ts';
import { savePlaybook } from '../../../src/plays/save-playbook.ts';
import { evaluateInOrder, ownerTasks, ownerUpdates } from './outcome-views.ts';
import { account, NOW, withScore } from './play-input.ts';
import { IN_48H } from './scenario-dues.ts';

const DAY = 86_400_000;
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

describe('discountRule', () => {
  it.each([
    [{ segment: 'enterprise', mrr: 100 }, /^Enterprise .*up to 25 % for 6 months/],
    [{ segment: 'mid_market', mrr: 100_000 }, /^Mid-market .*up to 15 % for 3 months/],
    [{ segment: 'smb', mrr: 9000 }, /^Small business .*no discount; a pause is the offer/],
  ])('takes the segment from the account when it is a known one: %o', (facts, text) => {
    expect(discountRule(account(facts))).toMatch(text);
  });

  it.each([
    [5000.01, /^Enterprise/],
    [5000, /^Mid-market/],
    [500, /^Mid-market/],
    [499.99, /^Small business/],
  ])('falls back to MRR otherwise: %d', (mrr, text) => {
    expect(discountRule(account({ segment: null, mrr }))).toMatch(text);
    expect(discountRule(account({ segment: 'trial', mrr }))).toMatch(text);
  });

  it('treats an account without segment or MRR as small business', () => {
    expect(discountRule(account({ segment: null, mrr: null }))).toMatch(
      /^Segment unknown .*a pause only/,
    );
  });

  it('always says pause before cancel, and says nothing of selling more in a save task', () => {
    for (const segment of ['enterprise', 'mid_market', 'smb']) {
      const text = discountRule(account({ segment }));
      expect(text).toMatch(/Offer a pause before accepting a cancellation\./);
      expect(text).not.toMatch(/sell more/);
    }
  });
});

describe('savePlaybook', () => {
  // Opened now, the task due in 48 h (Friday the 14th).
  const state: TrackState = {
    kind: 'save',
    episode: '2025-03-12',
    openedAt: NOW.toISOString(),
    triggers: [],
    priority: 'HIGH',
    dueAt: IN_48H,
    task: true,
    manager: false,
  };
  const text = (now: Date) =>
    savePlaybook({ state, account: account(), reason: null, now, timeZone: 'Europe/Berlin' });

  it('dates every stage from the episode: reach out by the due time, listen a week later', () => {
    const lines = text(NOW).split('\n');
    expect(lines[0]).toBe('Save playbook: stage 1 of 5 (episode began 2025-03-12).');
    expect(lines[1]).toMatch(/^1\. Detect \(2025-03-12\): tell your manager/);
    expect(lines[2]).toMatch(/^2\. Reach out \(by 2025-03-14\): personally/);
    expect(lines[3]).toMatch(/^3\. Listen \(by 2025-03-21\)/);
    expect(lines[4]).toMatch(/^4\. Intervene \(by 2025-04-11\): the score does not point/);
    expect(lines[5]).toMatch(
      /^5\. Outcome: if they stay, check health on day 30 \(2025-04-11\), day 60 \(2025-05-11\) and day 90 \(2025-06-10\)/,
    );
    expect(lines[6]).toMatch(/^Discounts: /);
  });

  it.each([
    [0, 1],
    [1.5, 2],
    [3, 3],
    [10, 4],
    [29, 4],
    [30, 5],
    [95, 5],
  ])('on day %d of the episode marks stage %d as now, and only it', (days, stage) => {
    const lines = text(day(days)).split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Save playbook: stage ${stage} of 5 `));
    const marked = lines.filter((l) => l.endsWith('  ← now'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(new RegExp(`^${stage}\\. `));
  });
});

describe('the save checkpoints on days 30, 60 and 90', () => {
  const atRisk = (n: number): Partial<PlayInput> => ({ now: day(n), current: withScore(40) });

  it('update the open task once each, due two business days later, with the stage by time', () => {
    const [opened, , day30, again, day60] = evaluateInOrder([0, 10, 31, 32, 61].map(atRisk));
    const key = ownerTasks(opened!, 'save')[0]!.key;
    expect(ownerUpdates(day30!)).toEqual([
      expect.objectContaining({ target: key, status: 'NOT_STARTED', priority: 'HIGH' }),
    ]);
    const update = ownerUpdates(day30!)[0]!;
    // Day 31 is Saturday 12 April: Monday and Tuesday count, due Tuesday 17:00 (CEST).
    expect(update.dueAt).toBe('2025-04-15T15:00:00.000Z');
    expect(update.subject).toBe('Save checkpoint: check where the account stands — Acme');
    expect(update.body).toContain('Why now: day 30 of the save episode: the score is 40 now.');
    expect(update.body).toContain('Save playbook: stage 5 of 5 (episode began 2025-03-12).');
    expect(ownerUpdates(again!)).toEqual([]);
    expect(ownerUpdates(day60!)[0]?.body).toContain('Why now: day 60 of the save episode');
  });

  it('add only the latest checkpoint when runs skipped the earlier ones', () => {
    const [, late] = evaluateInOrder([atRisk(0), atRisk(95)]);
    const checkpoints = late!.tracks.save!.triggers.filter((t) =>
      t.ruleId.startsWith('checkpoint'),
    );
    expect(checkpoints.map((t) => t.ruleId)).toEqual(['checkpoint-90']);
    expect(ownerUpdates(late!)).toHaveLength(1);
  });
});
