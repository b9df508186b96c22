import { describe, expect, it } from 'vitest';
import {
  CARD_PATHS,
  companyCardSchema,
  notScoredSchema,
} from '../../../extensions/app/cards/card-contract.ts';
import { BASELINE, ID, message, NOW, world } from './card-api-world.ts';

describe('GET /api/cards/companies/:id', () => {
  it('answers the contract: history oldest first, each play with its ledger status', async () => {
    const { call } = await world();
    const answer = await call('GET', CARD_PATHS.company(ID));
    expect(answer.status).toBe(200);
    const card = companyCardSchema.parse(answer.body);
    expect(card.history).toEqual([
      { at: '2025-02-01T12:00:00.000Z', score: 41, model: 'retention-os 1.0.0' },
      { at: NOW, score: 22, model: 'retention-os 1.0.0' },
    ]);
    expect(card.checkedAt).toBe(NOW);
    expect(card.plays.map((p) => [p.id, p.status, p.taskId, p.detail, p.heldUntil])).toEqual([
      ['tier-critical', 'task-created', '5001', null, null],
      ['renewal-90d', 'enrolled', null, null, null],
      ['missed-checkins', 'open', null, null, null],
      ['score-drop-30d', 'dismissed', null, 'they are on holiday', null],
      ['win-back', 'open', null, null, null],
      // Held on March 10: the first run of March 11 in Berlin creates it.
      [
        'renewal-plan',
        'held',
        null,
        'Owner 61234567 already has 10 new tasks today.',
        '2025-03-10T23:00:00.000Z',
      ],
      ['expansion-plan', 'skipped', null, BASELINE, null],
      // Its episode ended: no longer in the snapshot, but the card says what Vitals did.
      ['save-playbook', 'completed', '6001', 'the account recovered (78, Healthy)', null],
    ]);
    expect(card.plays.at(-1)).toMatchObject({ title: 'Save Acme', why: 'tier fell to critical' });
    // Fired on an earlier run: the ledger's task gives what the card showed then.
    expect(card.plays[3]).toMatchObject({
      title: 'Health slid this month: review the account',
      priority: 'MEDIUM',
      dueAt: '2025-02-03T12:00:00.000Z',
    });
  });

  it('answers not-scored when the saved card has a shape this version cannot read', async () => {
    const { call, lines } = await world({
      store: (store) => ({
        ...store,
        companyStates: async () =>
          new Map([
            [
              ID,
              { portal: 'sandbox', companyId: ID, properties: {}, checkedAt: NOW, card: { v: 0 } },
            ],
          ]),
      }),
    });
    const answer = await call('GET', CARD_PATHS.company(ID));
    expect(answer.status).toBe(404);
    expect(notScoredSchema.parse(answer.body).message).toContain('another version of Vitals');
    expect(lines.some((l) => l.level === 40 && l.companyId === ID)).toBe(true);
  });

  it('answers 500 in plain words, and logs the cause, when the store fails', async () => {
    const { call, lines } = await world({
      store: (store) => ({
        ...store,
        ledgerForCompany: async () => {
          throw new Error('disk I/O error');
        },
      }),
    });
    const answer = await call('GET', CARD_PATHS.company(ID));
    expect(answer.status).toBe(500);
    expect(message(answer.body)).toContain('Something went wrong inside the Vitals service');
    expect(message(answer.body)).not.toContain('disk I/O');
    const logged = lines.find((l) => l.level === 50);
    expect(logged).toMatchObject({ status: 500, error: { message: 'disk I/O error' } });
  });
});

describe('the rest of the API', () => {
  it('refuses rescores and tasks in dry-run mode', async () => {
    const { call } = await world({ dryRun: true });
    for (const path of [CARD_PATHS.rescore(ID), CARD_PATHS.createTask(ID, 'missed-checkins')]) {
      const answer = await call('POST', path);
      expect(answer.status).toBe(409);
      expect(message(answer.body)).toContain('dry-run mode');
    }
  });

  it('answers unknown routes, bodies over 1 MB and a sick store in the error shape', async () => {
    const { call, server } = await world({
      store: (store) => ({
        ...store,
        health: async () => ({ ok: false, backend: 'sqlite', location: 'x', error: 'locked' }),
      }),
    });
    const unknown = await call('GET', '/api/cards/owners/1');
    expect(unknown.status).toBe(404);
    expect(message(unknown.body)).toContain('is not a route of the Vitals card API');
    const big = await call('POST', CARD_PATHS.dismiss(ID, 'win-back'), 'x'.repeat(1_100_000));
    expect(big.status).toBe(413);
    expect(message(big.body)).toContain('over 1 MB');
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(message(await health.json())).toContain('locked');
  });
});
