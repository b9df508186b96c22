import { z } from 'zod';
import { TIER_COLORS } from '../../extensions/app/cards/card-contract.ts';

// The store keeps each company's card snapshot (CardSnapshot, src/jobs/card-snapshot.ts) as
// opaque JSON: the card API checks its shape when it reads it, so a snapshot saved by another
// version is noticed instead of sent. A unit test checks the schema fits the type.

const priority = z.enum(['HIGH', 'MEDIUM', 'LOW']);
const actionBase = {
  ruleId: z.string(),
  episode: z.string(),
  key: z.string(),
  companyId: z.string(),
};

const taskAction = z.object({
  ...actionBase,
  kind: z.literal('task'),
  track: z.enum(['save', 'renewal', 'expansion', 'lifecycle']),
  ownerId: z.string().nullable(),
  route: z.enum(['owner', 'fallback', 'manager', 'account-executive']),
  priority,
  type: z.enum(['CALL', 'EMAIL', 'TODO']),
  subject: z.string(),
  body: z.string(),
  dueAt: z.string(),
  contactIds: z.array(z.string()),
});

const enrollAction = z.object({
  ...actionBase,
  kind: z.literal('enroll'),
  sequence: z.enum(['renewal', 'winBack', 'paymentRecovery']),
  sequenceId: z.string().nullable(),
  contactId: z.string(),
  skip: z.string().nullable(),
});

export const snapshotSchema = z.object({
  companyId: z.string(),
  name: z.string().nullable(),
  state: z.enum(['scored', 'no-data']),
  score: z.number().nullable(),
  tier: z.object({ key: z.string(), label: z.string(), color: z.enum(TIER_COLORS) }),
  change7d: z.number().nullable(),
  coverage: z.number(),
  missing: z.array(z.string()),
  dimensions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      score: z.number().nullable(),
      weight: z.number(),
    }),
  ),
  drivers: z.array(z.object({ label: z.string(), value: z.string(), impact: z.number() })),
  levers: z.array(z.object({ label: z.string(), target: z.string(), gain: z.number() })),
  plays: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      why: z.string(),
      priority,
      dueAt: z.string().nullable(),
      actions: z.array(z.discriminatedUnion('kind', [taskAction, enrollAction])),
    }),
  ),
  scoredAt: z.string(),
  model: z.string(),
});

export type StoredSnapshot = z.infer<typeof snapshotSchema>;
