import { DEMO_NAMES } from './demo-names.ts';
import { DAY_MS, isoDateTime, type DemoRecord } from './demo-record.ts';
import type { Random } from './seeded-random.ts';

export interface ContactPlan {
  count: number;
  domain: string;
  ownerId: string | undefined;
  health: number;
  /** The company's champion has left it; `replaced` says whether a new one took over. */
  championLeft: { replaced: boolean } | undefined;
  createdMs: number;
  referenceMs: number;
  nextId: () => number;
}

const OTHER_ROLES = ['END_USER', 'END_USER', 'END_USER', 'INFLUENCER', 'DECISION_MAKER', 'BLOCKER'];

function roleFor(random: Random, index: number, plan: ContactPlan): string {
  if (index === 0) return plan.championLeft || random.chance(0.8) ? 'CHAMPION' : '';
  if (index === 1 && plan.championLeft?.replaced) return 'CHAMPION';
  if (index === 1 && random.chance(0.6)) return 'EXECUTIVE_SPONSOR';
  if (index <= 2 && random.chance(0.3)) return 'DECISION_MAKER;BUDGET_HOLDER';
  return random.chance(0.3) ? '' : random.pick(OTHER_ROLES);
}

function uniqueEmail(first: string, last: string, domain: string, used: Set<string>): string {
  const base = `${first}.${last}`.toLowerCase();
  let local = base;
  for (let n = 2; used.has(local); n += 1) local = `${base}${n}`;
  used.add(local);
  return `${local}@${domain}`;
}

function npsProperties(random: Random, plan: ContactPlan): Record<string, string> {
  if (!random.chance(0.45)) return {};
  const rating = Math.round(Math.min(10, Math.max(0, random.normal(2.5 + 7.5 * plan.health, 1.6))));
  const surveyed = plan.referenceMs - random.int(3, 300) * DAY_MS - random.int(0, 86_399) * 1000;
  return {
    hs_feedback_last_nps_rating: String(rating),
    hs_feedback_last_survey_date: isoDateTime(surveyed),
  };
}

function contact(random: Random, index: number, plan: ContactPlan, used: Set<string>): DemoRecord {
  const firstname = random.pick(DEMO_NAMES.firstNames);
  const lastname = random.pick(DEMO_NAMES.lastNames);
  const role = roleFor(random, index, plan);
  const titles = DEMO_NAMES.titlesByRole[role.split(';')[0] || 'NONE'] ?? [];
  const left = (index === 0 && plan.championLeft !== undefined) || random.chance(0.04);
  const email = uniqueEmail(firstname, lastname, plan.domain, used);
  const properties: Record<string, string> = {
    firstname,
    lastname,
    jobtitle: random.pick(titles),
    hs_email_optout: random.chance(0.04) ? 'true' : 'false',
    left_company: left ? 'true' : 'false',
    ...npsProperties(random, plan),
  };
  if (!random.chance(0.03)) properties.email = email;
  if (role) properties.hs_buying_role = role;
  if (plan.ownerId) properties.hubspot_owner_id = plan.ownerId;
  const createdMs = plan.createdMs + random.int(0, 200) * DAY_MS;
  const updatedMs = Math.max(createdMs, plan.referenceMs - random.int(0, 60) * DAY_MS);
  return {
    id: plan.nextId(),
    properties,
    createdAt: isoDateTime(Math.min(createdMs, plan.referenceMs)),
    updatedAt: isoDateTime(Math.min(updatedMs, plan.referenceMs)),
  };
}

/** The contacts of one company: a champion most of the time, sponsors, users, some gaps. */
export function generateContacts(random: Random, plan: ContactPlan): DemoRecord[] {
  const used = new Set<string>();
  return Array.from({ length: plan.count }, (_, index) => contact(random, index, plan, used));
}
