import { daysBefore } from '../plays/local-time.ts';
import type { BriefInput, BriefPlay } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { instantMs, listWords } from './brief-words.ts';
import { playLine, trackLines } from './play-words.ts';
import { LOOKBACK_DAYS } from './seen-signals.ts';

/** Plays listed one by one; the rest are counted. */
const LISTED = 8;

const TALLY: Record<BriefPlay['status'], string> = {
  done: 'made in HubSpot',
  intent: 'planned',
  held: 'waiting for the daily task limit',
  skipped: 'skipped',
  failed: 'failed',
};

/** The tracks open now and the plays of the quarter, newest first. */
export function playsSection(input: BriefInput): BriefSection {
  const lines = trackLines(input);
  if (lines.length === 0) lines.push('No save, renewal or expansion track is open.');
  const from = daysBefore(input.now, LOOKBACK_DAYS).getTime();
  const plays = input.plays
    .filter((p) => instantMs(p.at) >= from)
    .sort((a, b) => instantMs(b.at) - instantMs(a.at));
  if (plays.length === 0) {
    lines.push(`No plays in the last ${LOOKBACK_DAYS} days.`);
  } else {
    const counts = (Object.keys(TALLY) as BriefPlay['status'][])
      .map((status) => [status, plays.filter((p) => p.status === status).length] as const)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${TALLY[status]}`);
    const noun = plays.length === 1 ? 'play' : 'plays';
    lines.push(`${plays.length} ${noun} in the last ${LOOKBACK_DAYS} days: ${listWords(counts)}.`);
    lines.push(...plays.slice(0, LISTED).map((p) => playLine(p, input.timeZone)));
    if (plays.length > LISTED) lines.push(`… and ${plays.length - LISTED} earlier plays.`);
  }
  return { key: 'plays', heading: 'Open plays and outcomes', lines };
}
