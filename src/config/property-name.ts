import { z } from 'zod';

/** A HubSpot property's internal name (what the API uses), never its label. */
export const propertyName = z
  .string({ error: (i) => (i.input === undefined ? undefined : 'Give the property name as text.') })
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    'Use the property\'s internal name (letters, digits and "_", e.g. "product_usage_depth"), not its label.',
  );

/** A value a property is compared with; HubSpot sends every value as text, so 5 matches "5". */
export const propertyValue = z.union([z.string(), z.number(), z.boolean()], {
  error: 'Give a text, number or true/false value.',
});
