import { byUrgency } from './by-urgency.ts';
import { judgeRule, type Judgement } from './judge-rule.ts';
import { planEnrolments } from './plan-enrolments.ts';
import { planTasks } from './plan-tasks.ts';
import type { PlannedAction, PlayInput, PlayOutcome, PropertyAction } from './play-types.ts';
import { RECOMMENDED_PLAYS_PROPERTY, recommendedPlays } from './recommended-plays.ts';
import { RULES } from './rules.ts';

/**
 * Every rule of the table against one account: the actions to take (most urgent first, the
 * recommended-plays property last), the crossing rules that hold, and a verdict per rule.
 */
export function evaluatePlays(input: PlayInput): PlayOutcome {
  const judgements = RULES.map((rule) => judgeRule(rule, input));
  const urgency = byUrgency(input.now, input.settings);
  const holding = judgements.filter((j) => j.holds).sort((a, b) => urgency(a.rule, b.rule));
  const actions: PlannedAction[] = holding
    .filter((j) => j.episode !== null)
    .flatMap((j) => actionsOf(j, input));
  actions.push(recommendedProperty(holding, input));
  return {
    actions,
    active: judgements.filter((j) => j.active).map((j) => j.rule.id),
    verdicts: judgements.map((j) => ({
      ruleId: j.rule.id,
      fired: j.episode !== null,
      why: j.why,
    })),
  };
}

function actionsOf(judgement: Judgement, input: PlayInput): PlannedAction[] {
  return judgement.rule.actions.flatMap((spec): PlannedAction[] =>
    spec.kind === 'task'
      ? planTasks(spec, judgement, input)
      : planEnrolments(spec, judgement, input),
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
