import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const CREATE = '/crm/v3/objects/tasks/batch/create';
const task = (owner: string) => ({
  properties: { hs_timestamp: '2026-11-24T09:00:00Z', hubspot_owner_id: owner },
  traceId: `play-${owner}`,
});

describe('tasks batch create when HubSpot refuses or fails', () => {
  it('gives a 400 for one bad input as a HubSpotError with HubSpot’s words, sent once', async () => {
    const { gateway, hubspot } = testGateway();
    const message =
      'Property values were not valid: [{"isValid":false,"message":"999 is not a valid owner id","error":"INVALID_OWNER_ID","name":"hubspot_owner_id"}]';
    const scope = hubspot.post(CREATE).reply(400, hubspotError('VALIDATION_ERROR', message));

    const error = await gateway.createTasks([task('61'), task('999')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ status: 400, category: 'VALIDATION_ERROR', attempts: 1 });
    expect((error as HubSpotError).hubspotMessage).toContain('999 is not a valid owner id');
    expect(scope.isDone()).toBe(true);
  });

  it('never sends a batch again after a 5xx: the tasks may exist', async () => {
    const { gateway, hubspot } = testGateway();
    const scope = hubspot.post(CREATE).reply(503, hubspotError('SERVICE_UNAVAILABLE', 'Down.'));

    const error = await gateway.createTasks([task('61')]).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 503, transient: true, attempts: 1 });
    expect(scope.isDone()).toBe(true);
  });
});
