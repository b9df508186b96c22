import { accountSegment } from './account-segment.ts';
import { localDate } from './local-time.ts';
import type { HistoryPoint, PlayInput } from './play-types.ts';
import type { PlayRule } from './rule-types.ts';
import { bestTier, tierLabel } from './tier-positions.ts';

/** What one rule makes of one account now. */
export interface Judgement {
  rule: PlayRule;
  /** Its event or condition holds: the play is recommended, whether or not it fires now. */
  holds: boolean;
  /** Its crossing condition holds: reported in `active` for the next evaluation. */
  active: boolean;
  /** Set when it fires: the episode its actions are keyed on. */
  episode: string | null;
  why: string;
  /** The earlier reading its task compares the score with, when the trigger chose one. */
  baseline: HistoryPoint | null;
  /** It fired on the baseline evaluation and is not urgent: recorded, not acted on. */
  quietStart: boolean;
}

export function judgeRule(rule: PlayRule, input: PlayInput): Judgement {
  const judged = judge(rule, input);
  if (rule.family !== undefined && input.lifecycleSince !== undefined)
    return sinceWatching(judged, input.lifecycleSince, input);
  if (judged.episode === null || !input.baseline || (rule.urgent?.(input) ?? false)) return judged;
  return {
    ...judged,
    quietStart: true,
    why: `${judged.why} (already so when Vitals started watching)`,
  };
}

/**
 * A lifecycle episode from before Vitals watched them is old news: not acted on, not recorded.
 * On the pass that starts watching, an episode dated today or later is recorded instead of acted
 * on (it would otherwise come due on a later run): after a lost store, that is what keeps a QBR
 * brief or an anniversary task already made from being made again.
 */
function sinceWatching(judged: Judgement, since: string | null, input: PlayInput): Judgement {
  if (judged.episode === null) return judged;
  if (since === null) {
    const why = `${judged.why} (already so when Vitals started watching the lifecycle plays)`;
    if (before(judged.episode, input.now.toISOString(), input.settings.timeZone))
      return { ...judged, episode: null, why };
    return { ...judged, quietStart: true, why };
  }
  if (!before(judged.episode, since, input.settings.timeZone)) return judged;
  const on = localDate(new Date(since), input.settings.timeZone);
  return {
    ...judged,
    episode: null,
    why: `${judged.why} (from before Vitals started watching on ${on})`,
  };
}

/** An episode (a date, an instant, or a word) earlier than the instant `since`. */
function before(episode: string, since: string, timeZone: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(episode)) return episode < localDate(new Date(since), timeZone);
  const at = Date.parse(episode);
  // An episode that is no date at all has no place after the start: old news.
  return Number.isNaN(at) || at < Date.parse(since);
}

function judge(rule: PlayRule, input: PlayInput): Judgement {
  const quiet = {
    rule,
    holds: false,
    active: false,
    episode: null,
    baseline: null,
    quietStart: false,
  };
  const barred = barredBecause(rule, input);
  if (barred) return { ...quiet, why: barred };
  const result = rule.trigger.check(input);
  const active = result.crossing === true;
  const held = {
    rule,
    holds: true,
    active,
    baseline: result.baseline ?? null,
    quietStart: false,
  };
  const before = input.previouslyActive.has(rule.id);
  if (result.event !== undefined) {
    // A derived condition that already held last time raised this; the report adds nothing.
    if (active && before)
      return {
        ...held,
        episode: null,
        why: `already raised from the score earlier: ${result.why}`,
      };
    return { ...held, episode: result.event, why: result.why };
  }
  if (!active) return { ...quiet, why: result.why };
  if (before)
    return { ...held, episode: null, why: `still holds since an earlier run: ${result.why}` };
  return { ...held, episode: localDate(input.now, input.settings.timeZone), why: result.why };
}

/** Why the rule does not apply to this account at all, or null when it does. */
function barredBecause(rule: PlayRule, input: PlayInput): string | null {
  const { account, current, tiers, settings } = input;
  if (settings.disabledRules.includes(rule.id)) return 'switched off in the settings';
  // The shell reads the lifecycle facts whenever it plans plays; an evaluation without them
  // (an older caller) must not judge cadence or dates it never looked at.
  if (rule.family !== undefined && settings.lifecycle?.enabled === false)
    return 'lifecycle plays are switched off (plays.lifecycle.enabled: false)';
  if (rule.family !== undefined && account.lifecycle === undefined)
    return 'the lifecycle facts (touches, QBR dates) were not read for this evaluation';
  const churned = account.churnedAt !== null;
  if (churned && !rule.forChurned) return 'the account has churned: only win-back applies';
  if (!churned && rule.forChurned) return 'only for churned accounts';
  const segment = accountSegment(account);
  // An account of unknown segment is not held back for want of data.
  if (rule.segments && segment !== null && !rule.segments.includes(segment))
    return `only for ${rule.segments.join(', ')} accounts; this one is ${segment}`;
  const best = bestTier(tiers);
  if (rule.bestTierOnly && current.tier !== best)
    return `only for accounts in the best tier (${tierLabel(best ?? '?')}); this one is ${tierLabel(current.tier)}`;
  return null;
}
