import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor, userIdFor } from '../support/credentials'
import {
  replies,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/networks/webhookReceiver'
import {
  channelAccount,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const HOUR = 3_600_000

type AuditEvent = {
  id: number
  action: string
  collectionSlug: string
  documentId: string
  user?: number | null
  actorEmail?: string | null
  changes?: Record<string, unknown> | null
  note?: string | null
  createdAt: string
}

/**
 * Issue 13, defect 6: approvals, rejections, pause and resume, channel-account changes (never the
 * secrets), retries, failures, takedown-report reads and consent-task completion each write an
 * append-only audit event with who, when and what changed.
 */
describe('audit events for publishing and consent work', () => {
  let app: TestApp
  let receiver: WebhookReceiver
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let ids: Record<'marketer' | 'approver' | 'officer' | 'admin', number | string>
  let campaignId: number | string
  let webhookId: number | string

  beforeAll(async () => {
    app = await startTestApp('audit_events')
    tokens = await credentialsFor(app)
    ids = {
      marketer: await userIdFor(app, 'marketer'),
      approver: await userIdFor(app, 'approver'),
      officer: await userIdFor(app, 'consent-officer'),
      admin: await userIdFor(app, 'admin'),
    }
    receiver = await startWebhookReceiver()
    campaignId = (await publishedCampaign(app, 'Heart Month')).id
    webhookId = (
      await channelAccount(app, { channel: 'webhook', url: receiver.url, secret: receiver.secret })
    ).id
  })
  afterAll(async () => {
    await receiver?.close()
    await app?.close()
  })

  const events = async (collection: string, documentId: number | string, action?: string) =>
    (
      await app.payload.find({
        collection: slugs.auditEvents,
        where: {
          and: [
            { collectionSlug: { equals: collection } },
            { documentId: { equals: String(documentId) } },
            ...(action ? [{ action: { equals: action } }] : []),
          ],
        },
        sort: 'id',
        limit: 100,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as AuditEvent[]

  const draft = async () => {
    const response = await app.rest('POST', `/${slugs.publications}`, {
      token: tokens.marketer.token!,
      body: {
        document: { relationTo: slugs.campaigns, value: campaignId },
        channelAccount: webhookId,
        dueAt: new Date(Date.now() + HOUR).toISOString(),
        timeZone: 'America/New_York',
        text: 'Free heart screenings',
      },
    })
    expect(response.status, await response.clone().text()).toBe(201)
    return ((await response.json()) as { doc: { id: number } }).doc
  }
  const act = async (id: number | string, action: string, token: string, body: unknown = {}) => {
    const response = await app.rest('POST', `/${slugs.publications}/${id}/${action}`, {
      token,
      body,
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  it('records an approval: who approved, when, and the state change', async () => {
    const before = Date.now()
    const doc = await draft()
    await act(doc.id, 'submit', tokens.marketer.token!)
    await act(doc.id, 'approve', tokens.approver.token!)
    const trail = await events(slugs.publications, doc.id)
    expect(trail.map((event) => event.action)).toEqual(['submit', 'approve'])
    const [submit, approve] = trail
    expect(submit).toMatchObject({ user: ids.marketer, actorEmail: 'marketer@carecast.test' })
    expect(approve).toMatchObject({
      user: ids.approver,
      actorEmail: 'approver@carecast.test',
      changes: { state: { before: 'awaiting-approval', after: 'scheduled' } },
    })
    expect(new Date(approve.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('records a rejection with its reason', async () => {
    const doc = await draft()
    await act(doc.id, 'submit', tokens.marketer.token!)
    await act(doc.id, 'reject', tokens.approver.token!, { reason: 'Wrong date' })
    const [reject] = await events(slugs.publications, doc.id, 'reject')
    expect(reject).toMatchObject({
      user: ids.approver,
      actorEmail: 'approver@carecast.test',
      note: 'Wrong date',
      changes: { state: { before: 'awaiting-approval', after: 'draft' } },
    })
  })

  it('records a pause and a resume of everything, with who and why', async () => {
    const pause = await app.rest('POST', '/scheduler/pause', {
      token: tokens.approver.token!,
      body: { reason: 'Crisis: hold all posts' },
    })
    expect(pause.status).toBe(200)
    const resume = await app.rest('POST', '/scheduler/resume', {
      token: tokens.approver.token!,
      body: { reason: 'Statement approved by comms' },
    })
    expect(resume.status).toBe(200)
    const trail = await events(slugs.schedulerControl, 'everything')
    expect(trail.map((event) => [event.action, event.note, event.user])).toEqual([
      ['pause', 'Crisis: hold all posts', ids.approver],
      ['resume', 'Statement approved by comms', ids.approver],
    ])
    expect(trail[0].changes).toEqual({ paused: { before: false, after: true } })
  })

  it('records a pause and a resume of one account, with who and why', async () => {
    const account = await channelAccount(app, { channel: 'web' })
    const patch = async (body: Record<string, unknown>) => {
      const response = await app.rest('PATCH', `/${slugs.channelAccounts}/${account.id}`, {
        token: tokens.approver.token!,
        body,
      })
      expect(response.status, await response.clone().text()).toBe(200)
    }
    await patch({ paused: true, pausedReason: 'Front-end migration' })
    await patch({ paused: false, pausedReason: 'Migration done' })
    const trail = (await events(slugs.channelAccounts, account.id)).filter((event) =>
      ['pause', 'resume'].includes(event.action),
    )
    expect(trail.map((event) => [event.action, event.note, event.user])).toEqual([
      ['pause', 'Front-end migration', ids.approver],
      ['resume', 'Migration done', ids.approver],
    ])
  })

  it('records which fields of a channel account changed, and never a secret', async () => {
    const secret = 'xoxp-SUPER-SECRET-token-7f3a9c'
    const account = await channelAccount(app, { channel: 'mastodon', baseUrl: 'https://m.test' })
    const response = await app.rest('PATCH', `/${slugs.channelAccounts}/${account.id}`, {
      token: tokens.admin.token!,
      body: { name: 'Hospital Mastodon', accessToken: secret },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    const [update] = await events(slugs.channelAccounts, account.id, 'update')
    expect(update).toMatchObject({ user: ids.admin, actorEmail: 'admin@carecast.test' })
    expect(update.changes).toEqual({ changedFields: ['accessToken', 'name'] })
    // The admin sends secrets back empty: that keeps the stored one, and is no change to it.
    const rename = await app.rest('PATCH', `/${slugs.channelAccounts}/${account.id}`, {
      token: tokens.admin.token!,
      body: { name: 'Hospital Mastodon (main)', accessToken: '' },
    })
    expect(rename.status, await rename.clone().text()).toBe(200)
    const updates = await events(slugs.channelAccounts, account.id, 'update')
    expect(updates.map((event) => event.changes)).toEqual([
      { changedFields: ['accessToken', 'name'] },
      { changedFields: ['name'] },
    ])

    // Neither the secret nor what it is stored as appears in any event.
    const stored = (
      await (app.payload.db as unknown as { pool: Pool }).pool.query(
        'SELECT access_token FROM channel_accounts WHERE id = $1',
        [account.id],
      )
    ).rows[0].access_token as string
    expect(stored).toBeTruthy()
    const { docs: all } = await app.payload.find({
      collection: slugs.auditEvents,
      limit: 1000,
      depth: 0,
      overrideAccess: true,
    })
    const text = JSON.stringify(all)
    expect(text).not.toContain(secret)
    expect(text).not.toContain(stored)
    expect(text).not.toContain(stored.slice(-24))
  })

  it('records a failure the worker gave up on, and who retried it', async () => {
    const now = new Date()
    const row = await scheduledPublication(app, {
      document: campaignId,
      account: webhookId,
      dueAt: new Date(now.getTime() - 1000),
    })
    await app.payload.update({
      collection: slugs.publications,
      id: row.id,
      data: { attempts: 7 } as never,
      context: { schedulerInternal: true },
    })
    receiver.program(replies.serverError())
    await testWorker(app, { now: () => now }).runOnce()
    const [fail] = await events(slugs.publications, row.id, 'fail')
    expect(fail).toMatchObject({
      user: null,
      changes: { state: { before: 'dispatching', after: 'failed' } },
    })
    expect(fail.note).toMatch(/gave up after 8 attempts/)

    await act(row.id, 'retry', tokens.marketer.token!)
    const [retry] = await events(slugs.publications, row.id, 'retry')
    expect(retry).toMatchObject({
      user: ids.marketer,
      actorEmail: 'marketer@carecast.test',
      changes: { state: { before: 'failed', after: 'scheduled' } },
    })
  })

  it('records a takedown report read, the takedown, and a consent task ticked done and undone', async () => {
    const form = await signedForm(app)
    const consent = await activeConsent(app, form.id)
    await publishedStory(app, consent.id)
    const officer = tokens['consent-officer'].token!
    const revoke = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
      token: officer,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
    })
    expect(revoke.status, await revoke.clone().text()).toBe(200)
    const [takedown] = await events(slugs.consentRecords, consent.id, 'takedown')
    expect(takedown).toMatchObject({
      user: ids.officer,
      changes: { takedown: { cancelled: 0, retracted: 0, queued: 0, tasks: 1 } },
    })

    const report = await app.rest('GET', `/${slugs.consentRecords}/${consent.id}/takedown-report`, {
      token: officer,
    })
    expect(report.status).toBe(200)
    const reads = await events(slugs.consentRecords, consent.id, 'read-report')
    expect(reads.map((event) => [event.user, event.actorEmail])).toEqual([
      [ids.officer, 'consent@carecast.test'],
    ])

    const { docs } = await app.payload.find({
      collection: slugs.consentTasks,
      where: { consentRecord: { equals: consent.id } },
      depth: 0,
    })
    const task = docs[0] as { id: number }
    expect((await events(slugs.consentTasks, task.id, 'create')).length).toBe(1)
    for (const done of [true, false]) {
      const response = await app.rest('PATCH', `/${slugs.consentTasks}/${task.id}`, {
        token: officer,
        body: { done },
      })
      expect(response.status, await response.clone().text()).toBe(200)
    }
    const trail = (await events(slugs.consentTasks, task.id)).filter((event) =>
      event.action.startsWith('task-'),
    )
    expect(trail.map((event) => [event.action, event.user, event.changes])).toEqual([
      ['task-done', ids.officer, { done: { before: false, after: true } }],
      ['task-reopen', ids.officer, { done: { before: true, after: false } }],
    ])
  })

  it('writes the event in the change’s transaction: a refused approval leaves no event', async () => {
    const doc = await draft()
    await act(doc.id, 'submit', tokens.marketer.token!)
    // The marketer may not approve: the move is refused, and nothing is recorded for it.
    const refused = await app.rest('POST', `/${slugs.publications}/${doc.id}/approve`, {
      token: tokens.marketer.token!,
    })
    expect(refused.status).toBe(400)
    expect(await events(slugs.publications, doc.id, 'approve')).toEqual([])
  })
})
