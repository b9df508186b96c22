import { describe, expect, it } from 'vitest';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { enrolments, ownerTasks, run } from './outcome-views.ts';
import { account, contact, NOW, settings } from './play-input.ts';
import { daysOut } from './scenario-dues.ts';

/** 90 days out: the renewal sequence starts. */
const RENEWAL = daysOut(90);
const renewal = (over: Partial<PlayInput> = {}) =>
  run({ account: account({ renewalDate: RENEWAL }), ...over });
const withContacts = (contacts: ReturnType<typeof contact>[]) => ({
  account: account({ renewalDate: RENEWAL, contacts }),
});

describe('the renewal sequence', () => {
  it('keys its enrolments on the renewal date, so reruns repeat the same keys', () => {
    const first = enrolments(renewal()).map((a) => a.key);
    const later = enrolments(renewal({ now: new Date(NOW.getTime() + 10 * 86_400_000) }));
    expect(first).toEqual([`c1:renewal-sequence:${RENEWAL}:k1`]);
    expect(later.map((a) => a.key)).toEqual(first);
  });

  it('starts again for the next renewal date', () => {
    const next = run({
      now: new Date('2026-03-01T09:00:00Z'),
      account: account({ renewalDate: '2026-05-30' }),
    });
    expect(enrolments(next).map((a) => a.key)).toEqual(['c1:renewal-sequence:2026-05-30:k1']);
  });

  it('enrols champions and decision makers, never those who left', () => {
    const contacts = [
      contact({ id: 'champ', roles: ['CHAMPION'] }),
      contact({ id: 'dm', roles: ['DECISION_MAKER', 'END_USER'] }),
      contact({ id: 'gone', roles: ['CHAMPION'], left: true }),
      contact({ id: 'user', roles: ['END_USER'] }),
      contact({ id: 'main', primary: true }),
    ];
    const enrolled = enrolments(renewal(withContacts(contacts)));
    expect(enrolled.map((e) => [e.contactId, e.sequence, e.sequenceId])).toEqual([
      ['champ', 'renewal', '1001'],
      ['dm', 'renewal', '1001'],
    ]);
  });

  it('falls back to the primary contacts when no signer is left', () => {
    const contacts = [
      contact({ id: 'gone', roles: ['CHAMPION'], left: true }),
      contact({ id: 'main', primary: true }),
      contact({ id: 'old-main', primary: true, left: true }),
    ];
    expect(enrolments(renewal(withContacts(contacts))).map((e) => e.contactId)).toEqual(['main']);
  });

  it('skips contacts without email, opted out, or without a configured sequence, saying why', () => {
    const contacts = [
      contact({ id: 'a', name: 'Ann', roles: ['CHAMPION'], email: null }),
      contact({ id: 'b', name: null, roles: ['CHAMPION'], optedOut: true }),
      contact({ id: 'c', roles: ['DECISION_MAKER'] }),
    ];
    expect(enrolments(renewal(withContacts(contacts))).map((e) => e.skip)).toEqual([
      'Ann has no email address',
      'contact b opted out of email',
      null,
    ]);
    const unset = renewal({
      ...withContacts(contacts),
      settings: settings({ renewal: { sequenceId: null, offsetDays: 90 } }),
    });
    expect(enrolments(unset).map((e) => e.skip)).toEqual([
      'no renewal sequence is configured',
      'no renewal sequence is configured',
      'no renewal sequence is configured',
    ]);
  });
});

describe('the renewal task', () => {
  it('is about the signers and carries the renewal date', () => {
    const review = ownerTasks(run({ account: account({ renewalDate: daysOut(50) }) }), 'renewal');
    expect(review).toEqual([
      expect.objectContaining({
        type: 'TODO',
        ownerId: 'o1',
        contactIds: ['k1'],
        subject: 'Renewal ahead: review the account before the renewal emails start — Acme',
      }),
    ]);
    expect(review[0]!.body).toContain(`Renewal: ${daysOut(50)}, in 50 days`);
    expect(review[0]!.body).not.toMatch(/Save playbook|Discounts/);
  });
});
