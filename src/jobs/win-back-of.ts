import type { WinBack } from '../reports/report-input.ts';
import type { LedgerEntry } from '../store/store.ts';

const WIN_BACK_RULE = 'win-back';

/**
 * The win-back enrolment of the account's latest churn, from its ledger (newest first): enrolled
 * once any contact is in the sequence, skipped when Vitals decided not to (with why); null when
 * the ledger holds none.
 */
export function winBackOf(ledger: readonly LedgerEntry[]): WinBack | null {
  if (ledger.length === 0) return null;
  const own = ledger.filter((e) => e.ruleId === WIN_BACK_RULE && e.kind === 'enroll');
  const episode = own[0]?.episode;
  if (episode === undefined) return null;
  const latest = own.filter((e) => e.episode === episode);
  const enrolled = latest.filter((e) => e.status === 'done');
  if (enrolled.length > 0) {
    const at = enrolled.map((e) => e.doneAt ?? e.updatedAt).sort()[0]!;
    return { status: 'enrolled', at, detail: null };
  }
  const skipped = latest.find((e) => e.status === 'skipped');
  if (skipped) return { status: 'skipped', at: null, detail: skipped.detail };
  return { status: 'not-enrolled', at: null, detail: null };
}
