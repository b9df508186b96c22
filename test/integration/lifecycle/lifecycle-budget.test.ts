import { describe, expect, it } from 'vitest';
import { LIFECYCLE_RULES } from '../../../src/lifecycle/lifecycle-rules.ts';
import { DEFAULT_LIFECYCLE } from '../../../src/lifecycle/lifecycle-defaults.ts';
import { printPlayPlan } from '../../../src/cli/print-play-plan.ts';
import { printPlaysOutcome } from '../../../src/cli/print-plays-outcome.ts';
import { rescoreCompanies } from '../../../src/jobs/rescore-companies.ts';
import { dateOf, day, lifecycleWorld, runAt } from './sandbox-notes-world.ts';
import type { PlaysWorld } from '../../support/plays-world.ts';

// The portal's daily budget with the default settings, against the sandbox portal: lifecycle tasks
// take what the alarms leave of 5 % of the accounts a day, and an account never holds more than two
// open Vitals tasks, whichever kind opened last.

const LIFECYCLE = new Set(LIFECYCLE_RULES.map((r) => r.id));
const COMPANIES = 100;
const BUDGET = (COMPANIES * DEFAULT_LIFECYCLE.dailyTaskBudgetPercent) / 100;
/** Tuesday 1 December 2026: QBR preps, anniversaries and check-ins fall due together. */
const FIRST_DAY = 15;

const defaultBudget = { lifecycle: { ...DEFAULT_LIFECYCLE, enabled: true } };

/** Open Vitals tasks per owner and company, as the sandbox portal holds them. */
function mostOpen(world: PlaysWorld): number {
  const rows = world.portal<{ owner: string | null; company: number }>(
    `SELECT json_extract(o.properties, '$.hubspot_owner_id') AS owner, a.to_id AS company
     FROM objects o JOIN associations a ON a.from_id = o.id AND a.to_type = 'companies'
     WHERE o.type = 'tasks' AND json_extract(o.properties, '$.hs_task_status') != 'COMPLETED'
       AND o.properties LIKE '%Ref: vt%'`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.owner}|${r.company}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

function bufferIo() {
  let text = '';
  const io = { out: (t: string) => void (text += t), err: () => {}, color: false, errIsTTY: false };
  return { io, out: () => text };
}

describe("the portal's daily budget for lifecycle tasks", () => {
  it('keeps new tasks a day within 5 % of the accounts where the alarms leave room, and lets the rest come later', async () => {
    const world = await lifecycleWorld(COMPANIES, defaultBudget);
    await world.run(day(0));
    const waitedOn = new Map<string, string>();
    let lifecycleMade = 0;
    let cameLater = 0;
    for (let d = FIRST_DAY; d < FIRST_DAY + 12; d++) {
      const run = await runAt(world, day(d));
      const made = run.plays.tasksCreated;
      const lifecycle = made.filter((t) => LIFECYCLE.has(t.ruleId));
      const alarms = made.length - lifecycle.length;
      lifecycleMade += lifecycle.length;
      // Alarms are never held back; lifecycle tasks only fill what they leave.
      if (lifecycle.length > 0)
        expect(made.length, `new tasks on ${dateOf(day(d))}`).toBeLessThanOrEqual(
          Math.max(BUDGET, alarms),
        );
      for (const t of lifecycle) if (waitedOn.has(t.key)) cameLater += 1;
      for (const w of run.plays.waiting) {
        expect(w.reason).toContain('plays.lifecycle.dailyTaskBudgetPercent: 5 % of 100 accounts');
        waitedOn.set(w.key, dateOf(day(d)));
      }
      // Nothing that waits is recorded: the ledger holds no trace of it.
      const ledger = await Promise.all(run.plays.waiting.map((w) => world.ledger(w.companyId)));
      for (const [i, w] of run.plays.waiting.entries())
        expect(ledger[i]!.some((e) => e.key === w.key)).toBe(false);
      expect(
        mostOpen(world),
        `open Vitals tasks per owner and company after ${dateOf(day(d))}`,
      ).toBeLessThanOrEqual(2);
    }
    expect(lifecycleMade, 'lifecycle tasks made in 12 days').toBeGreaterThan(0);
    expect(waitedOn.size, 'lifecycle tasks the budget made wait').toBeGreaterThan(0);
    expect(cameLater, 'tasks that waited and were made on a later day').toBeGreaterThan(0);
  });

  it('says in the summary and in the dry run what waits and why', async () => {
    const world = await lifecycleWorld(COMPANIES, defaultBudget);
    await world.run(day(0));
    world.clock.now = day(FIRST_DAY);
    const dry = await world.preview();
    const real = await runAt(world, day(FIRST_DAY));
    // The dry run takes the same turns the real run then takes.
    const planned = dry.planned.filter((s) => s.kind === 'task' && LIFECYCLE.has(s.ruleId));
    const made = real.plays.tasksCreated.filter((t) => LIFECYCLE.has(t.ruleId));
    expect(planned.map((s) => s.key).sort()).toEqual(made.map((t) => t.key).sort());
    expect(dry.plays.waiting.map((w) => w.key).sort()).toEqual(
      real.plays.waiting.map((w) => w.key).sort(),
    );
    expect(real.plays.waiting.length).toBeGreaterThan(0);
    const io = bufferIo();
    printPlaysOutcome(real.plays, io.io);
    expect(io.out()).toMatch(
      new RegExp(
        `${real.plays.waiting.length} lifecycle tasks wait for a quieter day: \\d+ new Vitals tasks today already fill this portal's day \\(plays\\.lifecycle\\.dailyTaskBudgetPercent: 5 % of 100 accounts, 5 a day\\)\\.`,
      ),
    );
    const dryIo = bufferIo();
    printPlayPlan(dry, dryIo.io);
    expect(dryIo.out()).toContain('lifecycle tasks would wait for a quieter day');
  });

  it('holds a webhook rescore to the same day: it makes no more than the run left room for', async () => {
    const world = await lifecycleWorld(COMPANIES, defaultBudget);
    await world.run(day(0));
    const run = await runAt(world, day(FIRST_DAY));
    expect(run.plays.waiting.length, 'lifecycle tasks the run left waiting').toBeGreaterThan(0);
    world.clock.now = day(FIRST_DAY, 1);
    const rescore = await rescoreCompanies(world.companyIds(), {
      ...world.deps(),
      now: day(FIRST_DAY, 1),
    });
    const made = rescore.plays.tasksCreated;
    const lifecycle = made.filter((t) => LIFECYCLE.has(t.ruleId)).length;
    const today = run.plays.tasksCreated.length + made.length;
    // What the run left waiting still waits: the day is as full as it was.
    if (lifecycle > 0) expect(today).toBeLessThanOrEqual(BUDGET);
    expect(lifecycle + rescore.plays.waiting.length, 'lifecycle tasks due').toBeGreaterThan(0);
    for (const w of rescore.plays.waiting) expect(w.reason).toContain('5 % of 100 accounts');
  });
});
