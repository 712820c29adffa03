import { randomBytes } from 'node:crypto'

import { DispatchWorker } from '../../plugins/scheduler'
import { schedulerConfigOf } from '../../plugins/scheduler'
import type { WorkerOptions } from '../../plugins/scheduler/dispatch/worker'
import { demoUsers } from '../../seed/demoUsers'
import { slugs } from '../../src/slugs'
import type { TestApp } from './testPayload'

/** A key for channel secrets, set before the config is loaded (tests own their environment). */
export const TEST_SECRETS_KEY = randomBytes(32).toString('hex')

export const userByRole = async (app: TestApp, role: string) => {
  const email = demoUsers.find((user) => user.role === role)!.email
  const { docs } = await app.payload.find({
    collection: slugs.users,
    where: { email: { equals: email } },
    limit: 1,
  })
  return docs[0]
}

/** A second approver, so "an author can't approve their own" has someone else who can. */
export const makeUser = async (app: TestApp, role: string, email: string) =>
  app.payload.create({
    collection: slugs.users,
    data: { email, password: 'a-long-password', name: email, role } as never,
  })

export const publishedCampaign = async (
  app: TestApp,
  title = `Campaign ${randomBytes(3).toString('hex')}`,
) =>
  app.payload.create({
    collection: slugs.campaigns,
    data: {
      title,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timeZone: 'America/New_York',
      utm: { campaign: 'heart-month-2026' },
      _status: 'published',
    } as never,
  })

export const channelAccount = async (app: TestApp, data: Record<string, unknown>) =>
  app.payload.create({
    collection: slugs.channelAccounts,
    data: { name: `Account ${randomBytes(3).toString('hex')}`, ...data } as never,
  })

type PublicationInput = {
  document: number | string
  account: number | string
  dueAt: Date
  text?: string
  collection?: string
  [key: string]: unknown
}

/** A publication already approved (as the plugin's own code would stamp it), ready to be claimed. */
export const scheduledPublication = async (
  app: TestApp,
  {
    document,
    account,
    dueAt,
    text = 'Heart health screenings this week',
    collection = slugs.campaigns,
    ...rest
  }: PublicationInput,
) =>
  app.payload
    .create({
      collection: slugs.publications,
      data: {
        document: { relationTo: collection, value: document },
        channelAccount: account,
        dueAt: dueAt.toISOString(),
        timeZone: 'America/New_York',
        text,
        state: 'draft',
        ...rest,
      } as never,
    })
    .then((draft) =>
      app.payload.update({
        collection: slugs.publications,
        id: draft.id,
        data: { state: 'scheduled' } as never,
        context: { schedulerInternal: true },
      }),
    )

export const testWorker = (app: TestApp, options: WorkerOptions = {}) =>
  new DispatchWorker(app.payload, schedulerConfigOf(app.payload), { random: () => 0.5, ...options })

export const publication = async (app: TestApp, id: number | string) =>
  (await app.payload.findByID({
    collection: slugs.publications,
    id,
    depth: 0,
  })) as unknown as Record<string, unknown> & { state: string; attemptLog?: unknown[] }
