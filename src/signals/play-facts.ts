import type { PlaysMapping } from '../config/config.ts';
import type { AccountFacts, ContactFacts } from '../plays/play-types.ts';
import type { ExtractedAccount } from './extract-account.ts';
import {
  DEFAULT_LIFECYCLE_MAPPING,
  lifecycleFacts,
  lifecycleProperties,
  type QbrMeetings,
} from './lifecycle-facts.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { NPS_DATE_PROPERTY, NPS_RATING_PROPERTY } from './nps-answers.ts';
import { parseNumber } from './parse-number.ts';
import { parseTimestamp } from './parse-timestamp.ts';

// HubSpot's own feedback and activity properties: what the plays fall back on when the model
// has no NPS or last-contact input of its own (cs-engine has neither), so their plays still work.
const LAST_CONTACTED = 'notes_last_contacted';
const DAY_MS = 86_400_000;

/** Contact properties the plays read, besides those the signal mapping already asks for. */
export const PLAY_CONTACT_PROPERTIES = [
  'email',
  'firstname',
  'lastname',
  'hs_email_optout',
  'hs_buying_role',
  NPS_RATING_PROPERTY,
  NPS_DATE_PROPERTY,
] as const;

export interface PlayFactsInput {
  company: HubSpotRecord;
  contacts: readonly HubSpotRecord[];
  /** Contacts whose primary company is this one (HubSpot's "Primary" association type). */
  primaryContactIds: ReadonlySet<string>;
  account: ExtractedAccount;
  mapping: PlaysMapping;
  /** The contact property saying someone left (the champion mapping's), if any. */
  leftProperty: string | null;
  now: Date;
  /** The portal's local date today: QBR dates are compared with it. */
  today?: string;
  /** The company's QBR meetings, when this evaluation looked them up (see lifecycleFacts). */
  meetings?: QbrMeetings;
}

/** Company properties the plays read with this mapping. */
export function playCompanyProperties(mapping: PlaysMapping): string[] {
  const names = new Set<string>([...Object.values(mapping.signals), LAST_CONTACTED]);
  if (mapping.churn) {
    names.add(mapping.churn.property);
    if (mapping.churn.dateProperty) names.add(mapping.churn.dateProperty);
  }
  if (mapping.renewalDateProperty) names.add(mapping.renewalDateProperty);
  if (mapping.customerSinceProperty) names.add(mapping.customerSinceProperty);
  if (mapping.payment.failedAtProperty) names.add(mapping.payment.failedAtProperty);
  if (mapping.payment.failuresProperty) names.add(mapping.payment.failuresProperty);
  for (const name of lifecycleProperties(mapping.lifecycle ?? DEFAULT_LIFECYCLE_MAPPING))
    names.add(name);
  return [...names].sort();
}

/** The facts of one account that the plays react to, read from its HubSpot records. */
export function playFacts(input: PlayFactsInput): AccountFacts {
  const { company, account, mapping } = input;
  const nps = byMeaning(account, ['nps_last', 'nps']) ?? contactNps(input.contacts);
  const days =
    byMeaning(account, ['days_since_last_contact']) ??
    daysSince(company, LAST_CONTACTED, input.now);
  return {
    companyId: company.id,
    name: account.name,
    segment: account.segment,
    mrr: account.mrr,
    ownerId: account.ownerId,
    renewalDate: dateOnly(readMapped(company, mapping.renewalDateProperty)),
    customerSince: instant(readMapped(company, mapping.customerSinceProperty)),
    churnedAt: churnedAt(company, mapping),
    paymentFailedAt: instant(readMapped(company, mapping.payment.failedAtProperty)),
    paymentFailures: count(readMapped(company, mapping.payment.failuresProperty)),
    observed: Object.fromEntries(
      Object.entries(mapping.signals).map(([key, property]) => [
        key,
        instant(readProperty(company, property)),
      ]),
    ),
    npsLast: nps,
    npsAt: latestSurvey(input.contacts),
    daysSinceContact: days,
    lifecycle: lifecycleFacts(
      company,
      mapping.lifecycle ?? DEFAULT_LIFECYCLE_MAPPING,
      input.today ?? input.now.toISOString().slice(0, 10),
      input.meetings,
    ),
    contacts: markPrimary(
      input.contacts.map((c) => contactFacts(c, input)),
      input,
    ),
  };
}

