import type { CreateTasksResult, TaskInput } from '../../../src/hubspot/create-tasks.ts';
import type { CurrentEnrollment } from '../../../src/hubspot/current-enrollment.ts';
import type { EnrollmentRequest } from '../../../src/hubspot/enroll-in-sequence.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import {
  emptyPlaysTally,
  type PlaysContext,
  type PlaysGateway,
} from '../../../src/jobs/apply-plays.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import type { Store } from '../../../src/store/store.ts';

export const SETTINGS: PlaySettings = {
  timeZone: 'UTC',
  fallbackOwnerId: null,
  managers: {},
  dailyTaskCapPerOwner: 100,
  workdayStartHour: 8,
  workdayEndHour: 18,
  nextTouchpointDays: 7,
  renewal: { sequenceId: '24680135', offsetDays: 90 },
  winBack: { sequenceId: null, maxDaysAfterChurn: 365 },
  paymentRecovery: { sequenceId: null, highValueMrr: 5000 },
  sender: { userId: '9012345', email: 'csm@example.com' },
  disabledRules: [],
};

/** A HubSpot error as the gateway throws it. */
export function hubspotError(status: number, message: string, category = 'VALIDATION_ERROR') {
  return new HubSpotError(`HubSpot answered ${status}: ${message}`, {
    endpoint: 'test',
    status,
    category,
    hubspotMessage: message,
  });
}

/**
 * A gateway that stands in for HubSpot's plays endpoints: tasks it creates are kept with their
 * bodies (so the marker search finds them), `refuse` and `fail` decide a create call's fate.
 */
export function fakePlaysGateway() {
  const tasks = new Map<string, string>();
  const notes = new Map<string, string>();
  const enrolled = new Map<string, CurrentEnrollment>();
  const calls = { create: [] as TaskInput[][], enroll: [] as EnrollmentRequest[], search: 0 };
  const rules = {
    /** Answers a create call with this error instead (a 400 when an input is bad, a 5xx…). */
    create: (_inputs: readonly TaskInput[]): Error | null => null,
    enroll: (_request: EnrollmentRequest): Error | null => null,
  };
  const gateway: PlaysGateway = {
    createTasks: async (inputs): Promise<CreateTasksResult> => {
      calls.create.push([...inputs]);
      const error = rules.create(inputs);
      if (error) throw error;
      const created = inputs.map((input) => {
        const id = String(9000 + tasks.size);
        tasks.set(id, input.properties.hs_task_body ?? '');
        return { id, traceId: input.traceId, body: input.properties.hs_task_body ?? null };
      });
      return { created, errors: [] };
    },
    updateTasks: async (updates) => ({ updated: updates.map((u) => ({ id: u.id })), errors: [] }),
    findTasksByMarker: async (markers) => {
      calls.search += 1;
      return new Map(
        markers.flatMap((m) => {
          const hit = [...tasks].find(([, body]) => body.includes(m));
          return hit ? [[m, hit[0]] as const] : [];
        }),
      );
    },
    enrollInSequence: async (request) => {
      calls.enroll.push(request);
      const error = rules.enroll(request);
      if (error) throw error;
      const current = {
        id: `e${enrolled.size + 1}`,
        sequenceId: request.sequenceId,
        enrolledAt: '2026-11-16T10:00:00.000Z',
      };
      enrolled.set(request.contactId, current);
      return { id: current.id, enrolledAt: current.enrolledAt };
    },
    currentEnrollment: async (contactId) => enrolled.get(contactId) ?? null,
    createNotes: async (inputs) => ({
      created: inputs.map((input) => {
        const id = String(7000 + notes.size);
        notes.set(id, input.properties.hs_note_body ?? '');
        return { id, traceId: input.traceId, body: input.properties.hs_note_body ?? null };
      }),
      errors: [],
    }),
    findNotesByMarker: async (markers) =>
      new Map(
        markers.flatMap((m) => {
          const hit = [...notes].find(([, body]) => body.includes(m));
          return hit ? [[m, hit[0]] as const] : [];
        }),
      ),
  };
  return { gateway, tasks, notes, enrolled, calls, rules };
}

export function playsContext(
  store: Store,
  gateway: PlaysGateway,
  extra: Partial<PlaysContext> = {},
): PlaysContext {
  return {
    gateway,
    store,
    portal: 'sandbox',
    settings: SETTINGS,
    now: new Date('2025-03-10T12:00:00.000Z'),
    tally: emptyPlaysTally(),
    ownerDay: new Map(),
    ...extra,
  };
}
