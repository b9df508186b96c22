import { describe, expect, it } from 'vitest';
import { BASELINE_REASON, emptyPlaysTally } from '../../../src/jobs/apply-plays.ts';
import type { PlanStep } from '../../../src/jobs/plays-preview.ts';
import { printPlayPlan } from '../../../src/cli/print-play-plan.ts';
import type { Io } from '../../../src/cli/process-io.ts';
import type { TaskUpdateAction } from '../../../src/plays/play-types.ts';

function capture() {
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: () => {}, color: false, errIsTTY: false };
  return { io, out: () => out.join('') };
}

const task = (
  companyId: string,
  ownerId: string | null,
  subject: string,
  heldBack = false,
): PlanStep => ({
  kind: 'task',
  track: 'save',
  ruleId: 'tier-at-risk',
  episode: '2026-11-16',
  key: `${companyId}:tier-at-risk:2026-11-16`,
  companyId,
  ownerId,
  route: ownerId === null ? 'fallback' : 'owner',
  priority: 'HIGH',
  type: 'CALL',
  subject,
  body: '',
  dueAt: '2026-11-18T10:00:00.000Z',
  contactIds: [],
  heldBack,
});

const update = (status: TaskUpdateAction['status']): PlanStep => ({
  kind: 'task-update',
  track: 'save',
  ruleId: 'save-playbook',
  episode: '2026-11-10',
  key: `3:save-playbook:2026-11-10:${status}`,
  companyId: '3',
  target: '3:save-playbook:2026-11-10',
  subject: 'They asked to export their data: call today — Initech',
  body: '',
  priority: 'HIGH',
  dueAt: '2026-11-16T18:00:00.000Z',
  status,
  heldBack: false,
});

const NAMES = new Map([
  ['1', 'Acme'],
  ['2', 'Globex'],
  ['3', 'Initech'],
]);

function plan(
  planned: PlanStep[],
  overrides: { baseline?: { tracks: number; tasks: number; enrolments: number } } = {},
) {
  return { planned, names: NAMES, baseline: null, plays: emptyPlaysTally(), ...overrides };
}

describe('the dry-run plan', () => {
  it('groups tasks by owner and names each company once', () => {
    const c = capture();
    printPlayPlan(
      plan([task('1', '7', 'Account is at risk — Acme'), task('2', null, 'Account is at risk')]),
      c.io,
    );
    const text = c.out();
    expect(text).toContain('would carry out, nothing written: 2 tasks to create.');
    expect(text).toMatch(
      /Owner 7\n {2}HIGH +due 2026-11-18 10:00 {2}Account is at risk — Acme \[tier-at-risk\]/,
    );
    expect(text).toMatch(/No owner\n {2}HIGH .*Account is at risk — Globex \[tier-at-risk\]/);
    expect(text.match(/Acme/g)).toHaveLength(1);
  });

  it("marks the tasks an owner's daily cap would hold back, in the owner's group", () => {
    const c = capture();
    printPlayPlan(
      plan([task('1', '7', 'Account is at risk — Acme'), task('2', '7', 'At risk — Globex', true)]),
      c.io,
    );
    const text = c.out();
    expect(text).toContain('1 task to create, 1 task held back (daily cap).');
    expect(text).toMatch(
      /Owner 7\n {2}HIGH .*Acme \[tier-at-risk\]\n {2}held back \(daily cap\): HIGH .*At risk — Globex/,
    );
  });

  it('shows the updates and completions it would send', () => {
    const c = capture();
    printPlayPlan(plan([update('NOT_STARTED'), update('COMPLETED')]), c.io);
    const text = c.out();
    expect(text).toContain('1 task to update, 1 task to complete.');
    expect(text).toMatch(
      /Open tasks to update or complete\n {2}HIGH +due 2026-11-16 18:00 {2}would update "They asked/,
    );
    expect(text).toContain('  would complete "They asked to export their data');
  });

  it('says in one line that a first run is the baseline, and what it records instead', () => {
    const c = capture();
    const tally = emptyPlaysTally();
    tally.skipped.push({ companyId: '1', ruleId: 'win-back', key: 'k', reason: BASELINE_REASON });
    tally.skipped.push({ companyId: '2', ruleId: 'renewal', key: 'r', reason: 'no email' });
    printPlayPlan(
      {
        ...plan([task('1', '7', 'Acme is critical')], {
          baseline: { tracks: 40, tasks: 0, enrolments: 1 },
        }),
        plays: tally,
      },
      c.io,
    );
    const text = c.out();
    const lines = text.split('\n').filter((l) => l.includes('baseline'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^First run on this portal \(the baseline\):/);
    expect(lines[0]).toContain('(40 open tracks without a task, 1 enrolment not made)');
    // The baseline's records are that line; other skips are listed with their reason.
    expect(text).toContain('  1 would be skipped: no email\n');
    expect(text).not.toContain('would be skipped: Already so');
  });

  it('says so when there is nothing new to do', () => {
    const c = capture();
    printPlayPlan(plan([]), c.io);
    expect(c.out()).toContain('nothing new to do');
  });
});
