import type { ContactFacts } from '../plays/play-types.ts';
import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { capitalize, contactName, listWords } from './brief-words.ts';

/** HubSpot's buying roles a QBR cares most about, in the order a CSM asks after them. */
const KEY_ROLES = ['CHAMPION', 'EXECUTIVE_SPONSOR', 'DECISION_MAKER', 'BUDGET_HOLDER'];

/** "EXECUTIVE_SPONSOR" → "executive sponsor". */
export function roleWords(role: string): string {
  return role.toLowerCase().replaceAll('_', ' ');
}

export function hasRole(contact: ContactFacts, role: string): boolean {
  return contact.roles.some((r) => r.toUpperCase() === role);
}

/** Who is who on their side, who left, and the gaps in the relationship. */
export function stakeholdersSection(input: BriefInput): BriefSection {
  const { account, ownerName } = input;
  const lines: string[] = [];
  const missing: string[] = [];
  if (ownerName) lines.push(`Account owner: ${ownerName}.`);
  else if (account.ownerId) lines.push(`Account owner: HubSpot owner ${account.ownerId}.`);
  else missing.push('No owner on the company: assign one in HubSpot so tasks reach someone.');

  if (account.contacts.length === 0) {
    missing.push(
      'No contacts on the company in HubSpot: associate the people you work with and set their buying roles.',
    );
    return { key: 'stakeholders', heading: 'Stakeholders', lines, missing };
  }
  const here = account.contacts.filter((c) => !c.left);
  const roles = [
    ...KEY_ROLES,
    ...[...new Set(here.flatMap((c) => c.roles.map((r) => r.toUpperCase())))]
      .filter((r) => !KEY_ROLES.includes(r))
      .sort(),
  ];
  for (const role of roles) {
    const people = here.filter((c) => hasRole(c, role)).map(contactName);
    if (people.length > 0) lines.push(`${capitalize(roleWords(role))}: ${listWords(people)}.`);
  }
  const primary = here.filter((c) => c.primary).map(contactName);
  if (primary.length > 0) lines.push(`Primary contact: ${listWords(primary)}.`);
  const unroled = here.filter((c) => c.roles.length === 0 && !c.primary).length;
  if (unroled > 0)
    lines.push(
      `${unroled} other ${unroled === 1 ? 'contact' : 'contacts'} with no buying role set.`,
    );
  const left = account.contacts.filter((c) => c.left);
  if (left.length > 0) lines.push(`Left the company: ${listWords(left.map(leftWords))}.`);

  if (!here.some((c) => hasRole(c, 'CHAMPION')))
    missing.push(
      'No champion on record: find the person who drives the product on their side and set their buying role to Champion.',
    );
  if (!here.some((c) => hasRole(c, 'EXECUTIVE_SPONSOR')))
    missing.push(
      "No executive sponsor on record: ask your champion who signs off on this, and set that person's buying role to Executive sponsor.",
    );
  return { key: 'stakeholders', heading: 'Stakeholders', lines, missing };
}

function leftWords(contact: ContactFacts): string {
  const roles = contact.roles.map(roleWords);
  return roles.length > 0 ? `${contactName(contact)} (${listWords(roles)})` : contactName(contact);
}
