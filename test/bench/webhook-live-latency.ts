import { setTimeout as sleep } from 'node:timers/promises';
import { mulberry32 } from './mulberry32.ts';
import type { LiveWorld } from './webhook-live-world.ts';

export interface LatencyPlan {
  edits: number;
  /** Mean time between edits; each gap is drawn from [0.5, 1.5] × this. */
  meanGapMs: number;
  pollMs: number;
  /** An edit whose score is not written by then counts as missed. */
  timeoutMs: number;
}

/** One edit, in epoch ms from the edit (all on this machine's clock). */
export interface EditTiming {
  companyId: number;
  /** To the delivery that carried it being stored in the inbox (the gather, the POST, the commit). */
  deliveredMs: number | null;
  /** To the health_score write, by the timestamp the sandbox put in its property history. */
  writtenMs: number | null;
  /** To the poll that first saw the write. */
  seenMs: number | null;
}

export interface LatencyResult {
  timings: EditTiming[];
  /** Companies with an edit that moves their score, of the portal's. */
  movable: number;
  /** Wall time of the phase, first edit to last write seen. */
  elapsedMs: number;
  /** Drains that found events during the phase, and the API calls they made. */
  drains: number;
  calls: number;
}

/**
 * One CSM edit at a time, about once a second, each to another company, each moving its score;
 * for each, the time until the worker's new health_score is in the sandbox portal. The gaps are
 * drawn at random so the edits fall at every point of the sandbox's gather cycle.
 */
export async function measureLatency(world: LiveWorld, plan: LatencyPlan): Promise<LatencyResult> {
  // Companies spread over the portal, each with an edit that moves its score.
  const movable = world.companies().flatMap((company) => {
    const values = world.scoreMovingEdit(company);
    return values ? [{ id: company.id, values }] : [];
  });
  if (movable.length < plan.edits)
    throw new Error(`Only ${movable.length} companies have an edit that moves their score.`);
  const stride = Math.floor(movable.length / plan.edits);
  const targets = Array.from({ length: plan.edits }, (_, i) => movable[i * stride]!);
  const random = mulberry32(20_261_206);
  const drainsBefore = world.drains.length;
  const callsBefore = world.calls();
  const watches: Promise<EditTiming>[] = [];
  const started = performance.now();
  let due = started;
  for (const company of targets) {
    const seq = world.lastSeq();
    const editedAt = world.edit(company.id, company.values);
    watches.push(watch(world, company.id, seq, editedAt, plan));
    due += plan.meanGapMs * (0.5 + random());
    await sleep(Math.max(0, due - performance.now()));
  }
  const timings = await Promise.all(watches);
  const elapsedMs = performance.now() - started;
  await world.worker!.idle();
  return {
    timings,
    movable: movable.length,
    elapsedMs,
    drains: world.drains.length - drainsBefore,
    calls: world.calls() - callsBefore,
  };
}

async function watch(
  world: LiveWorld,
  companyId: number,
  seq: number,
  editedAt: number,
  plan: LatencyPlan,
): Promise<EditTiming> {
  const timing: EditTiming = { companyId, deliveredMs: null, writtenMs: null, seenMs: null };
  while (Date.now() - editedAt < plan.timeoutMs) {
    const write = world.writeAfter(companyId, 'health_score', seq);
    if (write) {
      timing.seenMs = Date.now() - editedAt;
      timing.writtenMs = Date.parse(write.timestamp) - editedAt;
      break;
    }
    await sleep(plan.pollMs);
  }
  const delivered = world.storedAfter(companyId, editedAt);
  if (delivered !== undefined) timing.deliveredMs = delivered - editedAt;
  return timing;
}
