import { z } from 'zod';

// Each message says what the field takes; the intake puts the path and the value before it.
// HubSpot's event shape: https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/webhooks

const wholeNumber = (takes: string) => {
  const error = `it takes ${takes}, a whole number`;
  return z.number({ error }).int({ error }).nonnegative({ error });
};

/** HubSpot sends ids as numbers; digits as text are taken too. */
const hubspotId = (what: string) => {
  const error = `it takes ${what}, a whole number like 62515`;
  return z.union([wholeNumber(what), z.string().regex(/^\d{1,20}$/, { error })], { error });
};

const text = (what: string) => z.string({ error: `it takes ${what} as text` });

const EVENT_ID = "it takes HubSpot's event id: a whole number, or text of 1 to 100 characters";
const OCCURRED_AT = 'it takes epoch milliseconds (a whole number like 1764000000000)';
const SUBSCRIPTION_TYPE = 'it takes a subscription type like "company.propertyChange"';
const OBJECT_TYPE_ID = 'it takes an object type id like "0-2"';

/**
 * One event of a webhook delivery. Fields Vitals does not read pass through untouched.
 * Association changes carry `fromObjectId`/`toObjectId` and no `objectId`.
 */
export const hubspotEventSchema = z
  .looseObject(
    {
      eventId: z.union(
        [
          z.number({ error: EVENT_ID }).int({ error: EVENT_ID }).nonnegative({ error: EVENT_ID }),
          z.string().trim().min(1, { error: EVENT_ID }).max(100, { error: EVENT_ID }),
        ],
        { error: EVENT_ID },
      ),
      subscriptionId: hubspotId('the subscription id').optional(),
      portalId: hubspotId("the portal's hub id"),
      appId: hubspotId("the app's id").optional(),
      occurredAt: z
        .number({ error: OCCURRED_AT })
        .int({ error: OCCURRED_AT })
        .min(0, { error: OCCURRED_AT })
        .max(8.64e15, { error: OCCURRED_AT }),
      subscriptionType: z
        .string({ error: SUBSCRIPTION_TYPE })
        .regex(/^[A-Za-z_]+\.[A-Za-z_]+$/, { error: SUBSCRIPTION_TYPE }),
      attemptNumber: wholeNumber('the delivery attempt (0 for the first)').optional(),
      objectId: hubspotId("the object's id").optional(),
      fromObjectId: hubspotId("the associated-from object's id").optional(),
      propertyName: text('the property name').optional(),
      propertyValue: text('the new value').nullable().optional(),
      changeSource: text('the change source').optional(),
      sourceId: text('the source id').nullable().optional(),
      objectTypeId: z
        .string({ error: OBJECT_TYPE_ID })
        .regex(/^\d+-\d+$/, { error: OBJECT_TYPE_ID })
        .optional(),
    },
    { error: 'it takes an event object like { "eventId": 1, "subscriptionType": … }' },
  )
  .superRefine((event, ctx) => {
    if (event.objectId !== undefined) return;
    const association = String(event.subscriptionType).endsWith('.associationChange');
    if (association && event.fromObjectId !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: ['objectId'],
      message: association
        ? "it takes the object's id, a whole number (or fromObjectId, for an association change)"
        : "it takes the object's id, a whole number like 62515",
    });
  });

export type HubSpotEvent = z.infer<typeof hubspotEventSchema>;

/** A delivery: HubSpot sends a JSON array of up to 100 events. */
export const hubspotEventsSchema = z.array(hubspotEventSchema, {
  error: 'it takes a JSON array of events, as HubSpot sends',
});
