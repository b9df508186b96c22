import { describe, expect, it } from 'vitest';
import {
  CARD_PATHS,
  companyCardSchema,
  errorSchema,
} from '../../../extensions/app/cards/card-contract.ts';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { runRescore } from '../../../src/jobs/run-rescore.ts';
import {
  call,
  card,
  clock,
  gateway,
  heldTasks,
  HOUR,
  logLines,
  playOf,
  runDeps,
  sandboxCompanyIds,
  SECRET,
  signatures,
  SLOW,
  store,
  tasksWithMarker,
  useCardApiWorld,
} from './card-api-world.ts';

useCardApiWorld();

describe('acting on plays through the card API', () => {
  it(
    'rescores one company now: HubSpot, history and the saved card move with it',
    async () => {
      const id = sandboxCompanyIds().at(-1)!;
      const before = await card(id);
      await gateway.updateCompanies([
        {
          id,
          properties: { product_login_pct_of_baseline: '3', payment_status: 'failed_unresolved' },
        },
      ]);
      clock.now = new Date(clock.now.getTime() + 2 * HOUR);
      const answer = await call('POST', CARD_PATHS.rescore(id));
      expect(answer.status).toBe(200);
      const after = companyCardSchema.parse(answer.body);
      expect(after.scoredAt).toBe(clock.now.toISOString());
      expect(after.checkedAt).toBe(clock.now.toISOString());
      expect(after.score).not.toBe(before.score);
      expect(after.history.at(-1)).toEqual({
        at: clock.now.toISOString(),
        score: after.score,
        model: expect.stringMatching(/^retention-os 1\+[0-9a-f]{8}$/),
      });
      const [company] = await gateway.readCompanies([id], ['health_score']);
      expect(company!.properties.health_score).toBe(String(after.score));
      const saved = (await store.companyStates('sandbox', [id])).get(id)?.card as CardSnapshot;
      expect(saved.scoredAt).toBe(clock.now.toISOString());
    },
    SLOW,
  );

  it(
    "creates a held play's task exactly once, past the daily cap; the second call is 409",
    async () => {
      const [held] = await heldTasks();
      const path = CARD_PATHS.createTask(held!.companyId, held!.ruleId);
      const first = await call('POST', path);
      expect(first.status).toBe(200);
      const play = playOf(companyCardSchema.parse(first.body), held!.ruleId);
      expect(play).toMatchObject({ status: 'task-created', taskId: expect.any(String) });
      expect(tasksWithMarker(held!.marker)).toBe(1);

      const second = await call('POST', path);
      expect(second.status).toBe(409);
      expect(errorSchema.parse(second.body).message).toContain(play!.taskId!);
      expect(tasksWithMarker(held!.marker)).toBe(1);
    },
    SLOW,
  );

  it(
    'dismisses a play: the card shows why, and the next full run creates nothing for it',
    async () => {
      const [, held] = await heldTasks();
      const reason = 'Renewal already signed last week';
      const answer = await call(
        'POST',
        CARD_PATHS.dismiss(held!.companyId, held!.ruleId),
        JSON.stringify({ reason: `  ${reason} ` }),
      );
      expect(answer.status).toBe(200);
      const dismissed = { status: 'dismissed', taskId: null, detail: reason };
      expect(playOf(companyCardSchema.parse(answer.body), held!.ruleId)).toMatchObject(dismissed);

      // A day later held tasks are released; this one is not held any more, so it stays undone.
      clock.now = new Date(clock.now.getTime() + 24 * HOUR);
      await runRescore(runDeps, { dryRun: false });
      const entry = (await store.ledgerForCompany('sandbox', held!.companyId)).find(
        (e) => e.key === held!.key,
      );
      expect(entry).toMatchObject({ status: 'skipped', detail: `Dismissed: ${reason}` });
      expect(tasksWithMarker(held!.marker)).toBe(0);
      const still = playOf(await card(held!.companyId), held!.ruleId);
      // It still holds, so the card still lists it: from the ledger now, as its run is past.
      expect(still).toMatchObject(dismissed);
    },
    SLOW,
  );

  it('answers 400 naming the field to a dismissal without a usable reason', async () => {
    const [held] = await heldTasks();
    const path = CARD_PATHS.dismiss(held!.companyId, held!.ruleId);
    const short = await call('POST', path, JSON.stringify({ reason: 'no' }));
    expect(short.status).toBe(400);
    expect(errorSchema.parse(short.body).message).toMatch(/^reason: got "no"; it takes at least 3/);
    const notJson = await call('POST', path, 'reason=no');
    expect(notJson.status).toBe(400);
    expect(errorSchema.parse(notJson.body).message).toContain('not JSON');
  });

  it('never writes the client secret or a signature to its log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).not.toContain(SECRET);
    for (const signature of signatures) expect(log).not.toContain(signature);
  });
});
