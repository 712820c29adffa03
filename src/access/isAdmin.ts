import type { Access, FieldAccess } from 'payload'

import { roleOf } from '../roles'

/** True only for the admin role. */
export const isAdmin: Access = ({ req }) => roleOf(req.user) === 'admin'

/** Field-level twin of {@link isAdmin}: field access must return a boolean, never a query. */
export const isAdminField: FieldAccess = ({ req }) => roleOf(req.user) === 'admin'
