import type { Access } from 'payload'

/** Any authenticated user or API key, whatever its role. */
export const isSignedIn: Access = ({ req }) => Boolean(req.user)
