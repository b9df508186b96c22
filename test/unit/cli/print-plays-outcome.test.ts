import { describe, expect, it } from 'vitest';
import { emptyPlaysTally } from '../../../src/jobs/apply-plays.ts';
import { printPlaysOutcome } from '../../../src/cli/print-plays-outcome.ts';
import type { Io } from '../../../src/cli/process-io.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    color: false,
    errIsTTY: false,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('what a run did with the plays', () => {
  it('counts what reached people and shows a few skip reasons, pointing to the full list', () => {
    const c = capture();
    const tally = emptyPlaysTally();
    const effect = (n: number) => ({ companyId: String(n), ruleId: 'win-back', key: `k${n}` });
    tally.tasksCreated.push(effect(1));
    tally.tasksUpdated.push(effect(4), effect(5), effect(6));
    tally.tasksCompleted.push(effect(7));
    tally.enrolled.push(effect(2), effect(3));
    for (let n = 0; n < 8; n += 1)
      tally.skipped.push({ ...effect(10 + n), reason: `Contact ${n} has no email address` });
    tally.skipped.push({ ...effect(30), reason: 'Contact 0 has no email address' });
    tally.failed.push({ ...effect(40), error: 'HubSpot did not create it.' });
    printPlaysOutcome(tally, c.io);
    const text = c.out();
    expect(text).toContain(
      '1 task created, 3 updated, 1 completed (no longer needed), 2 contacts enrolled, 0 notes written, 9 skipped, 0 held back',
    );
    expect(text).toContain('2 skipped: Contact 0 has no email address');
    // Lifecycle tasks Vitals closed are told apart from the tracks' (a QBR whose moment passed).
    const lifecycle = capture();
    const done = emptyPlaysTally();
    done.tasksCompleted.push(effect(8), { ...effect(9), ruleId: 'qbr-prep' });
    printPlaysOutcome(done, lifecycle.io);
    expect(lifecycle.out()).toContain('2 completed (no longer needed; 1 of them lifecycle tasks)');
    expect(text.match(/skipped: Contact/g)).toHaveLength(5);
    expect(text).toContain('… and 3 more skipped: `vitals run --once --json` lists each');
    expect(c.err()).toContain('win-back for company 40 failed: HubSpot did not create it.');
  });

  it('says in one line when the run was the baseline, and what it recorded instead of acting', () => {
    const c = capture();
    printPlaysOutcome(emptyPlaysTally(), c.io, { tracks: 40, tasks: 0, enrolments: 1 });
    expect(c.out()).toContain(
      'First run on this portal (the baseline): it acts only on what cannot wait, and records what already holds as the starting point instead of acting on it (40 open tracks without a task, 1 enrolment not made). Later runs act on changes.',
    );
    const later = capture();
    printPlaysOutcome(emptyPlaysTally(), later.io, null);
    expect(later.out()).not.toContain('baseline');
  });
});
