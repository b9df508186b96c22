import { describe, expect, it } from 'vitest';
import { adoptedTrack } from '../../../src/jobs/adopted-track.ts';
import { taskInput } from '../../../src/jobs/task-input.ts';
import { readTaskRef } from '../../../src/jobs/task-ref.ts';
import { crmObject } from '../hubspot/test-gateway.ts';
import { taskAction } from '../store/planned-action.ts';

const MARKER = 'vt0123456789abcdef';

describe('telling a Vitals task, its track and its copy from its subject and body', () => {
  it('reads the marker and the track from the last line Vitals writes now', () => {
    const task = taskAction({ ruleId: 'save-playbook', track: 'save' });
    const owner = taskInput(task, MARKER).properties;
    const copy = taskInput({ ...task, key: `${task.key}:manager` }, MARKER).properties;
    expect(owner.hs_task_body).toMatch(/<p>Ref: vt0123456789abcdef #VitalsTask save<\/p>$/);
    expect(readTaskRef(owner.hs_task_subject!, owner.hs_task_body!)).toEqual({
      marker: MARKER,
      track: 'save',
      managerCopy: false,
    });
    expect(readTaskRef(copy.hs_task_subject!, copy.hs_task_body!)).toMatchObject({
      track: 'save',
      managerCopy: true,
    });
  });

  it('tells a task made before the tag by its subject', () => {
    const body = `<p>Why now: the renewal is 30 days out.</p><p>Ref: ${MARKER}</p>`;
    expect(readTaskRef('Renewal: work the renewal timeline — Acme', body)).toEqual({
      marker: MARKER,
      track: 'renewal',
      managerCopy: false,
    });
    expect(
      readTaskRef('Escalation: Account is critical: escalate to an executive — Acme', body),
    ).toEqual({ marker: MARKER, track: 'save', managerCopy: true });
    // A subject a person rewrote: Vitals made it, but its track cannot be told.
    expect(readTaskRef('Call Ana about the invoice', body)).toEqual({
      marker: MARKER,
      track: null,
      managerCopy: false,
    });
  });

  it('leaves tasks Vitals did not make alone, even with a word like a marker', () => {
    expect(readTaskRef('Check the vtable', '<p>vt0123 is the part number</p>')).toBeNull();
  });
});

describe('a found task as its track again', () => {
  const NOW = new Date('2026-11-16T10:00:00.000Z');

  it('keys a save episode by when the task was made, and records the checkpoints already passed', () => {
    const owner = crmObject('8001', {
      hs_task_subject: 'Account is at risk: start the save playbook — Acme',
      hs_task_body: `<p>Why now: tier fell.</p><p>Ref: ${MARKER} #VitalsTask save</p>`,
      hs_task_priority: 'HIGH',
      hs_task_type: 'CALL',
      hs_timestamp: '2026-10-02T17:00:00.000Z',
      hubspot_owner_id: '61',
      hs_createdate: '2026-10-01T09:30:15.000Z',
    });
    const adoption = adoptedTrack(
      { companyId: '42', track: 'save', owner, manager: null, renewalDate: null },
      'Europe/Berlin',
      NOW,
    );
    expect(adoption?.track).toMatchObject({
      kind: 'save',
      episode: '2026-10-01T11:30:15',
      task: true,
      manager: false,
      priority: 'HIGH',
      dueAt: '2026-10-02T17:00:00.000Z',
      taskAt: '2026-10-01T09:30:15.000Z',
    });
    expect(adoption?.track.triggers.map((t) => [t.ruleId, t.baseline])).toEqual([
      ['found-in-hubspot', true],
      ['checkpoint-30', true],
    ]);
    expect(adoption?.tasks).toEqual([
      {
        action: expect.objectContaining({
          key: '42:save-playbook:2026-10-01T11:30:15',
          ownerId: '61',
          type: 'CALL',
          body: 'Why now: tier fell.',
        }),
        hubspotId: '8001',
        createdAt: '2026-10-01T09:30:15.000Z',
      },
    ]);
  });

  it("keys a renewal episode by the account's renewal date, and adopts none without one", () => {
    const owner = crmObject('8002', {
      hs_task_subject: 'Renewal: work the renewal timeline — Acme',
      hs_task_body: `<p>Ref: ${MARKER} #VitalsTask renewal</p>`,
      hs_createdate: '2026-11-01T09:00:00.000Z',
    });
    const found = { companyId: '42', track: 'renewal' as const, owner, manager: null };
    expect(adoptedTrack({ ...found, renewalDate: '2027-01-15' }, 'UTC', NOW)?.track).toMatchObject({
      episode: '2027-01-15',
      triggers: [expect.objectContaining({ ruleId: 'found-in-hubspot' })],
    });
    expect(adoptedTrack({ ...found, renewalDate: null }, 'UTC', NOW)).toBeNull();
  });
});
