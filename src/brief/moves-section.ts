import { daysBefore, parseInstant } from '../plays/local-time.ts';
import type { HistoryPoint } from '../plays/play-types.ts';
import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import {
  changeWords,
  dayOf,
  oneDecimal,
  pointsWords,
  tierName,
  valueWords,
} from './brief-words.ts';
import { LOOKBACK_DAYS } from './seen-signals.ts';

/** The dimensions shown: the few that moved most. */
const SHOWN = 3;
/** A reading younger than this says nothing about the quarter. */
const MIN_AGE_DAYS = 7;

export interface Baseline {
  point: HistoryPoint;
  /** The moment it stands for: 90 days ago, or the first reading's own time. */
  at: string;
}

/**
 * The reading the quarter is measured from: the one in force 90 days ago (the store keeps a
 * reading only when the score moved, so that is the score of that day), else the account's
 * first reading if it is old enough to say something about the quarter.
 */
export function quarterBaseline(history: readonly HistoryPoint[], now: Date): Baseline | null {
  const from = daysBefore(now, LOOKBACK_DAYS);
  const latestOld = daysBefore(now, MIN_AGE_DAYS).getTime();
  let inForce: HistoryPoint | null = null;
  let first: HistoryPoint | null = null;
  for (const point of history) {
    const at = parseInstant(point.scoredAt)?.getTime();
    if (at === undefined) continue;
    if (at <= from.getTime()) inForce = point;
    else if (first === null && at <= latestOld) first = point;
  }
  if (inForce) return { point: inForce, at: from.toISOString() };
  return first && { point: first, at: first.scoredAt };
}

/** What changed since the quarter began, by dimension, and what costs the most points now. */
export function movesSection(input: BriefInput): BriefSection {
  const { current, tiers, timeZone } = input;
  const lines: string[] = [];
  const missing: string[] = [];
  const baseline = quarterBaseline(input.history, input.now);
  if (baseline === null) {
    missing.push(
      'No score from about 90 days ago to compare with: the comparison fills in as Vitals keeps scoring the account.',
    );
  } else {
    const base = baseline.point;
    const since = dayOf(baseline.at, timeZone);
    if (base.score !== null && current.score !== null) {
      const tier =
        base.tier === current.tier
          ? ''
          : `, ${tierName(tiers, base.tier)} → ${tierName(tiers, current.tier)}`;
      lines.push(
        `Since ${since}: score ${base.score} → ${current.score} (${changeWords(current.score - base.score)}${tier}).`,
      );
    }
    const moved = Object.entries(current.dimensions)
      .flatMap(([key, d]) => {
        const then = base.dimensions[key] ?? null;
        if (then === null || d.score === null) return [];
        return [{ label: d.label, then, now: d.score, change: d.score - then }];
      })
      .filter((m) => Math.abs(m.change) >= 0.05)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
      .slice(0, SHOWN);
    for (const m of moved)
      lines.push(
        `${m.label}: ${oneDecimal(m.then)} → ${oneDecimal(m.now)} out of 10 (${changeWords(m.change, 1)}).`,
      );
    if (moved.length === 0) lines.push(`No dimension score moved since ${since}.`);
  }
  if (current.score !== null && current.drivers.length === 0)
    lines.push('Nothing costs the score any points now: every signal is at its best.');
  for (const d of current.drivers)
    lines.push(`Now costing ${pointsWords(d.impact)}: ${d.label} (${valueWords(d.value)}).`);
  return { key: 'moves', heading: 'What moved and why', lines, missing };
}
