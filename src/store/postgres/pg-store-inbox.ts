import type pg from 'pg';
import type { Store } from '../store.ts';
import { pgCompanyMoves } from './pg-company-moves.ts';
import { pgContactPrivacy } from './pg-contact-privacy.ts';
import { pgLease } from './pg-lease.ts';
import { pgWebhookInbox } from './pg-webhook-inbox.ts';

export type InboxPart = Pick<
  Store,
  | 'receiveEvents'
  | 'pendingEvents'
  | 'inboxClaimHolders'
  | 'releaseInboxClaims'
  | 'settleEvents'
  | 'failEvents'
  | 'inboxCounts'
  | 'listInbox'
  | 'retryEvents'
  | 'acquireLease'
  | 'renewLease'
  | 'releaseLease'
  | 'leaseHolder'
  | 'mergeCompanies'
  | 'forgetCompany'
  | 'forgetContact'
>;

/** On PostgreSQL: the webhook inbox, leases, and company merges, deletions and forgotten contacts. */
export function pgInboxPart(pool: pg.Pool, now: () => Date): InboxPart {
  const inbox = pgWebhookInbox(pool, now);
  const lease = pgLease(pool, now);
  const moves = pgCompanyMoves(pool);
  const forgetContact = pgContactPrivacy(pool);
  return {
    // One statement each, committed before it resolves: an event the receiver acknowledged
    // survives a process kill.
    receiveEvents: (portal, events) => inbox.receive(portal, events),
    inboxClaimHolders: (portal, at) => inbox.claimHolders(portal, at),
    releaseInboxClaims: (portal, holder) => inbox.releaseClaims(portal, holder),
    pendingEvents: (portal, at, limit, claim) =>
      claim ? inbox.claim(portal, at, limit, claim) : inbox.pending(portal, at, limit),
    settleEvents: (portal, ids, state) => inbox.settle(portal, ids, state),
    failEvents: (portal, ids, error, next) => inbox.fail(portal, ids, error, next),
    inboxCounts: (portal) => inbox.counts(portal),
    listInbox: (portal, filter) => inbox.list(portal, filter),
    retryEvents: (portal, which) => inbox.retry(portal, which),
    acquireLease: (name, holder, ttlMs) => lease.acquire(name, holder, ttlMs),
    renewLease: (name, holder, ttlMs) => lease.renew(name, holder, ttlMs),
    releaseLease: (name, holder) => lease.release(name, holder),
    leaseHolder: (name) => lease.holder(name),
    mergeCompanies: (portal, ids, into) => moves.merge(portal, ids, into),
    forgetCompany: (portal, id, at) => moves.forget(portal, id, at),
    forgetContact: (portal, id) => forgetContact(portal, id),
  };
}
