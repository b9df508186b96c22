import { seededRandom } from './seeded-random.ts';

// HubSpot's sequences reference documents only the successful answers
// (https://developers.hubspot.com/docs/api-reference/latest/automation/sequences/guide): how it
// refuses a repeat enrollment or another user's sequence, and how it says a contact has no
// enrollment, is not written down. Each is a plausible form, and each portal seed picks one of
// each, so tests over several seeds meet them all.
export const ALREADY_ENROLLED_FORMS = ['bad-request', 'conflict', 'detail'] as const;
export const NO_ENROLLMENT_FORMS = ['not-found', 'no-content', 'empty-object'] as const;
export const FOREIGN_SEQUENCE_FORMS = ['bad-request', 'forbidden', 'not-found'] as const;

export interface SequenceErrorForms {
  /** Enrolling a contact that is in a sequence already. */
  alreadyEnrolled: (typeof ALREADY_ENROLLED_FORMS)[number];
  /** Reading the enrollment of a contact that has none. */
  noEnrollment: (typeof NO_ENROLLMENT_FORMS)[number];
  /** Enrolling through a sequence that belongs to another user. */
  foreignSequence: (typeof FOREIGN_SEQUENCE_FORMS)[number];
}

// Keeps these draws apart from the other uses of the portal's seed.
const SALT = 0x5e9e11ce;

/** The forms this portal answers with: drawn from its seed unless `chosen` names them. */
export function sequenceErrorForms(
  seed: number,
  chosen: Partial<SequenceErrorForms> = {},
): SequenceErrorForms {
  const random = seededRandom((seed ^ SALT) >>> 0);
  const drawn: SequenceErrorForms = {
    alreadyEnrolled: random.pick(ALREADY_ENROLLED_FORMS),
    noEnrollment: random.pick(NO_ENROLLMENT_FORMS),
    foreignSequence: random.pick(FOREIGN_SEQUENCE_FORMS),
  };
  return { ...drawn, ...chosen };
}
