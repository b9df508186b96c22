import type {
  AccountPlay,
  MrrHistory,
  NpsRating,
  PortfolioAccount,
  ReportContext,
  TierInfo,
} from '../../../src/reports/report-input.ts';

// A hand-made book of 20 accounts; the tests write every expected figure by hand from this table.
// asOf is Monday 2025-06-02 12:00 UTC. "7d ago" is score − change7d: each account's one history
// point (100 days back) holds it, so the trend reads it for weeks 0–11.
//
// id   owner seg   MRR   tier      score  7d  7d ago renewal (days)      notes
// c01  o1    ent   8000  healthy   90     +2  88     2025-06-22 (20)     renewal task, expansion task
// c02  o1    mid   3000  healthy   82      0  82     2025-07-17 (45)
// c03  o2    smb    400  healthy   78    +12  66     2025-06-07 (5)      red-alert step
// c04  o2    mid   2500  healthy   76     -4  80     -
// c05  o1    ent   6000  healthy   88     +1  87     2025-09-10 (100)    2 growth signals
// c06  o1    mid   1200  monitor   70     -6  76     2025-08-01 (60)     growth signal
// c07  o2    smb    300  monitor   65     +3  62     2025-06-05 (3)      red-alert step
// c08  o1    mid   1800  monitor   55    -15  70     2025-08-31 (90)     save task (open)
// c09  o2    mid    900  monitor   60      0  60     2025-05-30 (-3)     churned in Feb, back in Apr
// c10  o1    smb      ?  monitor   52     +5  47     -                   no MRR in HubSpot
// c11  o2    ent   7000  at_risk   40    -20  60     2025-06-27 (25)     save task, growth signal
// c12  o1    mid   2000  at_risk   35     -8  43     2025-10-01 (121)    save play skipped (baseline)
// c13  o2    smb    250  at_risk   30     +4  26     2025-09-30 (120)    payment recovery enrolled
// c14  o1    ent   5500  critical  20    -10  30     2025-06-08 (6)      save task, renewal held
// c15  o2    mid   1500  critical  15     -3  18     2025-07-12 (40)     save play dismissed
// c16  o1    (smb)  200  no data    -      -   -     2025-06-02 (0)      no segment: smb by MRR
// c17  o2    mid   1000  healthy   80     +8  72     2025-07-03 (31)     new: first scored 3 weeks ago
// c18  o1    mid   2200  critical  10      -  25     2025-06-12 (10)     churned 2025-05-20, in win-back
// c19  o2    smb    350  at_risk   30      -  35     -                   churned 2025-03-04, not enrolled
// c20  o1    ent   6500  critical  12      -  20     -                   churned 2024-04-01 (over a year)

export const AS_OF = new Date('2025-06-02T12:00:00Z');

export const TIERS: TierInfo[] = [
  { key: 'healthy', label: 'Healthy', color: 'green' },
  { key: 'monitor', label: 'Monitor', color: 'yellow' },
  { key: 'at_risk', label: 'At risk', color: 'orange' },
  { key: 'critical', label: 'Critical', color: 'red' },
];

export const CONTEXT: ReportContext = { asOf: AS_OF, timeZone: 'UTC', tiers: TIERS };

const LONG_AGO = '2025-02-22T12:00:00Z'; // 100 days before asOf

function play(
  id: string,
  priority: AccountPlay['priority'],
  status: AccountPlay['status'],
  dueAt: string | null,
  trigger: string,
  ownerId: string | null = null,
): AccountPlay {
  const title =
    {
      'save-playbook': 'Save the account',
      'renewal-plan': 'Renewal',
      'expansion-plan': 'Ready to grow',
    }[id] ?? id;
  return { id, title, trigger, priority, ownerId, dueAt, status };
}

function account(
  companyId: string,
  name: string,
  ownerId: string,
  segment: string | null,
  mrr: number | null,
  tier: string,
  score: number | null,
  change7d: number | null,
  weekAgo: number | null,
  renewalDate: string | null,
  more: Partial<PortfolioAccount> = {},
): PortfolioAccount {
  return {
    companyId,
    name,
    ownerId,
    segment,
    mrr,
    tier,
    score,
    coverage: score === null ? 0 : 100,
    change7d,
    history: weekAgo === null ? [] : [{ at: LONG_AGO, score: weekAgo }],
    renewalDate,
    renewalStep: null,
    churnedAt: null,
    winBack: null,
    plays: [],
    drivers: [],
    expansionSignals: [],
    ...more,
  };
}

