import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/hubspot/create-gateway.ts';
import { HOUR, NOW, playsWorld } from '../../support/plays-world.ts';

// No owner of the demo portal has this id: HubSpot (and the sandbox) refuse the whole batch.
const GONE_OWNER = '99999999';

describe('a task batch with one input HubSpot refuses', () => {
  it('fails that task with HubSpot’s words, creates the others, and never sends it again', async () => {
    const world = await playsWorld(60);
    let spoiled: string | undefined;
    const calls: number[] = [];
    // As if that task's owner had been deactivated in HubSpot since the run read the company.
    const gateway: Gateway = {
      ...world.gateway,
      createTasks: (tasks) => {
        calls.push(tasks.length);
        spoiled ??= tasks.map((t) => t.traceId!).sort()[0];
        return world.gateway.createTasks(
          tasks.map((t) =>
            t.traceId === spoiled
              ? { ...t, properties: { ...t.properties, hubspot_owner_id: GONE_OWNER } }
              : t,
          ),
        );
      },
    };

    const first = await world.run(undefined, gateway);

    expect(calls[0]).toBeGreaterThan(1);
    expect(first.plays.failed.map((f) => f.key)).toEqual([spoiled]);
    expect(first.plays.failed[0]!.error).toMatch(/99999999 is not a valid owner id/);
    expect(first.plays.tasksCreated).toHaveLength(calls[0]! - 1);
    const companyId = spoiled!.split(':')[0]!;
    const [entry] = (await world.ledger(companyId)).filter((e) => e.key === spoiled);
    expect(entry).toMatchObject({ status: 'failed' });
    expect(world.tasksWithMarker(entry!.marker)).toBe(0);

    calls.length = 0;
    const second = await world.run(new Date(NOW.getTime() + HOUR), gateway);
    expect(second.plays.failed).toEqual([]);
    expect(calls).toEqual([]);
  });
});
