import type { Access } from 'payload'

/** Closed to every caller of the API, admins included; only server code may act (overrideAccess). */
export const nobody: Access = () => false
