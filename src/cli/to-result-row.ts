import type { ValidAccount } from '../scoring/account-schema.ts';
import type { Explanation } from '../scoring/explain-score.ts';

/** One account's explanation as the JSON output carries it, floats rounded to 2 decimals. */
export function toResultRow(account: ValidAccount, explanation: Explanation) {
  const e = explanation;
  return {
    id: account.id,
    name: account.name ?? null,
    segment: account.segment ?? null,
    score: e.score,
    tier: e.tier,
    coverage: e.coverage,
    raw: round2(e.raw),
    dimensions: Object.fromEntries(
      Object.entries(e.dimensions).map(([key, d]) => [key, { ...d, score: round2(d.score) }]),
    ),
    signals: e.signals.map((s) => ({ ...s, contribution: round2(s.contribution) })),
    modifiers: e.modifiers.map((m) => ({ ...m, impact: round2(m.impact) })),
    drivers: e.drivers.map((d) => ({ ...d, impact: round2(d.impact) })),
    levers: e.levers,
  };
}

export type ResultRow = ReturnType<typeof toResultRow>;

function round2<T extends number | null>(x: T): T {
  // `+ 0` turns -0 into 0, which JSON would print the same but tests compare strictly.
  return (x === null ? null : Math.round(x * 100) / 100 + 0) as T;
}
