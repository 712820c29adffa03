import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../src/access/isAdmin'
import { isAdminOrStaffSelf } from '../../src/access/isAdminOrStaffSelf'
import { isStaff } from '../../src/access/isStaff'
import { isStaffOrSelf } from '../../src/access/isStaffOrSelf'
import { roleLabels, roles } from '../../src/roles'
import { slugs } from '../../src/slugs'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

export const Users: CollectionConfig = {
  slug: slugs.users,
  admin: {
    // People are shown by name wherever they are linked (author, approver, task owner).
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    group: 'Settings',
  },
  // API keys are how front-end builds and apps authenticate: read-only by their role.
  auth: { useAPIKey: true, tokenExpiration: 60 * 60 * 8 },
  access: {
    admin: isStaff,
    read: isStaffOrSelf,
    create: isAdmin,
    update: isAdminOrStaffSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'marketer',
      options: roles.map((value) => ({ value, label: roleLabels[value] })),
      // Only an admin may grant or change a role; a marketer can't promote themselves.
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
      index: true,
    },
  ],
}
