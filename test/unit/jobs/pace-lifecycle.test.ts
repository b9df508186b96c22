import { describe, expect, it } from 'vitest';
import { paceLifecycle } from '../../../src/jobs/pace-lifecycle.ts';
import type {
  PlayOutcome,
  TaskAction,
  TaskUpdateAction,
  TrackState,
} from '../../../src/plays/play-types.ts';

const task = (ruleId: string, over: Partial<TaskAction> = {}): TaskAction => ({
  kind: 'task',
  track: 'lifecycle',
  ruleId,
  episode: '2025-03-03',
  key: `c1:${ruleId}:2025-03-03`,
  companyId: 'c1',
  ownerId: 'o1',
  route: 'owner',
  priority: 'LOW',
  type: 'TODO',
  subject: ruleId,
  body: '',
  dueAt: '2025-03-05T17:00:00.000Z',
  contactIds: [],
  ...over,
});

const track = (kind: TrackState['kind']): TrackState => ({
  kind,
  episode: '2025-03-01',
  openedAt: '2025-03-01T09:00:00.000Z',
  triggers: [],
  priority: 'HIGH',
  dueAt: '2025-03-02T17:00:00.000Z',
  task: true,
  manager: false,
});

function outcome(actions: PlayOutcome['actions'], tracks: PlayOutcome['tracks'] = {}): PlayOutcome {
  return {
    actions,
    baselined: [],
    tracks,
    readings: {},
    active: [],
    verdicts: actions.map((a) => ({ ruleId: a.ruleId, fired: true, why: 'due' })),
  };
}

const made = (o: PlayOutcome) => o.actions.map((a) => a.key);

const AT = { now: new Date('2025-03-03T09:00:00.000Z'), timeZone: 'Europe/Berlin' };

describe('pacing the lifecycle tasks of an account', () => {
  it('makes the most urgent one today, the earliest due among equals, and leaves the rest', () => {
    const paced = paceLifecycle(
      outcome([
        task('anniversary'),
        task('qbr-prep', { priority: 'MEDIUM', dueAt: '2025-03-06T17:00:00.000Z' }),
        task('onboarding-no-sponsor', { priority: 'MEDIUM' }),
      ]),
      [],
      AT,
    );
    expect(made(paced)).toEqual(['c1:onboarding-no-sponsor:2025-03-03']);
    expect(paced.verdicts.find((v) => v.ruleId === 'qbr-prep')).toEqual({
      ruleId: 'qbr-prep',
      fired: false,
      why: 'due; waits for a later day: one lifecycle task a day per account',
    });
  });

  it('makes none beside two open track tasks, but keeps notes and escalation copies', () => {
    const note = {
      kind: 'note' as const,
      brief: 'qbr' as const,
      ruleId: 'qbr-prep',
      episode: '2025-03-17',
      key: 'c1:qbr-prep:2025-03-17:note',
      companyId: 'c1',
      ownerId: 'o1',
      title: 'QBR prep',
      body: '<p>brief</p>',
      qbrDate: '2025-03-17',
    };
    const copy = task('nps-detractor-escalation', {
      key: 'c1:nps-detractor-escalation:x:manager',
      route: 'manager',
      ownerId: 'm1',
    });
    const paced = paceLifecycle(
      outcome([task('cadence-check-in'), note, copy], {
        save: track('save'),
        renewal: track('renewal'),
      }),
      [],
      AT,
    );
    expect(made(paced)).toEqual([note.key, copy.key]);
    expect(paced.verdicts.find((v) => v.ruleId === 'cadence-check-in')?.why).toBe(
      'due; waits: the account has 2 open Vitals tasks already',
    );
  });

  it('counts the lifecycle tasks still open, not those this evaluation completes', () => {
    const open = task('anniversary', { key: 'c1:anniversary:2025-02-20' });
    const other = task('qbr-book', { key: 'c1:qbr-book:2025-02-01' });
    const waits = paceLifecycle(
      outcome([task('cadence-check-in')], { renewal: track('renewal') }),
      [open],
      AT,
    );
    expect(made(waits)).toEqual([]);
    const update: TaskUpdateAction = {
      kind: 'task-update',
      track: 'lifecycle',
      ruleId: open.ruleId,
      episode: open.episode,
      key: `${open.key}:close`,
      companyId: open.companyId,
      target: open.key,
      subject: open.subject,
      body: 'Closed by Vitals',
      priority: open.priority,
      dueAt: open.dueAt,
      status: 'COMPLETED',
    };
    const goes = paceLifecycle(
      outcome([task('cadence-check-in'), update], { renewal: track('renewal') }),
      [open, { ...other, route: 'manager' }],
      AT,
    );
    expect(made(goes)).toEqual(['c1:cadence-check-in:2025-03-03', update.key]);
  });

  it('lets a more urgent task past an open one, and holds one no more urgent', () => {
    const open = task('cadence-check-in', { key: 'c1:cadence-check-in:2025-02-20' });
    const urgent = paceLifecycle(outcome([task('qbr-prep', { priority: 'MEDIUM' })]), [open], AT);
    expect(made(urgent)).toEqual(['c1:qbr-prep:2025-03-03']);
    const same = paceLifecycle(outcome([task('anniversary')]), [open], AT);
    expect(made(same)).toEqual([]);
    expect(same.verdicts[0]!.why).toBe('due; waits until "cadence-check-in" is done or over');
  });

  it('leaves an outcome with one lifecycle task and one open track as it is', () => {
    const given = outcome([task('cadence-check-in')], { renewal: track('renewal') });
    expect(paceLifecycle(given, [], AT)).toBe(given);
  });
});

