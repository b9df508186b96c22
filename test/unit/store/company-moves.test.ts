import { describe, expect, it } from 'vitest';
import type { CompanyState, Store } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { enrollAction, taskAction } from './planned-action.ts';
import { scoreRecord } from './score-record.ts';

const NOW = '2025-03-10T12:00:00.000Z';
const HOUR_BEFORE = '2025-03-10T11:00:00.000Z';
const HOUR_AFTER = '2025-03-10T13:00:00.000Z';
const FORGOTTEN = 'About a contact since deleted from HubSpot for privacy.';

const state = (companyId: string): CompanyState => ({
  portal: 'sandbox',
  companyId,
  properties: { health_score: '70' },
  checkedAt: NOW,
  card: { score: 70 },
  digest: { main: { score: 70 }, drivers: ['logins up'] },
});

/** Companies with everything a run saves of them: history, state and card, facts, plays, MRR. */
async function companiesSaved(store: Store, ids: readonly string[]): Promise<void> {
  await store.appendScores(ids.map((companyId) => scoreRecord({ companyId, scoredAt: NOW })));
  await store.putCompanyStates(ids.map(state));
  await store.putAccountFacts(
    ids.map((companyId) => ({
      portal: 'sandbox',
      companyId,
      name: `Company ${companyId}`,
      ownerId: null,
      segment: null,
      mrr: 500,
      renewalDate: null,
      churnedAt: null,
      customerSince: null,
      expansionSeen: {},
      updatedAt: NOW,
    })),
  );
  await store.putActiveRules(
    'sandbox',
    ids.map((companyId) => ({ companyId, ruleIds: ['tier_critical'], evaluatedAt: NOW })),
  );
  await store.appendMrr(
    ids.map((companyId) => ({ portal: 'sandbox', companyId, at: NOW, mrr: 500 })),
  );
}

/** Which of `ids` still have a saved state (with its card), facts and plays state. */
async function saved(store: Store, ids: readonly string[]) {
  const states = await store.companyStates('sandbox', ids);
  const facts = new Set((await store.accountFacts('sandbox')).map((f) => f.companyId));
  const plays = await store.activeRules('sandbox', ids);
  return {
    states: [...states.keys()].sort(),
    cards: [...states.values()]
      .filter((s) => s.digest !== undefined)
      .map((s) => s.companyId)
      .sort(),
    facts: ids.filter((id) => facts.has(id)),
    plays: [...plays.keys()].sort(),
  };
}

describe('following a merge in HubSpot', () => {
  it("moves the merged companies' history and ledger to the survivor and drops the rest", async () => {
    const { store } = await openTestStore(NOW);
    await companiesSaved(store, ['1', '2', '3', '4']);
    const [planned] = await store.recordIntents('sandbox', [taskAction({ companyId: '1' })]);

    // The survivor given among the merged ones is left as it is.
    await store.mergeCompanies('sandbox', ['1', '2', '3'], '2');

    expect((await store.scoreHistory('sandbox', '2', 30)).map((r) => r.companyId)).toEqual([
      '2',
      '2',
      '2',
    ]);
    expect(await store.scoreHistory('sandbox', '1', 30)).toEqual([]);
    expect((await store.ledgerForCompany('sandbox', '2')).map((e) => e.key)).toEqual([
      planned!.entry.key,
    ]);
    expect(await store.ledgerForCompany('sandbox', '1')).toEqual([]);
    const left = { states: ['2', '4'], cards: ['2', '4'], facts: ['2', '4'], plays: ['2', '4'] };
    expect(await saved(store, ['1', '2', '3', '4'])).toEqual(left);
    // MRR records cannot be told apart once mixed: each stays its company's.
    expect([...(await store.latestMrr('sandbox', ['1', '2', '3'])).keys()].sort()).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('keeps the answer the survivor already has once, and moves the others', async () => {
    const { store } = await openTestStore(NOW);
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    const at = '2025-02-01T00:00:00.000Z';
    const answer = (contactId: string, companyId: string, score: number) => ({
      portal: 'sandbox',
      contactId,
      companyId,
      at,
      score,
    });
    await store.commitPage({
      runId: run.id,
      progress: run.progress,
      scores: [],
      states: [],
      nps: [answer('7', '2', 9), answer('7', '1', 9), answer('8', '1', 3), answer('8', '3', 3)],
    });
    await store.mergeCompanies('sandbox', ['1', '3'], '2');
    const answers = await store.npsAnswers('sandbox', NOW);
    expect(answers.map((a) => [a.contactId, a.companyId, a.score]).sort()).toEqual([
      ['7', '2', 9],
      ['8', '2', 3],
    ]);
  });
});

describe('following a deletion in HubSpot', () => {
  it('forgets the state, card, facts and plays state saved before the deletion only', async () => {
    const { store } = await openTestStore(NOW);
    await companiesSaved(store, ['1', '2']);
    await store.forgetCompany('sandbox', '1', HOUR_AFTER);
    // Deleted before the last evaluation: a restore that arrived first.
    await store.forgetCompany('sandbox', '2', HOUR_BEFORE);
    expect(await saved(store, ['1', '2'])).toEqual({
      states: ['2'],
      cards: ['2'],
      facts: ['2'],
      plays: ['2'],
    });
    expect(await store.scoreHistory('sandbox', '1', 30)).toHaveLength(1);
    expect((await store.latestMrr('sandbox', ['1'])).has('1')).toBe(true);
  });

  it('refuses a deletion time that is not one', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.forgetCompany('sandbox', '1', 'today')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('deletedAt'),
    });
  });
});

describe('forgetting a contact deleted for privacy', () => {
  it('takes its id out of planned tasks and enrolments and replaces reasons; the entries stay', async () => {
    const { store } = await openTestStore(NOW);
    const enrolment = enrollAction({ contactId: '9001', skip: 'Jane Doe has no email' });
    const otherEnrolment = enrollAction({ contactId: '9002' });
    const task = taskAction({ contactIds: ['9001', '9002'] });
    const otherTask = taskAction({ ruleId: 'renewal_near', contactIds: ['90011'] });
    await store.recordIntents('sandbox', [enrolment, otherEnrolment, task, otherTask]);
    await store.recordIntents('42', [enrollAction({ contactId: '9001' })]);
    await store.skipAction('sandbox', enrolment.key, 'Jane Doe has no email');

    expect(await store.forgetContact('sandbox', '9001')).toBe(2);

    const byKey = new Map(
      (await store.ledgerForCompany('sandbox', '101')).map((entry) => [entry.key, entry]),
    );
    expect(byKey.get(enrolment.key)).toMatchObject({
      status: 'skipped',
      detail: FORGOTTEN,
      action: { ...enrolment, contactId: 'deleted', skip: FORGOTTEN },
    });
    expect(byKey.get(task.key)).toMatchObject({
      status: 'intent',
      action: { ...task, contactIds: ['9002'] },
    });
    expect(byKey.get(otherEnrolment.key)?.action).toEqual(otherEnrolment);
    expect(byKey.get(otherTask.key)?.action).toEqual(otherTask);
    const [elsewhere] = await store.ledgerForCompany('42', '101');
    expect(elsewhere?.action).toMatchObject({ contactId: '9001' });
    expect(await store.forgetContact('sandbox', '9001')).toBe(0);
  });
});
