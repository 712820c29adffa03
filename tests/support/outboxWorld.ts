import { slugs } from '../../src/slugs'
import { credentialsFor } from './credentials'
import { startWebhookReceiver } from './networks/webhookReceiver'
import { channelAccount, makeUser, publishedCampaign } from './schedulerFixtures'
import { login, startTestApp, type TestApp } from './testPayload'

/**
 * What the outbox suites start from: an app with the demo roles and a second approver, a
 * published campaign, and a webhook account posting to a local Standard Webhooks receiver.
 */
export const startOutboxWorld = async (label: string) => {
  const app = await startTestApp(label)
  const tokens = await credentialsFor(app)
  await makeUser(app, 'approver', 'approver2@carecast.test')
  const secondApprover = await login(app, 'approver2@carecast.test', 'a-long-password')
  const receiver = await startWebhookReceiver()
  const campaignId = (await publishedCampaign(app, 'Heart Month')).id
  const webhookId = (
    await channelAccount(app, { channel: 'webhook', url: receiver.url, secret: receiver.secret })
  ).id
  return { app, tokens, secondApprover, receiver, campaignId, webhookId }
}

/** A publication's action endpoint (`submit`, `approve`, `retry`, …) as `token`'s holder. */
export const publicationAction = (
  app: TestApp,
  id: number | string,
  action: string,
  token: string,
  body: unknown = {},
) => app.rest('POST', `/${slugs.publications}/${id}/${action}`, { token, body })
