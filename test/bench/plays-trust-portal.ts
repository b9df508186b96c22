import { DateTime } from 'luxon';
import type { PlaySettings } from '../../src/plays/play-types.ts';
import type { PortalDatabase } from '../../src/sandbox/portal-database.ts';

// What the sandbox portal holds after a run, read from its own tables: the tasks a rep sees.

/** A Vitals task in the sandbox portal, with the company it is associated with. */
export interface PortalTask {
  id: number;
  companyId: string | null;
  ownerId: string | null;
  status: string;
  dueAt: string;
  subject: string;
  body: string;
}

/** Every task Vitals made (its body carries the "Ref: vt…" marker), open or not. */
export function vitalsTasks(db: PortalDatabase): PortalTask[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.properties, a.to_id AS companyId
       FROM objects o LEFT JOIN associations a ON a.from_id = o.id AND a.to_type = 'companies'
       WHERE o.type = 'tasks' ORDER BY o.id`,
    )
    .all() as { id: number; properties: string; companyId: number | null }[];
  return rows.flatMap(({ id, properties, companyId }) => {
    const p = JSON.parse(properties) as Record<string, string | undefined>;
    if (!/Ref: vt[0-9a-f]+/.test(p.hs_task_body ?? '')) return [];
    return [
      {
        id,
        companyId: companyId === null ? null : String(companyId),
        ownerId: p.hubspot_owner_id ?? null,
        status: p.hs_task_status ?? 'NOT_STARTED',
        dueAt: p.hs_timestamp ?? '',
        subject: p.hs_task_subject ?? '',
        body: p.hs_task_body ?? '',
      },
    ];
  });
}

/** The most open (not COMPLETED) Vitals tasks one owner holds for one company, and where. */
export function mostOpenPerOwnerAndCompany(tasks: readonly PortalTask[]): MostOf {
  const open = new Map<string, number>();
  for (const t of tasks) {
    if (t.status === 'COMPLETED') continue;
    const key = `owner ${t.ownerId ?? '(none)'}, company ${t.companyId ?? '(none)'}`;
    open.set(key, (open.get(key) ?? 0) + 1);
  }
  return mostOf(open);
}

/** The largest count and its key (null when there is none). */
export interface MostOf {
  max: number;
  at: string | null;
}

function mostOf(counts: ReadonlyMap<string, number>): MostOf {
  let best: MostOf = { max: 0, at: null };
  for (const [at, n] of counts) if (n > best.max) best = { max: n, at };
  return best;
}

/** The most open Vitals tasks one owner has due on one day (portal time), and which. */
export function busiestDueDay(tasks: readonly PortalTask[], timeZone: string): MostOf {
  const due = new Map<string, number>();
  for (const t of tasks) {
    if (t.status === 'COMPLETED') continue;
    const day = DateTime.fromISO(t.dueAt, { zone: timeZone }).toISODate() ?? t.dueAt;
    const key = `owner ${t.ownerId ?? '(none)'} on ${day}`;
    due.set(key, (due.get(key) ?? 0) + 1);
  }
  return mostOf(due);
}

/** Tasks whose due time (hs_timestamp) is outside Mon–Fri, workday start to end, portal time. */
export function dueOutsideBusinessHours(
  tasks: readonly PortalTask[],
  settings: Pick<PlaySettings, 'timeZone' | 'workdayStartHour' | 'workdayEndHour'>,
): PortalTask[] {
  return tasks.filter((t) => {
    const local = DateTime.fromISO(t.dueAt, { zone: settings.timeZone });
    if (!local.isValid || local.weekday > 5) return true;
    const minutes = local.hour * 60 + local.minute + (local.second + local.millisecond / 1000) / 60;
    // The end of the workday itself is in ("same day" tasks are due by 18:00).
    return minutes < settings.workdayStartHour * 60 || minutes > settings.workdayEndHour * 60;
  });
}

/** A task body as a rep reads it: HubSpot's rich text back to lines. */
export function plainText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<\/p><p>/g, '\n\n')
    .replace(/<\/?p>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
