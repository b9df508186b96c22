import { WIN_BACK_START_DAYS } from '../plays/sequence-triggers.ts';
import type { WinBack } from './report-input.ts';

/** DOMAIN §6: the win-back emails go out on these days after the churn; it stops after a year. */
export const WIN_BACK_TOUCH_DAYS = [7, 30, 60, 90, 180] as const;
export const WIN_BACK_DAYS = 365;

export interface WinBackStage {
  /** Emails sent so far (by the schedule), and the day of the next one; null when none is due. */
  sent: number;
  nextDay: number | null;
  words: string;
}

/** Where a churned account is in the win-back sequence, `days` after its churn. */
export function winBackStage(winBack: WinBack | null, days: number): WinBackStage {
  const status = winBack?.status ?? 'not-enrolled';
  if (status !== 'enrolled') {
    const why =
      status === 'skipped'
        ? (winBack?.detail ?? 'skipped')
        : days <= WIN_BACK_START_DAYS
          ? `no contact enrolled yet (the sequence starts within ${WIN_BACK_START_DAYS} days of the churn)`
          : `no contact enrolled, and it is too late to start the sequence`;
    return { sent: 0, nextDay: null, words: `Not in win-back: ${why}` };
  }
  const touches = WIN_BACK_TOUCH_DAYS.length;
  const sent = WIN_BACK_TOUCH_DAYS.filter((d) => d <= days).length;
  const nextDay = WIN_BACK_TOUCH_DAYS.find((d) => d > days) ?? null;
  if (nextDay === null)
    return {
      sent,
      nextDay,
      words: `All ${touches} emails sent; in win-back until day ${WIN_BACK_DAYS}`,
    };
  const done = sent === 0 ? 'Enrolled' : `Email ${sent} of ${touches} sent`;
  return { sent, nextDay, words: `${done}; next on day ${nextDay}` };
}
