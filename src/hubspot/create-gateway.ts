import { setTimeout as delay } from 'node:timers/promises';
import { Client } from '@hubspot/api-client';
import { accountDetails, type AccountDetails } from './account-details.ts';
import { companyPages, type CompanyPage, type CompanyPagesOptions } from './company-pages.ts';
import { createCaller, type RetryOptions } from './create-caller.ts';
import { createProperty, type PropertyDefinition } from './create-property.ts';
import { createPropertyGroup } from './create-property-group.ts';
import { createNotes, type CreateNotesResult, type NoteInput } from './create-notes.ts';
import { createTasks, type CreateTasksResult, type TaskInput } from './create-tasks.ts';
import { currentEnrollment, type CurrentEnrollment } from './current-enrollment.ts';
import { enrollInSequence, type Enrollment, type EnrollmentRequest } from './enroll-in-sequence.ts';
import { findNotesByMarker } from './find-notes-by-marker.ts';
import { findOpenTasks } from './find-open-tasks.ts';
import { findQbrMeetings, type QbrMeeting, type QbrMeetingQuery } from './find-qbr-meetings.ts';
import { findTasksByMarker } from './find-tasks-by-marker.ts';
import type { GatewayContext } from './gateway-context.ts';
import { listOwners, type Owner } from './list-owners.ts';
import { listProperties, type HubSpotProperty } from './list-properties.ts';
import { listPropertyGroups, type PropertyGroup } from './list-property-groups.ts';
import { listSequences, type Sequence } from './list-sequences.ts';
import { nextMidnight } from './next-midnight.ts';
import type { SharedRateBudget } from '../store/store.ts';
import { RateLimits } from './rate-limits.ts';
import {
  readAssociations,
  readAssociationTypes,
  type AssociatedRecord,
} from './read-associations.ts';
import { readCompanyHistory, type CompanyWithHistory } from './read-company-history.ts';
import { readCompanies, readContacts } from './read-contacts.ts';
import type { HubSpotRecord } from './record-schema.ts';
import { createRequestJson } from './request-json.ts';
import { sdkApis } from './sdk-apis.ts';
import { sdkMiddleware } from './sdk-middleware.ts';
import { tokenInfo, tokenScopes, type TokenInfo } from './token-scopes.ts';
import { updateCompanies, type CompanyUpdate, type UpdateResult } from './update-companies.ts';
import { updateTasks, type TaskUpdate, type UpdateTasksResult } from './update-tasks.ts';

export interface GatewayLogger {
  warn(details: object, message: string): void;
}

export interface GatewayOptions {
  accessToken: string;
  /** HubSpot's API root; in sandbox mode the sandbox's http://127.0.0.1:PORT. */
  basePath?: string | undefined;
  /** The portal's limit per rolling 10 s (Free/Starter 100, Pro/Enterprise 190, add-on 250). */
  per10s: 100 | 190 | 250;
  /** Stop the run (DailyLimitError) after this many calls in one portal day. */
  dailyLimit?: number | undefined;
  /** The portal's IANA time zone, in which HubSpot's daily limit resets. Default UTC. */
  timeZone?: string | undefined;
  /**
   * Share of HubSpot's rate limits to use, default 0.9: HubSpot counts its window by arrival,
   * which network jitter shifts against our count by start, and every other caller of the same
   * private app (webhook workers, the card API) draws on the same limit.
   */
  headroom?: number | undefined;
  retry?: Partial<RetryOptions> | undefined;
  clock?: (() => number) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  logger?: GatewayLogger | undefined;
  /** HubSpot calls counted with every other process of the app (the PostgreSQL store's). */
  sharedBudget?: SharedRateBudget | undefined;
}

