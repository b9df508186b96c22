import { describe, expect, it } from 'vitest';
import { crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

describe('play endpoints', () => {
  it('creates tasks associated by type id and tells which input became which task', async () => {
    const { gateway, hubspot } = testGateway();
    const sent: unknown[] = [];
    hubspot.post('/crm/v3/objects/tasks/batch/create').reply(async (request: Request) => {
      const { inputs } = (await request.json()) as {
        inputs: { objectWriteTraceId?: string; associations: unknown[] }[];
      };
      sent.push(...inputs.map((input) => input.associations));
      const results = inputs.map((input, i) => ({
        ...crmObject(`t${i}`),
        objectWriteTraceId: input.objectWriteTraceId,
      }));
      return [201, { status: 'COMPLETE', results }];
    });

    const result = await gateway.createTasks([
      {
        properties: { hs_timestamp: '2026-11-24T09:00:00Z', hs_task_subject: 'Call Ana' },
        associations: [{ id: '42', typeId: 192 }],
        traceId: 'play-1',
      },
    ]);

    expect(sent).toEqual([
      [
        {
          to: { id: '42' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
        },
      ],
    ]);
    expect(result).toEqual({ created: [{ id: 't0', traceId: 'play-1', body: null }], errors: [] });
  });

  it('lists sequences, enrolls a contact, and reads the current enrollment (404 → null)', async () => {
    const { gateway, hubspot } = testGateway();
    const enrollment = {
      id: 9,
      sequenceId: '77',
      sequenceName: 'Save',
      enrolledAt: '2026-11-23T12:00:00Z',
    };
    hubspot
      .get('/automation/v4/sequences')
      .query({ userId: '11', limit: '100' })
      .reply(200, { total: 1, results: [{ id: '77', name: 'Save', userId: '11' }] })
      .post('/automation/v4/sequences/enrollments', {
        contactId: '5',
        sequenceId: '77',
        senderEmail: 'ana@example.com',
      })
      .query({ userId: '11' })
      .reply(200, { id: '9', toEmail: 'bo@example.com', enrolledAt: '2026-11-23T12:00:00Z' })
      .get('/automation/v4/sequences/enrollments/contact/5')
      .reply(200, enrollment)
      .get('/automation/v4/sequences/enrollments/contact/6')
      .reply(404, hubspotError('OBJECT_NOT_FOUND', 'No enrollment'));

    expect(await gateway.listSequences('11')).toEqual([{ id: '77', name: 'Save' }]);
    expect(
      await gateway.enrollInSequence({
        contactId: '5',
        sequenceId: '77',
        senderEmail: 'ana@example.com',
        userId: '11',
      }),
    ).toEqual({ id: '9', toEmail: 'bo@example.com', enrolledAt: '2026-11-23T12:00:00Z' });
    expect(await gateway.currentEnrollment('5')).toEqual({ ...enrollment, id: '9' });
    expect(await gateway.currentEnrollment('6')).toBeNull();
  });
});
