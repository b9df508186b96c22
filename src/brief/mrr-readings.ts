import type { BriefInput } from './brief-input.ts';
import { dayOf, instantMs, money } from './brief-words.ts';

export interface MrrReading {
  at: string;
  mrr: number;
}

/** The recorded MRR in force at `at` (ms): the latest reading at or before it. */
export function mrrInForce(history: readonly MrrReading[], at: number): MrrReading | null {
  let found: MrrReading | null = null;
  for (const reading of history) {
    const t = instantMs(reading.at);
    if (t <= at && (found === null || t >= instantMs(found.at))) found = reading;
  }
  return found;
}

/** MRR now and how it changed since the first recorded month. */
export function mrrLines(input: BriefInput): { lines: string[]; missing: string[] } {
  const readings = [...input.mrrHistory].sort((a, b) => instantMs(a.at) - instantMs(b.at));
  const first = readings[0];
  const now = input.account.mrr ?? readings.at(-1)?.mrr ?? null;
  if (now === null)
    return {
      lines: [],
      missing: ["No MRR in HubSpot: set the company's MRR property to see revenue here."],
    };
  const shown = input.account.mrr === null ? `${money(now)} (last recorded)` : money(now);
  if (!first)
    return {
      lines: [`MRR ${shown}.`],
      missing: [
        'No MRR history yet: Vitals records MRR each month, so the change shows from next month.',
      ],
    };
  const since = `since ${dayOf(first.at, input.timeZone)} (${money(first.mrr)})`;
  const change = now - first.mrr;
  if (change === 0) return { lines: [`MRR ${shown}, unchanged ${since}.`], missing: [] };
  const share = first.mrr > 0 ? ` (${Math.round((Math.abs(change) * 100) / first.mrr)} %)` : '';
  const way = change > 0 ? 'up' : 'down';
  return {
    lines: [`MRR ${shown}, ${way} ${money(Math.abs(change))}${share} ${since}.`],
    missing: [],
  };
}
