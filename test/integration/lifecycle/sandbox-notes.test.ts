import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/brief/render-note-html.ts';
import { printPlayPlan } from '../../../src/cli/print-play-plan.ts';
import type { RescoreSummary } from '../../../src/jobs/run-rescore.ts';
import {
  countingStore,
  dateOf,
  day,
  expectedQbrBriefs,
  lifecycleWorld,
  portalCompanies,
  portalNotes,
  portalTasks,
  runAt,
  sorted,
  wholeLedger,
} from './sandbox-notes-world.ts';

// The lifecycle plays' notes against the sandbox portal: what lands on the company timelines in
// HubSpot (the sandbox's own tables), once per episode, and what a dry run says it would write.

const QBR_HEADINGS = [
  'Health now and 90-day trend',
  'What moved and why',
  'Goals and ROI evidence',
  'Open plays and outcomes',
  'Renewal and forecast',
  'Expansion signals',
  'Risks',
  'Stakeholders',
  'Suggested agenda',
];

/** The value report on November 2026, as written on the first business day of December. */
const VALUE_HEADINGS = [
  'November 2026 at a glance',
  'What we did in November',
  'Results and ROI',
  escapeHtml("What's next"),
  'A question for the customer',
];

/** Tuesday 1 December 2026, 10:00 UTC: the first business day of the month. */
const DECEMBER_FIRST = day(15);

const keysOf = (items: readonly { key: string }[]) => sorted(items.map((i) => i.key));
const notesOf = (run: RescoreSummary, ruleId: string) =>
  run.plays.notesWritten.filter((n) => n.ruleId === ruleId);
const qbrNoteKeys = (due: ReadonlyMap<string, string>) =>
  sorted([...due].map(([id, qbr]) => `${id}:qbr-prep:${qbr}:note`));
const qbrTaskKeys = (due: ReadonlyMap<string, string>) =>
  sorted([...due].map(([id, qbr]) => `${id}:qbr-prep:${qbr}`));

