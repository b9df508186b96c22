import { z } from 'zod';
import { SEGMENTS } from '../scoring/model-schema.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { strictSection } from './strict-section.ts';

const weights = z.record(z.string(), z.number().int().positive()).optional();
const tierMins = z.record(z.string(), z.number().int().min(0).max(100)).optional();

const segmentOverride = strictSection({ weights, tiers: tierMins }, 'a segment override');

/** Changes to the chosen model; the result is validated again as a whole model. */
const overridesSchema = strictSection(
  {
    /** Dimension key → weight; all weights must still add up to 100. */
    weights,
    /** Tier key → the lowest score of that tier. */
    tiers: tierMins,
    /** Per segment: its own dimension weights and tier thresholds. */
    segments: z
      .partialRecord(z.enum(SEGMENTS), segmentOverride, {
        // zod reports keys outside the enum as unrecognized, which its types do not show.
        error: (i) => {
          const issue = i as z.core.$ZodRawIssue;
          return issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => unknownSegment(key)).join('\n')
            : undefined;
        },
      })
      .optional(),
  },
  'model.overrides',
);

export type ModelOverrides = z.output<typeof overridesSchema>;

export const modelSectionSchema = strictSection(
  {
    /** A shipped model: retention-os (the default), cs-engine or services. */
    preset: z.string().min(1).optional(),
    /** A model file (.yaml, .yml or .json), relative to the config file. */
    path: z.string().min(1).optional(),
    overrides: overridesSchema.optional(),
  },
  'model',
).refine((m) => m.preset === undefined || m.path === undefined, {
  message: 'Give either "preset" or "path", not both.',
});

export type ModelSection = z.output<typeof modelSectionSchema>;

function unknownSegment(key: string): string {
  const guess = closestMatch(key, SEGMENTS);
  const hint = guess ? `Did you mean "${guess}"?` : `Use ${SEGMENTS.join(', ')}.`;
  return `"{key}" is not a segment. ${hint}`;
}
