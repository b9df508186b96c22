import type {
  EnrollAction,
  TaskAction,
  TaskUpdateAction,
  TrackState,
} from '../../../src/plays/play-types.ts';

interface Identity {
  companyId?: string;
  ruleId?: string;
  episode?: string;
  /** Appended to the key, as when one rule makes several actions. */
  suffix?: string;
}

function keyOf(companyId: string, ruleId: string, episode: string, suffix?: string): string {
  return `${companyId}:${ruleId}:${episode}${suffix === undefined ? '' : `:${suffix}`}`;
}

/** A planned task; tests override only what they are about. */
export function taskAction({
  companyId = '101',
  ruleId = 'tier_critical',
  episode = '2025-03-10',
  suffix,
  ...rest
}: Identity & Partial<Omit<TaskAction, 'key'>> = {}): TaskAction {
  return {
    kind: 'task',
    track: 'save',
    ownerId: '61234567',
    route: 'owner',
    priority: 'HIGH',
    type: 'CALL',
    subject: 'Escalate: Acme fell to critical',
    body: 'Score 22, down from 41 in a week.',
    dueAt: '2025-03-11T12:00:00.000Z',
    contactIds: ['9001'],
    ...rest,
    companyId,
    ruleId,
    episode,
    key: keyOf(companyId, ruleId, episode, suffix),
  };
}

/** A planned sequence enrolment of one contact; the key ends in the contact id. */
export function enrollAction({
  companyId = '101',
  ruleId = 'renewal_sequence',
  episode = '2025-03-10',
  contactId = '9001',
  suffix = contactId,
  ...rest
}: Identity & Partial<Omit<EnrollAction, 'key'>> = {}): EnrollAction {
  return {
    kind: 'enroll',
    sequence: 'renewal',
    sequenceId: '24680135',
    skip: null,
    ...rest,
    contactId,
    companyId,
    ruleId,
    episode,
    key: keyOf(companyId, ruleId, episode, suffix),
  };
}

/** A change to the task `target` (a task action's key): its key is `<target>:<suffix>`. */
export function taskUpdateAction({
  target = taskAction({ ruleId: 'save-playbook' }).key,
  suffix = 'update:tier-critical:2025-03-11',
  ...rest
}: { target?: string; suffix?: string } & Partial<
  Omit<TaskUpdateAction, 'key' | 'target'>
> = {}): TaskUpdateAction {
  const [companyId, ruleId, episode] = target.split(':') as [string, string, string];
  return {
    kind: 'task-update',
    track: 'save',
    subject: 'Account is critical: escalate to an executive — Acme',
    body: 'Why now: tier fell to critical.',
    priority: 'HIGH',
    dueAt: '2025-03-12T17:00:00.000Z',
    status: 'NOT_STARTED',
    ...rest,
    companyId,
    ruleId,
    episode,
    target,
    key: `${target}:${suffix}`,
  };
}

/** An open save episode with one trigger that made its task. */
export function trackState(overrides: Partial<TrackState> = {}): TrackState {
  return {
    kind: 'save',
    episode: '2025-03-10',
    openedAt: '2025-03-10T12:00:00.000Z',
    triggers: [
      {
        ruleId: 'tier-critical',
        episode: '2025-03-10',
        at: '2025-03-10T12:00:00.000Z',
        why: 'tier fell to critical',
        priority: 'HIGH',
      },
    ],
    priority: 'HIGH',
    dueAt: '2025-03-11T12:00:00.000Z',
    task: true,
    manager: false,
    ...overrides,
  };
}
