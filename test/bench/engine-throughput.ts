import { loadModel } from '../../src/models/load-model.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import type { CompiledModel } from '../../src/scoring/compile-model.ts';
import { explainAccount } from '../../src/scoring/explain-score.ts';
import { parseAccounts } from '../../src/scoring/parse-accounts.ts';
import { scoreAccount } from '../../src/scoring/score-account.ts';
import type { AccountSignals } from '../../src/scoring/score-account.ts';
import type { BenchSection } from './bench-section.ts';
import { checkAgreement } from './check-agreement.ts';
import type { Agreement } from './check-agreement.ts';
import { measure } from './measure.ts';
import type { MeasureOptions, Measurement } from './measure.ts';
import { referenceScore } from './reference-weighted-sum.ts';
import { retentionAccounts } from './retention-accounts.ts';

const ACCOUNTS = 200_000;
/** Explaining costs ~20× more per account; a slice keeps its runs short. */
const EXPLAINED_ACCOUNTS = 20_000;
const SEED = 20_261_123;
const TARGET = 1_000_000;
const UNIT = 'accounts/s';

/** Accounts scored per second by the engine, with and without explanations, and by hand. */
export function engineThroughput(options: MeasureOptions): BenchSection {
  const model = compileModel(loadModel('retention-os'));
  const parsed = parseAccounts({ accounts: retentionAccounts(ACCOUNTS, SEED) }, model);
  if (parsed.errors.length > 0) {
    throw new Error(`The bench data has invalid accounts: ${JSON.stringify(parsed.errors[0])}`);
  }
  const accounts: AccountSignals[] = parsed.accounts;
  const explained = accounts.slice(0, EXPLAINED_ACCOUNTS);

  // Each figure is measured before anything that could teach the JIT other shapes of account.
  const reference = measure(() => referencePass(accounts), accounts.length, options);
  const engine = measure(() => scorePass(model, accounts), accounts.length, options);
  const explain = measure(() => explainPass(model, explained), explained.length, options);
  const agreement = checkAgreement(model, accounts);
  if (agreement.mismatches > 0) {
    throw new Error(`The engine and the reference disagree on ${agreement.mismatches} scores.`);
  }

  return {
    title: 'Engine throughput (retention-os, one core)',
    rows: [
      { figure: 'Hand-written weighted sum (reference)', unit: UNIT, measurement: reference },
      {
        figure: 'Engine, explanations off (`scoreAccount`)',
        unit: UNIT,
        measurement: engine,
        reference: { label: 'hand-written', median: reference.median },
        target: { label: `≥ ${TARGET.toLocaleString('en-US')}`, met: engine.median >= TARGET },
      },
      {
        figure: 'Engine, explanations on (`explainAccount`)',
        unit: UNIT,
        measurement: explain,
        reference: { label: 'explanations off', median: engine.median },
      },
    ],
    notes: [
      ...dataNotes(agreement, keySets(accounts)),
      `Per account: ${micros(reference)} by hand, ${micros(engine)} by the engine, ${micros(explain)} with an explanation (measured on the first ${explained.length.toLocaleString('en-US')} accounts of the same data). The reference computes the score only; the engine also returns tier and coverage.`,
    ],
  };
}

function referencePass(accounts: AccountSignals[]): number {
  let sum = 0;
  for (let i = 0; i < accounts.length; i++) sum += referenceScore(accounts[i]!) ?? -1;
  return sum;
}

function scorePass(model: CompiledModel, accounts: AccountSignals[]): number {
  let sum = 0;
  for (let i = 0; i < accounts.length; i++) sum += scoreAccount(model, accounts[i]!).score ?? -1;
  return sum;
}

function explainPass(model: CompiledModel, accounts: AccountSignals[]): number {
  let sum = 0;
  for (let i = 0; i < accounts.length; i++) {
    const explanation = explainAccount(model, accounts[i]!);
    sum += (explanation.score ?? -1) + explanation.drivers.length + explanation.levers.length;
  }
  return sum;
}

/** Distinct sets of signal keys: each is an object shape the JIT has to handle. */
function keySets(accounts: AccountSignals[]): number {
  return new Set(accounts.map((a) => Object.keys(a.signals).join())).size;
}

function micros(m: Measurement): string {
  return `${(1e6 / m.median).toFixed(2)} µs`;
}

function dataNotes(agreement: Agreement, shapes: number): string[] {
  const share = (n: number) => `${((100 * n) / agreement.accounts).toFixed(1)} %`;
  const tiers = Object.entries(agreement.tiers)
    .map(([tier, n]) => `${tier} ${share(n)}`)
    .join(', ');
  const ties =
    agreement.tieMismatches === 0
      ? 'none of them differs'
      : `${agreement.tieMismatches} differ by one point, where the reference's float sum lands just below .5 and the engine rounds exactly`;
  return [
    `Data: ${agreement.accounts.toLocaleString('en-US')} accounts from a seeded generator (mulberry32, seed ${SEED}), validated by \`parseAccounts\`; mixed segments (retention-os gives none its own weights), signals absent or null at random and some whole dimensions missing, which makes ${shapes.toLocaleString('en-US')} distinct sets of signal keys. Tiers by the engine: ${tiers}. A modifier is in effect on ${share(agreement.modified)}.`,
    `Agreement: engine and reference give the same score on ${(agreement.accounts - agreement.tieMismatches).toLocaleString('en-US')} of ${agreement.accounts.toLocaleString('en-US')} accounts, with ${agreement.mismatches} mismatches outside .5 ties. ${agreement.ties.toLocaleString('en-US')} scores sit exactly on .5; ${ties}.`,
  ];
}
