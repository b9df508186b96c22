import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../../src/plays/play-types.ts';
import type { SnapshotPlay } from '../../../src/jobs/card-snapshot.ts';
import { playStatus, type StatusClock } from '../../../src/jobs/play-status.ts';
import type { LedgerEntry } from '../../../src/store/store.ts';
import { enrollAction, taskAction, taskUpdateAction } from '../store/planned-action.ts';
import { ledgerEntry } from './ledger-entry.ts';

const BERLIN: StatusClock = {
  now: new Date('2025-03-10T15:00:00.000Z'),
  timeZone: 'Europe/Berlin',
};
const save = taskAction({ ruleId: 'save-playbook' });
const close = taskUpdateAction({
  target: save.key,
  suffix: 'close',
  status: 'COMPLETED',
  body: 'Closed by Vitals on 2025-03-12: the account recovered (78, Healthy) and no churn signal holds.\n\nWhy now: tier fell to critical.',
});

function play(actions: SnapshotPlay['actions'], id = actions[0]?.ruleId ?? 'save-playbook') {
  return { id, title: id, why: 'why', priority: 'HIGH' as const, dueAt: null, actions };
}

const done = (action: TaskAction, hubspotId: string) =>
  ledgerEntry(action, { status: 'done', hubspotId, doneAt: '2025-03-10T12:00:00.000Z' });

describe('playStatus: what the ledger says of a play', () => {
  it('is open while the ledger has nothing settled for it', () => {
    expect(playStatus(play([save]), [], BERLIN)).toEqual({
      status: 'open',
      taskId: null,
      detail: null,
      heldUntil: null,
    });
    expect(playStatus(play([save]), [ledgerEntry(save)], BERLIN).status).toBe('open');
  });

  it("is task-created with the owner's task, not the manager's copy", () => {
    const copy = taskAction({ ruleId: 'save-playbook', suffix: 'manager', route: 'manager' });
    const ledger = [done(copy, '902'), done(save, '901')];
    expect(playStatus(play([save, copy]), ledger, BERLIN)).toMatchObject({
      status: 'task-created',
      taskId: '901',
    });
  });

  it('is completed, saying why, once Vitals closed the task at the end of its episode', () => {
    const closed = ledgerEntry(close, { status: 'done', hubspotId: '901' });
    expect(playStatus(play([]), [closed, done(save, '901')], BERLIN)).toEqual({
      status: 'completed',
      taskId: '901',
      detail: 'the account recovered (78, Healthy) and no churn signal holds',
      heldUntil: null,
    });
    const closing = ledgerEntry(close);
    expect(playStatus(play([]), [closing, done(save, '901')], BERLIN).status).toBe('task-created');
  });

  it('is dismissed with the reason, past the Dismissed: prefix', () => {
    const dismissed = ledgerEntry(save, { status: 'skipped', detail: 'Dismissed: on holiday' });
    expect(playStatus(play([save]), [dismissed], BERLIN)).toMatchObject({
      status: 'dismissed',
      detail: 'on holiday',
    });
  });

  it("is held until the start of the next day in the plays' time zone", () => {
    const reason =
      'Owner 7 already has 10 new tasks today (plays.dailyTaskCapPerOwner); released tomorrow.';
    const held = ledgerEntry(save, { status: 'held', detail: reason });
    expect(playStatus(play([save]), [held], BERLIN)).toEqual({
      status: 'held',
      taskId: null,
      detail: reason,
      heldUntil: '2025-03-10T23:00:00.000Z',
    });
  });

  it('is held without a time once that day has come, or when plays are off', () => {
    const held = ledgerEntry(save, { status: 'held', detail: 'capped' });
    const nextDay = { ...BERLIN, now: new Date('2025-03-11T06:00:00.000Z') };
    expect(playStatus(play([save]), [held], nextDay)).toMatchObject({ heldUntil: null });
    expect(playStatus(play([save]), [held], { ...BERLIN, timeZone: null })).toMatchObject({
      status: 'held',
      heldUntil: null,
    });
  });

  it('is skipped, saying why, when Vitals did not make the task or HubSpot refused it', () => {
    const why =
      'Already so when Vitals started watching this portal: recorded as the starting point, not acted on.';
    const skipped = ledgerEntry(save, { status: 'skipped', detail: why });
    expect(playStatus(play([save]), [skipped], BERLIN)).toMatchObject({
      status: 'skipped',
      detail: why,
    });
    const failed = ledgerEntry(save, { status: 'failed', detail: 'hs_timestamp is required.' });
    expect(playStatus(play([save]), [failed], BERLIN)).toMatchObject({
      status: 'skipped',
      detail: 'HubSpot refused the task: hs_timestamp is required.',
    });
  });

  it('is enrolled when a contact was, and skipped with the reason when none could be', () => {
    const first = enrollAction({ ruleId: 'win-back', contactId: '1' });
    const second = enrollAction({ ruleId: 'win-back', contactId: '2' });
    const optedOut = ledgerEntry(second, { status: 'skipped', detail: 'the contact opted out' });
    const enrolled = ledgerEntry(first, { status: 'done', hubspotId: 'e1' });
    expect(playStatus(play([first, second]), [optedOut, enrolled], BERLIN).status).toBe('enrolled');
    expect(playStatus(play([second]), [optedOut], BERLIN)).toMatchObject({
      status: 'skipped',
      detail: 'the contact opted out',
    });
  });

  it("reads a play that fired on an earlier run from its rule's latest episode", () => {
    const older = taskAction({ ruleId: 'save-playbook', episode: '2025-01-02' });
    const ledger: LedgerEntry[] = [
      ledgerEntry(save, { status: 'held', detail: 'capped' }),
      done(older, '800'),
    ];
    expect(playStatus(play([]), ledger, BERLIN).status).toBe('held');
  });
});
