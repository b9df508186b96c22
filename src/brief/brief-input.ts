import type { Explanation } from '../scoring/explain-score.ts';
import type { AccountFacts, HistoryPoint, OpenTracks } from '../plays/play-types.ts';

// The contract between the shell, which gathers an account's CRM data and Vitals' own records,
// and the pure brief writers (the QBR prep brief and the monthly value report). Everything a
// brief says comes from here; what is absent here is said to be missing, never guessed.

/** One play Vitals acted on for the account: a task made, a sequence enrolment, a note. */
export interface BriefPlay {
  ruleId: string;
  /** The play's title in plain words, e.g. "At risk: run the save playbook". */
  title: string;
  kind: 'task' | 'enroll' | 'note';
  /** done: made in HubSpot; held: waiting for tomorrow's cap; skipped / failed with `detail`. */
  status: 'intent' | 'done' | 'held' | 'skipped' | 'failed';
  /** When it was recorded (ISO instant). */
  at: string;
  detail: string | null;
}

/** A tier of the model, best first, with its label and lower bound. */
export interface BriefTier {
  key: string;
  label: string;
  min: number;
}

export interface BriefInput {
  now: Date;
  /** The portal's time zone: every date is shown as a local date there. */
  timeZone: string;
  account: AccountFacts;
  current: Explanation;
  /** Tiers best first. */
  tiers: readonly BriefTier[];
  /** Stored scorings of the account, oldest first; at least the last 100 days when there are. */
  history: readonly HistoryPoint[];
  /** The tracks open now (save, renewal, expansion), as the plays core keeps them. */
  tracks: OpenTracks;
  /** Plays acted on in the last 90 days, newest first. */
  plays: readonly BriefPlay[];
  /** MRR at the start of each of the last months Vitals recorded, oldest first (may be empty). */
  mrrHistory: readonly { at: string; mrr: number }[];
  /** The renewal forecast as the renewals report makes it, or null without a renewal date. */
  renewal: { date: string; daysToGo: number; forecast: string; reason: string } | null;
  /** The meeting or date the QBR brief prepares for (YYYY-MM-DD), or null for a brief on demand. */
  qbrDate: string | null;
  /** The owner's name when HubSpot gave it, else null (the brief then shows the owner id). */
  ownerName: string | null;
}
