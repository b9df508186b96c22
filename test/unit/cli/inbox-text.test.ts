import { describe, expect, it } from 'vitest';
import { inboxRetryCommand } from '../../../src/cli/inbox-command.ts';
import { inboxReport, renderInbox } from '../../../src/cli/inbox-text.ts';
import type { InboxEvent } from '../../../src/store/store.ts';

const event = (over: Partial<InboxEvent>): InboxEvent => ({
  portal: 'sandbox',
  eventId: '1',
  subscriptionType: 'object.propertyChange',
  objectId: '31000000001',
  occurredAt: '2026-11-16T10:00:00.000Z',
  payload: { secret: 'not shown' },
  state: 'processed',
  attempts: 0,
  error: null,
  receivedAt: '2026-11-16T10:00:01.000Z',
  nextAttemptAt: null,
  updatedAt: '2026-11-16T10:00:02.000Z',
  ...over,
});

const counts = { received: 1, processed: 2, ignored: 0, failed: 0, dead: 1 };

describe('vitals inbox', () => {
  it('gives the JSON the README promises: counts, and each event without its payload', () => {
    const report = inboxReport(counts, [
      event({ state: 'dead', attempts: 8, error: 'HubSpot is down' }),
    ]);
    expect(report).toEqual({
      counts,
      events: [
        {
          eventId: '1',
          subscriptionType: 'object.propertyChange',
          objectId: '31000000001',
          state: 'dead',
          attempts: 8,
          error: 'HubSpot is down',
        },
      ],
    });
  });

  it('prints the counts, an aligned table, and how to retry the dead', () => {
    const text = renderInbox(
      inboxReport(counts, [event({ state: 'dead', attempts: 8, error: 'x'.repeat(100) })]),
    );
    expect(text).toContain('Webhook inbox: 1 received, 2 processed, 0 ignored, 0 failed, 1 dead.');
    expect(text).toMatch(/Event\s+Type\s+Object\s+State\s+Tries\s+Last error/);
    expect(text).toContain(`${'x'.repeat(59)}…`);
    expect(text).toContain('`vitals inbox retry --dead`');
  });

  it('asks for one event or --dead before touching anything', async () => {
    const io = { out: () => undefined, err: () => undefined, color: false, errIsTTY: false };
    await expect(inboxRetryCommand(undefined, {}, io)).rejects.toThrow(/Name one event to retry/);
    await expect(inboxRetryCommand('12', { dead: true }, io)).rejects.toThrow(/not both/);
  });
});
