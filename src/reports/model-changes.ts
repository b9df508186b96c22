/** A run as far as the model that scored it goes. */
export interface ScoredRun {
  startedAt: string;
  /** "name version"; null for runs from before Vitals kept it. */
  model: string | null;
}

/** When the model changed: the first run of each new model, from the one before it. */
export interface ModelChange {
  at: string;
  from: string;
  to: string;
}

/**
 * The model changes among completed runs (any order), those at or after `since` only. A run
 * that named no model neither starts nor ends one.
 */
export function modelChanges(runs: readonly ScoredRun[], since: string): ModelChange[] {
  const named = runs
    .filter((r): r is ScoredRun & { model: string } => r.model !== null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const changes: ModelChange[] = [];
  for (let i = 1; i < named.length; i++) {
    const [before, run] = [named[i - 1]!, named[i]!];
    if (run.model !== before.model && run.startedAt >= since)
      changes.push({ at: run.startedAt, from: before.model, to: run.model });
  }
  return changes;
}
