import { dueAt } from './due-at.ts';
import type { PlaySettings, Priority } from './play-types.ts';
import type { PlayRule } from './rule-types.ts';

const RANK: Record<Priority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Most urgent first: priority, then the earlier due time; rules that only enrol come last. */
export function byUrgency(now: Date, settings: PlaySettings) {
  const dues = new Map<PlayRule, number>();
  const due = (rule: PlayRule): number => {
    let at = dues.get(rule);
    if (at === undefined) {
      at = rule.due === null ? Number.POSITIVE_INFINITY : dueAt(rule.due, now, settings).getTime();
      dues.set(rule, at);
    }
    return at;
  };
  return (a: PlayRule, b: PlayRule): number =>
    RANK[a.priority] - RANK[b.priority] || due(a) - due(b);
}
