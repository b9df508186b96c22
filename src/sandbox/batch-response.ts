import type { Response } from 'express';
import type { ObjectTypeInfo } from './object-types.ts';

export interface BatchError {
  status: 'error';
  category: string;
  subCategory?: string;
  message: string;
  context?: Record<string, string[]>;
}

/** HubSpot's batch answer: 200 (201 for creates) when all went through, 207 when some failed. */
export function sendBatch(
  res: Response,
  results: unknown[],
  startedAt: string,
  errors: BatchError[],
  okStatus = 200,
): void {
  const completedAt = new Date().toISOString();
  if (errors.length === 0) {
    res.status(okStatus).json({ status: 'COMPLETE', results, startedAt, completedAt });
    return;
  }
  res.status(207).json({
    status: 'COMPLETE',
    results,
    numErrors: errors.length,
    errors,
    startedAt,
    completedAt,
  });
}

/** The error HubSpot reports for ids a batch could not find. */
export function objectsNotFound(info: ObjectTypeInfo, ids: string[]): BatchError {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${info.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}
