import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  leaseHolderId,
  reclaimDeadLease,
  releaseDeadClaims,
} from '../../../src/jobs/lease-holder.ts';
import { inboxEvent } from '../store/inbox-event.ts';
import { openTestStore } from '../store/open-test-store.ts';

const TTL = 10 * 60 * 1000;
// Far above Linux's pid_max (4,194,304): no process can have it.
const DEAD_PID = 999_999_999;

describe('reclaiming the lease of a dead run', () => {
  it('frees a lease held by a process of this machine that no longer exists', async () => {
    const { store } = await openTestStore();
    const dead = `${hostname()}:${DEAD_PID}:x`;
    await store.acquireLease('full-rescore', dead, TTL);
    expect(await store.acquireLease('full-rescore', leaseHolderId(), TTL)).toBe(false);
    expect(await reclaimDeadLease(store, 'full-rescore')).toBe(true);
    expect(await store.leaseHolder('full-rescore')).toBeNull();
    expect(await store.acquireLease('full-rescore', leaseHolderId(), TTL)).toBe(true);
  });

  it('leaves a live holder alone', async () => {
    const { store } = await openTestStore();
    const alive = leaseHolderId();
    await store.acquireLease('full-rescore', alive, TTL);
    expect(await reclaimDeadLease(store, 'full-rescore')).toBe(false);
    expect((await store.leaseHolder('full-rescore'))?.holder).toBe(alive);
  });

  it('leaves a holder on another machine alone, whatever its pid', async () => {
    const { store } = await openTestStore();
    await store.acquireLease('full-rescore', `elsewhere-${hostname()}:${DEAD_PID}:x`, TTL);
    expect(await reclaimDeadLease(store, 'full-rescore')).toBe(false);
  });

  it('has nothing to reclaim when nobody holds the lease', async () => {
    const { store } = await openTestStore();
    expect(await reclaimDeadLease(store, 'full-rescore')).toBe(false);
  });
});

describe('taking back the inbox events a dead drainer held', () => {
  it('frees only the claims of processes of this machine that no longer exist', async () => {
    const { store } = await openTestStore();
    const now = new Date('2025-03-10T12:00:00.000Z');
    const until = '2025-03-10T12:05:00.000Z';
    await store.receiveEvents(
      'sandbox',
      ['1', '2', '3', '4'].map((eventId) => inboxEvent(eventId)),
    );
    const at = now.toISOString();
    const dead = `${hostname()}:${DEAD_PID}:x`;
    const elsewhere = `elsewhere-${hostname()}:${DEAD_PID}:x`;
    const alive = leaseHolderId();
    await store.pendingEvents('sandbox', at, 2, { holder: dead, until });
    await store.pendingEvents('sandbox', at, 1, { holder: elsewhere, until });
    await store.pendingEvents('sandbox', at, 1, { holder: alive, until });
    expect((await store.inboxClaimHolders('sandbox', at)).sort()).toEqual(
      [dead, elsewhere, alive].sort(),
    );

    expect(await releaseDeadClaims(store, 'sandbox', now)).toBe(2);
    const next = await store.pendingEvents('sandbox', at, 10, { holder: alive, until });
    expect(next.map((e) => e.eventId)).toEqual(['1', '2']);
    expect(await releaseDeadClaims(store, 'sandbox', now)).toBe(0);
  });
});
