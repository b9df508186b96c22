import type { ContactFacts } from './play-types.ts';
import type { ContactChoice } from './rule-types.ts';

const ROLES: Record<'key-people' | 'renewal-signers', readonly string[]> = {
  'key-people': ['CHAMPION', 'DECISION_MAKER', 'EXECUTIVE_SPONSOR'],
  'renewal-signers': ['CHAMPION', 'DECISION_MAKER'],
};

/** The contacts a play is about. Those who left the company are never chosen. */
export function chooseContacts(
  choice: ContactChoice,
  contacts: readonly ContactFacts[],
): ContactFacts[] {
  if (choice === 'none') return [];
  const present = contacts.filter((c) => !c.left);
  const primary = present.filter((c) => c.primary);
  if (choice === 'primary') return primary;
  const roles = ROLES[choice];
  const withRole = present.filter((c) => c.roles.some((r) => roles.includes(r.toUpperCase())));
  return withRole.length > 0 ? withRole : primary;
}

/** "champions and decision makers (else the primary contacts)", for `vitals plays list`. */
export function describeContacts(choice: ContactChoice): string {
  switch (choice) {
    case 'none':
      return 'no contact (internal)';
    case 'primary':
      return 'the primary contacts';
    case 'key-people':
      return 'champions, decision makers and executive sponsors (else the primary contacts)';
    case 'renewal-signers':
      return 'champions and decision makers (else the primary contacts)';
  }
}