/** A model input by what it means, whether the model has it as a signal or a modifier. */
function byMeaning(account: ExtractedAccount, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = account.signals[key] ?? account.modifiers[key];
    if (typeof value === 'number') return value;
  }
  return null;
}

/** The NPS answer of the contact who answered last. */
function contactNps(contacts: readonly HubSpotRecord[]): number | null {
  let latest: { at: number; score: number } | null = null;
  for (const c of contacts) {
    const score = parseNumber(readProperty(c, NPS_RATING_PROPERTY) ?? '');
    const at = parseTimestamp(readProperty(c, NPS_DATE_PROPERTY) ?? '') ?? 0;
    if (score !== null && Number.isFinite(score) && (latest === null || at > latest.at))
      latest = { at, score };
  }
  return latest?.score ?? null;
}

function daysSince(company: HubSpotRecord, property: string, now: Date): number | null {
  const text = readProperty(company, property);
  const at = text === null ? null : parseTimestamp(text);
  return at === null ? null : Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
}

const KEY_ROLES = new Set(['CHAMPION', 'DECISION_MAKER', 'EXECUTIVE_SPONSOR', 'BUDGET_HOLDER']);

/**
 * HubSpot has no "primary contact of a company" (its Primary association marks a contact's
 * primary company), so the account's primary contacts are its key people still there, or, when
 * it has none, the longest-standing contact (lowest id) of those whose primary company it is.
 */
function markPrimary(contacts: ContactFacts[], input: PlayFactsInput): ContactFacts[] {
  const here = contacts.filter((c) => !c.left);
  const key = here.filter((c) => c.roles.some((r) => KEY_ROLES.has(r)));
  const ownPrimary = here.filter((c) => input.primaryContactIds.has(c.id));
  const pool = ownPrimary.length > 0 ? ownPrimary : here;
  const oldest = [...pool].sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  const chosen = new Set((key.length > 0 ? key : oldest.slice(0, 1)).map((c) => c.id));
  return contacts.map((c) => ({ ...c, primary: chosen.has(c.id) }));
}

function contactFacts(contact: HubSpotRecord, input: PlayFactsInput): ContactFacts {
  const names = [readProperty(contact, 'firstname'), readProperty(contact, 'lastname')];
  const name = names.filter((n) => n !== null).join(' ');
  return {
    id: contact.id,
    name: name === '' ? null : name,
    email: readProperty(contact, 'email'),
    optedOut: readProperty(contact, 'hs_email_optout') === 'true',
    // A multi-select: HubSpot joins the chosen values with ";".
    roles: (readProperty(contact, 'hs_buying_role') ?? '')
      .split(';')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    primary: false,
    left: input.leftProperty !== null && readProperty(contact, input.leftProperty) === 'true',
  };
}

function churnedAt(company: HubSpotRecord, mapping: PlaysMapping): string | null {
  const churn = mapping.churn;
  if (!churn || readProperty(company, churn.property) !== churn.equals) return null;
  return instant(readMapped(company, churn.dateProperty));
}

function latestSurvey(contacts: readonly HubSpotRecord[]): string | null {
  let latest: number | null = null;
  for (const c of contacts) {
    const text = readProperty(c, NPS_DATE_PROPERTY);
    const ms = text === null ? null : parseTimestamp(text);
    if (ms !== null && (latest === null || ms > latest)) latest = ms;
  }
  return latest === null ? null : new Date(latest).toISOString();
}

const readMapped = (record: HubSpotRecord, property: string | null) =>
  property === null ? null : readProperty(record, property);

function instant(text: string | null): string | null {
  const ms = text === null ? null : parseTimestamp(text);
  return ms === null ? null : new Date(ms).toISOString();
}

function dateOnly(text: string | null): string | null {
  const at = instant(text);
  return at === null ? null : at.slice(0, 10);
}

function count(text: string | null): number {
  const n = text === null ? null : parseNumber(text);
  return n !== null && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
