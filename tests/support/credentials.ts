import { DEMO_PASSWORD, demoUsers, seedDemoUsers } from '../../seed/demoUsers'
import type { RoleKey } from '../int/accessMatrix'
import { login, type RestOptions, type TestApp } from './testPayload'

export const FRONTEND_KEY = 'carecast-demo-frontend-key'

/** How each role authenticates a REST call: nothing, an API key, or a JWT from logging in. */
export const credentialsFor = async (
  app: TestApp,
): Promise<Record<RoleKey, Pick<RestOptions, 'token' | 'apiKey'>>> => {
  await seedDemoUsers(app.payload)
  const token = async (role: string) =>
    login(app, demoUsers.find((u) => u.role === role)!.email, DEMO_PASSWORD)
  return {
    anonymous: {},
    'front-end': { apiKey: FRONTEND_KEY },
    marketer: { token: await token('marketer') },
    approver: { token: await token('approver') },
    'consent-officer': { token: await token('consent-officer') },
    admin: { token: await token('admin') },
  }
}

export const userIdFor = async (app: TestApp, role: string): Promise<number | string> => {
  const email = demoUsers.find((u) => u.role === role)!.email
  const { docs } = await app.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
  })
  return docs[0].id
}
