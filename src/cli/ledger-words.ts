import type { LedgerState } from '../jobs/explain-company-plays.ts';
import { inZone } from '../plays/local-time.ts';
import { heldUntil } from '../jobs/held-until.ts';
import { DISMISSED } from '../jobs/play-status.ts';

/**
 * What the ledger holds for one action, in words, e.g. "task created on 2026-03-02: HubSpot task
 * 83000000003" or "task skipped: <why>". Dates are in the plays' time zone.
 */
export function ledgerWords(e: LedgerState, timeZone: string): string {
  const noun = {
    task: 'task',
    'task-update': 'update',
    enroll: 'enrolment',
    property: 'write',
    note: 'note',
  }[e.kind];
  const why = e.detail ?? 'no reason given';
  switch (e.status) {
    case 'done':
      return doneWords(e, localDate(e.updatedAt, timeZone));
    case 'held': {
      const until = heldUntil(e.updatedAt, timeZone);
      const when = until === null ? 'until tomorrow' : `until ${localTime(until, timeZone)}`;
      return `${noun} held back ${when}, when the first run makes it: ${e.detail ?? 'the daily task limit'}`;
    }
    case 'skipped':
      return why.startsWith(DISMISSED)
        ? `${noun} dismissed: ${why.slice(DISMISSED.length)}`
        : `${noun} skipped: ${why}`;
    case 'failed':
      return `${noun} refused by HubSpot: ${why}; runs do not retry it`;
    case 'intent':
      return `${noun} started but not confirmed (a run stopped): the next run looks for it in HubSpot first`;
    case 'uncertain':
      return `${noun} sent, but HubSpot gave no clear answer (${why}): the next run looks for it in HubSpot before sending it again`;
  }
}

function doneWords(e: LedgerState, on: string): string {
  const id = e.hubspotId ?? '(no id)';
  if (e.kind === 'enroll') return `enrolled on ${on}: HubSpot enrolment ${id}`;
  if (e.kind === 'note') return `note written on ${on}: HubSpot note ${id}`;
  if (e.kind !== 'task-update') return `task created on ${on}: HubSpot task ${id}`;
  // A track's task is completed by its `<task key>:close` update when the episode ends.
  if (e.key.endsWith(':close')) return `task ${id} completed by Vitals on ${on}: its episode ended`;
  return `task ${id} rewritten and reopened on ${on}`;
}

function localDate(iso: string, timeZone: string): string {
  return inZone(new Date(iso), timeZone).toISODate() ?? iso.slice(0, 10);
}

function localTime(iso: string, timeZone: string): string {
  return inZone(new Date(iso), timeZone).toFormat('yyyy-LL-dd HH:mm');
}
