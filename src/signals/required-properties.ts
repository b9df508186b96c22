import type { MappingConfig } from '../config/config.ts';
import type { SignalSource } from '../config/signal-source-schema.ts';

export interface RequiredProperties {
  /** Company properties a run reads: name, owner, MRR, segment rules, mapped signals. */
  company: string[];
  /** Contact properties a run reads; empty when no source looks at contacts. */
  contact: string[];
  /** Whether a run needs each company's associated contacts at all. */
  needsContacts: boolean;
}

/** The HubSpot properties extractAccount reads with this config, sorted. */
export function requiredProperties(config: MappingConfig): RequiredProperties {
  const company = new Set(['name', 'hubspot_owner_id']);
  const contact = new Set<string>();
  let needsContacts = false;
  if (config.mrrProperty !== null) company.add(config.mrrProperty);
  for (const rule of config.segments.rules) company.add(rule.property);
  for (const source of Object.values(config.signals)) {
    const { onCompany, onContact } = propertiesOf(source);
    onCompany.forEach((p) => company.add(p));
    onContact.forEach((p) => contact.add(p));
    if (source.from !== 'company' && source.from !== 'daysSince') needsContacts = true;
  }
  return { company: [...company].sort(), contact: [...contact].sort(), needsContacts };
}

function propertiesOf(source: SignalSource): { onCompany: string[]; onContact: string[] } {
  switch (source.from) {
    case 'company':
    case 'daysSince':
      return { onCompany: [source.property], onContact: [] };
    case 'associatedContactCount':
      return { onCompany: [], onContact: source.excludeWhen ? [source.excludeWhen.property] : [] };
    case 'champion':
      return {
        onCompany: [],
        onContact: [source.roleProperty, ...(source.leftProperty ? [source.leftProperty] : [])],
      };
    case 'latestContactNumber':
      return { onCompany: [], onContact: [source.property, source.dateProperty] };
  }
}
