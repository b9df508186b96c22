import { accountSummary } from './account-summary.ts';
import { weekAgoReading } from './history-readings.ts';
import { likelyReason } from './likely-reason.ts';
import type { PlayInput, TrackKind, TrackState, TrackTrigger } from './play-types.ts';
import { ruleById } from './rule-index.ts';
import type { TaskSpec } from './rule-types.ts';
import { savePlaybook } from './save-playbook.ts';
import { shownDate } from './shown-date.ts';
import { TRACK_PLAY } from './track-ids.ts';
import { atRiskTier, worstTier } from './tier-positions.ts';
import { leadTrigger, liveTriggers } from './track-trigger.ts';

const CHECKPOINT: TaskSpec = {
  kind: 'task',
  type: 'TODO',
  subject: 'Save checkpoint: check where the account stands',
  steps: [
    'Compare the account with the plan you agreed when the episode began: is it working?',
    'Write the outcome in the notes; if nothing has improved, agree the next move with your manager.',
  ],
  contacts: 'none',
};

/** The task spec a trigger brings: its rule's task, or the checkpoint's. */
export function trackSpec(kind: TrackKind, trigger: TrackTrigger | null): TaskSpec {
  const spec = trigger ? ruleById(trigger.ruleId)?.actions.find((a) => a.kind === 'task') : null;
  if (spec?.kind === 'task') return spec;
  if (trigger?.ruleId.startsWith('checkpoint-')) return CHECKPOINT;
  return {
    kind: 'task',
    type: 'TODO',
    subject: TRACK_PLAY[kind].title,
    steps: [],
    contacts: 'key-people',
  };
}

/**
 * The track task's text: why now (the leading trigger), what to do, every trigger of the episode
 * with its date, the account's facts, and for a save episode the playbook with its stage.
 */
export function trackBody(state: TrackState, input: PlayInput, closing: string | null): string {
  const { account, current, history, now, settings } = input;
  const lead = leadTrigger(state, input.now.toISOString());
  const spec = trackSpec(state.kind, lead);
  const summary = accountSummary(account, current, weekAgoReading(history, now), now, settings);
  if (closing !== null) {
    // A closed task keeps only the record: no steps or stage that would read as still to do.
    const on = shownDate(now.toISOString(), settings.timeZone);
    return [
      `Closed by Vitals on ${on}: ${closing}.`,
      timeline(state, settings.timeZone),
      summary,
    ].join('\n\n');
  }
  const parts: string[] = [];
  if (lead) parts.push(`Why now: ${lead.why}.`);
  if (spec.steps.length > 0)
    parts.push(['What to do:', ...spec.steps.map((step) => `- ${step}`)].join('\n'));
  // A fact, not a step: kept out of the to-do list so a rep does not look for something to do.
  const holding = scoreNotes(state, input);
  if (holding.length > 0)
    parts.push(['Holding the score down:', ...holding.map((note) => `- ${note}`)].join('\n'));
  parts.push(timeline(state, settings.timeZone));
  parts.push(summary);
  if (state.kind === 'save' && serious(state, input))
    parts.push(
      savePlaybook({
        state,
        account,
        reason: likelyReason(current),
        now,
        timeZone: settings.timeZone,
      }),
    );
  return parts.join('\n\n');
}

/**
 * The full save playbook is for an account in real trouble: at risk or critical, or with an
 * urgent signal. Three quiet weeks on a healthy account need the contact attempt, not a rescue.
 */
function serious(state: TrackState, input: PlayInput): boolean {
  const { tier } = input.current;
  if (tier === atRiskTier(input.tiers) || tier === worstTier(input.tiers)) return true;
  return liveTriggers(state).some((t) => t.priority === 'HIGH');
}

/** What holds the score down now, said only where it binds (a cap or penalty in force). */
function scoreNotes(state: TrackState, input: PlayInput): string[] {
  if (state.kind !== 'save') return [];
  return input.current.modifiers
    .filter((m) => m.impact < 0)
    .map(
      (m) => `${m.label} holds the score ${Math.round(-m.impact)} points down until it changes.`,
    );
}

function timeline(state: TrackState, timeZone: string): string {
  const lines = state.triggers.map((t) => {
    const title = ruleById(t.ruleId)?.title;
    const when = shownDate(t.at, timeZone);
    return `- ${when}: ${t.why}${title ? ` — ${title}` : ''}`;
  });
  return [`What happened (since ${shownDate(state.openedAt, timeZone)}):`, ...lines].join('\n');
}
