import { describe, expect, it } from 'vitest';
import { closedTrackPlays } from '../../../src/jobs/closed-track-plays.ts';
import { closingReason } from '../../../src/jobs/closing-reason.ts';
import { heldUntil } from '../../../src/jobs/held-until.ts';
import { taskAction, taskUpdateAction } from '../store/planned-action.ts';
import { ledgerEntry } from './ledger-entry.ts';

const NOW = new Date('2025-03-10T12:00:00.000Z');
const task = taskAction({ ruleId: 'save-playbook', episode: '2025-02-20' });
const close = (doneAt: string, target = task.key) =>
  ledgerEntry(
    taskUpdateAction({
      target,
      suffix: 'close',
      status: 'COMPLETED',
      body: 'Closed by Vitals on 2025-03-09: the account recovered (78, Healthy).\n\nWhy now: tier fell to critical.',
    }),
    { status: 'done', hubspotId: '901', doneAt },
  );
const done = ledgerEntry(task, { status: 'done', hubspotId: '901' });

describe('closedTrackPlays: tracks whose episode ended lately', () => {
  it('lists a track Vitals closed in the last 7 days, with why it opened', () => {
    const plays = closedTrackPlays([], [close('2025-03-04T12:00:00.000Z'), done], NOW);
    expect(plays).toEqual([
      {
        id: 'save-playbook',
        title: 'Save the account: work the save playbook',
        why: 'tier fell to critical',
        priority: 'LOW',
        dueAt: null,
        actions: [],
      },
    ]);
  });

  it('leaves out one closed longer ago, one the snapshot lists, and one a new episode follows', () => {
    expect(closedTrackPlays([], [close('2025-03-02T12:00:00.000Z'), done], NOW)).toEqual([]);
    const listed = [
      {
        id: 'save-playbook',
        title: '',
        why: '',
        priority: 'HIGH' as const,
        dueAt: null,
        actions: [],
      },
    ];
    expect(closedTrackPlays(listed, [close('2025-03-09T12:00:00.000Z'), done], NOW)).toEqual([]);
    const next = ledgerEntry(taskAction({ ruleId: 'save-playbook', episode: '2025-03-10' }));
    expect(closedTrackPlays([], [next, close('2025-03-09T12:00:00.000Z'), done], NOW)).toEqual([]);
  });

  it("leaves out a close of the manager's copy alone", () => {
    const manager = close('2025-03-09T12:00:00.000Z', `${task.key}:manager`);
    expect(closedTrackPlays([], [manager, done], NOW)).toEqual([]);
  });
});

describe('closingReason and heldUntil', () => {
  it('reads the reason from the first line of the closed task', () => {
    expect(closingReason(close(NOW.toISOString()).action)).toBe(
      'the account recovered (78, Healthy)',
    );
    expect(closingReason(taskUpdateAction({ body: 'Why now: x.' }))).toBeNull();
    expect(closingReason(task)).toBeNull();
  });

  it("gives the start of the next day in the plays' time zone, across a DST change", () => {
    expect(heldUntil('2025-03-29T20:00:00.000Z', 'Europe/Berlin')).toBe('2025-03-29T23:00:00.000Z');
    expect(heldUntil('2025-03-30T20:00:00.000Z', 'Europe/Berlin')).toBe('2025-03-30T22:00:00.000Z');
    expect(heldUntil('2025-03-10T23:30:00.000Z', 'UTC')).toBe('2025-03-11T00:00:00.000Z');
    expect(heldUntil('not a time', 'UTC')).toBeNull();
  });
});
