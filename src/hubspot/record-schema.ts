import { z } from 'zod';

/** A CRM object as the gateway hands it on: every property value is a string or null. */
export const recordSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
});

export type HubSpotRecord = z.infer<typeof recordSchema>;
