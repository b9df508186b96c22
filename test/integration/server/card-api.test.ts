import { describe, expect, it } from 'vitest';
import {
  CARD_PATHS,
  errorSchema,
  notScoredSchema,
} from '../../../extensions/app/cards/card-contract.ts';
import {
  call,
  card,
  doneTask,
  heldTasks,
  logLines,
  NOW,
  playOf,
  sandboxCompanyIds,
  SECRET,
  server,
  signatures,
  useCardApiWorld,
} from './card-api-world.ts';

useCardApiWorld();

describe('the card API against a sandbox-backed app', () => {
  it('answers /healthz without a signature', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it("serves a company's card: schema-valid, with history and each play's status", async () => {
    const done = await doneTask();
    const withTask = await card(done.companyId);
    expect(withTask.companyId).toBe(done.companyId);
    expect(withTask.history.length).toBeGreaterThanOrEqual(1);
    expect(withTask.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      score: withTask.score,
      model: expect.stringMatching(/^retention-os 1\+[0-9a-f]{8}$/),
    });
    expect(withTask.checkedAt).toBe(NOW.toISOString());
    expect(playOf(withTask, done.ruleId)).toMatchObject({
      status: 'task-created',
      taskId: done.hubspotId,
      detail: null,
    });

    // Held by the daily cap of 1; the first run of the next day (UTC here) creates it.
    const [held] = await heldTasks();
    const waiting = await card(held!.companyId);
    expect(playOf(waiting, held!.ruleId)).toMatchObject({
      status: 'held',
      taskId: null,
      heldUntil: '2026-11-17T00:00:00.000Z',
    });
  });

  it('answers 404 not-scored for a company no run has scored', async () => {
    const answer = await call('GET', CARD_PATHS.company('999999999999'));
    expect(answer.status).toBe(404);
    expect(notScoredSchema.parse(answer.body)).toMatchObject({ companyId: '999999999999' });
  });

  it('answers 404 to a rescore of a company HubSpot does not have', async () => {
    const answer = await call('POST', CARD_PATHS.rescore('999999999999'));
    expect(answer.status).toBe(404);
    expect(errorSchema.parse(answer.body).message).toContain('HubSpot has no company');
  });

  it('answers 400 to an id that is not digits', async () => {
    const answer = await call('GET', CARD_PATHS.company('acme'));
    expect(answer.status).toBe(400);
    expect(errorSchema.parse(answer.body).message).toContain('not a company id');
  });

  it('answers 401 to a request signed with another secret', async () => {
    const [id] = sandboxCompanyIds();
    const answer = await call('GET', CARD_PATHS.company(id!), undefined, 'not-the-secret');
    expect(answer.status).toBe(401);
    expect(errorSchema.parse(answer.body).status).toBe('error');
  });

  it('answers 404 naming an unknown play and listing the ones the company has', async () => {
    const [id] = sandboxCompanyIds();
    const { plays } = await card(id!);
    const answer = await call('POST', CARD_PATHS.createTask(id!, 'no-such-play'));
    expect(answer.status).toBe(404);
    const { message } = errorSchema.parse(answer.body);
    expect(message).toContain('"no-such-play"');
    for (const play of plays) expect(message).toContain(`"${play.id}"`);
  });

  it('never writes the client secret or a signature to its log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).not.toContain(SECRET);
    for (const signature of signatures) expect(log).not.toContain(signature);
  });
});
