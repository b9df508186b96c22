import { z } from 'zod';
import { cachedStatement } from './cached-statement.ts';
import type { ObjectStore } from './object-store.ts';
import { objectTypeInfo, type CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import { validationError } from './sandbox-http-error.ts';

/** The activities the sandbox creates with their associations in the create body. */
export type EngagementType = 'tasks' | 'notes' | 'meetings';

export const AssociationInput = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]) }),
  types: z
    .array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() }))
    .min(1),
});

export type AssociationInput = z.infer<typeof AssociationInput>;

export interface CreationLink {
  toType: CrmObjectType;
  toId: number;
  typeId: number;
  inverseTypeId: number;
}

interface LinkKind {
  toType: 'companies' | 'contacts';
  inverse: number;
}

// HUBSPOT_DEFINED association types from each activity, and the type HubSpot reports the other
// way (https://developers.hubspot.com/docs/api/crm/associations, "Association type id values").
const FROM: Record<EngagementType, Record<number, LinkKind>> = {
  tasks: {
    192: { toType: 'companies', inverse: 191 },
    204: { toType: 'contacts', inverse: 203 },
  },
  notes: {
    190: { toType: 'companies', inverse: 189 },
    202: { toType: 'contacts', inverse: 201 },
  },
  meetings: {
    188: { toType: 'companies', inverse: 187 },
    200: { toType: 'contacts', inverse: 199 },
  },
};

function validTypes(from: EngagementType): string {
  const singular = objectTypeInfo(from).singular;
  return Object.entries(FROM[from])
    .map(([id, kind]) => `${id} (${singular} to ${objectTypeInfo(kind.toType).singular})`)
    .join(' or ');
}

/**
 * Checks a new activity's associations: the type ids HubSpot defines from it only, and every
 * target must exist.
 */
export function checkCreationAssociations(
  store: ObjectStore,
  from: EngagementType,
  associations: readonly AssociationInput[],
): CreationLink[] {
  const singular = objectTypeInfo(from).singular;
  return associations.flatMap(({ to, types }) =>
    types.map(({ associationCategory, associationTypeId }) => {
      const kind = FROM[from][associationTypeId];
      if (associationCategory !== 'HUBSPOT_DEFINED' || !kind) {
        throw validationError(
          `Association type ${associationCategory}/${associationTypeId} is not valid from a ${singular}: ` +
            `use HUBSPOT_DEFINED ${validTypes(from)}.`,
          { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' },
        );
      }
      const id = String(to.id);
      if (!/^\d{1,16}$/.test(id) || !store.find(kind.toType, Number(id))) {
        const target = objectTypeInfo(kind.toType).singular;
        throw validationError(
          `Cannot associate the ${singular} with ${target} ${id}: it does not exist.`,
        );
      }
      return {
        toType: kind.toType,
        toId: Number(id),
        typeId: associationTypeId,
        inverseTypeId: kind.inverse,
      };
    }),
  );
}

/** Stores the links in both directions, as HubSpot reports them from either side. */
export function linkCreated(
  db: PortalDatabase,
  from: EngagementType,
  id: number,
  links: readonly CreationLink[],
): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO associations VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET type_ids = type_ids || ',' || excluded.type_ids
     WHERE instr(',' || type_ids || ',', ',' || excluded.type_ids || ',') = 0`,
  );
  for (const link of links) {
    upsert.run(id, link.toType, link.toId, String(link.typeId));
    upsert.run(link.toId, from, id, String(link.inverseTypeId));
  }
}
