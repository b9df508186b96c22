import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type {
  PlayInput,
  PlayOutcome,
  TaskAction,
  TaskUpdateAction,
  TrackKind,
  TrackState,
} from '../../../src/plays/play-types.ts';
import { RULES } from '../../../src/plays/rules.ts';
import { TRACK_PLAY } from '../../../src/plays/track-ids.ts';
import {
  enrolments,
  managerCopies,
  ownerTasks,
  ownerUpdates,
  triggerOf,
  verdictOf,
  work,
} from './outcome-views.ts';
import { daysAgo, input, NOW, settings } from './play-input.ts';
import { ESCALATIONS, SCENARIOS } from './rule-scenarios.ts';

const withManager = settings({ managers: { o1: 'm1' } });
const run = (over: Partial<PlayInput>) => evaluatePlays(input({ settings: withManager, ...over }));
const rule = (id: string) => RULES.find((r) => r.id === id)!;
const later = new Date(NOW.getTime() + 3_600_000);
const FAR = '2025-12-31T09:00:00.000Z';

/** The episode a track opened now gets: the renewal date, else today's date in Berlin. */
const episodeOf = (kind: TrackKind, over: Partial<PlayInput>) =>
  kind === 'renewal' ? over.account!.renewalDate! : '2025-03-12T10:00:00';

/** A track opened two days ago by another rule of it: LOW, due far ahead, its task made. */
function openTrack(kind: TrackKind, ruleId: string, over: Partial<PlayInput>): TrackState {
  const other = RULES.find((r) => r.track === kind && r.id !== ruleId)!;
  const at = daysAgo(2);
  const episode = kind === 'renewal' ? episodeOf(kind, over) : '2025-03-10';
  return {
    kind,
    episode,
    openedAt: at,
    triggers: [{ ruleId: other.id, episode: '2025-03-10', at, why: 'earlier', priority: 'LOW' }],
    priority: 'LOW',
    dueAt: FAR,
    task: true,
    manager: false,
  };
}

// The lifecycle plays (dated episodes, no track) have their own tests in test/unit/lifecycle.
const ALARMS = RULES.filter((r) => r.family === undefined);

describe('every rule of the table', () => {
  it('has a scenario here, so no row goes untested', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(ALARMS.map((r) => r.id).sort());
  });

  it('escalates to the manager exactly the rules listed here', () => {
    const escalating = RULES.filter((r) => r.routing === 'owner-and-manager').map((r) => r.id);
    expect(escalating.sort()).toEqual([...ESCALATIONS].sort());
  });

  it('gives every rule with a task a track, and enrol-only rules none', () => {
    for (const r of ALARMS) {
      const task = r.actions.some((a) => a.kind === 'task');
      expect(r.track !== undefined, r.id).toBe(task);
    }
  });

  it('keeps every lifecycle play out of the tracks: its task stands alone', () => {
    const lifecycle = RULES.filter((r) => r.family !== undefined);
    expect(lifecycle.length).toBeGreaterThan(0);
    for (const r of lifecycle) expect(r.track, r.id).toBeUndefined();
  });
});

const trackRules = Object.entries(SCENARIOS).filter(([id]) => rule(id).track !== undefined);
const enrolRules = Object.entries(SCENARIOS).filter(([id]) => rule(id).track === undefined);

