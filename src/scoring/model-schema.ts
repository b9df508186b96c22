import { z } from 'zod';
import { checkModel } from './check-model.ts';

export const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'trial'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const TIER_COLORS = ['green', 'lime', 'yellow', 'orange', 'red'] as const;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower_snake_case: a letter, then letters, digits or "_".');
const text = z.string().min(1);
const points = z.number().int().min(0);
const positiveInt = z.number().int().positive();

/** One comparison at most; a condition with none always holds (the catch-all band). */
export const conditionSchema = z.strictObject({
  atLeast: z.number().optional(),
  above: z.number().optional(),
  atMost: z.number().optional(),
  below: z.number().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

const bandSchema = conditionSchema.extend({ points });
export type Band = z.infer<typeof bandSchema>;

const signalBase = {
  key,
  label: text,
  description: text.optional(),
  /** Share of the signal inside its dimension (default: all equal). */
  weight: positiveInt.default(1),
  /** The most points this signal's bands can give. */
  scale: positiveInt.default(10),
};

const numberSignalSchema = z.strictObject({
  ...signalBase,
  type: z.literal('number'),
  integer: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: text.optional(),
  bands: z.array(bandSchema).min(1),
  /** Words accepted in place of a number, with their points (e.g. "none" for no reply). */
  words: z.record(key, points).optional(),
});

const enumSignalSchema = z.strictObject({
  ...signalBase,
  type: z.literal('enum'),
  values: z.record(key, points),
});

export const signalSchema = z.discriminatedUnion('type', [numberSignalSchema, enumSignalSchema]);
export type SignalDef = z.infer<typeof signalSchema>;
export type NumberSignalDef = z.infer<typeof numberSignalSchema>;

const dimensionSchema = z.strictObject({
  key,
  label: text,
  weight: positiveInt,
  signals: z.array(signalSchema).min(1),
});
export type DimensionDef = z.infer<typeof dimensionSchema>;

const tierSchema = z.strictObject({
  key,
  label: text,
  min: z.number().int().min(0).max(100),
  color: z.enum(TIER_COLORS),
});
export type TierDef = z.infer<typeof tierSchema>;

const effectSchema = z.union([
  z.strictObject({ capAtTopOf: key }),
  z.strictObject({ cap: z.number().int().min(0).max(100) }),
  z.strictObject({ penalty: positiveInt.max(100) }),
]);
export type ModifierEffect = z.infer<typeof effectSchema>;

const modifierSchema = z.strictObject({
  key,
  label: text,
  description: text.optional(),
  integer: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  when: conditionSchema,
  effect: effectSchema,
});
export type ModifierDef = z.infer<typeof modifierSchema>;

const segmentOverrideSchema = z.strictObject({
  weights: z.record(key, positiveInt).optional(),
  tiers: z.record(key, z.number().int().min(0).max(100)).optional(),
});
export type SegmentOverride = z.infer<typeof segmentOverrideSchema>;

export const modelSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Use lower-kebab-case, e.g. "my-model".'),
    label: text,
    version: z.union([text, z.number()]).transform(String),
    description: text.optional(),
    dimensions: z.array(dimensionSchema).min(1),
    tiers: z.array(tierSchema).min(1),
    modifiers: z.array(modifierSchema).default([]),
    segments: z.partialRecord(z.enum(SEGMENTS), segmentOverrideSchema).default({}),
  })
  .superRefine(checkModel);

export type Model = z.output<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
