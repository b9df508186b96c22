import { accountSummary } from './account-summary.ts';
import { weekAgoReading } from './history-readings.ts';
import type { Judgement } from './judge-rule.ts';
import { likelyReason } from './likely-reason.ts';
import type { PlayInput } from './play-types.ts';
import type { TaskSpec } from './rule-types.ts';
import { savePlaybook } from './save-playbook.ts';

/** The task's text: why now, what to do, the account's facts, and the save playbook if any. */
export function taskBody(spec: TaskSpec, judgement: Judgement, input: PlayInput): string {
  const { account, current, history, now, settings } = input;
  const baseline = judgement.baseline ?? weekAgoReading(history, now);
  const parts = [
    `Why now: ${judgement.why}.`,
    ['What to do:', ...spec.steps.map((step) => `- ${step}`)].join('\n'),
    accountSummary(account, current, baseline, now, settings),
  ];
  if (spec.savePlaybook) {
    const reason = spec.savePlaybook.reason ?? likelyReason(current);
    parts.push(savePlaybook(reason, account));
  }
  return parts.join('\n\n');
}

/** The note that heads the manager's copy of an escalation. */
export function managerNote(ownerId: string): string {
  return `Escalation: the account owner (HubSpot owner ${ownerId}) has the same task. Make sure it happens, and join the call if it helps.`;
}