describe('keeping an account to two open Vitals tasks when alarms open', () => {
  const checkIn = task('cadence-check-in', {
    key: 'c1:cadence-check-in:2025-02-20',
    dueAt: '2025-02-21T17:00:00.000Z',
  });
  const qbrPrep = task('qbr-prep', {
    key: 'c1:qbr-prep:2025-03-17',
    priority: 'MEDIUM',
    dueAt: '2025-03-04T17:00:00.000Z',
  });
  const closes = (o: PlayOutcome) =>
    o.actions.flatMap((a) => (a.kind === 'task-update' && a.status === 'COMPLETED' ? [a] : []));

  it('completes the least urgent open lifecycle task when two track tasks are open, saying why', () => {
    const paced = paceLifecycle(
      outcome([], { save: track('save'), renewal: track('renewal') }),
      [checkIn, qbrPrep],
      AT,
    );
    const closed = closes(paced);
    expect(closed.map((c) => c.target)).toEqual([checkIn.key, qbrPrep.key]);
    expect(closed[0]!.key).toBe(`${checkIn.key}:close`);
    expect(closed[0]!.body).toMatch(
      /^Closed by Vitals on 2025-03-03: the save and renewal tasks on this account come first, and Vitals keeps at most 2 of its tasks open per account\./,
    );
  });

  it('keeps the more urgent lifecycle task beside one track task', () => {
    const paced = paceLifecycle(outcome([], { renewal: track('renewal') }), [checkIn, qbrPrep], AT);
    expect(closes(paced).map((c) => c.target)).toEqual([checkIn.key]);
    expect(closes(paced)[0]!.body).toContain('the renewal task on this account comes first');
  });

  it('closes nothing when the open tasks fit, or when this evaluation already closes one', () => {
    const fits = outcome([], { renewal: track('renewal') });
    expect(paceLifecycle(fits, [qbrPrep], AT)).toBe(fits);
    const ended: TaskUpdateAction = {
      kind: 'task-update',
      track: 'lifecycle',
      ruleId: checkIn.ruleId,
      episode: checkIn.episode,
      key: `${checkIn.key}:close`,
      companyId: 'c1',
      target: checkIn.key,
      subject: checkIn.subject,
      body: 'Closed by Vitals: its moment has passed',
      priority: checkIn.priority,
      dueAt: checkIn.dueAt,
      status: 'COMPLETED',
    };
    const paced = paceLifecycle(
      outcome([ended], { renewal: track('renewal') }),
      [checkIn, qbrPrep],
      AT,
    );
    expect(closes(paced)).toEqual([ended]);
  });

  it("does not count escalation copies, which are not the owner's", () => {
    const copy = task('nps-detractor-escalation', { key: 'c1:nps:x:manager', route: 'manager' });
    const given = outcome([], { save: track('save'), renewal: track('renewal') });
    expect(paceLifecycle(given, [copy], AT)).toBe(given);
  });
});
