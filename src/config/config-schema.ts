import { z } from 'zod';
import { DEFAULT_SEGMENTS } from './default-mapping.ts';
import { modelSectionSchema } from './model-section-schema.ts';
import { playsSectionSchema } from './plays-section-schema.ts';
import { propertyName } from './property-name.ts';
import { DEFAULT_CRON, scheduleSchema } from './schedule-schema.ts';
import { segmentsSchema } from './segment-rules-schema.ts';
import { signalSourceSchema } from './signal-source-schema.ts';
import { strictSection } from './strict-section.ts';

/** HubSpot's private-app limits per 10 s: Free/Starter 100, Pro/Enterprise 190, API add-on 250. */
export const RATE_TIERS = [100, 190, 250] as const;

const rateLimitSchema = strictSection(
  {
    per10s: z
      .literal(RATE_TIERS, {
        error: (i) =>
          i.input === undefined
            ? undefined
            : `Got ${JSON.stringify(i.input)}; use 100 (Free and Starter portals), 190 (Professional and Enterprise) or 250 (with the API limit increase).`,
      })
      .default(100),
    /** Stop a run before the app has used this many calls today. */
    dailyLimit: z.number().int().min(1).optional(),
  },
  'rateLimit',
);

/** The contents of vitals.config.json / .yaml / .yml. Every section may be left out. */
export const configSchema = strictSection(
  {
    model: modelSectionSchema.optional(),
    segments: segmentsSchema.prefault(DEFAULT_SEGMENTS),
    /** Signal or modifier key → its source. Left out: the built-in mapping of the demo portal. */
    signals: z.record(z.string(), signalSourceSchema).optional(),
    /** The company property that holds monthly recurring revenue; null when there is none. */
    mrrProperty: propertyName.nullable().default('mrr'),
    schedule: scheduleSchema.prefault({ cron: DEFAULT_CRON }),
    rateLimit: rateLimitSchema.prefault({}),
    /** Compute and report, but write nothing to HubSpot. */
    dryRun: z.boolean().default(false),
    plays: playsSectionSchema.prefault({}),
  },
  'the config',
);

export type ConfigFile = z.output<typeof configSchema>;
