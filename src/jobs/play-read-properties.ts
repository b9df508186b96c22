import type { MappingConfig, PlaysMapping } from '../config/config.ts';
import { PLAY_CONTACT_PROPERTIES, playCompanyProperties } from '../signals/play-facts.ts';
import { requiredProperties, type RequiredProperties } from '../signals/required-properties.ts';

/**
 * The company and contact properties scoring and plays read, as a run reads them: the mapping's,
 * plus the plays' facts, the contacts' names and roles, and the champion's "left" property.
 */
export function playReadProperties(
  mapping: MappingConfig,
  plays: { mapping: PlaysMapping; leftProperty: string | null },
): RequiredProperties {
  const base = requiredProperties(mapping);
  const contact = [
    ...base.contact,
    ...PLAY_CONTACT_PROPERTIES,
    ...(plays.leftProperty ? [plays.leftProperty] : []),
  ];
  return {
    company: [...new Set([...base.company, ...playCompanyProperties(plays.mapping)])].sort(),
    contact: [...new Set(contact)].sort(),
    needsContacts: true,
  };
}
