import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD, demoUsers, seedDemoUsers } from '../../seed/demoUsers'
import type { Role } from '../../src/roles'
import { slugs } from '../../src/slugs'
import { login, startTestApp, type TestApp } from '../support/testPayload'

const emailOf = (role: Role) => demoUsers.find((user) => user.role === role)!.email
const FRONTEND_KEY = 'carecast-demo-frontend-key'

describe('users collection access by role', () => {
  let app: TestApp
  const tokens = {} as Record<Exclude<Role, 'front-end'>, string>

  beforeAll(async () => {
    app = await startTestApp('users')
    await seedDemoUsers(app.payload)
    for (const role of ['admin', 'marketer', 'approver', 'consent-officer'] as const) {
      tokens[role] = await login(app, emailOf(role), DEMO_PASSWORD)
    }
  })
  afterAll(async () => app?.close())

  it('seeding twice creates nobody new', async () => {
    expect(await seedDemoUsers(app.payload)).toBe(0)
    expect((await app.payload.count({ collection: slugs.users })).totalDocs).toBe(demoUsers.length)
  })

  it('anonymous callers read no users and /users/me is empty', async () => {
    expect((await app.rest('GET', '/users')).status).toBe(403)
    const me = await app.rest('GET', '/users/me')
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
  })

  it('an admin reads every user', async () => {
    const body = (await (
      await app.rest('GET', '/users?limit=50', { token: tokens.admin })
    ).json()) as { totalDocs: number }
    expect(body.totalDocs).toBe(demoUsers.length)
  })

  it.each(['marketer', 'approver', 'consent-officer'] as const)(
    'a %s reads their colleagues by name, never their API keys',
    async (role) => {
      const body = (await (
        await app.rest('GET', '/users?limit=50', { token: tokens[role] })
      ).json()) as { docs: { email: string; name: string; apiKey?: string }[] }
      // An approver must see who wrote a post ("Mina Marketer", not "Untitled - ID: 2").
      expect(body.docs.map((doc) => doc.email).sort()).toEqual(
        demoUsers.map((user) => user.email).sort(),
      )
      expect(body.docs.every((doc) => doc.name.length > 0)).toBe(true)
      expect(body.docs.some((doc) => doc.apiKey !== undefined)).toBe(false)
    },
  )

  it('a front-end API key reads only itself and cannot enter the admin panel', async () => {
    const response = await app.rest('GET', '/users?limit=50', { apiKey: FRONTEND_KEY })
    const body = (await response.json()) as { docs: { email: string; apiKey?: string }[] }
    expect(body.docs.map((doc) => doc.email)).toEqual([emailOf('front-end')])
    expect(body.docs[0].apiKey).toBeUndefined()
    // Payload drops `canAccessAdmin` from the permissions when it is false.
    const access = (await (await app.rest('GET', '/access', { apiKey: FRONTEND_KEY })).json()) as {
      canAccessAdmin?: boolean
    }
    expect(access.canAccessAdmin ?? false).toBe(false)
    const staff = (await (await app.rest('GET', '/access', { token: tokens.marketer })).json()) as {
      canAccessAdmin?: boolean
    }
    expect(staff.canAccessAdmin).toBe(true)
  })

  it('only an admin creates users', async () => {
    const data = {
      email: 'new@carecast.test',
      password: 'long-enough-password',
      name: 'New Person',
      role: 'marketer',
    }
    expect((await app.rest('POST', '/users', { body: data, token: tokens.marketer })).status).toBe(
      403,
    )
    expect(
      (await app.rest('POST', '/users', { body: data, token: tokens['consent-officer'] })).status,
    ).toBe(403)
    const created = await app.rest('POST', '/users', { body: data, token: tokens.admin })
    expect(created.status).toBe(201)
  })

  it('a marketer cannot promote themselves, and cannot edit anyone else', async () => {
    const me = (
      await app.payload.find({
        collection: slugs.users,
        where: { email: { equals: emailOf('marketer') } },
      })
    ).docs[0]
    const response = await app.rest('PATCH', `/users/${me.id}`, {
      body: { role: 'admin', name: 'Still Marketer' },
      token: tokens.marketer,
    })
    expect(response.status).toBe(200)
    const after = await app.payload.findByID({ collection: slugs.users, id: me.id })
    expect(after.role).toBe('marketer')
    expect(after.name).toBe('Still Marketer')

    const admin = (
      await app.payload.find({
        collection: slugs.users,
        where: { email: { equals: emailOf('admin') } },
      })
    ).docs[0]
    expect(
      (
        await app.rest('PATCH', `/users/${admin.id}`, {
          body: { name: 'Hijacked' },
          token: tokens.marketer,
        })
      ).status,
    ).toBe(403)
  })

  it('only an admin deletes users', async () => {
    const target = (
      await app.payload.find({
        collection: slugs.users,
        where: { email: { equals: 'new@carecast.test' } },
      })
    ).docs[0]
    expect(
      (await app.rest('DELETE', `/users/${target.id}`, { token: tokens.approver })).status,
    ).toBe(403)
    expect((await app.rest('DELETE', `/users/${target.id}`, { token: tokens.admin })).status).toBe(
      200,
    )
  })
})

describe('first user on an empty installation', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('first_user')
  })
  afterAll(async () => app?.close())

  it('becomes an admin even though anonymous callers cannot set roles', async () => {
    const response = await app.rest('POST', '/users/first-register', {
      body: {
        email: 'founder@hospital.test',
        password: 'a-long-password',
        name: 'Founder',
        role: 'marketer',
      },
    })
    expect(response.status).toBe(200)
    const { docs } = await app.payload.find({ collection: slugs.users })
    expect(docs).toHaveLength(1)
    expect(docs[0].role).toBe('admin')
  })
})
