export type StoreErrorCode =
  | 'invalid-input'
  | 'unusable'
  | 'schema-too-new'
  | 'run-not-found'
  | 'run-not-running'
  | 'run-completed'
  | 'action-not-found'
  | 'action-not-pending'
  | 'lease-lost';

/** A store call that cannot succeed as asked; the message says what to do instead. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** Codes of a store the user must fix before anything can run: the message names the fix. */
export const USER_FIXABLE_STORE_CODES: ReadonlySet<StoreErrorCode> = new Set([
  'unusable',
  'schema-too-new',
]);

/** A fenced write refused: the lease it depends on is now someone else's (or gone). */
export function leaseLostError(name: string): StoreError {
  return new StoreError(
    'lease-lost',
    `This process no longer holds the "${name}" lock: another Vitals process took the work over ` +
      'while this one was stalled. This one stops without writing; the other carries on from ' +
      'the last saved page.',
  );
}
