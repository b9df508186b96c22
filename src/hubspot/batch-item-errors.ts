import { z } from 'zod';

/** One input of a batch that HubSpot did not apply. */
export interface BatchItemError {
  id: string;
  category: string;
  message: string;
  /** The HTTP status when the whole batch was refused. */
  status?: number | undefined;
}

/** The entries of a 207 answer's `errors` (HubSpot's StandardError). */
export const standardErrorSchema = z.object({
  category: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  context: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
type StandardError = z.infer<typeof standardErrorSchema>;

/**
 * Pairs each input HubSpot did not return with the error that names it. HubSpot puts the ids an
 * error is about in its `context` (e.g. `{ ids: ["123"] }`); an input no error names gets the
 * batch's only error, or a note that HubSpot said nothing about it.
 */
export function batchItemErrors(
  inputIds: readonly string[],
  succeeded: ReadonlySet<string>,
  errors: readonly StandardError[],
): BatchItemError[] {
  return inputIds
    .filter((id) => !succeeded.has(id))
    .map((id) => {
      const error =
        errors.find((e) => namesId(e, id)) ?? (errors.length === 1 ? errors[0] : undefined);
      return {
        id,
        category: error?.category ?? 'MISSING_RESULT',
        message: error?.message ?? 'HubSpot returned neither a result nor an error for this id.',
      };
    });
}

/** Whether the error names this input id in its `context` (ids, fromObjectId, …). */
export function namesId(error: StandardError, id: string): boolean {
  return Object.values(error.context ?? {}).some(
    (value) => value === id || (Array.isArray(value) && value.includes(id)),
  );
}
