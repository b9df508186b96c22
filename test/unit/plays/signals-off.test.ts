import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import { churnSignalsOff } from '../../../src/plays/signals-off.ts';
import { preset } from '../../support/models.ts';
import { account, contact, input } from './play-input.ts';

const keysOf = (name: string) => {
  const { model } = preset(name);
  return new Set(model.dimensions.flatMap((d) => [d.key, ...d.signals.map((s) => s.key)]));
};

describe('churn signals that can never fire', () => {
  it('are those no property reports and the model cannot derive, per preset', () => {
    expect(churnSignalsOff([], keysOf('retention-os'))).toEqual([
      'data_export_request',
      'cancellation_terms_asked',
      'competitor_mentioned',
      'budget_review',
      'scope_cut_request',
      'ticket_spike_then_silence',
    ]);
    expect(churnSignalsOff([], keysOf('cs-engine'))).toEqual(
      expect.arrayContaining(['stopped_responding', 'missed_checkins', 'billing_page_visits_up']),
    );
    expect(churnSignalsOff([], keysOf('cs-engine'))).not.toContain('usage_down_50');
    expect(churnSignalsOff(['ticket_spike_then_silence'], keysOf('services'))).not.toContain(
      'ticket_spike_then_silence',
    );
  });
});

describe('a key stakeholder change read from the contacts', () => {
  const gone = (left: boolean) =>
    evaluatePlays(
      input({
        account: account({
          contacts: [
            contact({ id: 'k1', roles: ['CHAMPION'] }),
            contact({ id: 's1', name: 'Dana Sponsor', roles: ['EXECUTIVE_SPONSOR'], left }),
          ],
        }),
      }),
    ).verdicts.find((v) => v.ruleId === 'stakeholder-change')!;

  it('fires when a decision maker, sponsor or budget holder left, naming them', () => {
    expect(gone(true)).toMatchObject({
      fired: true,
      why: expect.stringContaining('Dana Sponsor left the company'),
    });
    expect(gone(false).fired).toBe(false);
  });
});
