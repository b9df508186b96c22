import type { AnySchema } from '@hubspot/project-parsing-lib/schema';

/**
 * JSON Schemas for the `config` block of the component types this project uses, keyed by the
 * parsing library's internal type names. HubSpot serves its own schemas only to a logged-in
 * account (`hs project validate`, upload), so the offline check validates against these,
 * written from HubSpot's documented 2025.2 shapes. They are deliberately
 * closed (no unknown keys): a typo fails here instead of being ignored. A component type with no
 * schema here fails as "Unsupported type": add its schema when the project adds the component.
 */

/** An https URL that is not the local machine (HubSpot refuses localhost in permittedUrls). */
const publicHttpsUrl = {
  type: 'string',
  pattern: '^https://(?!localhost(?![\\w.-])|127\\.|\\[::1\\])[^\\s/]+',
};

const urlList = { type: 'array', items: publicHttpsUrl, uniqueItems: true };

const scopeList = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
  uniqueItems: true,
};

const application = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'distribution', 'auth'],
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    logo: { type: 'string' },
    distribution: { enum: ['private', 'marketplace'] },
    auth: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'requiredScopes'],
      properties: {
        type: { enum: ['static', 'oauth'] },
        redirectUrls: { type: 'array', items: { type: 'string', format: 'uri' } },
        requiredScopes: { ...scopeList, minItems: 1 },
        optionalScopes: scopeList,
        conditionallyRequiredScopes: scopeList,
      },
    },
    permittedUrls: {
      type: 'object',
      additionalProperties: false,
      properties: { fetch: urlList, iframe: urlList, img: urlList },
    },
    support: {
      type: 'object',
      additionalProperties: false,
      properties: {
        supportEmail: { type: 'string', format: 'email' },
        documentationUrl: { type: 'string', format: 'uri' },
        supportUrl: { type: 'string', format: 'uri' },
        supportPhone: { type: 'string' },
      },
    },
  },
  // Marketplace distribution needs OAuth; static tokens are for one account at a time.
  if: { properties: { distribution: { const: 'marketplace' } }, required: ['distribution'] },
  then: { properties: { auth: { properties: { type: { const: 'oauth' } } } } },
};

/** Where a card can render. Only the crm.* locations take objectTypes. */
export const CARD_LOCATIONS = [
  'crm.record.tab',
  'crm.record.sidebar',
  'crm.preview',
  'helpdesk.sidebar',
] as const;

/**
 * The object types this check accepts on a CRM card: the standard objects plus custom objects
 * (p_name or 2-id). HubSpot's list per location may be longer; extend it when a card needs more.
 */
export const CARD_OBJECT_TYPE_PATTERN =
  '^(contacts|companies|deals|tickets|p_[a-z0-9_]+|2-[0-9]+)$';

const card = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'location', 'entrypoint'],
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    previewImage: { type: 'string' },
    location: { enum: CARD_LOCATIONS },
    entrypoint: { type: 'string', pattern: '^/app/cards/[^\\s]+\\.(jsx|tsx)$' },
    objectTypes: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: CARD_OBJECT_TYPE_PATTERN },
    },
  },
  if: { properties: { location: { pattern: '^crm\\.' } }, required: ['location'] },
  then: { required: ['objectTypes'] },
  else: { not: { required: ['objectTypes'] } },
};

/**
 * App pages (type "pages", internal PAGE): one component whose React file routes every page of
 * the app, the home page first (HubSpot's app pages reference for 2025.2).
 */
const pages = {
  type: 'object',
  additionalProperties: false,
  required: ['entrypoint'],
  properties: {
    entrypoint: { type: 'string', pattern: '^/app/pages/[^\\s]+\\.(jsx|tsx)$' },
  },
};

const changeTypes = [
  'creation',
  'deletion',
  'propertyChange',
  'merge',
  'restore',
  'associationChange',
];

/** propertyChange subscriptions name the property they watch; no other type takes one. */
const propertyChangeNeedsName = {
  if: {
    properties: { subscriptionType: { pattern: 'propertyChange$' } },
    required: ['subscriptionType'],
  },
  then: { required: ['propertyName'] },
  else: { not: { required: ['propertyName'] } },
};

/** The classic object types of `legacyCrmObjects` (HubSpot's webhooks v3 eventType list). */
const LEGACY_OBJECTS = ['company', 'contact', 'deal', 'ticket', 'product', 'line_item'];

/**
 * Types with no generic `object.*` form: they go in `hubEvents` (HubSpot's 2025.2 webhooks
 * reference puts contact.privacyDeletion there).
 */
const HUB_EVENTS = [
  'contact.privacyDeletion',
  'conversation.creation',
  'conversation.deletion',
  'conversation.newMessage',
  'conversation.privacyDeletion',
  'conversation.propertyChange',
];

const webhooks = {
  type: 'object',
  additionalProperties: false,
  required: ['settings', 'subscriptions'],
  properties: {
    settings: {
      type: 'object',
      additionalProperties: false,
      required: ['targetUrl', 'maxConcurrentRequests'],
      properties: {
        targetUrl: publicHttpsUrl,
        maxConcurrentRequests: { type: 'integer', minimum: 1 },
      },
    },
    subscriptions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        crmObjects: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['subscriptionType', 'objectType', 'active'],
            properties: {
              subscriptionType: { enum: changeTypes.map((change) => `object.${change}`) },
              objectType: { type: 'string', minLength: 1 },
              propertyName: { type: 'string', minLength: 1 },
              active: { type: 'boolean' },
            },
            ...propertyChangeNeedsName,
          },
        },
        legacyCrmObjects: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['subscriptionType', 'active'],
            properties: {
              subscriptionType: {
                type: 'string',
                // contact.privacyDeletion: HubSpot's reference has it in hubEvents, some
                // projects deploy it here; both are accepted.
                pattern: `^((${LEGACY_OBJECTS.join('|')})\\.(${changeTypes.join('|')})|contact\\.privacyDeletion)$`,
              },
              propertyName: { type: 'string', minLength: 1 },
              active: { type: 'boolean' },
            },
            ...propertyChangeNeedsName,
          },
        },
        hubEvents: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['subscriptionType', 'active'],
            properties: {
              subscriptionType: { enum: HUB_EVENTS },
              propertyName: { type: 'string', minLength: 1 },
              active: { type: 'boolean' },
            },
            ...propertyChangeNeedsName,
          },
        },
      },
    },
  },
};

export const COMPONENT_SCHEMAS: Record<string, AnySchema> = {
  APPLICATION: application,
  CARD: card,
  PAGE: pages,
  WEBHOOKS: webhooks,
};
