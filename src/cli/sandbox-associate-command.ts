import type { Env } from '../config/read-env.ts';
import { COMPANY_TO_CONTACT, companyContactLinks } from '../sandbox/company-contact-links.ts';
import { editingUser } from '../sandbox/editing-user.ts';
import { objectTypeInfo } from '../sandbox/object-types.ts';
import type { PortalDatabase } from '../sandbox/portal-database.ts';
import { liveWebhookLease } from '../sandbox/webhook-lease.ts';
import { CliError, EXIT } from './cli-error.ts';
import { describeDelivery } from './describe-delivery.ts';
import type { Io } from './process-io.ts';
import { openSandboxPortal } from './sandbox-portal.ts';
import { sandboxRecord } from './sandbox-record.ts';

export type LinkAction = 'associate' | 'dissociate';

/** The company and the contact, given in either order. */
function companyAndContact(db: PortalDatabase, action: LinkAction, ids: [string, string]) {
  const records = ids.map((id) => sandboxRecord(db, id));
  const company = records.find((record) => record.type === 'companies');
  const contact = records.find((record) => record.type === 'contacts');
  if (!company || !contact) {
    const kinds = records.map(
      (record, index) => `${ids[index]} is a ${objectTypeInfo(record.type).singular}`,
    );
    throw new CliError(
      `Give one company and one contact (${kinds.join(', ')}): e.g. vitals sandbox ${action} 31000000001 52000000003.`,
    );
  }
  return { companyId: company.id, contactId: contact.id };
}

function describeLink(action: LinkAction, contactId: number, companyId: number, types: number[]) {
  const pair = `Contact ${contactId} and company ${companyId}`;
  if (types.length === 0) {
    return `${pair} ${action === 'associate' ? 'were already' : 'were not'} associated.\n`;
  }
  if (action === 'dissociate') {
    return `${pair} are no longer associated, as if a user had removed the association in HubSpot.\n`;
  }
  const primary = types.includes(COMPANY_TO_CONTACT.primary)
    ? ' (as its primary company, since it had none)'
    : '';
  return `${pair} are now associated${primary}, as if a user had added the association in HubSpot.\n`;
}

/**
 * `vitals sandbox associate|dissociate COMPANY_ID CONTACT_ID`: plays a CSM linking a contact to a
 * company, or unlinking it, on the record page. The change goes into the sandbox portal's file;
 * the sandbox holding the webhook lease sends the associationChange events.
 */
export function sandboxAssociateCommand(
  action: LinkAction,
  ids: [string, string],
  io: Io,
  env: Env = process.env,
): number {
  const { db, note } = openSandboxPortal(env);
  try {
    const { companyId, contactId } = companyAndContact(db, action, ids);
    const links = companyContactLinks(db);
    const now = new Date();
    // HubSpot's association events name a person's change USER (its property events say CRM_UI).
    const source = { at: now.toISOString(), sourceType: 'USER', sourceId: editingUser(db) };
    const types =
      action === 'associate'
        ? links.link(companyId, contactId, source)
        : links.unlink(companyId, contactId, source);
    io.out(describeLink(action, contactId, companyId, types));
    io.out(describeDelivery(liveWebhookLease(db, now.getTime()), types.length > 0));
    io.out(note);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
