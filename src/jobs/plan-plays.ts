import { LIFECYCLE_RULES } from '../lifecycle/lifecycle-rules.ts';
import { evaluatePlays } from '../plays/evaluate-plays.ts';
import { RECOMMENDED_PLAYS_PROPERTY } from '../plays/recommended-plays.ts';
import type {
  EnrollAction,
  HistoryPoint,
  NoteAction,
  PlannedAction,
  PlayOutcome,
  PlaySettings,
  TaskAction,
} from '../plays/play-types.ts';
import type { ActiveRules, Store } from '../store/store.ts';
import { keepAdoptedTasks } from './keep-adopted-tasks.ts';
import { ownersLifecycleTask, paceLifecycle } from './pace-lifecycle.ts';
import type { ScoredCompany } from './score-chunk.ts';

export interface ChunkPlan {
  /** Tasks, task updates and enrolments to record and act on, most urgent first per company. */
  actions: PlannedAction[];
  /** What the baseline evaluation found and only records (as skipped) instead of doing. */
  baselined: PlannedAction[];
  /**
   * The owners' new lifecycle tasks, not yet recorded: they take their turn within the portal's
   * daily budget once the alarms of the whole pass are known (see takeLifecycleTurns).
   */
  lifecycle: TaskAction[];
  /** Enrolments that cannot happen until the admin configures them: reported, not recorded, so
   * they go ahead once the config is there. */
  unconfigured: (EnrollAction & { reason: string })[];
  /** health_recommended_plays for each company whose value changed. */
  recommended: Map<string, string>;
  active: ActiveRules[];
  outcomes: Map<string, PlayOutcome>;
}

export interface PlanContext {
  store: Pick<
    Store,
    | 'activeRules'
    | 'playsEvaluatedAt'
    | 'openTracks'
    | 'signalReadings'
    | 'scoreHistory'
    | 'ledgerHas'
    | 'openLifecycleTasks'
  >;
  portal: string;
  settings: PlaySettings;
  tiers: readonly string[];
  now: Date;
  /** The portal's first evaluation with plays: record what holds, act only on the urgent. */
  baseline: boolean;
  /** When Vitals started watching the lifecycle plays; null: this pass starts it (see PlayInput). */
  lifecycleSince?: string | null;
  /**
   * Writes a planned note's body (a brief needs the account's records). Called only for notes
   * the ledger does not hold yet, so a month of daily runs writes each value report once.
   * Absent: notes keep an empty body (a preview of the plan). Null: the note could not be
   * written now; it is left out of the plan, unrecorded, so the next run tries again.
   */
  writeNote?: (company: ScoredCompany, note: NoteAction) => Promise<string | null>;
}

const LIFECYCLE_RULE_IDS = LIFECYCLE_RULES.map((r) => r.id);
// Two quarters for "stable for two quarters", with room for the reading before the window.
const HISTORY_DAYS = 400;
const RECOMMENDED = RECOMMENDED_PLAYS_PROPERTY;

