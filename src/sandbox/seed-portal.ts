import { COMPANY_CATALOG } from './company-catalog.ts';
import { CONTACT_CATALOG } from './contact-catalog.ts';
import { DAY_MS, isoDateTime, type DemoRecord } from './demo-record.ts';
import { generateCompany } from './generate-company.ts';
import { generateOwners, type DemoOwner } from './generate-owners.ts';
import { createMeetingPlanner } from './generate-meetings.ts';
import { createPlayFacts } from './generate-play-facts.ts';
import { MEETING_CATALOG } from './meeting-catalog.ts';
import { NOTE_CATALOG } from './note-catalog.ts';
import { objectTypeInfo, type CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import { defineProperty, type ObjectCatalog } from './property-definition.ts';
import { seededRandom } from './seeded-random.ts';
import type { SeedSpec } from './seed-spec.ts';
import { TASK_CATALOG } from './task-catalog.ts';
import { createUsageHistory } from './usage-history.ts';

export interface SeedSummary extends SeedSpec {
  contacts: number;
  owners: number;
  sequences: number;
  /**
   * The user who owns the plays' sequences (Renewal, Win-back, Payment recovery) and the
   * connected inbox they send from. Absent in portals seeded before those sequences existed.
   */
  sender?: { userId: string; email: string };
  /** Meetings seeded on the companies (QBRs, weekly syncs); absent in portals seeded before them. */
  meetings?: number;
  /**
   * Companies whose usage history could not be drawn to end as the seed says (their churn month
   * is then off); absent in portals seeded before the history existed.
   */
  historyUnmatched?: number;
}

const SEQUENCE_NAMES = [
  'Renewal check-in',
  'At-risk outreach',
  'Champion re-engagement',
  'Executive sponsor intro',
  'Trial conversion nudge',
];

/** The sequences the plays enrol contacts in, all owned by one user (the first owner). */
export const PLAY_SEQUENCE_NAMES = ['Renewal', 'Win-back', 'Payment recovery'] as const;

// Separate from the companies' stream, so the play facts leave every earlier value unchanged.
const PLAY_FACTS_STREAM = 0x91a7_f0c5;
// Separate again: the meetings leave every company, contact and play fact as it was.
const MEETINGS_STREAM = 0x3e37_1a9b;
// And again: the usage history reads the seeded values and changes none of them.
const HISTORY_STREAM = 0x6b1e_27d3;

// HubSpot's default association types: company→contact 280 (primary 2), contact→company 279
// (primary 1). Each pair is stored in both directions, as HubSpot reports it both ways.
// "Primary" means the contact's primary company; every seeded contact has one company, so every
// company→contact link carries 2 and none singles out a company's "primary contact".
const COMPANY_TO_CONTACT = '280,2';
const CONTACT_TO_COMPANY = '279,1';
// HubSpot's meeting→company type, and the type it reports from the company's side.
const MEETING_TO_COMPANY = '188';
const COMPANY_TO_MEETING = '187';

/** When the portal's properties were made: long before any of its records. */
const schemaTime = (referenceMs: number) => isoDateTime(referenceMs - 900 * DAY_MS);

function insertCatalog(
  db: PortalDatabase,
  type: CrmObjectType,
  catalog: ObjectCatalog,
  at: string,
) {
  const group = db.prepare('INSERT INTO property_groups VALUES (?, ?, ?, ?)');
  catalog.groups.forEach(({ name, label }, position) => {
    const definition = { name, label, displayOrder: position, archived: false };
    group.run(type, name, position, JSON.stringify(definition));
  });
  const property = db.prepare('INSERT INTO property_definitions VALUES (?, ?, ?, ?)');
  catalog.properties.forEach((spec, position) => {
    property.run(type, spec.name, position, JSON.stringify(defineProperty(spec, position, at)));
  });
}

function insertOwnersAndSequences(db: PortalDatabase, owners: DemoOwner[], referenceMs: number) {
  const owner = db.prepare('INSERT INTO owners (id, user_id, email, owner) VALUES (?, ?, ?, ?)');
  for (const o of owners) owner.run(Number(o.id), o.userId, o.email, JSON.stringify(o));
  const sequence = db.prepare('INSERT INTO sequences VALUES (?, ?, ?, ?, ?)');
  SEQUENCE_NAMES.forEach((name, index) => {
    const at = isoDateTime(referenceMs - (120 - index * 9) * DAY_MS);
    const userId = owners[index % owners.length]?.userId ?? 0;
    sequence.run(3_100_001 + index * 17, name, userId, at, at);
  });
  const sender = owners[0];
  if (!sender) throw new Error('The demo portal needs at least one owner to send sequences.');
  PLAY_SEQUENCE_NAMES.forEach((name, offset) => {
    const index = SEQUENCE_NAMES.length + offset;
    const at = isoDateTime(referenceMs - (75 - offset * 4) * DAY_MS);
    sequence.run(3_100_001 + index * 17, name, sender.userId, at, at);
  });
  return { userId: String(sender.userId), email: sender.email };
}

function insertCompanies(
  db: PortalDatabase,
  spec: SeedSpec,
  owners: DemoOwner[],
  referenceMs: number,
) {
  const object = db.prepare('INSERT INTO objects VALUES (?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT INTO associations VALUES (?, ?, ?, ?)');
  const insert = (type: CrmObjectType, record: DemoRecord) =>
    object.run(
      record.id,
      type,
      JSON.stringify(record.properties),
      record.createdAt,
      record.updatedAt,
    );
  const random = seededRandom(spec.seed);
  const addPlayFacts = createPlayFacts(seededRandom(spec.seed ^ PLAY_FACTS_STREAM), referenceMs);
  const meetingsOf = createMeetingPlanner(
    seededRandom((spec.seed ^ MEETINGS_STREAM) >>> 0),
    referenceMs,
    objectTypeInfo('meetings').idBase + 1,
  );
  const historyOf =
    (spec.historyMonths ?? 0) > 0
      ? createUsageHistory(seededRandom((spec.seed ^ HISTORY_STREAM) >>> 0), {
          referenceMs,
          months: spec.historyMonths ?? 0,
        })
      : null;
  // Written as a usage sync writes (INTEGRATION), oldest first, long before any webhook reads.
  const history = db.prepare('INSERT INTO property_history VALUES (?, ?, ?, ?, ?, ?)');
  let contactIndex = 0;
  let meetings = 0;
  const ctx = {
    referenceMs,
    ownerIds: owners.map((owner) => owner.id),
    domains: new Map<string, number>(),
    nextContactId: () => objectTypeInfo('contacts').idBase + ++contactIndex * 2 + 1,
  };
  for (let index = 0; index < spec.companies; index += 1) {
    const { company, contacts, health } = generateCompany(random, index, ctx);
    addPlayFacts(company, health);
    insert('companies', company);
    for (const row of historyOf?.(company, health) ?? [])
      history.run(company.id, row.name, row.value, row.timestamp, 'INTEGRATION', null);
    for (const contact of contacts) {
      insert('contacts', contact);
      link.run(company.id, 'contacts', contact.id, COMPANY_TO_CONTACT);
      link.run(contact.id, 'companies', company.id, CONTACT_TO_COMPANY);
    }
    for (const meeting of meetingsOf(company)) {
      insert('meetings', meeting);
      link.run(meeting.id, 'companies', company.id, MEETING_TO_COMPANY);
      link.run(company.id, 'meetings', meeting.id, COMPANY_TO_MEETING);
      meetings += 1;
    }
  }
  return { contacts: contactIndex, meetings, historyUnmatched: historyOf?.unmatched() ?? 0 };
}

/**
 * Gives a portal seeded before notes and meetings existed their property catalogs, so it takes
 * notes and meetings as a new one does. Its companies get no seeded meetings: a new portal has
 * those.
 */
export function addMissingCatalogs(db: PortalDatabase, spec: SeedSpec): void {
  const schemaAt = schemaTime(Date.parse(`${spec.referenceDate}T12:00:00.000Z`));
  const has = db.prepare('SELECT 1 FROM property_definitions WHERE object_type = ? LIMIT 1');
  const catalogs = [
    ['notes', NOTE_CATALOG],
    ['meetings', MEETING_CATALOG],
  ] as const;
  db.transaction(() => {
    for (const [type, catalog] of catalogs) {
      if (has.get(type) === undefined) insertCatalog(db, type, catalog, schemaAt);
    }
  })();
}

/** Writes the whole demo portal in one transaction: a crash leaves no half-seeded file. */
export function seedPortal(db: PortalDatabase, spec: SeedSpec): SeedSummary {
  const referenceMs = Date.parse(`${spec.referenceDate}T12:00:00.000Z`);
  return db.transaction(() => {
    const schemaAt = schemaTime(referenceMs);
    insertCatalog(db, 'companies', COMPANY_CATALOG, schemaAt);
    insertCatalog(db, 'contacts', CONTACT_CATALOG, schemaAt);
    insertCatalog(db, 'tasks', TASK_CATALOG, schemaAt);
    insertCatalog(db, 'notes', NOTE_CATALOG, schemaAt);
    insertCatalog(db, 'meetings', MEETING_CATALOG, schemaAt);
    const owners = generateOwners(seededRandom(spec.seed ^ 0x5eed), referenceMs);
    const sender = insertOwnersAndSequences(db, owners, referenceMs);
    const { contacts, meetings, historyUnmatched } = insertCompanies(db, spec, owners, referenceMs);
    const summary: SeedSummary = {
      ...spec,
      contacts,
      owners: owners.length,
      sequences: SEQUENCE_NAMES.length + PLAY_SEQUENCE_NAMES.length,
      sender,
      meetings,
      historyUnmatched,
    };
    db.prepare("INSERT INTO meta VALUES ('seed', ?)").run(JSON.stringify(summary));
    return summary;
  })();
}
