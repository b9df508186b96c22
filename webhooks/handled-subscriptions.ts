/** HubSpot's object type id for companies (the generic `object.*` events carry it). */
export const COMPANY_OBJECT_TYPE_ID = '0-2';

/**
 * The subscription types whose events can change a company's health: its own properties and
 * lifecycle, and the contacts (NPS, buying role, privacy) and associations that feed its signals.
 * Events of any other type are still stored, as 'ignored': HubSpot gets its 2xx and stops
 * retrying, and the inbox shows what a subscription sends before Vitals handles it.
 */
export const HANDLED_SUBSCRIPTION_TYPES: ReadonlySet<string> = new Set([
  'object.propertyChange',
  'company.propertyChange',
  'company.deletion',
  'company.merge',
  'company.restore',
  'company.associationChange',
  'contact.propertyChange',
  'contact.associationChange',
  'contact.privacyDeletion',
]);

/** Whether Vitals acts on the event; `object.propertyChange` only for companies. */
export function isHandledEvent(event: { subscriptionType: string; objectTypeId?: string }) {
  if (!HANDLED_SUBSCRIPTION_TYPES.has(event.subscriptionType)) return false;
  if (event.subscriptionType !== 'object.propertyChange') return true;
  return event.objectTypeId === COMPANY_OBJECT_TYPE_ID;
}
