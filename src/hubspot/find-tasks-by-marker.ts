import { findRecordsByMarker } from './find-records-by-marker.ts';
import type { GatewayContext } from './gateway-context.ts';

/**
 * Finds the tasks whose body carries each marker (a token the caller wrote into hs_task_body
 * when it created the task), so a run that crashed between creating tasks and recording them
 * can learn their ids. Markers no task carries are absent from the map; when several tasks
 * carry one marker, the oldest wins.
 *
 * HubSpot's search index trails writes by a few seconds, so a task created moments ago may not
 * be found yet: "not found" is only certain for a task created longer ago than that.
 */
export function findTasksByMarker(
  ctx: GatewayContext,
  markers: readonly string[],
): Promise<Map<string, string>> {
  return findRecordsByMarker(
    ctx,
    {
      // The ".search" suffix puts these calls on the gateway's search budget (rate-limits.ts).
      endpoint: 'tasks.search',
      singular: 'task',
      bodyProperty: 'hs_task_body',
      doSearch: (request) => ctx.sdk.tasksSearch.doSearch(request),
    },
    markers,
  );
}
