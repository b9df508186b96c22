import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { keyedQueue } from '../../../src/server/keyed-queue.ts';

describe('keyedQueue', () => {
  it('runs tasks of one key one after another, and other keys alongside', async () => {
    const run = keyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await delay(ms);
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      run('101', task('a1', 30)),
      run('101', task('a2', 1)),
      run('202', task('b', 1)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b']);
    expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'));
    expect(events.indexOf('start b')).toBeLessThan(events.indexOf('end a1'));
  });

  it('goes on with the next task after one fails', async () => {
    const run = keyedQueue();
    const failed = run('101', async () => {
      throw new Error('HubSpot said no');
    });
    const next = run('101', async () => 'ran');
    await expect(failed).rejects.toThrow('HubSpot said no');
    await expect(next).resolves.toBe('ran');
  });
});