export const ACCOUNTS: PortfolioAccount[] = [
  account('c01', 'Apex', 'o1', 'enterprise', 8000, 'healthy', 90, 2, 88, '2025-06-22', {
    renewalStep: 'renewal-contract',
    expansionSignals: ['usage_near_limit'],
    plays: [
      play(
        'renewal-plan',
        'MEDIUM',
        'task-created',
        '2025-06-05T12:00:00Z',
        'renewal on 2025-06-22, in 20 days',
        'o1',
      ),
      play(
        'expansion-plan',
        'LOW',
        'task-created',
        '2025-06-09T12:00:00Z',
        'usage reached 85 % of the plan',
        'o1',
      ),
    ],
  }),
  account('c02', 'Birch', 'o1', 'mid_market', 3000, 'healthy', 82, 0, 82, '2025-07-17'),
  account('c03', 'Cobalt', 'o2', 'smb', 400, 'healthy', 78, 12, 66, '2025-06-07', {
    renewalStep: 'renewal-red-alert',
    plays: [
      play(
        'renewal-plan',
        'HIGH',
        'task-created',
        '2025-06-02T17:00:00Z',
        'renewal in 5 days, unsigned',
        'o2',
      ),
    ],
  }),
  account('c04', 'Dune', 'o2', 'mid_market', 2500, 'healthy', 76, -4, 80, null),
  account('c05', 'Ember', 'o1', 'enterprise', 6000, 'healthy', 88, 1, 87, '2025-09-10', {
    renewalStep: 'renewal-forecast',
    expansionSignals: ['team_growth', 'new_use_case'],
    plays: [
      play(
        'renewal-plan',
        'LOW',
        'task-created',
        '2025-06-06T12:00:00Z',
        'renewal in 100 days',
        'o1',
      ),
    ],
  }),
  account('c06', 'Fjord', 'o1', 'mid_market', 1200, 'monitor', 70, -6, 76, '2025-08-01', {
    expansionSignals: ['success_milestone'],
  }),
  account('c07', 'Grove', 'o2', 'smb', 300, 'monitor', 65, 3, 62, '2025-06-05', {
    renewalStep: 'renewal-red-alert',
    plays: [
      play('renewal-plan', 'HIGH', 'open', '2025-06-02T18:00:00Z', 'renewal in 3 days, unsigned'),
    ],
  }),
  account('c08', 'Harbor', 'o1', 'mid_market', 1800, 'monitor', 55, -15, 70, '2025-08-31', {
    plays: [
      play(
        'save-playbook',
        'MEDIUM',
        'open',
        '2025-06-04T12:00:00Z',
        'score fell 15 points in 7 days',
      ),
    ],
  }),
  account('c09', 'Iris', 'o2', 'mid_market', 900, 'monitor', 60, 0, 60, '2025-05-30'),
  account('c10', 'Jade', 'o1', 'smb', null, 'monitor', 52, 5, 47, null),
  account('c11', 'Kite', 'o2', 'enterprise', 7000, 'at_risk', 40, -20, 60, '2025-06-27', {
    expansionSignals: ['new_use_case'],
    drivers: [
      { label: 'Champion', value: 'left company', impact: -15 },
      { label: 'Login frequency', value: '40%', impact: -8 },
    ],
    plays: [
      play(
        'save-playbook',
        'HIGH',
        'task-created',
        '2025-06-03T16:00:00Z',
        'score fell 20 points in 7 days',
        'o2',
      ),
    ],
  }),
  account('c12', 'Lumen', 'o1', 'mid_market', 2000, 'at_risk', 35, -8, 43, '2025-10-01', {
    plays: [play('save-playbook', 'MEDIUM', 'skipped', null, 'at risk before Vitals watched')],
  }),
  account('c13', 'Mesa', 'o2', 'smb', 250, 'at_risk', 30, 4, 26, '2025-09-30', {
    plays: [play('payment-recovery', 'HIGH', 'enrolled', null, 'two failed payments, unpaid')],
  }),
  account('c14', 'Nova', 'o1', 'enterprise', 5500, 'critical', 20, -10, 30, '2025-06-08', {
    renewalStep: 'renewal-red-alert',
    plays: [
      play(
        'save-playbook',
        'HIGH',
        'task-created',
        '2025-06-02T18:00:00Z',
        'tier became critical',
        'o1',
      ),
      play(
        'renewal-plan',
        'HIGH',
        'held',
        '2025-06-03T09:00:00Z',
        'renewal in 6 days, unsigned',
        'o1',
      ),
    ],
  }),
  account('c15', 'Onyx', 'o2', 'mid_market', 1500, 'critical', 15, -3, 18, '2025-07-12', {
    plays: [play('save-playbook', 'HIGH', 'dismissed', null, 'tier became critical')],
  }),
  account('c16', 'Pine', 'o1', null, 200, 'unknown', null, null, null, '2025-06-02'),
  account('c17', 'Quartz', 'o2', 'mid_market', 1000, 'healthy', 80, 8, null, '2025-07-03', {
    history: [{ at: '2025-05-12T12:00:00Z', score: 72 }],
    expansionSignals: ['team_growth'],
    plays: [play('expansion-plan', 'LOW', 'open', null, 'their team grew by 30 % or more')],
  }),
  account('c18', 'Rook', 'o1', 'mid_market', 2200, 'critical', 10, null, 25, '2025-06-12', {
    churnedAt: '2025-05-20T12:00:00Z',
    winBack: { status: 'enrolled', at: '2025-05-21T09:00:00Z', detail: null },
    plays: [
      play('save-playbook', 'HIGH', 'task-created', '2025-06-02T10:00:00Z', 'tier became critical'),
    ],
  }),
  account('c19', 'Sage', 'o2', 'smb', 350, 'at_risk', 30, null, 35, null, {
    churnedAt: '2025-03-04T12:00:00Z',
    winBack: { status: 'skipped', at: null, detail: 'no primary contact has an email address' },
  }),
  account('c20', 'Tide', 'o1', 'enterprise', 6500, 'critical', 12, null, 20, null, {
    churnedAt: '2024-04-01T12:00:00Z',
    history: [{ at: '2024-03-01T12:00:00Z', score: 20 }],
  }),
];

