import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../../../src/slugs'

/**
 * The first account created on an empty installation (the admin panel's "create first user"
 * screen) must be able to administer it: field access drops `role` for an anonymous creator,
 * so without this the very first user would be a marketer and nobody could grant roles.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({
    collection: slugs.users,
    req,
    overrideAccess: true,
  })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
