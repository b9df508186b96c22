import type { CompiledModel } from '../scoring/compile-model.ts';
import type { Model } from '../scoring/model-schema.ts';
import { scoreAccount } from '../scoring/score-account.ts';
import { signalsFor, type StoredSignals } from './replay-signals.ts';

/** What differs between two models, in words, one line per change. */
export function modelChanges(a: Model, b: Model): string[] {
  const lines: string[] = [];
  const dims = (m: Model) => new Map(m.dimensions.map((d) => [d.key, d]));
  const [da, db] = [dims(a), dims(b)];
  for (const [key, d] of da) {
    const other = db.get(key);
    if (!other) {
      lines.push(`Dimension ${d.label} (${key}) removed (weight ${d.weight}).`);
      continue;
    }
    if (other.weight !== d.weight) lines.push(`${d.label}: weight ${d.weight} → ${other.weight}.`);
    const sigs = (x: typeof d) => new Map(x.signals.map((s) => [s.key, s]));
    const [sa, sb] = [sigs(d), sigs(other)];
    for (const [sk, s] of sa) {
      const t = sb.get(sk);
      if (!t) lines.push(`${d.label}: signal ${s.label} (${sk}) removed.`);
      else if (canonical(s) !== canonical(t))
        lines.push(
          `${d.label}: signal ${s.label} (${sk}) scores differently (${changedParts(s, t)}).`,
        );
    }
    for (const [sk, t] of sb)
      if (!sa.has(sk)) lines.push(`${d.label}: signal ${t.label} (${sk}) added.`);
  }
  for (const [key, d] of db)
    if (!da.has(key)) lines.push(`Dimension ${d.label} (${key}) added (weight ${d.weight}).`);
  const sorted = (m: Model) => [...m.tiers].sort((x, y) => y.min - x.min);
  const shown = (m: Model) =>
    sorted(m)
      .map((t) => `${t.label} from ${t.min}`)
      .join(', ');
  const keys = (m: Model) =>
    sorted(m)
      .map((t) => `${t.key} (${t.color})`)
      .join(', ');
  if (canonical(sorted(a)) !== canonical(sorted(b)))
    lines.push(
      shown(a) !== shown(b)
        ? `Tiers: ${shown(a)} → ${shown(b)}.`
        : `Tiers: the same thresholds under other keys or colours: ${keys(a)} → ${keys(b)}.`,
    );
  const mods = (m: Model) => new Map(m.modifiers.map((x) => [x.key, canonical(x)]));
  const [ma, mb] = [mods(a), mods(b)];
  for (const [key, text] of ma)
    if (!mb.has(key)) lines.push(`Modifier ${key} removed.`);
    else if (mb.get(key) !== text) lines.push(`Modifier ${key} changed.`);
  for (const key of mb.keys()) if (!ma.has(key)) lines.push(`Modifier ${key} added.`);
  if (canonical(a.segments) !== canonical(b.segments))
    lines.push('Segment overrides (weights or tiers per segment) changed.');
  return lines;
}

function changedParts(a: object, b: object): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const parts = keys.filter(
    (k) =>
      canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k]),
  );
  return parts.join(', ');
}

/** JSON with object keys sorted: the order a file lists values in changes nothing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** How the accounts' tiers move from model A to model B, over the same readings. */
export interface TierMoves {
  accounts: number;
  /** Accounts whose tier differs. */
  changed: number;
  /** "healthy → monitor": accounts, most first. */
  moves: { from: string; to: string; accounts: number }[];
}

/** Scores each reading with both models and counts the tier changes. */
export function tierMoves(
  a: CompiledModel,
  b: CompiledModel,
  readings: Iterable<StoredSignals>,
): TierMoves {
  const [forA, forB] = [signalsFor(a), signalsFor(b)];
  const counts = new Map<string, number>();
  let accounts = 0;
  let changed = 0;
  for (const r of readings) {
    accounts += 1;
    const from = scoreAccount(a, forA(r)).tier;
    const to = scoreAccount(b, forB(r)).tier;
    if (from === to) continue;
    changed += 1;
    const key = `${from}\u0000${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const moves = [...counts]
    .map(([key, n]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, accounts: n };
    })
    .sort((x, y) => y.accounts - x.accounts || x.from.localeCompare(y.from));
  return { accounts, changed, moves };
}