const START = '2025-01-01T00:00:00Z'; // the first run: every starting point is dated then
const flat = (mrr: number) => [{ at: START, mrr }];

// MRR moves: c01 7000 → 8000 on 02-15; c02 3500 → 3000 on 03-10; c09 900 → 0 on 02-01, back to
// 900 on 04-15; c19 350 → 0 on 03-04; c18 2200 → 0 on 05-20; c17 new on 05-12 at 1000. c10 has no
// MRR, c20 had churned before the record began.
export const MRR_HISTORY: MrrHistory = {
  c01: [
    { at: START, mrr: 7000 },
    { at: '2025-02-15T10:00:00Z', mrr: 8000 },
  ],
  c02: [
    { at: START, mrr: 3500 },
    { at: '2025-03-10T10:00:00Z', mrr: 3000 },
  ],
  c03: flat(400),
  c04: flat(2500),
  c05: flat(6000),
  c06: flat(1200),
  c07: flat(300),
  c08: flat(1800),
  c09: [
    { at: START, mrr: 900 },
    { at: '2025-02-01T10:00:00Z', mrr: 0 },
    { at: '2025-04-15T10:00:00Z', mrr: 900 },
  ],
  c11: flat(7000),
  c12: flat(2000),
  c13: flat(250),
  c14: flat(5500),
  c15: flat(1500),
  c16: flat(200),
  c17: [{ at: '2025-05-12T10:00:00Z', mrr: 1000 }],
  c18: [
    { at: START, mrr: 2200 },
    { at: '2025-05-20T12:00:00Z', mrr: 0 },
  ],
  c19: [
    { at: START, mrr: 350 },
    { at: '2025-03-04T12:00:00Z', mrr: 0 },
  ],
  c20: flat(0),
};

const rating = (companyId: string, contactId: string, score: number, at: string): NpsRating => ({
  companyId,
  contactId,
  score,
  at,
});

// Latest per contact by 03-31: p1 8 (passive), p2 9, p6 10 (promoters), p3 6 (detractor), p4 7
// (passive; its earlier 3 no longer counts); p5 answered after the quarter.
export const RATINGS: NpsRating[] = [
  rating('c01', 'p1', 10, '2025-02-01T10:00:00Z'),
  rating('c01', 'p1', 8, '2025-03-01T10:00:00Z'),
  rating('c02', 'p2', 9, '2025-03-15T10:00:00Z'),
  rating('c05', 'p3', 6, '2025-01-20T10:00:00Z'),
  rating('c11', 'p4', 3, '2025-01-10T10:00:00Z'),
  rating('c11', 'p4', 7, '2025-03-25T10:00:00Z'),
  rating('c14', 'p5', 9, '2025-04-10T10:00:00Z'),
  rating('c03', 'p6', 10, '2025-03-20T10:00:00Z'),
];

export const ids = (rows: readonly { companyId: string }[]) => rows.map((r) => r.companyId);
