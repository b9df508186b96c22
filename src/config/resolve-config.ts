import { dirname } from 'node:path';
import type { Model } from '../scoring/model-schema.ts';
import { signalTargets } from '../signals/signal-targets.ts';
import type { IssueReport } from '../validation/describe-issues.ts';
import { checkMapping } from './check-mapping.ts';
import type { Config } from './config.ts';
import { ConfigError } from './config-error.ts';
import { configSchema } from './config-schema.ts';
import { DEFAULT_SIGNALS } from './default-mapping.ts';
import { describeConfigIssues } from './describe-config-issues.ts';
import { modelSectionSchema } from './model-section-schema.ts';
import { readEnv, type Env } from './read-env.ts';
import { resolvePlays } from './resolve-plays.ts';
import { resolveConfigModel } from './resolve-config-model.ts';
import { signalSourceSchema, type SignalSource } from './signal-source-schema.ts';

export interface ResolveOptions {
  env: Env;
  cwd: string;
  /** The file the data came from (model paths are relative to it); null for none. */
  file: string | null;
}

/**
 * Validates config data (already parsed from a file) together with the environment. Every
 * problem found is reported at once, in a ConfigError.
 */
export function resolveConfig(data: unknown, { env, cwd, file }: ResolveOptions): Config {
  const parsed = configSchema.safeParse(data);
  const issues = parsed.success ? [] : describeConfigIssues(parsed.error.issues, data);
  // The model and mapping are checked even when other sections are wrong, so one run of the
  // command lists every problem.
  const section = modelSectionSchema.safeParse(field(data, 'model') ?? {});
  const resolved = section.success
    ? resolveConfigModel(section.data, file ? dirname(file) : cwd)
    : null;
  if (resolved) issues.push(...resolved.issues);
  const signals = resolved?.model
    ? mappingOf(field(data, 'signals'), resolved.model, issues)
    : null;
  const fromEnv = readEnv(env, cwd);
  const problems = issues.length + fromEnv.issues.length;
  if (!parsed.success || !resolved?.model || !signals || problems > 0) {
    throw new ConfigError(file ?? 'no config file: built-in defaults', issues, fromEnv.issues);
  }
  const { segments, mrrProperty, schedule, rateLimit, dryRun } = parsed.data;
  const { plays, playsMapping } = resolvePlays(parsed.data.plays, schedule.timezone);
  return {
    file,
    model: resolved.model,
    modelSource: resolved.source,
    segments,
    signals,
    mrrProperty,
    schedule: { cron: schedule.cron, timezone: schedule.timezone ?? null },
    rateLimit: { per10s: rateLimit.per10s, dailyLimit: rateLimit.dailyLimit ?? null },
    dryRun,
    plays,
    playsMapping,
    dataDir: fromEnv.dataDir,
    databaseUrl: fromEnv.databaseUrl,
    hubspot: fromEnv.hubspot,
    server: fromEnv.server,
  };
}

/** The mapping as given, checked against the model; left out, the built-in one for its keys. */
function mappingOf(
  raw: unknown,
  model: Model,
  issues: IssueReport[],
): Record<string, SignalSource> | null {
  if (raw === undefined) {
    const targets = signalTargets(model);
    return Object.fromEntries(Object.entries(DEFAULT_SIGNALS).filter(([key]) => targets.has(key)));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const sources = Object.fromEntries(
    Object.entries(raw).map(([key, entry]) => {
      const source = signalSourceSchema.safeParse(entry);
      return [key, source.success ? source.data : null];
    }),
  );
  const found = checkMapping(sources, model);
  issues.push(...found);
  if (found.length > 0 || Object.values(sources).includes(null)) return null;
  return sources as Record<string, SignalSource>;
}

function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object'
    ? (data as Record<string, unknown>)[key]
    : undefined;
}
