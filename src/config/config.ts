import type { ChurnSignal, ExpansionSignal, PlaySettings } from '../plays/play-types.ts';
import type { Model, Segment } from '../scoring/model-schema.ts';
import type { SegmentRule } from './segment-rules-schema.ts';
import type { Secret } from './secret.ts';
import type { SignalSource } from './signal-source-schema.ts';

/** Everything Vitals needs to run, validated: what loadConfig returns. */
export interface Config {
  /** The config file used; null when none was found and the built-in defaults apply. */
  file: string | null;
  /** The model with its overrides applied, validated as a whole. */
  model: Model;
  /** Where the model came from: "preset retention-os" or a file path. */
  modelSource: string;
  segments: { rules: SegmentRule[]; default: Segment | null };
  /** Signal or modifier key → source. Keys of the model not listed here are missing data. */
  signals: Readonly<Record<string, SignalSource>>;
  mrrProperty: string | null;
  schedule: { cron: string; timezone: string | null };
  rateLimit: { per10s: 100 | 190 | 250; dailyLimit: number | null };
  dryRun: boolean;
  /** What the plays core needs besides the account: owners, caps, due times, sequences. */
  plays: PlaySettings;
  /** Where the shell reads the facts plays react to (churn, renewal, payments, signals). */
  playsMapping: PlaysMapping;
  /** Absolute path of the directory that holds the store and the sandbox portal. */
  dataDir: string;
  /** DATABASE_URL: the store in PostgreSQL instead of the SQLite file in dataDir; null when unset. */
  databaseUrl: Secret | null;
  hubspot: {
    /** "sandbox" when no access token is set: the app runs against the embedded demo portal. */
    mode: 'sandbox' | 'hubspot';
    accessToken: Secret | null;
    clientSecret: Secret | null;
    /** HUBSPOT_BASE_URL: HubSpot's API root (default https://api.hubapi.com), no trailing slash. */
    baseUrl: string;
  };
  /** The card API (src/server). */
  server: {
    /** VITALS_PUBLIC_URL: the https origin HubSpot calls (and signs); null when not set. */
    publicUrl: string | null;
    /** PORT: where the service listens; default 3000. */
    port: number;
  };
}

/** The part of the config that turns HubSpot records into signals (see src/signals). */
export type MappingConfig = Pick<Config, 'model' | 'segments' | 'signals' | 'mrrProperty'>;

/** What the shell needs for plays besides the core's settings: above all, where it reads the
 * account's facts from. */
export interface PlaysMapping {
  /** false: no plays at all (scores and health properties only). */
  enabled: boolean;
  /** Seconds HubSpot's search may lag a write: an unconfirmed create is looked for after it. */
  settleAfterSeconds: number;
  /** Churn or expansion signal → the date property holding when it was last observed. */
  signals: Partial<Record<ChurnSignal | ExpansionSignal, string>>;
  /** A company has churned when `property` equals `equals`; null: churn is never detected. */
  churn: {
    property: string;
    equals: string;
    /** The date it churned; null: the shell must find when `property` changed. */
    dateProperty: string | null;
  } | null;
  /** The company's renewal date (YYYY-MM-DD); null when the portal keeps none. */
  renewalDateProperty: string | null;
  /** When the company became a customer (onboarding starts); null when not mapped. */
  customerSinceProperty: string | null;
  /** When a payment last failed, and how many failed in a row; null when not kept. */
  payment: { failedAtProperty: string | null; failuresProperty: string | null };
  /** Where the lifecycle plays' facts come from; absent: the defaults (last contacted, QBR). */
  lifecycle?: LifecycleMapping;
}

export interface LifecycleMapping {
  /** Company date properties whose latest value is the last logged touch. */
  touchProperties: readonly string[];
  lastLoginProperty: string | null;
  /** Share of licensed users active, 0–100. */
  activationProperty: string | null;
  /** Holds the HubSpot owner id of the account executive. */
  accountExecutiveProperty: string | null;
  /** The next QBR's date on the company, besides meetings titled with the word. */
  qbrDateProperty: string | null;
  /** Meetings whose title carries it are QBRs; null: meetings are not looked at. */
  qbrMeetingWord: string | null;
}
