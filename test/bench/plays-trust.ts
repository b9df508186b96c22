import { LIFECYCLE_RULES } from '../../src/lifecycle/lifecycle-rules.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import { firstRunAt, simulate, sumOf, type Day } from './plays-trust-days.ts';
import { playsTrustWorld } from './plays-trust-world.ts';
import { count, figuresOf, seconds } from './rescore-figures.ts';

/** Daily runs with drifting signals after the first two passes. */
const DAYS = 30;
const SEED = 20_261_116;
/** After the baseline, at most this share of the accounts gets a new task on any day. */
const DAILY_SHARE = 0.05;
const LIFECYCLE_IDS = new Set(LIFECYCLE_RULES.map((r) => r.id));
const MAX_OPEN = 2;

/**
 * Whether the plays flood a team: the baseline run, the next day's run on the same data, then
 * 30 daily runs while a seeded few accounts get worse or better each day. Every figure is read
 * from the runs' summaries and from the tasks the sandbox portal holds after each run.
 */
export async function playsTrust(): Promise<BenchSection> {
  const started = performance.now();
  const world = await playsTrustWorld();
  let days: Day[];
  try {
    days = await simulate(world, DAYS, SEED);
  } finally {
    await world.close();
  }
  const { settings, companies: n } = world;
  const [first, second, ...later] = days as [Day, Day, ...Day[]];
  const created = later.map((d) => d.summary.plays.tasksCreated.length);
  const limit = Math.floor(DAILY_SHARE * n);
  const over = later.filter((d) => d.summary.plays.tasksCreated.length > limit);
  const mostOpen = Math.max(...days.map((d) => d.mostOpen.max));
  const outside = days.reduce((sum, d) => sum + d.dueOutside.length, 0);
  const updates = later.map((d) => d.summary.plays.tasksUpdated.length);
  const busiestUpdates = later[updates.indexOf(Math.max(...updates))]!;
  const busiestDue = days.reduce((a, d) => (d.busiestDue.max > a.busiestDue.max ? d : a));
  const last = days[days.length - 1]!;
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)} %`;
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const causes = sumOf(later.map((d) => d.createdBy));
  const noContact = later.map((d) => d.createdBy.get('no-contact-3-weeks') ?? 0);
  const perDay = (f: (d: Day) => number) => figuresOf(later.map(f));
  // Planned work (onboarding steps, check-ins, QBR prep…) apart from the alarms' tasks.
  const lifecycle = later.map(
    (d) => d.summary.plays.tasksCreated.filter((t) => LIFECYCLE_IDS.has(t.ruleId)).length,
  );
  const alarms = created.map((c, i) => c - lifecycle[i]!);
  const alarmsOver = alarms.filter((a) => a > limit).length;
  const drift = later.map((d) => d.drift!);
  const rows: BenchRow[] = [
    ...passRows('first pass (baseline)', first, n),
    ...passRows('second pass, next day', second, n),
    {
      figure: `New tasks per day, ${DAYS} days of drift`,
      unit: 'tasks',
      measurement: figuresOf(created),
      target: {
        label: `every day ≤ ${count(limit)} (${DAILY_SHARE * 100} % of accounts)`,
        met: over.length === 0,
      },
    },
    {
      figure: `Alarm tasks per day (tracks: save, renewal, expansion), ${DAYS} days of drift`,
      unit: 'tasks',
      measurement: figuresOf(alarms),
      target: {
        label: `every day ≤ ${count(limit)} (${DAILY_SHARE * 100} % of accounts)`,
        met: alarmsOver === 0,
      },
    },
    {
      figure: `Lifecycle tasks per day (onboarding, check-ins, QBRs, anniversaries, NPS), ${DAYS} days of drift`,
      unit: 'tasks',
      measurement: figuresOf(lifecycle),
    },
    {
      figure: `Lifecycle tasks the daily budget made wait a day, per day (plays.lifecycle.dailyTaskBudgetPercent)`,
      unit: 'tasks',
      measurement: figuresOf(later.map((d) => d.summary.plays.waiting.length)),
    },
    {
      figure: 'Task updates per day (a trigger or checkpoint rewrites its task)',
      unit: 'tasks',
      measurement: figuresOf(updates),
    },
    {
      figure: 'Save tasks completed per day (the account recovered)',
      unit: 'tasks',
      measurement: perDay(
        (d) => d.summary.plays.tasksCompleted.filter((e) => e.ruleId === 'save-playbook').length,
      ),
    },
    {
      figure: 'Most open Vitals tasks one owner holds for one company, after each run',
      unit: 'tasks',
      measurement: figuresOf(days.map((d) => d.mostOpen.max)),
      target: { label: `every run ≤ ${MAX_OPEN}`, met: mostOpen <= MAX_OPEN },
    },
    {
      figure: 'Most open Vitals tasks one owner has due on one day, after each run',
      unit: 'tasks',
      measurement: figuresOf(days.map((d) => d.busiestDue.max)),
    },
    {
      figure: 'Open tasks whose due time an update moved later, per day',
      unit: 'tasks',
      measurement: perDay((d) => d.dueLater.moved),
    },
    {
      figure: `Vitals task due times outside Mon–Fri ${clock(settings.workdayStartHour)}–${clock(settings.workdayEndHour)}, all runs`,
      unit: 'tasks',
      measurement: figuresOf([outside]),
      target: { label: '= 0', met: outside === 0 },
    },
  ];
  return {
    title: `Plays a CS team trusts (sandbox portal, ${count(n)} companies, ${DAYS} days)`,
    rows,
    notes: [
      `Default config and plays as \`npm start\` builds them for the sandbox (time zone ${settings.timeZone}, at most ${settings.dailyTaskCapPerOwner} new tasks per owner a day, the demo portal's sender and sequences). First run ${firstRunAt(settings.timeZone).toISO()} (a Monday) on a fresh store, then one run a day at the same time, weekends included (the default schedule runs every 6 h). Tasks are counted in the runs' summaries; open tasks and due times are read back from the sandbox portal after every run (${days.length} runs): the tasks associated with a company whose body carries the Vitals marker, open when hs_task_status is not COMPLETED, due times (hs_timestamp) in the portal's zone, open or completed.`,
      `First pass: ${pct(companiesWithTask(first))} of the accounts got a task (${describe(first.createdBy)}); second pass: ${pct(companiesWithTask(second))} (${describe(second.createdBy)}).`,
      `Drift: before each of the ${DAYS} daily runs a seeded (mulberry32, seed ${SEED}) 3–5 % of the companies (churned ones aside) change one signal, half worse (logins cut to 30–60 %, replies 2–6 days slower, a failed payment, a churn-signal date stamped, check-ins a grade worse), half better (logins back to 90–130 %, replies within 1.5 days, paid up, check-ins a grade better, a contact logged); ${count(sum(drift.map((d) => d.worsened)))} worse, ${count(sum(drift.map((d) => d.recovered)))} better. Besides, on weekdays the reps keep in touch: an account not contacted for 10+ days gets a logged contact with a 20 % chance (${count(sum(drift.map((d) => d.routineContacts)))} in all), so the usual gap is two to three weeks and some accounts still go silent past 21 days. Nothing else changes: renewals come nearer and signal dates grow older.`,
      `New tasks per day: median ${pct(figuresOf(created).median)}, max ${pct(Math.max(...created))} of the accounts; ${count(sum(created))} in ${DAYS} days, ${count(sum(later.map((d) => d.summary.plays.heldBack.length)))} held back by the daily cap; over ${count(limit)} on ${over.length === 0 ? 'no day' : over.map((d) => `${d.at.toFormat('ccc d LLL')} (${d.summary.plays.tasksCreated.length})`).join(', ')}. By the rule each leads with: ${describe(new Map(causes))}. Without the no-contact-3-weeks crossings (last contacts ageing past 21 days) the most in a day would be ${Math.max(...created.map((c, i) => c - noContact[i]!))}. Weekend runs' tasks wait for Monday: the most new tasks a team finds on one business morning is ${Math.max(...mornings(later))}.`,
      waitedNote(later),
      `Task updates: the busiest day, ${busiestUpdates.at.toFormat('ccc d LLL')}, rewrote ${busiestUpdates.summary.plays.tasksUpdated.length} tasks (${describe(busiestUpdates.updatedBy)}); due times moved later on ${count(sum(later.map((d) => d.dueLater.moved)))} open tasks in ${DAYS} days, ${count(sum(later.map((d) => d.dueLater.overdue)))} of them already due by the run (a passed due time does not hold a new trigger to it: track-trigger.ts); the most open tasks one owner had due on one day was ${busiestDue.busiestDue.max} (${busiestDue.busiestDue.at}, after the run of ${busiestDue.at.toFormat('ccc d LLL')}). Completed by Vitals in ${DAYS} days: ${count(sum(later.map((d) => d.summary.plays.tasksCompleted.length)))} tasks (renewals passed and growth signals gone included).`,
      `Most open Vitals tasks for one owner and company: ${mostOpen} (${days.find((d) => d.mostOpen.max === mostOpen)!.mostOpen.at}). After day ${DAYS} the portal held ${count(last.tasks.length)} Vitals tasks, ${count(last.tasks.filter((t) => t.status !== 'COMPLETED').length)} open, ${count(last.tasks.filter((t) => t.ownerId === null).length)} without an owner (companies with no owner, no plays.fallbackOwnerId); the most one account got over all ${days.length} runs was ${Math.max(...tasksPerCompany(last))}.`,
      `Section wall time: ${seconds(performance.now() - started)}.`,
    ],
  };
}

