import type { ChurnSignalPlay } from './churn-signal-play.ts';
import { MEDIUM_CHURN_SIGNALS } from './churn-signals-medium.ts';
import { URGENT_CHURN_SIGNALS } from './churn-signals-urgent.ts';
import { observedSignal } from './observed-signal.ts';
import type { PlayRule } from './rule-types.ts';

/** DOMAIN §4: one rule per churn signal, named after it (data_export_request → data-export-request). */
export const CHURN_RULES: readonly PlayRule[] = [
  ...URGENT_CHURN_SIGNALS,
  ...MEDIUM_CHURN_SIGNALS,
].map(churnRule);

function churnRule(play: ChurnSignalPlay): PlayRule {
  return {
    id: play.signal.replaceAll('_', '-'),
    section: play.section ?? '§4',
    title: play.title,
    episode: play.derive ? 'event-or-crossing' : 'event',
    trigger: observedSignal(play.signal, play.words, play.derive),
    actions: [
      {
        kind: 'task',
        type: play.type,
        subject: play.subject,
        steps: play.steps,
        contacts: 'key-people',
      },
    ],
    priority: play.severity === 'medium' ? 'MEDIUM' : 'HIGH',
    due: play.due,
    routing: play.severity === 'critical' ? 'owner-and-manager' : 'owner',
    track: 'save',
    ...(play.urgent ? { urgent: play.urgent } : {}),
  };
}
