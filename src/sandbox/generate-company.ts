import { DEMO_NAMES } from './demo-names.ts';
import { DAY_MS, isoDate, isoDateTime, type DemoRecord } from './demo-record.ts';
import { generateContacts, type ContactPlan } from './generate-contacts.ts';
import { generateUsage } from './generate-usage.ts';
import { objectTypeInfo } from './object-types.ts';
import type { Random } from './seeded-random.ts';

const SALES_CYCLE_DAYS = 14;

export interface CompanyContext {
  referenceMs: number;
  ownerIds: readonly string[];
  /** How often each domain stem was used, so every company (and contact email) is unique. */
  domains: Map<string, number>;
  nextContactId: () => number;
}

export interface DemoCompany {
  company: DemoRecord;
  contacts: DemoRecord[];
  /** The latent health (0 about to churn, 1 thriving) its usage properties were drawn around. */
  health: number;
}

type Status = 'trial' | 'active' | 'churned';

interface Story {
  status: Status;
  renewalSoon: boolean;
  championLeft: ContactPlan['championLeft'];
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The first companies each tell one story, so even a tiny portal shows every case. */
function storyFor(random: Random, index: number): Story {
  const forced: Story[] = [
    { status: 'active', renewalSoon: true, championLeft: undefined },
    { status: 'churned', renewalSoon: false, championLeft: undefined },
    { status: 'active', renewalSoon: false, championLeft: { replaced: false } },
    { status: 'trial', renewalSoon: false, championLeft: undefined },
  ];
  const roll = random.next();
  const status: Status = roll < 0.04 ? 'churned' : roll < 0.14 ? 'trial' : 'active';
  const championLeft = random.chance(0.06) ? { replaced: random.chance(0.4) } : undefined;
  return forced[index] ?? { status, renewalSoon: false, championLeft };
}

function mrrFor(random: Random, status: Status): number {
  if (status !== 'active') return 0;
  const roll = random.next();
  if (roll < 0.15) return random.int(501, 4000) * 10;
  if (roll < 0.55) return random.int(50, 500) * 10;
  return random.int(49, 499);
}

function renewalMs(random: Random, story: Story, referenceMs: number): number {
  if (story.status === 'churned') return referenceMs - random.int(10, 240) * DAY_MS;
  if (story.status === 'trial') return referenceMs + random.int(3, 30) * DAY_MS;
  if (story.renewalSoon) return referenceMs + random.int(10, 85) * DAY_MS;
  return referenceMs + random.int(-15, 365) * DAY_MS;
}

function contactCount(random: Random, status: Status, mrr: number): number {
  if (status === 'trial') return random.int(1, 3);
  if (mrr > 5000) return random.int(4, 8);
  if (mrr >= 500) return random.int(2, 6);
  return random.int(1, 4);
}

function nameAndDomain(random: Random, domains: Map<string, number>) {
  const word = random.pick(DEMO_NAMES.companyWords);
  const noun = random.pick(DEMO_NAMES.companyNouns);
  const stem = `${word}${noun}`.toLowerCase();
  const seen = (domains.get(stem) ?? 0) + 1;
  domains.set(stem, seen);
  const name = `${word} ${noun}${random.pick(DEMO_NAMES.companySuffixes)}`;
  return { name, domain: `${stem}${seen > 1 ? seen : ''}.example` };
}

function healthFor(random: Random, story: Story): number {
  const mean = { active: 0.62, trial: 0.5, churned: 0.2 }[story.status];
  return clamp(random.normal(mean, 0.2) - (story.championLeft ? 0.1 : 0), 0.02, 0.98);
}

function lastContactedMs(random: Random, health: number, referenceMs: number) {
  const days = Math.min(365, -Math.log(1 - random.next()) * (5 + 40 * (1 - health)));
  return referenceMs - Math.round(days * DAY_MS);
}

interface Drawn {
  story: Story;
  mrr: number;
  count: number;
  name: string;
  domain: string;
  ownerId: string | undefined;
}

function companyProperties(random: Random, drawn: Drawn, health: number, referenceMs: number) {
  const { story } = drawn;
  const properties: Record<string, string> = {
    name: drawn.name,
    domain: drawn.domain,
    lifecyclestage: { active: 'customer', trial: 'opportunity', churned: 'other' }[story.status],
    customer_status: story.status,
    mrr: String(drawn.mrr),
    renewal_date: isoDate(renewalMs(random, story, referenceMs)),
    num_associated_contacts: String(drawn.count),
    ...generateUsage(random, health),
  };
  if (drawn.ownerId) properties.hubspot_owner_id = drawn.ownerId;
  const contacted = lastContactedMs(random, health, referenceMs);
  if (random.chance(0.9)) properties.notes_last_contacted = isoDateTime(contacted);
  return properties;
}

/** One demo company with its contacts, drawn from the seeded generator. */
export function generateCompany(random: Random, index: number, ctx: CompanyContext): DemoCompany {
  const { referenceMs } = ctx;
  const story = storyFor(random, index);
  const health = healthFor(random, story);
  const mrr = mrrFor(random, story.status);
  const { name, domain } = nameAndDomain(random, ctx.domains);
  const ownerId = random.chance(0.03) ? undefined : random.pick(ctx.ownerIds);
  const age = story.status === 'trial' ? random.int(3, 30) : random.int(30, 1400);
  const createdMs = referenceMs - age * DAY_MS - random.int(0, 86_399) * 1000;
  const updatedMs = Math.max(createdMs, referenceMs - random.int(0, 20) * DAY_MS);
  const count = Math.max(contactCount(random, story.status, mrr), story.championLeft ? 2 : 1);
  const drawn = { story, mrr, count, name, domain, ownerId };
  const company = {
    id: objectTypeInfo('companies').idBase + index * 3 + (index % 3) + 1,
    properties: companyProperties(random, drawn, health, referenceMs),
    createdAt: isoDateTime(createdMs),
    updatedAt: isoDateTime(updatedMs),
  };
  // Signed two weeks after the record was made; no draw from the generator, so every other value
  // of the portal stays as it was.
  const signedMs = createdMs + SALES_CYCLE_DAYS * DAY_MS;
  if (story.status !== 'trial' && signedMs <= referenceMs)
    company.properties.hs_v2_date_entered_customer = isoDateTime(signedMs);
  const plan = {
    count,
    domain,
    ownerId,
    health,
    createdMs,
    referenceMs,
    nextId: ctx.nextContactId,
  };
  return {
    company,
    contacts: generateContacts(random, { ...plan, championLeft: story.championLeft }),
    health,
  };
}