function companiesWithTask(day: Day): number {
  return new Set(day.summary.plays.tasksCreated.map((e) => e.companyId)).size;
}

function tasksPerCompany(day: Day): number[] {
  const per = new Map<string, number>();
  for (const t of day.tasks) per.set(t.companyId ?? '', (per.get(t.companyId ?? '') ?? 0) + 1);
  return [...per.values(), 0];
}

/** New tasks per business morning: a Saturday's and a Sunday's wait for the Monday. */
function mornings(days: readonly Day[]): number[] {
  const by = new Map<string, number>();
  for (const d of days) {
    const morning = d.at.plus({ days: d.at.weekday > 5 ? 8 - d.at.weekday : 0 }).toISODate()!;
    by.set(morning, (by.get(morning) ?? 0) + d.summary.plays.tasksCreated.length);
  }
  return [...by.values()];
}

function describe(counts: ReadonlyMap<string, number>): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.length === 0 ? 'none' : sorted.map(([k, v]) => `${k} ${v}`).join(', ');
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Tasks created, tasks per account (max, p95 over every account) and accounts with a task. */
function passRows(label: string, day: Day, companies: number): BenchRow[] {
  const perCompany = new Map<string, number>();
  for (const e of day.summary.plays.tasksCreated)
    perCompany.set(e.companyId, (perCompany.get(e.companyId) ?? 0) + 1);
  const all = [...perCompany.values(), ...Array<number>(companies - perCompany.size).fill(0)];
  all.sort((a, b) => a - b);
  const one = (figure: string, unit: string, value: number): BenchRow => ({
    figure: `${figure}, ${label}`,
    unit,
    measurement: figuresOf([value]),
  });
  return [
    one('Tasks created', 'tasks', day.summary.plays.tasksCreated.length),
    one('Tasks per account, max', 'tasks', all[all.length - 1] ?? 0),
    one('Tasks per account, p95 of all accounts', 'tasks', all[Math.ceil(0.95 * all.length) - 1]!),
    one(`Accounts with a new task (of ${count(companies)})`, 'accounts', perCompany.size),
  ];
}

/** How the daily budget moved lifecycle tasks: how many waited, and how many came later. */
function waitedNote(days: readonly Day[]): string {
  const waited = new Set(days.flatMap((d) => d.summary.plays.waiting.map((w) => w.key)));
  const madeLater = new Set(
    days
      .flatMap((d) => d.summary.plays.tasksCreated.map((t) => t.key))
      .filter((k) => waited.has(k)),
  );
  return `Lifecycle tasks take what the alarms leave of ${DAILY_SHARE * 100} % of the accounts a day (plays.lifecycle.dailyTaskBudgetPercent), and an alarm opening beside two open Vitals tasks completes the least urgent lifecycle one. Over ${days.length} days ${count(waited.size)} lifecycle tasks waited at least a day; ${count(madeLater.size)} of them were made on a later day, the others' moment passed first (a touch was logged, the window closed) or they still wait after the last day.`;
}
