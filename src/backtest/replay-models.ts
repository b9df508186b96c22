import type { CompiledModel } from '../scoring/compile-model.ts';
import { scoreAccount, type AccountSignals } from '../scoring/score-account.ts';
import type { ObservationColumns } from './metric-observations.ts';
import { outcomeAfter, type CompanyFate, type OutcomeRule } from './replay-outcome.ts';
import { signalsFor, type StoredSignals } from './replay-signals.ts';

/** One stored reading of one company in one month. */
export interface Reading extends StoredSignals {
  companyId: string;
  /** 'YYYY-MM'. */
  month: string;
  takenAt: string;
}

/** A reading a model put in its best tier, and churn followed within the horizon. */
export interface GreenBeforeChurn {
  companyId: string;
  month: string;
  score: number | null;
  tier: string;
  account: AccountSignals;
}

/** One model's observations, with what is needed to name its misses. */
export interface ModelReplay {
  model: CompiledModel;
  columns: ObservationColumns;
  /** Per account, its latest "healthy, then churned" reading. */
  greenThenChurned: GreenBeforeChurn[];
  /** Each observation's dimension scores 0–100 (NaN: no data), when asked for. */
  dimensions: Float64Array[] | null;
}

export interface ReplayResult {
  /** Account ids, indexed by the columns' `account`. */
  accounts: string[];
  models: ModelReplay[];
  /** Readings with no outcome yet or after churn, left out. */
  withoutOutcome: number;
}

/**
 * Replays stored readings through several models at once: each reading is scored by each model,
 * as if that model had run that month, and labelled with what followed. One pass over the
 * readings, in the order given, so millions of them stream through typed arrays.
 * `dimensionsOf`: the index of the model whose dimension scores are kept (for refitting).
 */
export class ModelReplayer {
  private readonly scorers: ((stored: StoredSignals) => AccountSignals)[];
  private readonly accounts: string[] = [];
  private readonly accountIndex = new Map<string, number>();
  private readonly months = new Map<string, number>();
  private readonly grid: Growing;
  private readonly green: Map<string, GreenBeforeChurn>[];
  private withoutOutcome = 0;
  private readonly models: readonly CompiledModel[];
  private readonly fates: ReadonlyMap<string, CompanyFate>;
  private readonly rule: OutcomeRule;
  private readonly dimensionsOf: number | null;

  constructor(
    models: readonly CompiledModel[],
    fates: ReadonlyMap<string, CompanyFate>,
    rule: OutcomeRule,
    dimensionsOf: number | null = null,
  ) {
    this.models = models;
    this.fates = fates;
    this.rule = rule;
    this.dimensionsOf = dimensionsOf;
    this.scorers = models.map((m) => signalsFor(m));
    const dims = dimensionsOf === null ? 0 : models[dimensionsOf]!.dimensions.length;
    this.grid = new Growing(models.length, dims);
    this.green = models.map(() => new Map());
  }

  /** Scores and labels a page of readings. */
  add(readings: readonly Reading[]): void {
    for (const r of readings) {
      const churned = outcomeAfter(r.takenAt, this.fates.get(r.companyId), this.rule);
      if (churned === null) {
        this.withoutOutcome += 1;
        continue;
      }
      const row = this.grid.row(this.accountOf(r.companyId), this.monthOf(r.month), churned);
      for (let m = 0; m < this.models.length; m++) {
        const model = this.models[m]!;
        const account = this.scorers[m]!(r);
        const result = scoreAccount(model, account);
        const tier = result.score === null ? -1 : tierIndex(model, result.tier);
        this.grid.set(m, row, result.score ?? -1, tier);
        if (m === this.dimensionsOf) this.grid.dimensions(row, dimensionScores(model, account));
        if (churned === 1 && tier === 0) {
          const seen = this.green[m]!.get(r.companyId);
          if (!seen || seen.month < r.month)
            this.green[m]!.set(r.companyId, {
              companyId: r.companyId,
              month: r.month,
              score: result.score,
              tier: result.tier,
              account,
            });
        }
      }
    }
  }