/** The only way the app talks to HubSpot. */
export interface Gateway {
  companyPages(options: CompanyPagesOptions): AsyncGenerator<CompanyPage, void, undefined>;
  readContacts(ids: readonly string[], properties: readonly string[]): Promise<HubSpotRecord[]>;
  /** Companies by id, 100 a call; ids HubSpot does not know are left out. */
  readCompanies(ids: readonly string[], properties: readonly string[]): Promise<HubSpotRecord[]>;
  /** Companies by id with every version of `properties`, 50 a call (HubSpot's cap with history). */
  readCompanyHistory(
    ids: readonly string[],
    properties: readonly string[],
  ): Promise<CompanyWithHistory[]>;
  /**
   * Ids of each id's associated records ([] when HubSpot found none). Throws
   * AssociationReadError, carrying the rest, when HubSpot could not answer some ids.
   */
  readAssociations(
    fromType: string,
    toType: string,
    ids: readonly string[],
  ): Promise<Map<string, string[]>>;
  /** readAssociations with each link's association types (company→contact 280, primary 2, …). */
  readAssociationTypes(
    fromType: string,
    toType: string,
    ids: readonly string[],
  ): Promise<Map<string, AssociatedRecord[]>>;
  updateCompanies(updates: readonly CompanyUpdate[]): Promise<UpdateResult>;
  listProperties(objectType: string): Promise<HubSpotProperty[]>;
  /** The created property; null when the portal has one of that name already (409). */
  createProperty(
    objectType: string,
    definition: PropertyDefinition,
  ): Promise<HubSpotProperty | null>;
  listPropertyGroups(objectType: string): Promise<PropertyGroup[]>;
  /** The created group; null when the portal has one of that name already (409). */
  createPropertyGroup(objectType: string, group: PropertyGroup): Promise<PropertyGroup | null>;
  listOwners(): Promise<Owner[]>;
  /** The scopes granted to the gateway's own access token. */
  tokenScopes(): Promise<string[]>;
  /** The portal the token belongs to, and its scopes. */
  tokenInfo(): Promise<TokenInfo>;
  /** The portal's id, UI domain (app.hubspot.com, app-eu1.hubspot.com, …), data centre and time zone. */
  accountDetails(): Promise<AccountDetails>;
  createTasks(tasks: readonly TaskInput[]): Promise<CreateTasksResult>;
  updateTasks(updates: readonly TaskUpdate[]): Promise<UpdateTasksResult>;
  /**
   * Marker (a letters-and-digits token written into hs_task_body) → id of the task carrying it;
   * markers no task carries are absent. Search: up to 5 markers a call, on the search budget.
   */
  findTasksByMarker(markers: readonly string[]): Promise<Map<string, string>>;
  /**
   * Tasks not completed whose body holds one of the tokens (1 to 5; `*` ends a word), with their
   * subject, body, status, priority, type, due time, owner and create date. Search budget.
   */
  findOpenTasks(tokens: readonly string[]): Promise<HubSpotRecord[]>;
  /**
   * Notes on records (190 note→company), 100 a call; per-input refusals come back in `errors`.
   * A note without hs_timestamp or with a body over 65,536 characters is refused unsent.
   */
  createNotes(notes: readonly NoteInput[]): Promise<CreateNotesResult>;
  /** findTasksByMarker for notes: marker → id of the note whose hs_note_body carries it. */
  findNotesByMarker(markers: readonly string[]): Promise<Map<string, string>>;
  /**
   * Meetings whose title carries the token and that start in [from, to], not canceled, with their
   * companies, soonest first. Search budget, then one associations batch read per 1,000.
   */
  findQbrMeetings(query: QbrMeetingQuery): Promise<QbrMeeting[]>;
  listSequences(userId: string): Promise<Sequence[]>;
  enrollInSequence(request: EnrollmentRequest): Promise<Enrollment>;
  currentEnrollment(contactId: string): Promise<CurrentEnrollment | null>;
  /** HTTP requests sent so far by endpoint name, retries included: the run's API cost. */
  apiCalls(): Record<string, number>;
}

