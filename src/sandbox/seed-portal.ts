import { COMPANY_CATALOG } from './company-catalog.ts';
import { CONTACT_CATALOG } from './contact-catalog.ts';
import { DAY_MS, isoDateTime, type DemoRecord } from './demo-record.ts';
import { generateCompany } from './generate-company.ts';
import { generateOwners, type DemoOwner } from './generate-owners.ts';
import { objectTypeInfo, type ObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import { defineProperty, type ObjectCatalog } from './property-definition.ts';
import { seededRandom } from './seeded-random.ts';
import type { SeedSpec } from './seed-spec.ts';
import { TASK_CATALOG } from './task-catalog.ts';

export interface SeedSummary extends SeedSpec {
  contacts: number;
  owners: number;
  sequences: number;
}

const SEQUENCE_NAMES = [
  'Renewal check-in',
  'At-risk outreach',
  'Champion re-engagement',
  'Executive sponsor intro',
  'Trial conversion nudge',
];

// HubSpot's default association types: company→contact 280 (primary 2), contact→company 279
// (primary 1). Each pair is stored in both directions, as HubSpot reports it both ways.
const COMPANY_TO_CONTACT = '280,2';
const CONTACT_TO_COMPANY = '279,1';

function insertCatalog(db: PortalDatabase, type: ObjectType, catalog: ObjectCatalog, at: string) {
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
}

function insertCompanies(
  db: PortalDatabase,
  spec: SeedSpec,
  owners: DemoOwner[],
  referenceMs: number,
) {
  const object = db.prepare('INSERT INTO objects VALUES (?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT INTO associations VALUES (?, ?, ?, ?)');
  const insert = (type: ObjectType, record: DemoRecord) =>
    object.run(
      record.id,
      type,
      JSON.stringify(record.properties),
      record.createdAt,
      record.updatedAt,
    );
  const random = seededRandom(spec.seed);
  let contactIndex = 0;
  const ctx = {
    referenceMs,
    ownerIds: owners.map((owner) => owner.id),
    domains: new Map<string, number>(),
    nextContactId: () => objectTypeInfo('contacts').idBase + ++contactIndex * 2 + 1,
  };
  for (let index = 0; index < spec.companies; index += 1) {
    const { company, contacts } = generateCompany(random, index, ctx);
    insert('companies', company);
    for (const contact of contacts) {
      insert('contacts', contact);
      link.run(company.id, 'contacts', contact.id, COMPANY_TO_CONTACT);
      link.run(contact.id, 'companies', company.id, CONTACT_TO_COMPANY);
    }
  }
  return contactIndex;
}

/** Writes the whole demo portal in one transaction: a crash leaves no half-seeded file. */
export function seedPortal(db: PortalDatabase, spec: SeedSpec): SeedSummary {
  const referenceMs = Date.parse(`${spec.referenceDate}T12:00:00.000Z`);
  return db.transaction(() => {
    const schemaAt = isoDateTime(referenceMs - 900 * DAY_MS);
    insertCatalog(db, 'companies', COMPANY_CATALOG, schemaAt);
    insertCatalog(db, 'contacts', CONTACT_CATALOG, schemaAt);
    insertCatalog(db, 'tasks', TASK_CATALOG, schemaAt);
    const owners = generateOwners(seededRandom(spec.seed ^ 0x5eed), referenceMs);
    insertOwnersAndSequences(db, owners, referenceMs);
    const contacts = insertCompanies(db, spec, owners, referenceMs);
    const summary: SeedSummary = {
      ...spec,
      contacts,
      owners: owners.length,
      sequences: SEQUENCE_NAMES.length,
    };
    db.prepare("INSERT INTO meta VALUES ('seed', ?)").run(JSON.stringify(summary));
    return summary;
  })();
}
