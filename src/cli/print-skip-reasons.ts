import type { PlaysTally } from '../jobs/apply-plays.ts';
import type { Io } from './process-io.ts';

// Reasons often name a contact, so they rarely repeat: a few give the picture.
const SHOWN_REASONS = 5;

/** The most common reasons a run skipped (or would skip) plays, pointing to the full list. */
export function printSkipReasons(
  skipped: PlaysTally['skipped'],
  how: { verb: string; command: string },
  io: Io,
): void {
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const shown = [...reasons].slice(0, SHOWN_REASONS);
  for (const [reason, count] of shown) io.out(`  ${count} ${how.verb}: ${reason}\n`);
  const rest = skipped.length - shown.reduce((n, [, count]) => n + count, 0);
  if (rest > 0) io.out(`  … and ${rest} more ${how.verb}: \`${how.command}\` lists each.\n`);
}
