import { byUrgency } from './by-urgency.ts';
import { decideTracks } from './decide-tracks.ts';
import { expansionBar } from './expansion-bar.ts';
import { judgeRule, type Judgement } from './judge-rule.ts';
import { closeLifecycleTasks } from '../lifecycle/close-lifecycle-tasks.ts';
import { lifecycleActions } from '../lifecycle/lifecycle-actions.ts';
import { saveCoversCheckIn } from '../lifecycle/save-covers-check-in.ts';
import { planEnrolments } from './plan-enrolments.ts';
import {
  TRACK_KINDS,
  type EnrollAction,
  type PlannedAction,
  type PlayInput,
  type PlayOutcome,
  type PropertyAction,
  type TrackKind,
} from './play-types.ts';
import { RECOMMENDED_PLAYS_PROPERTY, recommendedPlays } from './recommended-plays.ts';
import { RULES } from './rules.ts';
import { nextReadings } from './signal-readings.ts';

/**
 * Every rule of the table against one account: the tracks' tasks (created, updated or completed),
 * the enrolments, the lifecycle plays' dated tasks and notes, the recommended-plays property last; what the baseline only records; the open tracks and crossing
 * rules for the next evaluation; and a verdict per rule.
 */
export function evaluatePlays(input: PlayInput): PlayOutcome {
  let judgements = RULES.map((rule) => judgeRule(rule, input));
  const byKind = Object.fromEntries(
    TRACK_KINDS.map((kind) => [kind, judgements.filter((j) => j.rule.track === kind)]),
  ) as Record<TrackKind, Judgement[]>;
  let bar: string | null = null;
  const tracked = decideTracks(byKind, input, (saveOpen) => (bar = expansionBar(input, saveOpen)));
  if (bar !== null) judgements = judgements.map((j) => barred(j, bar!));
  judgements = judgements.map((j) => saveCoversCheckIn(j, tracked.tracks, input));
  const enrolling = judgements.filter(
    (j) => j.rule.track === undefined && j.rule.family === undefined && j.episode !== null,
  );
  const lifecycle = judgements.filter((j) => j.rule.family !== undefined && j.episode !== null);
  const dated = lifecycle.filter((j) => !j.quietStart).flatMap((j) => lifecycleActions(j, input));
  const enrolments = enrolling.flatMap((j) => enrolmentsOf(j, input));
  const quiet = new Set(enrolling.filter((j) => j.quietStart).map((j) => j.rule.id));
  const urgency = byUrgency(input.now, input.settings);
  // Lifecycle plays hold through their whole window, long after their task was made: the
  // property names only what calls for someone's attention now.
  const holding = judgements
    .filter((j) => j.holds && j.rule.family === undefined)
    .sort((a, b) => urgency(a.rule, b.rule));
  const actions: PlannedAction[] = [
    ...tracked.actions,
    ...enrolments.filter((a) => !quiet.has(a.ruleId)),
    ...dated,
    ...closeLifecycleTasks(input, tracked.tracks),
    recommendedProperty(holding, input),
  ];
  return {
    actions,
    baselined: [
      ...enrolments.filter((a) => quiet.has(a.ruleId)),
      ...lifecycle.filter((j) => j.quietStart).flatMap((j) => lifecycleActions(j, input)),
    ],
    tracks: tracked.tracks,
    readings: nextReadings(input),
    active: judgements.filter((j) => j.active).map((j) => j.rule.id),
    verdicts: judgements.map((j) => ({
      ruleId: j.rule.id,
      fired: j.episode !== null && !j.quietStart,
      why: j.why,
    })),
  };
}

function barred(judgement: Judgement, why: string): Judgement {
  if (judgement.rule.track !== 'expansion') return judgement;
  return { ...judgement, holds: false, episode: null, quietStart: false, why };
}

function enrolmentsOf(judgement: Judgement, input: PlayInput): EnrollAction[] {
  return judgement.rule.actions.flatMap((spec) =>
    spec.kind === 'enroll' ? planEnrolments(spec, judgement, input) : [],
  );
}

function recommendedProperty(holding: readonly Judgement[], input: PlayInput): PropertyAction {
  const { companyId } = input.account;
  return {
    kind: 'property',
    ruleId: 'recommended-plays',
    episode: 'current',
    key: `${companyId}:recommended-plays:current`,
    companyId,
    property: RECOMMENDED_PLAYS_PROPERTY,
    value: recommendedPlays(holding.map((j) => j.rule)),
  };
}