  result(): ReplayResult {
    const months = [...this.months.keys()];
    return {
      accounts: this.accounts,
      withoutOutcome: this.withoutOutcome,
      models: this.models.map((model, m) => ({
        model,
        columns: this.grid.columns(m, months),
        greenThenChurned: [...this.green[m]!.values()],
        dimensions: m === this.dimensionsOf ? this.grid.dimensionColumns() : null,
      })),
    };
  }

  private accountOf(id: string): number {
    let index = this.accountIndex.get(id);
    if (index === undefined) {
      index = this.accounts.length;
      this.accounts.push(id);
      this.accountIndex.set(id, index);
    }
    return index;
  }

  private monthOf(month: string): number {
    let index = this.months.get(month);
    if (index === undefined) {
      index = this.months.size;
      this.months.set(month, index);
    }
    return index;
  }
}

function tierIndex(model: CompiledModel, tier: string): number {
  return model.model.tiers.findIndex((t) => t.key === tier);
}

/**
 * Each dimension's score 0–100 as the engine weighs it (its signals' points over their best,
 * weighted within the dimension); NaN where none of its signals had data.
 */
export function dimensionScores(model: CompiledModel, account: AccountSignals): number[] {
  return model.dimensions.map((dimension) => {
    let sum = 0;
    let weight = 0;
    for (const s of dimension.signals) {
      const value = account.signals[s.key];
      if (value === undefined || value === null) continue;
      sum += (s.weight * s.points(value)) / s.scale;
      weight += s.weight;
    }
    return weight === 0 ? NaN : (100 * sum) / weight;
  });
}

/** Typed columns that double as readings come, for a count nobody knows in advance. */
class Growing {
  private size = 0;
  private capacity = 1024;
  private account = new Uint32Array(this.capacity);
  private month = new Uint16Array(this.capacity);
  private churned = new Uint8Array(this.capacity);
  private scores: Int16Array[];
  private tiers: Int16Array[];
  private dims: Float64Array[];

  constructor(models: number, dimensions: number) {
    this.scores = Array.from({ length: models }, () => new Int16Array(this.capacity));
    this.tiers = Array.from({ length: models }, () => new Int16Array(this.capacity));
    this.dims = Array.from({ length: dimensions }, () => new Float64Array(this.capacity));
  }

  row(account: number, month: number, churned: 0 | 1): number {
    if (this.size === this.capacity) this.grow();
    const row = this.size++;
    this.account[row] = account;
    this.month[row] = month;
    this.churned[row] = churned;
    return row;
  }

  set(model: number, row: number, score: number, tier: number): void {
    this.scores[model]![row] = score;
    this.tiers[model]![row] = tier;
  }

  dimensions(row: number, values: readonly number[]): void {
    for (let d = 0; d < this.dims.length; d++) this.dims[d]![row] = values[d]!;
  }

  columns(model: number, months: readonly string[]): ObservationColumns {
    return {
      account: this.account.subarray(0, this.size),
      month: this.month.subarray(0, this.size),
      months,
      score: this.scores[model]!.subarray(0, this.size),
      tier: this.tiers[model]!.subarray(0, this.size),
      churned: this.churned.subarray(0, this.size),
    };
  }

  dimensionColumns(): Float64Array[] {
    return this.dims.map((d) => d.subarray(0, this.size));
  }

  private grow(): void {
    this.capacity *= 2;
    this.account = grown(this.account, this.capacity);
    this.month = grown(this.month, this.capacity);
    this.churned = grown(this.churned, this.capacity);
    this.scores = this.scores.map((s) => grown(s, this.capacity));
    this.tiers = this.tiers.map((t) => grown(t, this.capacity));
    this.dims = this.dims.map((d) => grown(d, this.capacity));
  }
}

function grown<T extends Uint32Array | Uint16Array | Uint8Array | Int16Array | Float64Array>(
  array: T,
  capacity: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}
