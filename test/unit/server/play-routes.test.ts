import { describe, expect, it } from 'vitest';
import { CARD_PATHS, companyCardSchema } from '../../../extensions/app/cards/card-contract.ts';
import type { CreateTasksResult } from '../../../src/hubspot/create-tasks.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import {
  BASELINE,
  capped,
  checkins,
  ID,
  message,
  winBack,
  world,
  type Fakes,
} from './card-api-world.ts';

describe('POST …/plays/:playId/task', () => {
  const created = (id: string, traceId: string): CreateTasksResult => ({
    created: [{ id, traceId, body: null }],
    errors: [],
  });

  it('creates the task once and answers the card; a second call is 409 naming the task', async () => {
    const { call, ledger, calls } = await world({
      createTasks: async () => created('8001', checkins.key),
    });
    const first = await call('POST', CARD_PATHS.createTask(ID, 'missed-checkins'));
    expect(first.status).toBe(200);
    const card = companyCardSchema.parse(first.body);
    expect(card.plays.find((p) => p.id === 'missed-checkins')).toMatchObject({
      status: 'task-created',
      taskId: '8001',
    });
    expect(await ledger(checkins.key)).toMatchObject({ status: 'done', hubspotId: '8001' });
    const second = await call('POST', CARD_PATHS.createTask(ID, 'missed-checkins'));
    expect(second.status).toBe(409);
    expect(message(second.body)).toContain('task 8001');
    expect(calls.createTasks).toBe(1);
  });

  it('leaves the intent when HubSpot does not answer, then finds the task by its marker', async () => {
    const fakes: Fakes = {
      createTasks: async () => {
        throw new HubSpotError('HubSpot did not answer (timeout).', {
          endpoint: 'tasks.batchCreate',
          status: 0,
          category: 'NETWORK',
        });
      },
    };
    const { call, ledger } = await world(fakes);
    const path = CARD_PATHS.createTask(ID, 'missed-checkins');
    const first = await call('POST', path);
    expect(first.status).toBe(502);
    expect(message(first.body)).toContain('the next run checks HubSpot');
    const entry = await ledger(checkins.key);
    expect(entry?.status).toBe('intent');

    const busy = await call('POST', path);
    expect(busy.status).toBe(409);
    expect(message(busy.body)).toContain('is being created right now');

    fakes.found = new Map([[entry!.marker, '8002']]);
    const found = await call('POST', path);
    expect(found.status).toBe(409);
    expect(message(found.body)).toContain('task 8002');
    expect(await ledger(checkins.key)).toMatchObject({ status: 'done', hubspotId: '8002' });
  });

  it('treats a create a run left uncertain (HubSpot did not answer it) as on its way', async () => {
    const { call, ledger, store } = await world();
    const path = CARD_PATHS.createTask(ID, 'missed-checkins');
    await store.recordIntents('sandbox', [checkins]);
    await store.markUncertain('sandbox', checkins.key, 'HubSpot answered 503.');
    expect((await ledger(checkins.key))?.status).toBe('uncertain');
    const busy = await call('POST', path);
    expect(busy.status).toBe(409);
    expect(message(busy.body)).toContain('is being created right now');
    const dismiss = await call(
      'POST',
      CARD_PATHS.dismiss(ID, 'missed-checkins'),
      JSON.stringify({ reason: 'on holiday' }),
    );
    expect(dismiss.status).toBe(409);
    expect(message(dismiss.body)).toContain('is being acted on by a run right now');
  });

  it('marks the task failed when HubSpot refuses it, and says so afterwards', async () => {
    const { call, ledger } = await world({
      createTasks: async () => ({
        created: [],
        errors: [{ category: 'VALIDATION_ERROR', message: 'hs_timestamp is required.' }],
      }),
    });
    const path = CARD_PATHS.createTask(ID, 'missed-checkins');
    const first = await call('POST', path);
    expect(first.status).toBe(502);
    expect(message(first.body)).toContain('hs_timestamp is required.');
    expect((await ledger(checkins.key))?.status).toBe('failed');
    const again = await call('POST', path);
    expect(again.status).toBe(409);
    expect(message(again.body)).toContain('HubSpot refused it earlier');
  });

  it("creates a held task now, past the owner's daily cap", async () => {
    const { call, ledger } = await world({ createTasks: async () => created('8003', capped.key) });
    const answer = await call('POST', CARD_PATHS.createTask(ID, 'renewal-plan'));
    expect(answer.status).toBe(200);
    const card = companyCardSchema.parse(answer.body);
    expect(card.plays.find((p) => p.id === 'renewal-plan')).toMatchObject({
      status: 'task-created',
      taskId: '8003',
      heldUntil: null,
    });
    expect(await ledger(capped.key)).toMatchObject({ status: 'done', hubspotId: '8003' });
  });

  it('refuses, saying why, a play Vitals skipped or completed, as the card hides the button', async () => {
    const { call, calls } = await world();
    const skipped = await call('POST', CARD_PATHS.createTask(ID, 'expansion-plan'));
    expect(skipped.status).toBe(409);
    expect(message(skipped.body)).toContain(`Vitals skipped it (${BASELINE})`);
    const completed = await call('POST', CARD_PATHS.createTask(ID, 'save-playbook'));
    expect(completed.status).toBe(404);
    expect(calls.createTasks).toBe(0);
  });

  it('refuses a play without a task, and a dismissed one', async () => {
    const { call } = await world();
    const sequenceOnly = await call('POST', CARD_PATHS.createTask(ID, 'win-back'));
    expect(sequenceOnly.status).toBe(409);
    expect(message(sequenceOnly.body)).toContain('no task to create');
    const dismissed = await call('POST', CARD_PATHS.createTask(ID, 'score-drop-30d'));
    expect(dismissed.status).toBe(409);
    expect(message(dismissed.body)).toContain('was dismissed ("they are on holiday")');
  });
});

