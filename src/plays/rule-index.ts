import type { PlayRule } from './rule-types.ts';
import { RULES } from './rules.ts';

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** A rule of the table by its id; undefined for an id that is not one (a checkpoint). */
export function ruleById(id: string): PlayRule | undefined {
  return BY_ID.get(id);
}
