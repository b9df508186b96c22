import { describe, expect, it } from 'vitest';
import { emptyPlaysTally } from '../../../src/jobs/apply-plays.ts';
import { printPlayPlan, printPlaysOutcome } from '../../../src/cli/print-play-plan.ts';
import type { Io } from '../../../src/cli/process-io.ts';
import type { TaskAction } from '../../../src/plays/play-types.ts';

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

const task = (companyId: string, ownerId: string | null, subject: string): TaskAction => ({
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
});

describe('the dry-run plan', () => {
  it('groups tasks by owner and names each company once', () => {
    const c = capture();
    const names = new Map([
      ['1', 'Acme'],
      ['2', 'Globex'],
    ]);
    printPlayPlan(
      [task('1', '7', 'Account is at risk — Acme'), task('2', null, 'Account is at risk')],
      (id) => names.get(id) ?? id,
      c.io,
    );
    const text = c.out();
    expect(text).toContain('would start (2), nothing written');
    expect(text).toMatch(
      /Owner 7\n {2}HIGH +due 2026-11-18 10:00 {2}Account is at risk — Acme \[tier-at-risk\]/,
    );
    expect(text).toMatch(/No owner\n {2}HIGH .*Account is at risk — Globex \[tier-at-risk\]/);
    expect(text.match(/Acme/g)).toHaveLength(1);
  });

  it('says so when there is nothing new to do', () => {
    const c = capture();
    printPlayPlan([], (id) => id, c.io);
    expect(c.out()).toContain('nothing new to do');
  });
});

describe('what a run did with the plays', () => {
  it('counts what reached people and shows a few skip reasons, pointing to the full list', () => {
    const c = capture();
    const tally = emptyPlaysTally();
    const effect = (n: number) => ({ companyId: String(n), ruleId: 'win-back', key: `k${n}` });
    tally.tasksCreated.push(effect(1));
    tally.enrolled.push(effect(2), effect(3));
    for (let n = 0; n < 8; n += 1)
      tally.skipped.push({ ...effect(10 + n), reason: `Contact ${n} has no email address` });
    tally.skipped.push({ ...effect(30), reason: 'Contact 0 has no email address' });
    tally.failed.push({ ...effect(40), error: 'HubSpot did not create it.' });
    printPlaysOutcome(tally, c.io);
    const text = c.out();
    expect(text).toContain('1 tasks created, 2 contacts enrolled, 9 skipped, 0 held back');
    expect(text).toContain('2 skipped: Contact 0 has no email address');
    expect(text.match(/skipped: Contact/g)).toHaveLength(5);
    expect(text).toContain('… and 3 more skipped');
    expect(c.err()).toContain('win-back for company 40 failed: HubSpot did not create it.');
  });
});
