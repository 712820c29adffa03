import { type CollectionBeforeOperationHook, type CollectionConfig, NotFound } from 'payload'

const INTEGER_ID = /^\d{1,15}$/

/**
 * Ids are Postgres integers. A path like /api/campaigns/not-a-number would otherwise reach the
 * database as NaN and come back as a 500; it is simply a document that does not exist.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  // The REST handler has already run Number() on the path segment, so "abc" arrives here as NaN.
  const wellFormed =
    typeof id === 'number' ? Number.isSafeInteger(id) && id > 0 : INTEGER_ID.test(String(id))
  if (!wellFormed) throw new NotFound(req.t)
  return args
}

/** Adds the check to a collection, ahead of its own hooks. */
export const withIdCheck = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedId, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
