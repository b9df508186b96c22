import type { Response } from 'express';
import { notFoundError, SandboxHttpError, validationError } from './sandbox-http-error.ts';
import type { SequenceErrorForms } from './sequence-error-forms.ts';

/** The refusal of a contact that is in a sequence already, in this portal's form. */
export function alreadyEnrolledError(
  form: SequenceErrorForms['alreadyEnrolled'],
  contactId: number,
  sequenceId: number,
): SandboxHttpError {
  if (form === 'conflict') {
    // Says nothing about enrollment in words: only the status tells.
    return new SandboxHttpError(409, 'CONFLICT', `Contact ${contactId} has an active enrollment.`);
  }
  if (form === 'detail') {
    return validationError('The enrollment request is not valid.', {
      errors: [
        { message: 'The contact is currently enrolled in another sequence.', in: 'contactId' },
      ],
    });
  }
  return validationError(`Contact ${contactId} is already enrolled in sequence ${sequenceId}.`);
}

/** The refusal of a sequence that belongs to another user than the one enrolling. */
export function foreignSequenceError(
  form: SequenceErrorForms['foreignSequence'],
  sequenceId: number,
  userId: number,
): SandboxHttpError {
  if (form === 'forbidden') {
    const message = `User ${userId} does not have access to sequence ${sequenceId}.`;
    return new SandboxHttpError(403, 'FORBIDDEN', message);
  }
  // As if the sequence did not exist: another user's sequences are not this user's to see.
  if (form === 'not-found') return notFoundError(`Sequence ${sequenceId} does not exist.`);
  return validationError(`Sequence ${sequenceId} does not belong to user ${userId}.`);
}

/** Answers the enrollment read of a contact that is in no sequence, in this portal's form. */
export function answerNoEnrollment(
  res: Response,
  form: SequenceErrorForms['noEnrollment'],
  contactId: string,
): void {
  if (form === 'no-content') return void res.status(204).end();
  if (form === 'empty-object') return void res.json({});
  throw notFoundError(`Contact ${contactId} is not enrolled in a sequence.`);
}
