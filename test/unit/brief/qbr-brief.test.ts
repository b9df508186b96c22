import { describe, expect, it } from 'vitest';
import { isOutcomeSignal } from '../../../src/brief/outcome-evidence.ts';
import { qbrBrief } from '../../../src/brief/qbr-brief.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { compileTiny } from '../../support/models.ts';
import {
  contact,
  daysAgo,
  emptyAccount,
  emptyInput,
  explain,
  richInput,
  section,
} from './brief-fixtures.ts';

describe('qbrBrief on a rich account', () => {
  const input = richInput();
  const brief = qbrBrief(input);
  const score = input.current.score!;

  it('names the company and the meeting, and keeps its sections in order', () => {
    expect(brief.kind).toBe('qbr');
    expect(brief.title).toBe('QBR prep: Acme Corp, meeting on 2026-12-20');
    expect(qbrBrief(richInput({ qbrDate: null })).title).toBe('QBR prep: Acme Corp');
    expect(brief.companyId).toBe('501');
    expect(brief.generatedAt).toBe('2026-12-06T10:00:00.000Z');
    expect(brief.generatedOn).toBe('2026-12-06');
    expect(brief.sections.map((s) => s.key)).toEqual([
      'health',
      'moves',
      'outcomes',
      'plays',
      'renewal',
      'expansion',
      'risks',
      'stakeholders',
    ]);
  });

  it('gives the health now and the trend as marks and in words', () => {
    const { lines, missing } = section(brief, 'health');
    expect(lines[0]).toBe(`Score ${score}/100, Monitor (data coverage 100 %).`);
    expect(lines[1]).toMatch(/^Last 13 weeks: [▁▂▃▄▅▆▇█·]{13} \(one mark per week/);
    expect(lines[1]).toContain('▇▇▇▇▇▇▆▆▆▆▆▆');
    expect(lines[2]).toBe(`From 86 on 2026-09-13 to ${score} on 2026-12-06, down ${86 - score}.`);
    expect(missing).toBeUndefined();
  });

  it('compares the dimensions with the score of 90 days ago and lists what costs points', () => {
    const { lines } = section(brief, 'moves');
    // The reading in force 90 days ago was made 120 days ago: the comparison is from that day.
    expect(lines[0]).toBe(
      `Since 2026-09-07: score 86 → ${score} (down ${86 - score}, Healthy → Monitor).`,
    );
    expect(lines[1]).toBe('Usage: 9.0 → 2.7 out of 10 (down 6.3).');
    expect(lines.filter((l) => / out of 10 /.test(l))).toHaveLength(3);
    const costing = lines.filter((l) => l.startsWith('Now costing'));
    expect(costing).toHaveLength(input.current.drivers.length);
    expect(costing[0]).toBe('Now costing 10 points: Days since last contact (25).');
  });

  it('shows the goal and ROI signals and the milestone as evidence', () => {
    const { lines, missing } = section(brief, 'outcomes');
    expect(lines).toEqual([
      'Stated goals: on track (7 of 10 points).',
      'Return on investment: probable (6 of 10 points).',
      'They reached a success milestone on 2026-10-17.',
    ]);
    expect(missing).toBeUndefined();
  });

  it('lists the open track with its latest trigger and the plays of the quarter, newest first', () => {
    const { lines } = section(brief, 'plays');
    expect(lines[0]).toBe(
      'Save effort open since 2026-11-16: they asked to export their data: reported on 2026-11-30.',
    );
    expect(lines[1]).toBe(
      '4 plays in the last 90 days: 2 made in HubSpot, 1 waiting for the daily task limit and 1 skipped.',
    );
    expect(lines.slice(2)).toEqual([
      '2026-12-01: Data export request: call today (task made in HubSpot).',
      '2026-11-16: Save the account: work the save playbook (task made in HubSpot).',
      '2026-11-15: Payment recovery emails (skipped: the billing contact opted out of email).',
      "2026-10-27: Competitor mentioned: understand the comparison (waiting for the owner's daily task limit).",
    ]);
  });

  it('gives the renewal, its forecast and the change in MRR', () => {
    expect(section(brief, 'renewal').lines).toEqual([
      'Renewal on 2027-02-01, in 57 days.',
      'Forecast: Likely (Monitor, 57 days to go).',
      'MRR $1,200, down $300 (20 %) since 2026-09-01 ($1,500).',
    ]);
  });

  it('shows growth signals of the quarter only, the tier bar and the levers', () => {
    const { lines } = section(brief, 'expansion');
    expect(lines[0]).toBe('They reached a success milestone (2026-10-17).');
    // Team growth was seen 120 days ago: older than the quarter.
    expect(lines.join(' ')).not.toContain('team grew');
    expect(lines[1]).toBe(
      'Not in the best tier (Monitor now, Healthy is the best): Vitals holds expansion plays until it is.',
    );
    expect(lines.slice(2)).toEqual([
      'Most to gain: Days since last contact from 25 to < 21: +10 points.',
      "Most to gain: Logins vs the account's own baseline from 45 to ≥ 90: +9 points.",
      'Most to gain: Depth of use from basic to advanced: +7 points.',
    ]);
  });

  it('lists the risks: churn signals of the quarter, NPS, payments, silence and penalties', () => {
    expect(section(brief, 'risks').lines).toEqual([
      'They asked to export their data (2026-11-30).',
      'They mentioned a competitor (2026-10-27).',
      'Last NPS answer: 5 on 2026-11-06, a detractor.',
      'A payment failed on 2026-11-27 and has not gone through since.',
      'Last contact 25 days ago: three weeks or more.',
      'Days since last contact (25) takes 10 points off the score.',
    ]);
  });

  it('names the people by role, who left, and the sponsor gap', () => {
    const { lines, missing } = section(brief, 'stakeholders');
    expect(lines).toEqual([
      'Account owner: Jordan Blake.',
      'Champion: Dana Reyes.',
      'Decision maker: Sam Okafor.',
      'Budget holder: Sam Okafor.',
      'Primary contact: Dana Reyes.',
      '1 other contact with no buying role set.',
      'Left the company: Lee Park (executive sponsor).',
    ]);
    expect(missing).toEqual([
      "No executive sponsor on record: ask your champion who signs off on this, and set that person's buying role to Executive sponsor.",
    ]);
  });
});

describe('qbrBrief on an account with nothing recorded', () => {
  const brief = qbrBrief(emptyInput());

  it('says for each section what is missing and what would fill it', () => {
    expect(section(brief, 'health').missing).toEqual([
      "No score yet: none of the model's signals has data for this account. Fill its health properties in HubSpot to score it.",
      'No stored score from before this week: the trend fills in as Vitals keeps scoring the account.',
    ]);
    expect(section(brief, 'health').lines[0]).toContain('·'.repeat(13));
    expect(section(brief, 'moves')).toMatchObject({
      lines: [],
      missing: [
        'No score from about 90 days ago to compare with: the comparison fills in as Vitals keeps scoring the account.',
      ],
    });
    expect(section(brief, 'outcomes')).toMatchObject({
      lines: [],
      missing: [
        'Stated goals has no value yet: fill the company property it is read from.',
        'Return on investment has no value yet: fill the company property it is read from.',
        "No success milestone recorded: set the company's success milestone date when they reach one.",
      ],
    });
    expect(section(brief, 'plays').lines).toEqual([
      'No save, renewal or expansion track is open.',
      'No plays in the last 90 days.',
    ]);
    expect(section(brief, 'renewal').missing).toEqual([
      "No renewal date in HubSpot: set the company's renewal date property to get a forecast.",
      "No MRR in HubSpot: set the company's MRR property to see revenue here.",
    ]);
    expect(section(brief, 'expansion').lines).toEqual([
      'No expansion signals seen in the last 90 days.',
      'No score yet: Vitals holds expansion plays until the account is scored Healthy.',
    ]);
    expect(section(brief, 'risks').missing).toEqual([
      'No NPS answer on record: send them an NPS survey, or map the NPS property.',
      'No last-contact date: log calls, emails and meetings on the company in HubSpot.',
    ]);
    expect(section(brief, 'stakeholders')).toMatchObject({
      lines: [],
      missing: [
        'No owner on the company: assign one in HubSpot so tasks reach someone.',
        'No contacts on the company in HubSpot: associate the people you work with and set their buying roles.',
      ],
    });
  });

  it('leaves out empty missing lists', () => {
    expect(section(brief, 'plays')).not.toHaveProperty('missing');
  });

  it('names a company without a name by its id', () => {
    const unnamed = emptyInput({ account: emptyAccount({ name: null }) });
    expect(qbrBrief(unnamed).title).toBe('QBR prep: company 501');
  });
});

describe('qbrBrief details', () => {
  it('names the champion gap and the signals without data', () => {
    const input = richInput({
      current: explain({ champion_status: null, roi_status: null }),
      account: { ...richInput().account, contacts: [contact({ id: '9', name: 'Kim' })] },
    });
    const brief = qbrBrief(input);
    expect(section(brief, 'stakeholders').missing![0]).toMatch(/^No champion on record: /);
    expect(section(brief, 'health').missing).toEqual([
      'No data for Champion and Return on investment: fill their properties in HubSpot for a firmer score.',
    ]);
    expect(section(brief, 'outcomes').missing).toEqual([
      'Return on investment has no value yet: fill the company property it is read from.',
    ]);
  });

  it('says when the model tracks no outcomes at all', () => {
    const current = explainAccount(compileTiny(), {
      signals: { seats_used_pct: 90, mood: 'happy' },
    });
    const brief = qbrBrief(emptyInput({ current, tiers: [] }));
    expect(section(brief, 'outcomes').missing![0]).toBe(
      'The health model has no goal or ROI signal: add one (a goal status, for example) to track outcomes.',
    );
  });

  it("reads outcome signals by their keys' words", () => {
    for (const key of [
      'goal_status',
      'goals_met',
      'roi_multiple',
      'outcome_achievement',
      'success_milestone',
    ])
      expect(isOutcomeSignal(key)).toBe(true);
    for (const key of ['login_trend', 'payment_standing', 'heroic_effort', 'usage_depth'])
      expect(isOutcomeSignal(key)).toBe(false);
  });

  it('groups NPS answers as promoter, passive or detractor', () => {
    const risk = (npsLast: number) =>
      section(qbrBrief(richInput({ account: { ...richInput().account, npsLast } })), 'risks').lines;
    expect(risk(9)).toContain('Last NPS answer: 9 on 2026-11-06, a promoter.');
    expect(risk(7)).toContain('Last NPS answer: 7 on 2026-11-06, a passive.');
    expect(risk(6)).toContain('Last NPS answer: 6 on 2026-11-06, a detractor.');
  });

  it('shows a bare observed date as that day, even west of Greenwich', () => {
    const input = emptyInput({
      timeZone: 'America/Los_Angeles',
      account: emptyAccount({
        observed: { budget_review: '2026-11-20', scope_cut_request: daysAgo(3) },
      }),
    });
    expect(section(qbrBrief(input), 'risks').lines.slice(0, 2)).toEqual([
      'They asked to cut scope or move to a lower tier (2026-12-03).',
      'They announced a budget review (2026-11-20).',
    ]);
  });

  it('says how many payments failed in a row and notes a churned account', () => {
    const account = { ...richInput().account, paymentFailures: 3, churnedAt: daysAgo(1) };
    const brief = qbrBrief(richInput({ account }));
    expect(section(brief, 'risks').lines).toContain(
      '3 failed payments in a row, the last on 2026-11-27.',
    );
    expect(section(brief, 'health').lines).toContain('The account churned on 2026-12-05.');
  });

  it('says a track with only baseline triggers has no task yet', () => {
    const save = { ...richInput().tracks.save!, task: false };
    expect(section(qbrBrief(richInput({ tracks: { save } })), 'plays').lines[0]).toMatch(
      /No task yet: it was already so when Vitals started watching\.$/,
    );
  });

  it('counts the plays beyond the first eight', () => {
    const plays = Array.from({ length: 11 }, (_, i) => ({
      ...richInput().plays[0]!,
      at: daysAgo(i + 1),
    }));
    const { lines } = section(qbrBrief(richInput({ plays })), 'plays');
    expect(lines.at(-1)).toBe('… and 3 earlier plays.');
  });
});