/** Runs the plays core over a scored chunk, against each company's history and last state. */
export async function planChunkPlays(
  scored: readonly ScoredCompany[],
  ctx: PlanContext,
): Promise<ChunkPlan> {
  const plan: ChunkPlan = {
    actions: [],
    baselined: [],
    lifecycle: [],
    unconfigured: [],
    recommended: new Map(),
    active: [],
    outcomes: new Map(),
  };
  const withFacts = scored.filter((c) => c.facts !== null);
  const ids = withFacts.map((c) => c.id);
  // Which saved evaluation this one starts from, read before the state itself: should another
  // process save an evaluation between the reads, the commit sees a newer one and drops this one.
  const saved = await ctx.store.playsEvaluatedAt(ctx.portal, ids);
  const [previous, tracks, readings, lifecycleTasks] = await Promise.all([
    ctx.store.activeRules(ctx.portal, ids),
    ctx.store.openTracks(ctx.portal, ids),
    ctx.store.signalReadings(ctx.portal, ids),
    ctx.store.openLifecycleTasks(ctx.portal, ids, LIFECYCLE_RULE_IDS),
  ]);
  for (const company of withFacts) {
    const history = await ctx.store.scoreHistory(ctx.portal, company.id, HISTORY_DAYS);
    const before = tracks.get(company.id) ?? {};
    const evaluated = evaluatePlays({
      now: ctx.now,
      account: company.facts!,
      current: company.explanation,
      tiers: ctx.tiers,
      history: history.map((h): HistoryPoint => ({
        scoredAt: h.scoredAt,
        score: h.score,
        tier: h.tier,
        dimensions: h.dimensions,
      })),
      previouslyActive: previous.get(company.id) ?? new Set(),
      tracks: before,
      readings: readings.get(company.id) ?? {},
      baseline: ctx.baseline,
      ...(ctx.lifecycleSince === undefined ? {} : { lifecycleSince: ctx.lifecycleSince }),
      lifecycleTasks: lifecycleTasks.get(company.id) ?? [],
      settings: ctx.settings,
    });
    const outcome = paceLifecycle(
      keepAdoptedTasks(evaluated, before, company.id),
      lifecycleTasks.get(company.id) ?? [],
      { now: ctx.now, timeZone: ctx.settings.timeZone },
    );
    plan.outcomes.set(company.id, outcome);
    plan.active.push({
      companyId: company.id,
      ruleIds: outcome.active,
      evaluatedAt: ctx.now.toISOString(),
      tracks: outcome.tracks,
      readings: outcome.readings,
      basedOn: saved.get(company.id) ?? null,
    });
    plan.baselined.push(...outcome.baselined);
    for (const action of outcome.actions) {
      if (action.kind === 'property') {
        if (
          action.property === RECOMMENDED &&
          action.value !== (company.current[RECOMMENDED] ?? '')
        )
          plan.recommended.set(company.id, action.value);
        continue;
      }
      if (ownersLifecycleTask(action)) {
        plan.lifecycle.push(action);
        continue;
      }
      const reason = action.kind === 'enroll' ? unconfigured(action, ctx.settings) : null;
      if (reason) plan.unconfigured.push({ ...(action as EnrollAction), reason });
      else plan.actions.push(action);
    }
  }
  await writeNotes(plan, withFacts, ctx);
  return plan;
}

/** Drops the notes the ledger already has and writes the bodies of the others. */
async function writeNotes(
  plan: ChunkPlan,
  companies: readonly ScoredCompany[],
  ctx: PlanContext,
): Promise<void> {
  const notes = plan.actions.filter((a): a is NoteAction => a.kind === 'note');
  if (notes.length === 0) return;
  const held = await ctx.store.ledgerHas(
    ctx.portal,
    notes.map((n) => n.key),
  );
  plan.actions = plan.actions.filter((a) => a.kind !== 'note' || !held.has(a.key));
  if (!ctx.writeNote) return;
  const byId = new Map(companies.map((c) => [c.id, c]));
  const unwritten = new Set<string>();
  for (const note of notes) {
    if (held.has(note.key)) continue;
    const company = byId.get(note.companyId);
    const body = company ? await ctx.writeNote(company, note) : null;
    if (body === null) unwritten.add(note.key);
    else note.body = body;
  }
  if (unwritten.size > 0) plan.actions = plan.actions.filter((a) => !unwritten.has(a.key));
}

function unconfigured(action: EnrollAction, settings: PlaySettings): string | null {
  if (action.sequenceId === null)
    return `no ${SEQUENCE_WORDS[action.sequence]} sequence is configured (plays.${action.sequence}.sequenceId)`;
  if (settings.sender.userId === null || settings.sender.email === null)
    return 'no sending user is configured (plays.sender.userId and plays.sender.email)';
  return null;
}

const SEQUENCE_WORDS: Record<EnrollAction['sequence'], string> = {
  renewal: 'renewal',
  winBack: 'win-back',
  paymentRecovery: 'payment-recovery',
};
