import { describe, expect, it } from 'vitest';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import type { StatusClock } from '../../../src/jobs/play-status.ts';
import { portfolioAccount, type StoredAccount } from '../../../src/jobs/portfolio-account.ts';
import { cardDigest, readReportCard } from '../../../src/jobs/report-card.ts';
import type { AccountFactsRecord } from '../../../src/store/store.ts';
import { enrollAction, taskAction, trackState } from '../store/planned-action.ts';
import { ledgerEntry } from './ledger-entry.ts';

const CLOCK: StatusClock = { now: new Date('2025-03-12T12:00:00.000Z'), timeZone: 'UTC' };

const facts: AccountFactsRecord = {
  portal: 'sandbox',
  companyId: '101',
  name: 'Acme',
  ownerId: '61234567',
  segment: 'mid_market',
  mrr: 1200,
  renewalDate: '2025-04-30',
  churnedAt: null,
  customerSince: null,
  expansionSeen: {
    team_growth: '2025-03-01T00:00:00.000Z',
    new_use_case: '2024-12-01T00:00:00.000Z',
  },
  updatedAt: '2025-03-12T06:00:00.000Z',
};

const save = taskAction({ ruleId: 'save-playbook', subject: 'Save Acme', ownerId: '71000001' });

const card: CardSnapshot = {
  companyId: '101',
  name: 'Acme',
  state: 'scored',
  score: 38,
  tier: { key: 'at_risk', label: 'At risk', color: 'orange' },
  change7d: -9,
  coverage: 92,
  missing: [],
  dimensions: [],
  drivers: [
    { label: 'Logins', value: '20', impact: -8 },
    { label: 'Reply time', value: '9', impact: -6 },
  ],
  levers: [],
  plays: [
    {
      id: 'save-playbook',
      title: 'Save Acme',
      why: 'tier fell to at risk',
      priority: 'HIGH',
      dueAt: save.dueAt,
      actions: [save],
    },
    {
      id: 'renewal-plan',
      title: 'Renewal: work the renewal timeline',
      why: 'renews in 49 days',
      priority: 'LOW',
      dueAt: null,
      actions: [],
    },
  ],
  scoredAt: '2025-03-12T06:00:00.000Z',
  model: 'retention-os v1',
};

const stored = (rest: Partial<StoredAccount> = {}): StoredAccount => ({
  facts,
  card: readReportCard(cardDigest(card)),
  history: [{ at: '2025-03-05T12:00:00.000Z', score: 47 }],
  ledger: [],
  tracks: undefined,
  ...rest,
});

describe('an account as the reports read it', () => {
  it('takes the facts, the card (through its digest) and the history', () => {
    expect(portfolioAccount(stored(), CLOCK)).toMatchObject({
      companyId: '101',
      name: 'Acme',
      ownerId: '61234567',
      segment: 'mid_market',
      mrr: 1200,
      tier: 'at_risk',
      score: 38,
      coverage: 92,
      change7d: -9,
      history: [{ at: '2025-03-05T12:00:00.000Z', score: 47 }],
      renewalDate: '2025-04-30',
      churnedAt: null,
      drivers: card.drivers,
    });
  });

  it('gives each play the status the card shows, with the owner of its task', () => {
    const ledger = [ledgerEntry(save, { status: 'done', hubspotId: '901' })];
    expect(portfolioAccount(stored({ ledger }), CLOCK).plays).toEqual([
      {
        id: 'save-playbook',
        title: 'Save Acme',
        trigger: 'tier fell to at risk',
        priority: 'HIGH',
        ownerId: '71000001',
        dueAt: save.dueAt,
        status: 'task-created',
      },
      {
        id: 'renewal-plan',
        title: 'Renewal: work the renewal timeline',
        trigger: 'renews in 49 days',
        priority: 'LOW',
        ownerId: null,
        dueAt: null,
        status: 'open',
      },
    ]);
  });

  it('reads the furthest step of the open renewal track', () => {
    const renewal = trackState({
      kind: 'renewal',
      triggers: ['renewal-review', 'renewal-forecast'].map((ruleId) => ({
        ruleId,
        episode: '2025-04-30',
        at: '2025-03-01T00:00:00.000Z',
        why: 'renewal ahead',
        priority: 'LOW' as const,
      })),
    });
    expect(portfolioAccount(stored({ tracks: { renewal } }), CLOCK).renewalStep).toBe(
      'renewal-review',
    );
    expect(portfolioAccount(stored(), CLOCK).renewalStep).toBeNull();
  });

  it("reads the win-back of the latest churn from the ledger's enrolments", () => {
    const churn = (episode: string, contactId: string) =>
      enrollAction({ ruleId: 'win-back', sequence: 'winBack', episode, contactId });
    const ledger = [
      ledgerEntry(churn('2025-03-01', '1'), { status: 'done', doneAt: '2025-03-02T09:00:00.000Z' }),
      ledgerEntry(churn('2024-01-01', '2'), { status: 'skipped', detail: 'no email' }),
    ];
    expect(portfolioAccount(stored({ ledger }), CLOCK).winBack).toEqual({
      status: 'enrolled',
      at: '2025-03-02T09:00:00.000Z',
      detail: null,
    });
    const skipped = [
      ledgerEntry(churn('2025-03-01', '1'), { status: 'skipped', detail: 'no email' }),
    ];
    expect(portfolioAccount(stored({ ledger: skipped }), CLOCK).winBack).toEqual({
      status: 'skipped',
      at: null,
      detail: 'no email',
    });
    expect(portfolioAccount(stored(), CLOCK).winBack).toBeNull();
  });

  it('counts a growth signal while a property reported it in the last 30 days', () => {
    expect(portfolioAccount(stored(), CLOCK).expansionSignals).toEqual(['team_growth']);
  });

  it('lists an account without a readable card as having no data', () => {
    const account = portfolioAccount(stored({ card: null }), CLOCK);
    expect(account).toMatchObject({ tier: 'unknown', score: null, plays: [], drivers: [] });
  });
});

describe('the card digest', () => {
  it('keeps of planned actions only what the ledger lookups read, and the drivers apart', () => {
    const digest = cardDigest(card);
    expect(digest.drivers).toEqual(card.drivers);
    const main = digest.main as { plays: { actions: object[] }[] };
    expect(main.plays[0]!.actions).toEqual([
      {
        kind: 'task',
        key: save.key,
        route: 'owner',
        ownerId: '71000001',
        subject: 'Save Acme',
        priority: 'HIGH',
        dueAt: save.dueAt,
      },
    ]);
  });

  it('reads a full card saved without a digest the same, and refuses another shape', () => {
    const fromCard = readReportCard({ main: card, drivers: null });
    expect(fromCard).toMatchObject({ score: 38, tier: { key: 'at_risk' }, drivers: card.drivers });
    expect(readReportCard({ main: { score: '38' }, drivers: null })).toBeNull();
    expect(readReportCard({ main: null, drivers: null })).toBeNull();
  });
});
