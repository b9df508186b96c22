import type { Derivation } from './churn-derivations.ts';
import type { ChurnSignal, ExpansionSignal, PlayInput } from './play-types.ts';
import { RECENT_DAYS, recentEvent } from './recent-event.ts';
import type { Trigger, TriggerResult } from './rule-types.ts';

/**
 * A signal a mapped property reported in the last 30 days is an event (its time is the
 * episode). Without one, a derivation from the score makes it a crossing. A derivation that
 * holds is reported as a crossing even beside an event, so that once the observation ages the
 * same situation does not fire a second time.
 */
export function observedSignal(
  signal: ChurnSignal | ExpansionSignal,
  words: string,
  derive?: Derivation,
): Trigger {
  return {
    describe: () => {
      const observed = `${words} (reported by a property in the last ${RECENT_DAYS} days)`;
      return derive ? `${observed}, or ${derive.describe}` : observed;
    },
    check(input: PlayInput): TriggerResult {
      const derived = derive?.check(input) ?? null;
      const crossing = derived?.holds === true;
      const seen = recentEvent(input.account.observed[signal], input.now, input.settings.timeZone);
      if ('episode' in seen) {
        const why = `${words}: reported on ${seen.on}`;
        return crossing ? { event: seen.episode, crossing, why } : { event: seen.episode, why };
      }
      if (crossing) return { crossing, why: `${words} (${derived.why})` };
      const notDerived = derived ? `; ${derived.why}` : '';
      return { why: `${words}: ${seen.why}${notDerived}` };
    },
  };
}