const HUBSPOT_API = 'https://api.hubapi.com';
const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  maxRateLimitRetries: 10,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Builds the gateway on @hubspot/api-client, with our limiter and retries around every call. */
export function createGateway(options: GatewayOptions): Gateway {
  const counts = new Map<string, number>();
  const ctx = createContext(options, (endpoint) =>
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1),
  );
  return {
    companyPages: (pageOptions) => companyPages(ctx, pageOptions),
    readContacts: (ids, properties) => readContacts(ctx, ids, properties),
    readCompanies: (ids, properties) => readCompanies(ctx, ids, properties),
    readCompanyHistory: (ids, properties) => readCompanyHistory(ctx, ids, properties),
    readAssociations: (fromType, toType, ids) => readAssociations(ctx, fromType, toType, ids),
    readAssociationTypes: (fromType, toType, ids) =>
      readAssociationTypes(ctx, fromType, toType, ids),
    updateCompanies: (updates) => updateCompanies(ctx, updates),
    listProperties: (objectType) => listProperties(ctx, objectType),
    createProperty: (objectType, definition) => createProperty(ctx, objectType, definition),
    listPropertyGroups: (objectType) => listPropertyGroups(ctx, objectType),
    createPropertyGroup: (objectType, group) => createPropertyGroup(ctx, objectType, group),
    listOwners: () => listOwners(ctx),
    tokenScopes: () => tokenScopes(ctx, options.accessToken),
    tokenInfo: () => tokenInfo(ctx, options.accessToken),
    accountDetails: () => accountDetails(ctx),
    createTasks: (tasks) => createTasks(ctx, tasks),
    updateTasks: (updates) => updateTasks(ctx, updates),
    findTasksByMarker: (markers) => findTasksByMarker(ctx, markers),
    findOpenTasks: (tokens) => findOpenTasks(ctx, tokens),
    createNotes: (notes) => createNotes(ctx, notes),
    findNotesByMarker: (markers) => findNotesByMarker(ctx, markers),
    findQbrMeetings: (query) => findQbrMeetings(ctx, query),
    listSequences: (userId) => listSequences(ctx, userId),
    enrollInSequence: (request) => enrollInSequence(ctx, request),
    currentEnrollment: (contactId) => currentEnrollment(ctx, contactId),
    apiCalls: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
  };
}

function createContext(options: GatewayOptions, count: (endpoint: string) => void): GatewayContext {
  const settings = resolve(options);
  const warn = settings.logger.warn.bind(settings.logger);
  const limits = new RateLimits({ ...settings, warn });
  // Retries off in the client (it counts attempts, 0 = no decorator) so each resend passes our
  // limiter and counter; its middleware hook is where we see raw answers.
  const client = new Client({
    accessToken: options.accessToken,
    basePath: settings.basePath,
    numberOfApiCallRetries: 0,
    middleware: [sdkMiddleware(limits.observe)],
  });
  const classify = { ...settings, accessToken: options.accessToken };
  return {
    sdk: sdkApis(client),
    request: createRequestJson(client, limits.observe),
    call: createCaller({ ...settings, limits, count, warn, classify }),
  };
}

function resolve(options: GatewayOptions) {
  if (!options.accessToken) {
    throw new TypeError('No HubSpot access token: set HUBSPOT_ACCESS_TOKEN.');
  }
  const timeZone = options.timeZone ?? 'UTC';
  try {
    nextMidnight(0, timeZone);
  } catch {
    throw new RangeError(`"${timeZone}" is not an IANA time zone (e.g. "Europe/Berlin").`);
  }
  return {
    basePath: (options.basePath ?? HUBSPOT_API).replace(/\/+$/, ''),
    per10s: options.per10s,
    dailyLimit: options.dailyLimit,
    timeZone,
    headroom: options.headroom ?? 0.9,
    retry: withFloor({ ...DEFAULT_RETRY, ...options.retry }),
    clock: options.clock ?? Date.now,
    sleep: options.sleep ?? ((ms: number) => delay(ms)),
    random: options.random ?? Math.random,
    logger: options.logger ?? { warn: () => undefined },
    shared: options.sharedBudget,
  };
}

/** At least one send per call, whatever the configuration says. */
function withFloor(retry: RetryOptions): RetryOptions {
  return { ...retry, maxAttempts: Math.max(1, retry.maxAttempts) };
}