describe.each(trackRules)('%s (feeds a track)', (ruleId, scenario) => {
  const kind = rule(ruleId).track!;
  const fired = run(scenario.fires);
  const task = ownerTasks(fired, kind)[0];
  const forTrack = (o: PlayOutcome) =>
    work(o).filter(
      (a): a is TaskAction | TaskUpdateAction =>
        (a.kind === 'task' || a.kind === 'task-update') && a.track === kind,
    );

  it('fires and opens its track with the one task of the track, as its only trigger', () => {
    expect(verdictOf(fired, ruleId)).toMatchObject({ fired: true });
    const state = fired.tracks[kind]!;
    expect(state.triggers.map((t) => [t.ruleId, t.baseline])).toEqual([[ruleId, undefined]]);
    expect(ownerTasks(fired, kind)).toHaveLength(1);
    const episode = episodeOf(kind, scenario.fires);
    expect(task).toMatchObject({
      ruleId: TRACK_PLAY[kind].id,
      episode,
      key: `c1:${TRACK_PLAY[kind].id}:${episode}`,
    });
    const spec = rule(ruleId).actions.find((a) => a.kind === 'task')!;
    expect(task?.subject).toBe(`${spec.kind === 'task' && spec.subject} — Acme`);
    expect(task?.body).toContain(`Why now: ${verdictOf(fired, ruleId)!.why}.`);
  });

  it('stays quiet when it should, and says why', () => {
    const quiet = run(scenario.quiet);
    const verdict = verdictOf(quiet, ruleId);
    expect(verdict?.fired).toBe(false);
    expect(verdict?.why.length).toBeGreaterThan(5);
    // Another rule may act on the same account; this one adds nothing to any track.
    expect(triggerOf(quiet, ruleId)).toBeUndefined();
    for (const a of forTrack(quiet)) expect(a.body).not.toContain(rule(ruleId).title);
  });

  it(`acts once per ${scenario.once}`, () => {
    const carried = { tracks: fired.tracks, previouslyActive: new Set(fired.active) };
    const again = run({ ...scenario.fires, ...carried, now: later });
    expect(forTrack(again)).toEqual([]);
    expect(again.tracks[kind]?.triggers.filter((t) => t.ruleId === ruleId)).toHaveLength(1);
    if (scenario.once === 'crossing') {
      expect(fired.active).toContain(ruleId);
      expect(again.active).toContain(ruleId);
      expect(verdictOf(again, ruleId)).toMatchObject({ fired: false, why: /^still holds/ });
    } else {
      expect(fired.active).not.toContain(ruleId);
    }
  });

  it(`alone, makes the task ${scenario.priority} and due ${scenario.due}`, () => {
    expect(rule(ruleId).priority).toBe(scenario.priority);
    expect(task).toMatchObject({ priority: scenario.priority, dueAt: scenario.due });
  });

  it('updates the open task of its track instead of making another, never due later', () => {
    const open = openTrack(kind, ruleId, scenario.fires);
    const outcome = run({ ...scenario.fires, tracks: { [kind]: open } });
    expect(ownerTasks(outcome, kind)).toEqual([]);
    const updates = ownerUpdates(outcome, kind);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      target: `c1:${TRACK_PLAY[kind].id}:${open.episode}`,
      status: 'NOT_STARTED',
      priority: scenario.priority,
      dueAt: scenario.due,
    });
    expect(outcome.tracks[kind]?.triggers.map((t) => t.ruleId)).toEqual([
      open.triggers[0]!.ruleId,
      ruleId,
    ]);
  });

  it('goes to the company owner, and to their manager only for escalations', () => {
    expect([task?.route, task?.ownerId]).toEqual(['owner', 'o1']);
    const copies = managerCopies(fired, kind).map((c) => [c.ownerId, c.key]);
    const manager = [['m1', `${task!.key}:manager`]];
    expect(copies).toEqual(ESCALATIONS.includes(ruleId) ? manager : []);
    expect(fired.tracks[kind]?.manager).toBe(ESCALATIONS.includes(ruleId));
  });
});

describe.each(enrolRules)('%s (enrols only)', (ruleId, scenario) => {
  const fired = run(scenario.fires);
  const enrolled = enrolments(fired, ruleId);

  it('fires and enrols, keyed company:rule:episode:contact', () => {
    expect(verdictOf(fired, ruleId)).toMatchObject({ fired: true });
    expect(enrolled.length).toBeGreaterThan(0);
    for (const e of enrolled) expect(e.key).toBe(`c1:${ruleId}:${e.episode}:${e.contactId}`);
    expect(work(fired).filter((a) => a.ruleId === ruleId && a.kind !== 'enroll')).toEqual([]);
  });

  it('stays quiet when it should, and says why', () => {
    const quiet = run(scenario.quiet);
    expect(enrolments(quiet, ruleId)).toEqual([]);
    expect(verdictOf(quiet, ruleId)?.fired).toBe(false);
    expect(verdictOf(quiet, ruleId)?.why.length).toBeGreaterThan(5);
  });

  it(`acts once per ${scenario.once}`, () => {
    if (scenario.once === 'crossing') {
      expect(fired.active).toContain(ruleId);
      const again = run({ ...scenario.fires, now: later, previouslyActive: new Set(fired.active) });
      expect(enrolments(again, ruleId)).toEqual([]);
      expect(again.active).toContain(ruleId);
    } else {
      // The ledger keeps the keys: a rerun plans the same enrolments, which it skips as done.
      expect(fired.active).not.toContain(ruleId);
      const again = run({ ...scenario.fires, now: later });
      expect(enrolments(again, ruleId).map((a) => a.key)).toEqual(enrolled.map((a) => a.key));
    }
  });

  it(`has priority ${scenario.priority} and no due time`, () => {
    expect(rule(ruleId)).toMatchObject({ priority: scenario.priority, due: null });
    expect(scenario.due).toBeNull();
  });
});
