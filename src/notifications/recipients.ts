import type { Payload } from 'payload'

import type { Role } from '../roles'
import { slugs } from '../slugs'

type Id = number | string

/** The ids of every user with one of these roles (committed users: no transaction needed). */
export const usersWithRole = async (payload: Payload, roles: Role[]): Promise<Id[]> => {
  const { docs } = await payload.find({
    collection: slugs.users,
    where: { role: { in: roles } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { id: true } as never,
  })
  return (docs as { id: Id }[]).map((doc) => doc.id)
}

/** `ids` without any of `excluded` (compared as strings: ids arrive as numbers or strings). */
export const except = (ids: (Id | null | undefined)[], ...excluded: (Id | null | undefined)[]) => {
  const out = new Set(excluded.filter((id) => id != null).map(String))
  return ids.filter((id): id is Id => id != null && !out.has(String(id)))
}
