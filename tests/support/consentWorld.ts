import type { Pool } from 'pg'
import { expect } from 'vitest'

import { slugs } from '../../src/slugs'
import { signedForm } from './consentFixtures'
import { credentialsFor } from './credentials'
import { pngBytes } from './fixtures'
import { startWebhookReceiver } from './networks/webhookReceiver'
import { channelAccount, makeUser, TEST_SECRETS_KEY } from './schedulerFixtures'
import { login, startTestApp } from './testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const DAY = 86_400_000

/**
 * What the consent-enforcement files share: Carecast on its own database, staff logins, a second
 * marketer who drafts, a signed form, a webhook receiver, an account on every channel the gate
 * treats differently, and the helpers that send a draft for approval and look at the projection.
 */
export const startConsentWorld = async (label: string) => {
  const app = await startTestApp(label)
  const pool = (app.payload.db as unknown as { pool: Pool }).pool
  const tokens = await credentialsFor(app)
  await makeUser(app, 'marketer', 'author@carecast.test')
  const author = await login(app, 'author@carecast.test', 'a-long-password')
  const formId = (await signedForm(app)).id
  const receiver = await startWebhookReceiver()
  const scan = await pngBytes()
  const imageId = (
    await app.payload.create({
      collection: slugs.media,
      data: { alt: 'The cardiac ward' } as never,
      file: { data: scan, mimetype: 'image/png', name: 'ward.png', size: scan.length },
      overrideAccess: true,
    })
  ).id
  const accounts = {
    web: (await channelAccount(app, { channel: 'web' })).id,
    webhook: (
      await channelAccount(app, {
        channel: 'webhook',
        url: receiver.url,
        secret: receiver.secret,
      })
    ).id,
    x: (await channelAccount(app, { channel: 'x', accessToken: 'x-token' })).id,
    instagram: (
      await channelAccount(app, {
        channel: 'instagram',
        accessToken: 'ig-token',
        externalId: '1784',
      })
    ).id,
    youtube: (await channelAccount(app, { channel: 'youtube', accessToken: 'yt-token' })).id,
  }
  /** Drafted by one marketer and sent for approval; returns the approver's answer. */
  const approve = async (
    document: { relationTo: string; value: number | string },
    account: number | string,
    extra: Record<string, unknown> = {},
  ) => {
    const created = await app.rest('POST', `/${slugs.publications}`, {
      token: author,
      body: {
        document,
        channelAccount: account,
        dueAt: new Date(Date.now() + DAY).toISOString(),
        timeZone: 'America/New_York',
        text: 'Maria walks again',
        ...extra,
      },
    })
    const { doc } = (await created.json()) as { doc: { id: number } }
    expect(created.status).toBe(201)
    await app.rest('POST', `/${slugs.publications}/${doc.id}/submit`, { token: author })
    return {
      id: doc.id,
      response: await app.rest('POST', `/${slugs.publications}/${doc.id}/approve`, {
        token: tokens.approver.token!,
      }),
    }
  }
  const story = (id: number | string) => ({ relationTo: slugs.patientStories, value: id })
  const projection = async (key: string) =>
    (await pool.query('SELECT 1 FROM delivery_items WHERE key = $1', [key])).rowCount
  return {
    app,
    pool,
    tokens,
    author,
    formId,
    receiver,
    imageId,
    accounts,
    approve,
    story,
    projection,
    close: async () => {
      await receiver.close()
      await app.close()
    },
  }
}

export type ConsentWorld = Awaited<ReturnType<typeof startConsentWorld>>
