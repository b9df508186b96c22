import { associationJournal } from './association-journal.ts';
import { cachedStatement } from './cached-statement.ts';
import type { ObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';

/** Who made a link change, as the webhook event names it. */
export interface LinkSource {
  at: string;
  sourceType: string;
  sourceId: string | null;
}

/** HUBSPOT_DEFINED company→contact types; 2 marks the contact's primary company. */
export const COMPANY_TO_CONTACT = { unlabeled: 280, primary: 2 } as const;

const UNLABELED = COMPANY_TO_CONTACT.unlabeled;
const PRIMARY = COMPANY_TO_CONTACT.primary;
// The type HubSpot reports the other way, contact→company.
const INVERSE: Readonly<Record<number, number>> = { [UNLABELED]: 279, [PRIMARY]: 1 };
const CONTACT_TO_PRIMARY_COMPANY = INVERSE[PRIMARY]!;

/** The unlabeled ("default") type from each side. */
export const DEFAULT_TYPE_FROM = { companies: UNLABELED, contacts: INVERSE[UNLABELED]! } as const;

const parseTypes = (row: { typeIds: string } | undefined): number[] =>
  row ? row.typeIds.split(',').map(Number) : [];

interface LinkChange extends LinkSource {
  companyId: number;
  contactId: number;
  removed: boolean;
}

/** One journal row per type and direction: each side's subscription gets its own event. */
function journalBoth(
  journal: ReturnType<typeof associationJournal>,
  { companyId, contactId, ...change }: LinkChange,
  types: readonly number[],
): void {
  for (const typeId of types) {
    journal.record({
      ...change,
      fromType: 'companies',
      fromId: companyId,
      toType: 'contacts',
      toId: contactId,
      typeId,
    });
    journal.record({
      ...change,
      fromType: 'contacts',
      fromId: contactId,
      toType: 'companies',
      toId: companyId,
      typeId: INVERSE[typeId] ?? typeId,
    });
  }
}

/**
 * Associates and dissociates companies and contacts in both directions, as HubSpot reports them
 * from either side, and journals every type added or removed so the webhook dispatcher can send
 * the associationChange events.
 */
export function companyContactLinks(db: PortalDatabase) {
  const journal = associationJournal(db);
  const read = (fromId: number, toType: ObjectType, toId: number): number[] =>
    parseTypes(
      cachedStatement(
        db,
        `SELECT type_ids AS typeIds FROM associations
         WHERE from_id = ? AND to_type = ? AND to_id = ?`,
      ).get(fromId, toType, toId) as { typeIds: string } | undefined,
    );
  const write = (fromId: number, toType: ObjectType, toId: number, types: number[]) =>
    types.length === 0
      ? cachedStatement(
          db,
          'DELETE FROM associations WHERE from_id = ? AND to_type = ? AND to_id = ?',
        ).run(fromId, toType, toId)
      : cachedStatement(db, 'INSERT OR REPLACE INTO associations VALUES (?, ?, ?, ?)').run(
          fromId,
          toType,
          toId,
          types.join(','),
        );
  const hasPrimaryCompany = (contactId: number): boolean =>
    (
      cachedStatement(
        db,
        `SELECT type_ids AS typeIds FROM associations WHERE from_id = ? AND to_type = 'companies'`,
      ).all(contactId) as { typeIds: string }[]
    ).some((row) => parseTypes(row).includes(CONTACT_TO_PRIMARY_COMPANY));
  return {
    /** The companies a contact is associated with, in id order. */
    companiesOf: (contactId: number): number[] =>
      (
        cachedStatement(
          db,
          `SELECT to_id AS id FROM associations
           WHERE from_id = ? AND to_type = 'companies' ORDER BY to_id`,
        ).all(contactId) as { id: number }[]
      ).map((row) => row.id),
    /** The company→contact type ids between the two; [] when they are not associated. */
    typesBetween: (companyId: number, contactId: number): number[] =>
      read(companyId, 'contacts', contactId),
    /**
     * Adds the unlabeled association, and the primary one when the contact has no primary
     * company yet (HubSpot makes a contact's only company its primary one). Returns the
     * company→contact types added: [] when the two were already associated.
     */
    link: db.transaction((companyId: number, contactId: number, source: LinkSource) => {
      const current = read(companyId, 'contacts', contactId);
      const wanted = hasPrimaryCompany(contactId) ? [UNLABELED] : [UNLABELED, PRIMARY];
      const added = wanted.filter((typeId) => !current.includes(typeId));
      if (added.length === 0) return [];
      const types = [...current, ...added];
      write(companyId, 'contacts', contactId, types);
      write(
        contactId,
        'companies',
        companyId,
        types.map((typeId) => INVERSE[typeId] ?? typeId),
      );
      journalBoth(journal, { companyId, contactId, removed: false, ...source }, added);
      return added;
    }),
    /** Removes every association between the two; returns the company→contact types removed. */
    unlink: db.transaction((companyId: number, contactId: number, source: LinkSource) => {
      const removed = read(companyId, 'contacts', contactId);
      if (removed.length === 0) return [];
      write(companyId, 'contacts', contactId, []);
      write(contactId, 'companies', companyId, []);
      journalBoth(journal, { companyId, contactId, removed: true, ...source }, removed);
      return removed;
    }),
  };
}

export type CompanyContactLinks = ReturnType<typeof companyContactLinks>;
