import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotProperty } from '../hubspot/list-properties.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { HEALTH_GROUP, healthProperties } from './health-properties.ts';
import { REQUIRED_SCOPES } from './required-scopes.ts';

export interface SetupReport {
  /** What setup created (or, in a dry run, would create). */
  created: string[];
  /** Health properties that exist with another type than Vitals writes. */
  conflicts: string[];
  /** Properties the signal mapping reads that the portal does not have. */
  missingProperties: { object: 'companies' | 'contacts'; name: string; closest: string | null }[];
  missingScopes: string[];
}

type SetupGateway = Pick<
  Gateway,
  'listProperties' | 'listPropertyGroups' | 'createProperty' | 'createPropertyGroup' | 'tokenScopes'
>;

/** Creates the "Customer health" group and properties (idempotently) and checks the mapping and scopes. */
export async function setupPortal(
  gateway: SetupGateway,
  mapping: MappingConfig,
  { dryRun }: { dryRun: boolean },
): Promise<SetupReport> {
  const scopes = await gateway.tokenScopes();
  const [groups, companyProps, contactProps] = await Promise.all([
    gateway.listPropertyGroups('companies'),
    gateway.listProperties('companies'),
    mappingNeedsContacts(mapping) ? gateway.listProperties('contacts') : Promise.resolve([]),
  ]);
  const report: SetupReport = {
    created: [],
    conflicts: [],
    missingProperties: missingMapped(mapping, companyProps, contactProps),
    missingScopes: REQUIRED_SCOPES.filter((s) => !scopes.includes(s)),
  };
  // A null create means another run (or an admin) made it in the meantime: nothing to do.
  if (!groups.some((g) => g.name === HEALTH_GROUP.name)) {
    const made = dryRun || (await gateway.createPropertyGroup('companies', { ...HEALTH_GROUP }));
    if (made) report.created.push(`group ${HEALTH_GROUP.name}`);
  }
  const existing = new Map(companyProps.map((p) => [p.name, p]));
  for (const definition of healthProperties(mapping.model.tiers)) {
    const found = existing.get(definition.name);
    if (found && found.type !== definition.type)
      report.conflicts.push(
        `${definition.name} is ${found.type}, Vitals writes ${definition.type}`,
      );
    if (found) continue;
    const made = dryRun || (await gateway.createProperty('companies', definition));
    if (made) report.created.push(`property ${definition.name}`);
  }
  return report;
}

/** True when the portal has every property a run writes: the check before any run writes. */
export function isSetUp(companyProps: readonly HubSpotProperty[], mapping: MappingConfig): boolean {
  const names = new Set(companyProps.map((p) => p.name));
  return healthProperties(mapping.model.tiers).every((p) => names.has(p.name));
}

function mappingNeedsContacts(mapping: MappingConfig): boolean {
  return requiredProperties(mapping).contact.length > 0;
}

function missingMapped(
  mapping: MappingConfig,
  companyProps: readonly HubSpotProperty[],
  contactProps: readonly HubSpotProperty[],
): SetupReport['missingProperties'] {
  const required = requiredProperties(mapping);
  const check = (
    object: 'companies' | 'contacts',
    names: string[],
    have: readonly HubSpotProperty[],
  ) => {
    const known = have.map((p) => p.name);
    return names
      .filter((n) => !known.includes(n))
      .map((name) => ({ object, name, closest: closestMatch(name, known) }));
  };
  return [
    ...check('companies', required.company, companyProps),
    ...check('contacts', required.contact, contactProps),
  ];
}
