import type { Access } from 'payload'

import { roleOf } from '../roles'

/**
 * Patient stories: staff read everything, front-end API keys read published stories, and
 * anonymous callers read nothing — the public reads stories only through the consent-filtered
 * delivery API, never through Payload's REST or GraphQL.
 */
export const publishedForApiClients: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === undefined) return false
  if (role === 'front-end') return { _status: { equals: 'published' } }
  return true
}
