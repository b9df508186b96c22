import type { BatchError } from './batch-response.ts';
import type { ObjectTypeInfo } from './object-types.ts';

interface Pair {
  from: ObjectTypeInfo;
  to: ObjectTypeInfo;
}

const context = ({ from, to }: Pair, id: string) => ({
  fromObjectId: [id],
  fromObjectType: [from.singular],
  toObjectType: [to.singular],
});

/**
 * HubSpot's answer for an id with no associations, which it also gives for an id that does not
 * exist: it never says "no such record" here.
 */
export function noAssociationsFound(pair: Pair, id: string): BatchError {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    message: `No ${pair.to.singular} is associated with ${pair.from.singular} ${id}.`,
    context: context(pair, id),
  };
}

/** An input that could not be read (the failingAssociationReads fault): not "none found". */
export function associationReadFailed(pair: Pair, id: string): BatchError {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not read the ${pair.to.singular} associations of ${pair.from.singular} ${id}; it may be deleted or not exist.`,
    context: context(pair, id),
  };
}

/** An `after` that no page of this endpoint gave. */
export function unknownCursor(pair: Pair, id: string, after: string): BatchError {
  return {
    status: 'error',
    category: 'VALIDATION_ERROR',
    message: `"${after}" is not a paging cursor of ${pair.from.singular} ${id}'s associations.`,
    context: context(pair, id),
  };
}
