import type { DrainSummary } from '../../src/jobs/drain-inbox.ts';
import { totalCalls } from './rescore-client.ts';
import { EDITED_PROPERTY, type LiveWorld } from './webhook-live-world.ts';

export interface CallsResult {
  companies: number;
  /** Of them, companies whose edit the model says moves the score. */
  moving: number;
  /** API calls of the drains that took the changes, by endpoint. */
  live: Record<string, number>;
  /** API calls of one full pass over the portal after the same changes, by endpoint. */
  pass: Record<string, number>;
  /** The drains, as the worker logged them. */
  drains: DrainSummary[];
  /** From the first edit until the worker was idle with every score written. */
  liveMs: number;
  passMs: number;
  /** Companies whose health_score differs between the two portals afterwards. */
  scoreMismatches: number;
}

/**
 * Every company of two identical portals changed the same way: in `live` through the sandbox's
 * deliveries and the worker's drains, in `pass` followed by one full pass. Both worlds have had
 * their baseline run, so the two start from the same state.
 */
export async function measureCalls(live: LiveWorld, pass: LiveWorld): Promise<CallsResult> {
  const companies = live.companies();
  const scoresOf = (world: LiveWorld) =>
    new Map(world.companies().map((c) => [c.id, c.properties.health_score]));
  const baselineMismatches = mismatches(scoresOf(live), scoresOf(pass));
  if (baselineMismatches > 0)
    throw new Error(`The two baselines differ in ${baselineMismatches} companies' scores.`);
  // The edit that moves each score where there is one (most companies), else logins collapsed.
  const edits = companies.map((c) => {
    const moving = live.scoreMovingEdit(c);
    return { id: c.id, moving: moving !== null, values: moving ?? { [EDITED_PROPERTY]: '5' } };
  });
  // Anything the baseline left for the worker is done before counting.
  await live.sandbox.webhooks!.flush();
  await live.worker!.idle();

  const passBefore = pass.gateway.apiCalls();
  const passStarted = performance.now();
  for (const edit of edits) pass.edit(edit.id, edit.values);
  await pass.runFull();
  const passMs = performance.now() - passStarted;
  const passCalls = since(passBefore, pass.gateway.apiCalls());

  const inboxBefore = await live.store.inboxCounts('sandbox');
  const drainsBefore = live.drains.length;
  const liveBefore = live.gateway.apiCalls();
  const liveStarted = performance.now();
  for (const edit of edits) live.edit(edit.id, edit.values);
  // Waits for the sandbox's next gather and every request's 204, then for the worker.
  await live.sandbox.webhooks!.idle();
  await live.worker!.idle();
  const liveMs = performance.now() - liveStarted;
  const liveCalls = since(liveBefore, live.gateway.apiCalls());
  const inboxAfter = await live.store.inboxCounts('sandbox');
  const processed = inboxAfter.processed - inboxBefore.processed;
  if (processed !== edits.length)
    throw new Error(`The worker processed ${processed} events, not the ${edits.length} edits.`);
  if (live.errors.length > 0) throw new Error(`Drains failed: ${live.errors.join('; ')}`);

  const scoreMismatches = mismatches(scoresOf(live), scoresOf(pass));
  return {
    companies: edits.length,
    moving: edits.filter((e) => e.moving).length,
    live: liveCalls,
    pass: passCalls,
    drains: live.drains.slice(drainsBefore).map((d) => d.summary),
    liveMs,
    passMs,
    scoreMismatches,
  };
}

function since(before: Record<string, number>, after: Record<string, number>) {
  const calls: Record<string, number> = {};
  for (const [endpoint, n] of Object.entries(after)) {
    const used = n - (before[endpoint] ?? 0);
    if (used > 0) calls[endpoint] = used;
  }
  return calls;
}

export function callsOf(calls: Record<string, number>): number {
  return totalCalls(calls);
}

function mismatches(
  a: Map<number, string | undefined>,
  b: Map<number, string | undefined>,
): number {
  let n = 0;
  for (const [id, score] of a) if (b.get(id) !== score) n++;
  return n + [...b.keys()].filter((id) => !a.has(id)).length;
}