describe('lifecycle notes against the sandbox portal', () => {
  it('writes one QBR prep note and one prep task per company two weeks ahead, and never again', async () => {
    const world = await lifecycleWorld(60);
    const companies = portalCompanies(world);
    // The baseline on Monday, then Friday, Friday again two hours later, Saturday and Sunday.
    const runs = [day(0), day(4), day(4, 2), day(5), day(6)];
    const expected = expectedQbrBriefs(world, runs.map(dateOf));
    const baseline = await world.run(runs[0]);
    // What already held when Vitals started watching is recorded, not written.
    expect(baseline.plays.notesWritten).toEqual([]);
    expect(portalNotes(world)).toEqual([]);

    const friday = await world.run(runs[1]);
    const due = expected[1]!;
    expect(due.size, 'QBRs entering the two-week window on Friday').toBeGreaterThan(0);
    expect(keysOf(friday.plays.notesWritten)).toEqual(qbrNoteKeys(due));
    expect(keysOf(friday.plays.tasksCreated.filter((t) => t.ruleId === 'qbr-prep'))).toEqual(
      qbrTaskKeys(due),
    );
    expect(friday.plays.failed).toEqual([]);

    const notes = portalNotes(world);
    expect(notes).toHaveLength(due.size);
    const tasks = portalTasks(world);
    for (const [id, qbr] of due) {
      const company = companies.get(id)!;
      const [note, ...more] = notes.filter((n) => n.companies.some((c) => c.id === id));
      expect(more, `a second note on ${id}`).toEqual([]);
      // On the company's timeline by the note-to-company type, under the account owner, dated now.
      expect(note!.companies).toEqual([{ id, typeIds: '190' }]);
      expect(note!.ownerId).toBe(company.ownerId);
      expect(note!.timestamp).toBe(runs[1]!.toISOString());
      expect(note!.body).toContain(
        `<h3>${escapeHtml(`QBR prep: ${company.name}, meeting on ${qbr}`)}</h3>`,
      );
      expect(note!.body).toContain(`<p>Prepared on ${dateOf(runs[1]!)}.</p>`);
      for (const heading of QBR_HEADINGS) expect(note!.body).toContain(`<h3>${heading}</h3>`);
      expect(note!.brief).toBe('qbr');
      // The ledger holds it as done under the id HubSpot gave it, found by the same marker.
      const ledger = await world.ledger(id);
      const entry = ledger.find((e) => e.key === `${id}:qbr-prep:${qbr}:note`);
      expect(entry).toMatchObject({ kind: 'note', status: 'done', hubspotId: note!.id });
      expect(note!.marker).toBe(entry!.marker);
      // And the task that goes with it, to the owner, on the same company.
      const taskEntry = ledger.find((e) => e.key === `${id}:qbr-prep:${qbr}`);
      expect(taskEntry).toMatchObject({ kind: 'task', status: 'done' });
      const made = tasks.filter((t) => t.marker === taskEntry!.marker);
      expect(made).toHaveLength(1);
      expect(made[0]).toMatchObject({
        id: taskEntry!.hubspotId,
        companyId: id,
        ownerId: company.ownerId,
        priority: 'MEDIUM',
      });
      expect(made[0]!.subject).toBe(
        `QBR coming up: prepare with the brief on the timeline — ${company.name}`,
      );
      expect(made[0]!.body).toContain('#VitalsTask lifecycle');
    }

    // The same day again and the next days: only QBRs that newly come within two weeks.
    for (let i = 2; i < runs.length; i++) {
      const run = await world.run(runs[i]);
      expect(keysOf(notesOf(run, 'qbr-prep')), `notes on run ${i}`).toEqual(
        qbrNoteKeys(expected[i]!),
      );
      expect(keysOf(run.plays.tasksCreated.filter((t) => t.ruleId === 'qbr-prep'))).toEqual(
        qbrTaskKeys(expected[i]!),
      );
    }
    expect(expected[2]!.size, 'a rerun the same day has nothing new').toBe(0);
    const all = portalNotes(world);
    const written = expected.reduce((n, e) => n + e.size, 0);
    expect(all).toHaveLength(written);
    // One note per company and QBR, one prep task each: nothing was written twice.
    const qbrOf = (body: string) => /meeting on (\d{4}-\d{2}-\d{2})/.exec(body)?.[1];
    expect(new Set(all.map((n) => `${n.companies[0]!.id} ${qbrOf(n.body)}`)).size).toBe(written);
    expect(new Set(all.map((n) => n.marker)).size).toBe(written);
    const prepTasks = portalTasks(world).filter((t) => t.subject.startsWith('QBR coming up'));
    expect(prepTasks).toHaveLength(written);
    expect(new Set(prepTasks.map((t) => t.companyId)).size).toBe(written);
  });

  it('writes the value report once per paying account on the first business day, and reads nothing for it later in the month', async () => {
    const world = await lifecycleWorld(60);
    const companies = [...portalCompanies(world).values()];
    const paying = companies.filter((c) => c.status === 'active').map((c) => c.id);
    const others = companies.filter((c) => c.status !== 'active');
    expect(others.some((c) => c.status === 'trial')).toBe(true);
    expect(others.some((c) => c.status === 'churned')).toBe(true);
    const counting = countingStore(world.store);
    await world.run(day(0));

    counting.reset();
    const first = await runAt(world, DECEMBER_FIRST, { store: counting.store });
    const reports = notesOf(first, 'monthly-value-report');
    const reportKeys = sorted(paying.map((id) => `${id}:monthly-value-report:2026-12-01:note`));
    expect(keysOf(reports)).toEqual(reportKeys);
    expect(first.plays.failed).toEqual([]);
    // Each note's body was written once, from the account's records (its 100-day score history).
    const briefReads = () =>
      sorted(counting.calls.scoreHistory.filter((c) => c.days === 100).map((c) => c.companyId));
    expect(briefReads()).toEqual(sorted(first.plays.notesWritten.map((n) => n.companyId)));

    const notes = portalNotes(world).filter((n) => n.brief === 'value-report');
    expect(notes).toHaveLength(paying.length);
    const byId = new Map(companies.map((c) => [c.id, c]));
    for (const note of notes) {
      const [on] = note.companies;
      expect(note.companies).toEqual([{ id: on!.id, typeIds: '190' }]);
      expect(paying).toContain(on!.id);
      const company = byId.get(on!.id)!;
      expect(note.body).toContain(
        `<h3>${escapeHtml(`Value report: ${company.name}, November 2026`)}</h3>`,
      );
      for (const heading of VALUE_HEADINGS) expect(note.body).toContain(`<h3>${heading}</h3>`);
      expect(note.ownerId).toBe(company.ownerId);
    }
    // Trials and churned accounts get none: not in HubSpot, not in the ledger.
    const onOthers = portalNotes(world).filter((n) =>
      n.companies.some((c) => others.some((o) => o.id === c.id)),
    );
    expect(onOthers).toEqual([]);
    for (const other of others)
      expect((await world.ledger(other.id)).filter((e) => e.kind === 'note')).toEqual([]);

    // The same day again, and a run later in the month: the reports are in the ledger, so the
    // plan drops them before it writes a body; only notes new that day (QBR briefs) are written.
    for (const at of [day(15, 3), day(22)]) {
      counting.reset();
      const later = await runAt(world, at, { store: counting.store });
      expect(notesOf(later, 'monthly-value-report')).toEqual([]);
      const asked = counting.calls.ledgerHas.flatMap((c) => c.keys);
      expect(
        reportKeys.filter((k) => !asked.includes(k)),
        'value reports looked up',
      ).toEqual([]);
      for (const call of counting.calls.ledgerHas)
        for (const key of call.keys.filter((k) => k.includes(':monthly-value-report:')))
          expect(call.held.has(key)).toBe(true);
      expect(briefReads()).toEqual(sorted(later.plays.notesWritten.map((n) => n.companyId)));
      expect(briefReads().length).toBeLessThan(paying.length);
    }
    expect(portalNotes(world).filter((n) => n.brief === 'value-report')).toHaveLength(
      paying.length,
    );
  });

  it('writes no note, no task and no ledger row in a dry run, where the real run writes notes', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const ledgerBefore = await wholeLedger(world);
    const tasksBefore = world.taskCount();
    for (const at of [day(4), DECEMBER_FIRST]) {
      world.clock.now = at;
      const dry = await world.preview();
      expect(dry.dryRun).toBe(true);
      expect(dry.plays.notesWritten).toEqual([]);
      expect(dry.plays.uncertain).toEqual([]);
      expect(portalNotes(world)).toEqual([]);
      expect(world.taskCount()).toBe(tasksBefore);
      expect(await wholeLedger(world)).toEqual(ledgerBefore);
    }
    // The real run at the same time does write them: the dry run had notes to leave out.
    const real = await world.run(DECEMBER_FIRST);
    expect(real.plays.notesWritten.length).toBeGreaterThan(0);
    expect(portalNotes(world)).toHaveLength(real.plays.notesWritten.length);
  });

  it('lists in a dry run the notes the real run at the same time then writes', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const companies = portalCompanies(world);
    const [, due] = expectedQbrBriefs(world, [dateOf(day(0)), dateOf(day(4))]);
    expect(due!.size).toBeGreaterThan(0);
    world.clock.now = day(4);
    const dry = await world.preview();
    const real = await world.run(day(4));
    expect(keysOf(real.plays.notesWritten)).toEqual(qbrNoteKeys(due!));
    // The plan `vitals run --dry-run` prints: every step the real run takes, notes included.
    const planned = dry.planned.filter((s) => s.kind === 'note');
    expect(keysOf(planned)).toEqual(keysOf(real.plays.notesWritten));
    const printed = printedPlan(dry);
    for (const [id, qbr] of due!)
      expect(printed).toContain(
        `note "QBR prep: ${companies.get(id)!.name}, meeting on ${qbr}" on the timeline`,
      );
  });

  it('prints a note of a dry-run plan as a note, not under sequences', async () => {
    const world = await lifecycleWorld(60);
    await world.run(day(0));
    const real = await world.run(day(4));
    const [written] = real.plays.notesWritten;
    const entry = (await world.ledger(written!.companyId)).find((e) => e.key === written!.key)!;
    expect(entry.action.kind).toBe('note');
    // A plan of that one note, as a dry run that lists notes would hand it to the printer.
    const text = printedPlan({
      planned: [{ ...entry.action, heldBack: false }],
      names: new Map([[entry.companyId, portalCompanies(world).get(entry.companyId)!.name]]),
      baseline: null,
      plays: real.plays,
    });
    expect(text).toContain('note "QBR prep: ');
    expect(text).not.toMatch(/^Sequences$/m);
    // The count line says what the run would do: here, write one note.
    expect(text).toMatch(/nothing written: [^\n]*\bnote\b/);
  });
});

/** The plan as `vitals run --dry-run` prints it. */
function printedPlan(plan: Parameters<typeof printPlayPlan>[0]): string {
  let out = '';
  printPlayPlan(plan, {
    out: (t) => void (out += t),
    err: () => {},
    color: false,
    errIsTTY: false,
  });
  return out;
}
