import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../src/db/freePort'
import { start, stop } from './support/carecast'

const postgresProcessesFor = (dataDir: string) => {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n')
  return lines.filter((line) => line.includes('postgres') && line.includes(dataDir))
}

describe('npm start', () => {
  let dataDir: string
  let running: ReturnType<typeof start> | undefined

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'carecast-start-'))
    await fs.chmod(dataDir, 0o755)
  })
  afterAll(async () => {
    if (running) await stop(running.child)
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it(
    'serves the admin and the API on an embedded Postgres, and Ctrl-C leaves no Postgres behind',
    { timeout: 240_000 },
    async () => {
      const port = await freePort()
      running = start({ PORT: String(port), CARECAST_DATA_DIR: dataDir })
      const base = await running.ready
      expect(base).toBe(`http://localhost:${port}`)
      expect(running.output()).toContain('admin@carecast.test')

      const login = await fetch(`${base}/admin/login`)
      expect(login.status).toBe(200)
      const page = await login.text()
      expect(page).toContain('<title>Login')
      expect(page).toContain('LoginForm')
      const me = await fetch(`${base}/api/users/me`)
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ user: null })
      expect((await fetch(`${base}/api/health`)).status).toBe(200)

      // The demo content is there for anyone to read once published; consent records are not.
      const campaigns = (await (await fetch(`${base}/api/campaigns?limit=50`)).json()) as {
        docs: { _status: string }[]
      }
      expect(campaigns.docs.length).toBeGreaterThan(0)
      expect(campaigns.docs.every((doc) => doc._status === 'published')).toBe(true)
      const consent = await fetch(`${base}/api/consent-records`)
      expect(consent.status).toBe(403)
      expect(await consent.text()).not.toMatch(/AUTH-20/)
      // The GraphQL schema builds (one bad collection type breaks the whole endpoint).
      const graphql = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ Campaigns(limit: 1) { docs { slug } } }' }),
      })
      expect(
        ((await graphql.json()) as { data?: { Campaigns: { docs: unknown[] } } }).data?.Campaigns
          .docs,
      ).toHaveLength(1)

      // The in-process worker puts the demo content on the web within seconds: the delivery API and
      // the example site serve it, with no login.
      const waitForItems = async (path: string) => {
        for (let i = 0; i < 60; i++) {
          const body = (await (await fetch(`${base}${path}`)).json()) as {
            items?: { slug: string; title: string }[]
          }
          if (body.items?.length) return body.items
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
        return []
      }
      const stories = await waitForItems('/delivery/v1/stories')
      expect(stories.length).toBeGreaterThan(0)
      expect((await waitForItems('/delivery/v1/campaigns')).length).toBeGreaterThan(0)
      const storyPage = await fetch(`${base}/site/stories/${stories[0].slug}`)
      expect(storyPage.status).toBe(200)
      const html = await storyPage.text()
      expect(html).toContain('application/ld+json')
      expect(html).not.toMatch(/AUTH-20|consentRecord/)

      // Data written now must survive a restart.
      const token = (
        (await (
          await fetch(`${base}/api/users/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: 'admin@carecast.test', password: 'carecast-demo' }),
          })
        ).json()) as { token: string }
      ).token
      const created = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({
          email: 'kept@carecast.test',
          password: 'a-long-password',
          name: 'Kept',
          role: 'marketer',
        }),
      })
      expect(created.status).toBe(201)

      expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0)
      expect(await stop(running.child)).toBe(0)
      running = undefined
      expect(postgresProcessesFor(dataDir)).toEqual([])

      const again = start({ PORT: String(await freePort()), CARECAST_DATA_DIR: dataDir })
      running = again
      const base2 = await again.ready
      const login2 = await fetch(`${base2}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'kept@carecast.test', password: 'a-long-password' }),
      })
      expect(login2.status).toBe(200)
      expect(await stop(again.child)).toBe(0)
      running = undefined
      expect(postgresProcessesFor(dataDir)).toEqual([])
    },
  )

  it(
    'refuses production mode without PAYLOAD_SECRET in one sentence',
    { timeout: 60_000 },
    async () => {
      const attempt = start({
        NODE_ENV: 'production',
        PAYLOAD_SECRET: '',
        CARECAST_DATA_DIR: dataDir,
        PORT: String(await freePort()),
      })
      await expect(attempt.ready).rejects.toThrow(/exited with 1/)
      // Either no build yet, or no secret: each is one plain sentence, never a stack trace.
      expect(attempt.output()).toMatch(
        /run `npm run build` first|PAYLOAD_SECRET is required in production/,
      )
      expect(attempt.output()).not.toMatch(/\n\s+at /)
    },
  )
})
