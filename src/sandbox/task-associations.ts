import { z } from 'zod';
import { cachedStatement } from './cached-statement.ts';
import type { ObjectStore } from './object-store.ts';
import { objectTypeInfo, type ObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import { validationError } from './sandbox-http-error.ts';

export const AssociationInput = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]) }),
  types: z
    .array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() }))
    .min(1),
});

export interface TaskLink {
  toType: ObjectType;
  toId: number;
  typeId: number;
  inverseTypeId: number;
}

// HUBSPOT_DEFINED association types from a task, and the type HubSpot reports the other way.
const FROM_TASK: Record<number, { toType: ObjectType; inverse: number }> = {
  192: { toType: 'companies', inverse: 191 },
  204: { toType: 'contacts', inverse: 203 },
};

/** Checks a new task's associations: known type ids only, and every target must exist. */
export function checkTaskAssociations(
  store: ObjectStore,
  associations: readonly z.infer<typeof AssociationInput>[],
): TaskLink[] {
  return associations.flatMap(({ to, types }) =>
    types.map(({ associationCategory, associationTypeId }) => {
      const kind = FROM_TASK[associationTypeId];
      if (associationCategory !== 'HUBSPOT_DEFINED' || !kind) {
        throw validationError(
          `Association type ${associationCategory}/${associationTypeId} is not valid from a task: ` +
            'use HUBSPOT_DEFINED 192 (task to company) or 204 (task to contact).',
          { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' },
        );
      }
      const id = String(to.id);
      if (!/^\d{1,16}$/.test(id) || !store.find(kind.toType, Number(id))) {
        const singular = objectTypeInfo(kind.toType).singular;
        throw validationError(
          `Cannot associate the task with ${singular} ${id}: it does not exist.`,
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
export function linkTask(db: PortalDatabase, taskId: number, links: readonly TaskLink[]): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO associations VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET type_ids = type_ids || ',' || excluded.type_ids
     WHERE instr(',' || type_ids || ',', ',' || excluded.type_ids || ',') = 0`,
  );
  for (const link of links) {
    upsert.run(taskId, link.toType, link.toId, String(link.typeId));
    upsert.run(link.toId, 'tasks', taskId, String(link.inverseTypeId));
  }
}
