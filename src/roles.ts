/**
 * Staff roles. A user has exactly one; `front-end` is for API clients (site builds,
 * apps) that authenticate with a Payload API key and only ever read.
 */
export const roles = ['admin', 'marketer', 'approver', 'consent-officer', 'front-end'] as const

export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  marketer: 'Marketer',
  approver: 'Approver',
  'consent-officer': 'Consent officer',
  'front-end': 'Front-end API client',
}

/** Narrowing helper used by every access rule: the user on a request, if it is one of ours. */
export const roleOf = (user: unknown): Role | undefined => {
  if (!user || typeof user !== 'object') return undefined
  const role = (user as { role?: unknown }).role
  return typeof role === 'string' && (roles as readonly string[]).includes(role)
    ? (role as Role)
    : undefined
}
