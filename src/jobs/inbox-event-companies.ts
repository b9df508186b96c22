import type { InboxEvent } from '../store/store.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { RECOMMENDED_PROPERTY } from './company-update.ts';

/** What one webhook event asks of the worker. */
export type EventWork =
  | { kind: 'companies'; ids: string[] }
  | { kind: 'contacts'; ids: string[] }
  /** Merged into the survivor: the store follows, then the survivor is rescored. */
  | { kind: 'merge'; merged: string[]; survivor: string }
  /** Deleted at `at`: the store forgets its state unless a later evaluation saved it. */
  | { kind: 'delete'; id: string; at: string }
  /** Deleted for privacy: the store forgets the contact. */
  | { kind: 'forget-contact'; id: string }
  | { kind: 'nothing'; why: string }
  | { kind: 'ignore'; why: string };

const OWN = new Set<string>([...WRITTEN_PROPERTIES, RECOMMENDED_PROPERTY]);

type Payload = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : null);

/**
 * What an association change links the event's own object to: "CONTACT" for COMPANY_TO_CONTACT.
 * One subscription hears the links with deals, tickets and the rest too; null when the event
 * names no type.
 */
function linkedKind(p: Payload): string | null {
  const [, other] = /^[A-Z]+_TO_([A-Z_]+)$/.exec(text(p.associationType) ?? '') ?? [];
  return other ?? null;
}

function associationWork(type: string, p: Payload, objectId: string): EventWork {
  const [own, wanted] =
    type === 'company.associationChange' ? ['COMPANY', 'CONTACT'] : ['CONTACT', 'COMPANY'];
  const other = linkedKind(p);
  if (other !== null && !other.startsWith(wanted)) {
    return {
      kind: 'ignore',
      why: `a ${own}_TO_${other} association change, which no health signal reads`,
    };
  }
  // A contact joined or left a company: that company's people changed. The company is the
  // event's own object on company.associationChange, its other end on contact.associationChange.
  if (own === 'COMPANY') return { kind: 'companies', ids: [text(p.fromObjectId) ?? objectId] };
  const company = text(p.toObjectId);
  return company ? { kind: 'companies', ids: [company] } : { kind: 'contacts', ids: [objectId] };
}

/**
 * Which companies an event touches. Vitals' own writes come back as events too: a change to a
 * property it writes, or one whose source is this app, is ignored so a rescore never feeds
 * itself. Every event is a hint to read the current state: late, doubled or reordered events
 * all lead to the same rescore.
 */
export function eventWork(event: InboxEvent): EventWork {
  const p = (event.payload ?? {}) as Payload;
  const property = text(p.propertyName);
  if (property !== null && OWN.has(property))
    return { kind: 'ignore', why: `a change to ${property}, which Vitals writes itself` };
  if (text(p.sourceId) !== null && text(p.sourceId) === text(p.appId))
    return { kind: 'ignore', why: 'a change this app made' };
  const type = event.subscriptionType;
  switch (type) {
    case 'company.propertyChange':
    case 'company.restore':
      return { kind: 'companies', ids: [event.objectId] };
    case 'object.propertyChange':
      return text(p.objectTypeId) === '0-2'
        ? { kind: 'companies', ids: [event.objectId] }
        : { kind: 'contacts', ids: [event.objectId] };
    case 'company.merge': {
      const survivor = text(p.primaryObjectId) ?? event.objectId;
      const merged = Array.isArray(p.mergedObjectIds)
        ? p.mergedObjectIds.flatMap((id) => text(id) ?? [])
        : [];
      return { kind: 'merge', merged, survivor };
    }
    case 'company.associationChange':
    case 'contact.associationChange':
      return associationWork(type, p, event.objectId);
    case 'contact.propertyChange':
      return { kind: 'contacts', ids: [event.objectId] };
    case 'company.deletion':
      return { kind: 'delete', id: event.objectId, at: event.occurredAt };
    case 'contact.privacyDeletion':
      return { kind: 'forget-contact', id: event.objectId };
    default:
      return { kind: 'ignore', why: `Vitals does not handle ${type}` };
  }
}
