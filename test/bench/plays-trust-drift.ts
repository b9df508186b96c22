import type { CompanyUpdate } from '../../src/hubspot/update-companies.ts';
import { CHURN_SIGNAL_PROPERTIES } from '../../src/sandbox/generate-play-facts.ts';
import { objectStore, type ObjectRow } from '../../src/sandbox/object-store.ts';
import type { PlaysTrustWorld } from './plays-trust-world.ts';

// One day of a portal's life between two runs: a few accounts get worse, a few get better.

const HOUR = 3_600_000;
/** Share of the portal's companies that change on a day: drawn in [MIN, MIN + SPREAD]. */
const MIN_SHARE = 0.03;
const SPREAD = 0.02;
const ATTENDANCE = ['always', 'usually', 'sometimes', 'never'];
/**
 * Reps keep in touch with their book: on a weekday, an account not contacted for ROUTINE_DAYS or
 * more gets a logged contact with this chance, so the usual gap is two to three weeks and some
 * accounts still go silent past 21 days (the touch cadence of a pooled CSM team).
 */
const ROUTINE_DAYS = 10;
const ROUTINE_CHANCE = 0.2;
const DAY_MS = 86_400_000;

export interface DriftDay {
  worsened: number;
  recovered: number;
  /** How many of each change, e.g. "logins down" → 3. */
  changes: Map<string, number>;
  /** Routine contacts the reps logged that day. */
  routineContacts: number;
}

type Properties = Record<string, string | undefined>;
type Change = { label: string; values: Record<string, string> } | null;

/**
 * Changes a seeded 3–5 % of the companies (churned ones aside) before the run at `now`, half
 * worse and half better, each in one mapped signal. What a CSM or an integration writes goes
 * through the gateway; the last-contact date, which HubSpot sets itself when an activity is
 * logged (read-only over the API), is written into the sandbox portal directly.
 */
export async function driftOneDay(
  world: PlaysTrustWorld,
  random: () => number,
  now: Date,
): Promise<DriftDay> {
  const rows = (
    world.db
      .prepare(
        `SELECT id, type, properties, created_at, updated_at FROM objects
                WHERE type = 'companies' ORDER BY id`,
      )
      .all() as ObjectRow[]
  ).filter((r) => (JSON.parse(r.properties) as Properties).customer_status !== 'churned');
  const picks = Math.round(world.companies * (MIN_SHARE + SPREAD * random()));
  const chosen = shuffle(rows, random).slice(0, picks);
  // Some time since the last run, never after this one.
  const stamp = () =>
    new Date(now.getTime() - Math.floor((1 + random() * 14) * HOUR)).toISOString();
  const day: DriftDay = { worsened: 0, recovered: 0, changes: new Map(), routineContacts: 0 };
  const updates: CompanyUpdate[] = [];
  const contacted: ObjectRow[] = [];
  for (const row of chosen) {
    const p = JSON.parse(row.properties) as Properties;
    const worse = random() < 0.5;
    const change = worse ? worsen(p, random, stamp) : recover(p, random);
    if (change === null) contacted.push(row);
    else updates.push({ id: String(row.id), properties: change.values });
    const label = change?.label ?? 'contact logged';
    day.changes.set(label, (day.changes.get(label) ?? 0) + 1);
    if (worse) day.worsened += 1;
    else day.recovered += 1;
  }
  if (updates.length > 0) {
    const result = await world.gateway.updateCompanies(updates);
    if (result.errors.length > 0)
      throw new Error(`The drift's writes failed: ${result.errors[0]!.message}`);
  }
  const weekday = now.getUTCDay() >= 1 && now.getUTCDay() <= 5;
  for (const row of weekday ? rows : []) {
    if (contacted.includes(row) || chosen.includes(row)) continue;
    const last = Date.parse((JSON.parse(row.properties) as Properties).notes_last_contacted ?? '');
    const due = Number.isNaN(last) || now.getTime() - last >= ROUTINE_DAYS * DAY_MS;
    if (due && random() < ROUTINE_CHANCE) {
      contacted.push(row);
      day.routineContacts += 1;
    }
  }
  const store = objectStore(world.db);
  for (const row of contacted)
    store.update(row, { notes_last_contacted: stamp() }, new Date().toISOString(), 'bench');
  return day;
}

function worsen(p: Properties, random: () => number, stamp: () => string): Change {
  const kind = Math.floor(random() * 5);
  switch (kind) {
    case 0: {
      const logins = Number(p.product_login_pct_of_baseline ?? 100);
      const value = Math.round(logins * (0.3 + 0.3 * random()) * 10) / 10;
      return { label: 'logins down', values: { product_login_pct_of_baseline: String(value) } };
    }
    case 1: {
      const days = Number(p.avg_reply_time_days ?? 1) + 2 + Math.round(random() * 40) / 10;
      return { label: 'replies slower', values: { avg_reply_time_days: String(days) } };
    }
    case 2: {
      const failures = Number(p.payment_failures ?? 0) + 1;
      const status = failures >= 2 ? 'failed_unresolved' : 'one_late';
      return {
        label: 'payment failed',
        values: {
          payment_failures: String(failures),
          payment_failed_at: stamp(),
          payment_status: status,
        },
      };
    }
    case 3: {
      const property =
        CHURN_SIGNAL_PROPERTIES[Math.floor(random() * CHURN_SIGNAL_PROPERTIES.length)]!;
      return { label: `${property} stamped`, values: { [property]: stamp() } };
    }
    default: {
      const now = ATTENDANCE.indexOf(p.checkin_attendance ?? '');
      const at = now < 0 ? 2 : Math.min(ATTENDANCE.length - 1, now + 1);
      return { label: 'check-ins missed', values: { checkin_attendance: ATTENDANCE[at]! } };
    }
  }
}

/** null: the account was contacted (the last-contact date moves to today). */
function recover(p: Properties, random: () => number): Change {
  const kind = Math.floor(random() * 5);
  const paying = Number(p.payment_failures ?? 0) > 0;
  switch (kind) {
    case 0: {
      const value = Math.round((90 + random() * 40) * 10) / 10;
      return { label: 'logins back', values: { product_login_pct_of_baseline: String(value) } };
    }
    case 1: {
      const days = Math.round((0.3 + random() * 1.2) * 10) / 10;
      return { label: 'replies quick', values: { avg_reply_time_days: String(days) } };
    }
    case 2:
      return paying
        ? { label: 'paid up', values: { payment_failures: '0', payment_status: 'on_time' } }
        : null;
    case 3: {
      const at = Math.max(0, ATTENDANCE.indexOf(p.checkin_attendance ?? 'usually') - 1);
      return { label: 'check-ins kept', values: { checkin_attendance: ATTENDANCE[at]! } };
    }
    default:
      return null;
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
