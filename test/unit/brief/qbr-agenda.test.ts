import { describe, expect, it } from 'vitest';
import type { BriefInput } from '../../../src/brief/brief-input.ts';
import { qbrAgenda } from '../../../src/brief/qbr-agenda.ts';
import { qbrBrief } from '../../../src/brief/qbr-brief.ts';
import {
  daysAgo,
  emptyAccount,
  emptyInput,
  explain,
  point,
  richInput,
  saveTrack,
} from './brief-fixtures.ts';

/** Everything at its worst: a critical account. */
const CRITICAL = {
  login_frequency_pct: 10,
  core_features_adopted: 0,
  usage_depth: 'basic',
  reply_time_days: 'none',
  checkin_attendance: 'never',
  proactive_requests: 'never',
  payment_history: 'failed_unresolved',
  contract_value_trend: 'contracting',
  billing_page_visits_30d: 5,
  champion_status: 'left',
  stakeholder_count: 1,
  last_sentiment: 'negative',
  goal_status: 'unclear',
  roi_status: 'negative',
};

/** A healthy account: full marks but for the depth of use, talked to last week. */
function healthy(overrides: Partial<BriefInput> = {}): BriefInput {
  return emptyInput({
    account: emptyAccount({ mrr: 900, daysSinceContact: 4, npsLast: 9, npsAt: daysAgo(20) }),
    current: explain({ usage_depth: 'intermediate' }),
    history: [point(100, 92, 'healthy')],
    ...overrides,
  });
}

function oneSentence(item: string): boolean {
  return /[.?]$/.test(item) && !/[.?!]\s/.test(item);
}

describe('qbrAgenda', () => {
  const cases: [string, BriefInput][] = [
    ['rich', richInput()],
    ['empty', emptyInput()],
    ['healthy', healthy()],
    ['critical', emptyInput({ current: explain(CRITICAL) })],
  ];

  it.each(cases)('gives exactly three one-sentence items (%s)', (_, input) => {
    const agenda = qbrBrief(input).agenda!;
    expect(agenda).toHaveLength(3);
    expect(new Set(agenda).size).toBe(3);
    for (const item of agenda) expect(oneSentence(item), item).toBe(true);
  });

  it('takes the weakest dimension as the deep dive', () => {
    expect(qbrAgenda(richInput())[0]).toBe(
      'Deep dive on Usage, the weakest area at 2.7/10: ask what stops more of their team from using it every week.',
    );
    const engagement = healthy({ current: explain({ checkin_attendance: 'never' }) });
    expect(qbrAgenda(engagement)[0]).toBe(
      'Deep dive on Engagement, the weakest area at 7.0/10: ask how they would like to stay in touch, and how often.',
    );
  });

  it('raises the latest warning sign first, then what else the data shows', () => {
    expect(qbrAgenda(richInput())[1]).toBe(
      'Talk through the latest warning sign (2026-11-30: they asked to export their data) and ask what is behind it.',
    );
    const detractor = healthy({
      account: emptyAccount({ npsLast: 4, npsAt: daysAgo(12), daysSinceContact: 2 }),
    });
    expect(qbrAgenda(detractor)[1]).toBe(
      'Follow up their NPS answer of 4 on 2026-11-24: ask what would have to change for a 9 or 10.',
    );
    const silent = healthy({ account: emptyAccount({ daysSinceContact: 30 }) });
    expect(qbrAgenda(silent)[1]).toBe(
      'Agree a regular check-in: the last contact was 30 days ago.',
    );
    expect(qbrAgenda(healthy())[1]).toBe(
      'Raise what costs the score most, Depth of use at intermediate (4 points), and ask how to improve it.',
    );
  });

  it('suggests growth only for a healthy account with no save effort open', () => {
    const growth = qbrAgenda(healthy())[2];
    expect(growth).toMatch(
      /^Growth idea: the account is Healthy at \d+\/100, so ask which other teams/,
    );
    const useCase = healthy({ account: emptyAccount({ observed: { new_use_case: daysAgo(10) } }) });
    expect(qbrAgenda(useCase)[2]).toBe(
      'Growth idea: they raised a new use case (2026-11-26), so offer a short demo of how it is covered.',
    );
    const saving = qbrAgenda(healthy({ tracks: { save: saveTrack(10) } }))[2];
    expect(saving).toMatch(
      /^Agree a recovery plan, since a save effort has been open since 2026-11-26: /,
    );
  });

  it('gives a critical account a recovery plan, never an expansion idea', () => {
    const input = emptyInput({
      current: explain(CRITICAL),
      history: [point(120, 70, 'monitor')],
    });
    expect(input.current.tier).toBe('critical');
    const agenda = qbrAgenda(input);
    expect(agenda.join(' ')).not.toMatch(/growth|expan/i);
    expect(agenda[2]).toMatch(
      new RegExp(
        `^Agree a recovery plan, since the score is down ${70 - input.current.score!} since 2026-09-07: two measurable steps, starting with `,
      ),
    );
  });

  it('changes with the data', () => {
    expect(qbrAgenda(richInput())).not.toEqual(qbrAgenda(healthy()));
    expect(qbrAgenda(emptyInput())).toEqual([
      'Ask about their goals for next quarter and how they measure success: the account has no health data to dig into yet.',
      'Ask what could change on their side next quarter: the data shows no warning signs in the last 90 days.',
      'Agree what to review together next time: the account has no score yet, so fill its health properties in HubSpot before then.',
    ]);
  });
});