describe('POST …/plays/:playId/dismiss', () => {
  const reason = JSON.stringify({ reason: 'Champion is back from leave' });

  it('skips what is not done yet, so no run makes it; dismissing again is harmless', async () => {
    const { call, ledger } = await world();
    for (let i = 0; i < 2; i++) {
      const answer = await call('POST', CARD_PATHS.dismiss(ID, 'win-back'), reason);
      expect(answer.status).toBe(200);
      const card = companyCardSchema.parse(answer.body);
      expect(card.plays.find((p) => p.id === 'win-back')).toMatchObject({
        status: 'dismissed',
        detail: 'Champion is back from leave',
      });
    }
    expect(await ledger(winBack.key)).toMatchObject({
      status: 'skipped',
      detail: 'Dismissed: Champion is back from leave',
    });
  });

  it('dismisses a held task, so its release makes nothing', async () => {
    const { call, ledger } = await world();
    const answer = await call('POST', CARD_PATHS.dismiss(ID, 'renewal-plan'), reason);
    expect(answer.status).toBe(200);
    expect(await ledger(capped.key)).toMatchObject({
      status: 'skipped',
      detail: 'Dismissed: Champion is back from leave',
    });
  });

  it('refuses a play whose task exists, naming the task', async () => {
    const { call } = await world();
    const answer = await call('POST', CARD_PATHS.dismiss(ID, 'tier-critical'), reason);
    expect(answer.status).toBe(409);
    expect(message(answer.body)).toContain('task 5001');
  });

  it('answers 400 to a missing body or a reason that is not text', async () => {
    const { call } = await world();
    const path = CARD_PATHS.dismiss(ID, 'win-back');
    const empty = await call('POST', path);
    expect(empty.status).toBe(400);
    expect(message(empty.body)).toContain('The request has no body');
    const number = await call('POST', path, JSON.stringify({ reason: 5 }));
    expect(number.status).toBe(400);
    expect(message(number.body)).toMatch(/^reason: Got 5; expected string\./);
  });
});
