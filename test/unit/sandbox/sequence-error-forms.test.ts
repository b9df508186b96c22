import { describe, expect, it } from 'vitest';
import { outOfOrder } from '../../../src/sandbox/out-of-order.ts';
import { seededRandom } from '../../../src/sandbox/seeded-random.ts';
import {
  ALREADY_ENROLLED_FORMS,
  FOREIGN_SEQUENCE_FORMS,
  NO_ENROLLMENT_FORMS,
  sequenceErrorForms,
} from '../../../src/sandbox/sequence-error-forms.ts';

describe('sequenceErrorForms', () => {
  it('picks one form of each refusal per portal seed, the same every time', () => {
    expect(sequenceErrorForms(42)).toEqual(sequenceErrorForms(42));
  });

  it('meets every form across seeds, so tests over several portals cover them all', () => {
    const drawn = Array.from({ length: 40 }, (_, seed) => sequenceErrorForms(seed));
    expect(new Set(drawn.map((f) => f.alreadyEnrolled))).toEqual(new Set(ALREADY_ENROLLED_FORMS));
    expect(new Set(drawn.map((f) => f.noEnrollment))).toEqual(new Set(NO_ENROLLMENT_FORMS));
    expect(new Set(drawn.map((f) => f.foreignSequence))).toEqual(new Set(FOREIGN_SEQUENCE_FORMS));
  });

  it('lets a test name the forms it wants, the rest still drawn', () => {
    const forms = sequenceErrorForms(42, { noEnrollment: 'no-content' });
    expect(forms).toEqual({ ...sequenceErrorForms(42), noEnrollment: 'no-content' });
  });
});

describe('outOfOrder', () => {
  it('never returns two items or more in the order given, and loses none', () => {
    const random = seededRandom(1);
    for (let length = 0; length < 8; length += 1) {
      const items = Array.from({ length }, (_, i) => i);
      for (let round = 0; round < 50; round += 1) {
        const shuffled = outOfOrder(items, random);
        expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
        if (length > 1) expect(shuffled).not.toEqual(items);
      }
    }
  });
});
