import type { PlayRule } from '../plays/rule-types.ts';
import { ONBOARDING_RULES } from './onboarding-rules.ts';
import { RELATIONSHIP_RULES } from './relationship-rules.ts';

/** Every lifecycle play: made once per dated episode, outside the save/renewal/expansion tracks. */
export const LIFECYCLE_RULES: readonly PlayRule[] = [...ONBOARDING_RULES, ...RELATIONSHIP_RULES];
