import { INBOX_STATES, type InboxEvent, type InboxState } from '../store/store.ts';
import { renderTable } from './render-table.ts';

export interface InboxReport {
  counts: Record<InboxState, number>;
  events: {
    eventId: string;
    subscriptionType: string;
    objectId: string;
    state: InboxState;
    attempts: number;
    error: string | null;
  }[];
}

/** The report `vitals inbox --json` prints: the counts and the latest events. */
export function inboxReport(
  counts: Record<InboxState, number>,
  events: readonly InboxEvent[],
): InboxReport {
  return {
    counts,
    events: events.map((e) => ({
      eventId: e.eventId,
      subscriptionType: e.subscriptionType,
      objectId: e.objectId,
      state: e.state,
      attempts: e.attempts,
      error: e.error,
    })),
  };
}

const ERROR_WIDTH = 60;

/** The same for people: one line of counts, then the events, newest first. */
export function renderInbox(report: InboxReport): string {
  const counts = INBOX_STATES.map((s) => `${report.counts[s]} ${s}`).join(', ');
  if (report.events.length === 0) return `Webhook inbox: ${counts}. No events yet.\n`;
  const rows = renderTable(report.events, [
    { header: 'Event', text: (e) => e.eventId },
    { header: 'Type', text: (e) => e.subscriptionType },
    { header: 'Object', text: (e) => e.objectId },
    { header: 'State', text: (e) => e.state },
    { header: 'Tries', align: 'right', text: (e) => String(e.attempts) },
    { header: 'Last error', text: (e) => cut(e.error ?? '') },
  ]);
  const dead =
    report.counts.dead > 0
      ? '\n`vitals inbox retry --dead` puts the dead events back in line.'
      : '';
  return `Webhook inbox: ${counts}.\n\n${rows.join('\n')}\n${dead}\n`;
}

function cut(text: string): string {
  return text.length <= ERROR_WIDTH ? text : `${text.slice(0, ERROR_WIDTH - 1)}…`;
}
