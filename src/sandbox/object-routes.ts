import { batchReadObjects } from './batch-read-objects.ts';
import { batchUpdateObjects } from './batch-update-objects.ts';
import {
  createNoteOrMeeting,
  createNoteOrMeetingBatch,
  type NoteOrMeeting,
} from './create-notes-and-meetings.ts';
import { createTask, createTaskBatch } from './create-tasks.ts';
import { listObjects } from './list-objects.ts';
import { objectStore } from './object-store.ts';
import { objectScopes } from './object-scopes.ts';
import { objectTypeInfo, type CrmObjectType, type ObjectTypeInfo } from './object-types.ts';
import type { PortalContext } from './portal-context.ts';
import { propertyCatalog } from './property-catalog.ts';
import { nameList, propertySelection } from './property-selection.ts';
import { publicObject } from './public-object.ts';
import { notFoundError } from './sandbox-http-error.ts';
import type { SandboxRoute } from './sandbox-route.ts';
import { searchObjects } from './search-objects.ts';
import { updateObject } from './update-object.ts';

function readRoutes(ctx: PortalContext, info: ObjectTypeInfo): SandboxRoute[] {
  const base = `/crm/v3/objects/${info.type}`;
  const scopes = [objectScopes(info.type).read];
  return [
    { method: 'get', path: base, scopes, handle: listObjects(ctx, info) },
    { method: 'post', path: `${base}/batch/read`, scopes, handle: batchReadObjects(ctx, info) },
    {
      method: 'post',
      path: `${base}/search`,
      scopes,
      limit: 'search',
      handle: searchObjects(ctx, info),
    },
    {
      method: 'get',
      path: `${base}/:objectId`,
      scopes,
      handle: (req, res) => {
        const id = String(req.params.objectId);
        const store = objectStore(ctx.db);
        const row = /^\d{1,16}$/.test(id) ? store.find(info.type, Number(id)) : undefined;
        if (!row) throw notFoundError(`No ${info.singular} with id ${id} exists.`);
        const definitions = propertyCatalog(ctx.db).propertyMap(info.type);
        const selection = propertySelection(
          info,
          definitions,
          nameList(req.query.properties),
          nameList(req.query.propertiesWithHistory),
        );
        res.json(publicObject(store, row, selection));
      },
    },
  ];
}

/** Updates of one record (PATCH) or of up to 100 (batch/update). */
function updateRoutes(ctx: PortalContext, info: ObjectTypeInfo): SandboxRoute[] {
  const base = `/crm/v3/objects/${info.type}`;
  const scopes = [objectScopes(info.type).write];
  return [
    { method: 'post', path: `${base}/batch/update`, scopes, handle: batchUpdateObjects(ctx, info) },
    { method: 'patch', path: `${base}/:objectId`, scopes, handle: updateObject(ctx, info) },
  ];
}

/** Create one note or meeting, or up to 100 in a batch. */
function createRoutes(ctx: PortalContext, type: NoteOrMeeting): SandboxRoute[] {
  const base = `/crm/v3/objects/${type}`;
  const scopes = [objectScopes(type).write];
  return [
    { method: 'post', path: base, scopes, handle: createNoteOrMeeting(ctx, type) },
    {
      method: 'post',
      path: `${base}/batch/create`,
      scopes,
      handle: createNoteOrMeetingBatch(ctx, type),
    },
  ];
}

/**
 * The CRM object endpoints Vitals uses, and those a CSM's edits come through: read all types,
 * update companies and contacts, create/update tasks, create notes and meetings.
 */
export function objectRoutes(ctx: PortalContext): SandboxRoute[] {
  const types: CrmObjectType[] = ['companies', 'contacts', 'tasks', 'notes', 'meetings'];
  const taskWrite = [objectScopes('tasks').write];
  return [
    ...updateRoutes(ctx, objectTypeInfo('companies')),
    ...updateRoutes(ctx, objectTypeInfo('contacts')),
    { method: 'post', path: '/crm/v3/objects/tasks', scopes: taskWrite, handle: createTask(ctx) },
    {
      method: 'post',
      path: '/crm/v3/objects/tasks/batch/create',
      scopes: taskWrite,
      handle: createTaskBatch(ctx),
    },
    {
      method: 'post',
      path: '/crm/v3/objects/tasks/batch/update',
      scopes: taskWrite,
      handle: batchUpdateObjects(ctx, objectTypeInfo('tasks')),
    },
    ...createRoutes(ctx, 'notes'),
    ...createRoutes(ctx, 'meetings'),
    ...types.flatMap((type) => readRoutes(ctx, objectTypeInfo(type))),
  ];
}
