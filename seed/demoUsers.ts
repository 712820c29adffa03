import type { Payload } from 'payload'

import type { Role } from '../src/roles'
import { slugs } from '../src/slugs'

/** Shared by every demo account; printed at start-up. Never created in production. */
export const DEMO_PASSWORD = 'carecast-demo'

export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@carecast.test', name: 'Avery Admin', role: 'admin' },
  { email: 'marketer@carecast.test', name: 'Morgan Marketer', role: 'marketer' },
  { email: 'approver@carecast.test', name: 'Alex Approver', role: 'approver' },
  { email: 'consent@carecast.test', name: 'Casey Consent-Officer', role: 'consent-officer' },
  { email: 'frontend@carecast.test', name: 'Website build (API key)', role: 'front-end' },
]

/** Creates each demo account that is missing; running it again changes nothing. */
export const seedDemoUsers = async (payload: Payload): Promise<number> => {
  let created = 0
  for (const user of demoUsers) {
    const existing = await payload.count({
      collection: slugs.users,
      where: { email: { equals: user.email } },
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) continue
    await payload.create({
      collection: slugs.users,
      data: {
        ...user,
        password: DEMO_PASSWORD,
        // The front-end client authenticates by API key, as a site build would.
        ...(user.role === 'front-end'
          ? { enableAPIKey: true, apiKey: 'carecast-demo-frontend-key' }
          : {}),
      },
      overrideAccess: true,
      context: { seed: true },
    })
    created++
  }
  return created
}
