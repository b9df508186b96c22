import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { EnrollAction, PlayInput } from '../../../src/plays/play-types.ts';
import { account, contact, input, NOW, settings } from './play-input.ts';

const RENEWAL = '2025-05-01';
const run = (over: Partial<PlayInput> = {}) =>
  evaluatePlays(input({ account: account({ renewalDate: RENEWAL }), ...over }));
const enrolments = (outcome: ReturnType<typeof evaluatePlays>) =>
  outcome.actions.filter((a): a is EnrollAction => a.kind === 'enroll');

describe('renewal plays', () => {
  it('start settings.renewal.offsetDays before the date and stop after it', () => {
    const at = (renewalDate: string, offsetDays = 90) =>
      enrolments(
        run({
          account: account({ renewalDate }),
          settings: settings({ renewal: { sequenceId: '1001', offsetDays } }),
        }),
      ).length;
    expect(at('2025-06-10')).toBe(1); // 90 days ahead in Berlin
    expect(at('2025-06-11')).toBe(0);
    expect(at('2025-04-11', 30)).toBe(1);
    expect(at('2025-04-12', 30)).toBe(0);
    expect(at('2025-03-12')).toBe(1); // the day itself
    expect(at('2025-03-11')).toBe(0);
  });

  it('key every action on the renewal date, so reruns repeat the same keys', () => {
    const renewal = (a: { ruleId: string }) =>
      a.ruleId.startsWith('renewal-') && a.ruleId !== 'renewal-expansion';
    const first = run().actions.filter(renewal);
    const later = run({ now: new Date(NOW.getTime() + 20 * 86_400_000) }).actions.filter(renewal);
    expect(first.map((a) => a.key).sort()).toEqual([
      'c1:renewal-review:2025-05-01',
      'c1:renewal-sequence:2025-05-01:k1',
    ]);
    expect(later.map((a) => a.key).sort()).toEqual(first.map((a) => a.key).sort());
  });

  it('start again for the next renewal date', () => {
    const next = run({
      now: new Date('2026-03-01T09:00:00Z'),
      account: account({ renewalDate: '2026-05-01' }),
    });
    expect(enrolments(next).map((a) => a.key)).toEqual(['c1:renewal-sequence:2026-05-01:k1']);
  });

  it('enrol champions and decision makers, never those who left', () => {
    const contacts = [
      contact({ id: 'champ', roles: ['CHAMPION'] }),
      contact({ id: 'dm', roles: ['DECISION_MAKER', 'END_USER'] }),
      contact({ id: 'gone', roles: ['CHAMPION'], left: true }),
      contact({ id: 'user', roles: ['END_USER'] }),
      contact({ id: 'main', primary: true }),
    ];
    const enrolled = enrolments(run({ account: account({ renewalDate: RENEWAL, contacts }) }));
    expect(enrolled.map((e) => [e.contactId, e.sequence, e.sequenceId])).toEqual([
      ['champ', 'renewal', '1001'],
      ['dm', 'renewal', '1001'],
    ]);
  });

  it('fall back to the primary contacts when no signer is left', () => {
    const contacts = [
      contact({ id: 'gone', roles: ['CHAMPION'], left: true }),
      contact({ id: 'main', primary: true }),
      contact({ id: 'old-main', primary: true, left: true }),
    ];
    const enrolled = enrolments(run({ account: account({ renewalDate: RENEWAL, contacts }) }));
    expect(enrolled.map((e) => e.contactId)).toEqual(['main']);
  });

  it('skip contacts without email, opted out, or without a configured sequence, saying why', () => {
    const contacts = [
      contact({ id: 'a', name: 'Ann', roles: ['CHAMPION'], email: null }),
      contact({ id: 'b', name: null, roles: ['CHAMPION'], optedOut: true }),
      contact({ id: 'c', roles: ['DECISION_MAKER'] }),
    ];
    const enrolled = enrolments(run({ account: account({ renewalDate: RENEWAL, contacts }) }));
    expect(enrolled.map((e) => e.skip)).toEqual([
      'Ann has no email address',
      'contact b opted out of email',
      null,
    ]);
    const unset = run({
      account: account({ renewalDate: RENEWAL, contacts }),
      settings: settings({ renewal: { sequenceId: null, offsetDays: 90 } }),
    });
    expect(enrolments(unset).map((e) => e.skip)).toEqual([
      'no renewal sequence is configured',
      'no renewal sequence is configured',
      'no renewal sequence is configured',
    ]);
  });

  it('give the owner an internal review task about no contact', () => {
    const review = run().actions.find((a) => a.ruleId === 'renewal-review');
    expect(review).toMatchObject({ kind: 'task', type: 'TODO', contactIds: [], ownerId: 'o1' });
    expect(review?.kind === 'task' && review.body).toMatch(/Renewal: 2025-05-01, in 50 days/);
  });

  it('do not run for trials, which have no renewal', () => {
    const trial = run({ account: account({ renewalDate: RENEWAL, segment: 'trial' }) });
    expect(trial.actions.filter((a) => a.kind !== 'property')).toEqual([]);
    expect(trial.verdicts.find((v) => v.ruleId === 'renewal-sequence')?.why).toMatch(
      /only for enterprise, mid_market, smb accounts; this one is trial/,
    );
  });
});
