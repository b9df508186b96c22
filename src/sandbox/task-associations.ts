import {
  checkCreationAssociations,
  linkCreated,
  type AssociationInput,
  type CreationLink,
} from './engagement-associations.ts';
import type { ObjectStore } from './object-store.ts';
import type { PortalDatabase } from './portal-database.ts';

export { AssociationInput } from './engagement-associations.ts';

export type TaskLink = CreationLink;

/** Checks a new task's associations: 192 (to a company) or 204 (to a contact), to records that exist. */
export function checkTaskAssociations(
  store: ObjectStore,
  associations: readonly AssociationInput[],
): TaskLink[] {
  return checkCreationAssociations(store, 'tasks', associations);
}

/** Stores the task's links in both directions. */
export function linkTask(db: PortalDatabase, taskId: number, links: readonly TaskLink[]): void {
  linkCreated(db, 'tasks', taskId, links);
}
