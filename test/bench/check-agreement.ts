import type { CompiledModel } from '../../src/scoring/compile-model.ts';
import { UNKNOWN_TIER, scoreAccount } from '../../src/scoring/score-account.ts';
import type { AccountSignals } from '../../src/scoring/score-account.ts';
import { referenceWeightedSum } from './reference-weighted-sum.ts';

export interface Agreement {
  accounts: number;
  /** Accounts whose exact score ends in .5, where float sums may land on either side. */
  ties: number;
  /** Scores that differ on a .5 tie: the engine rounds those exactly, the reference does not. */
  tieMismatches: number;
  /** Scores that differ anywhere else: a bug in the engine or the reference. */
  mismatches: number;
  /** Accounts per tier, by the engine's score. */
  tiers: Record<string, number>;
  /** Accounts with at least one modifier in effect (NPS detractor, no recent contact). */
  modified: number;
}

const TIE_TOLERANCE = 1e-9;

/** Scores every account with the engine and the hand-written reference and compares them. */
export function checkAgreement(model: CompiledModel, accounts: AccountSignals[]): Agreement {
  const agreement: Agreement = {
    accounts: accounts.length,
    ties: 0,
    tieMismatches: 0,
    mismatches: 0,
    tiers: Object.fromEntries(
      [...model.model.tiers.map((t) => t.key), UNKNOWN_TIER].map((k) => [k, 0]),
    ),
    modified: 0,
  };
  for (const account of accounts) {
    const engine = scoreAccount(model, account);
    const unrounded = referenceWeightedSum(account);
    const reference = unrounded === null ? null : Math.round(unrounded);
    const tie = unrounded !== null && Math.abs((unrounded % 1) - 0.5) < TIE_TOLERANCE;
    if (tie) agreement.ties++;
    if (engine.score !== reference) {
      if (tie) agreement.tieMismatches++;
      else agreement.mismatches++;
    }
    agreement.tiers[engine.tier]!++;
    if (engine.tier !== UNKNOWN_TIER && modifierApplies(model, account)) agreement.modified++;
  }
  return agreement;
}

function modifierApplies(model: CompiledModel, account: AccountSignals): boolean {
  return model.modifiers.some((m) => {
    const value = account.modifiers?.[m.key];
    return value !== undefined && value !== null && m.applies(value);
  });
}
