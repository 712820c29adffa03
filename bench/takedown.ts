/**
 * `npm run bench:takedown`: one consent relied on by 200 publications across channels — live on
 * the web, a webhook, Mastodon and Instagram, and pending — then the revocation is recorded and
 * the clock runs until: the web content is gone from what the delivery API reads, every pending
 * one is cancelled, and every deletion has reached its (local) network, with a worker running.
 * It runs twice: with publishing running, and again under a crisis pause (the global switch on),
 * where the takedowns must go out just as fast while the new posts that fall due meanwhile wait.
 * Prints JSON. A benchmark, not a test: it reports, it does not assert.
 */
import { startDispatchWorker } from '../plugins/scheduler'
import { slugs } from '../src/slugs'
import { startMastodonServer } from '../tests/support/networks/mastodonServer'
import { startWebhookReceiver } from '../tests/support/networks/webhookReceiver'
import { insertDuePublications, waitFor } from '../tests/support/workerProcesses'
import { benchPayload, percentiles } from './support'

const STORIES = 20
const { payload, pool, database } = await benchPayload('takedown')
const { lexicalFromParagraphs } = await import('../src/lib/lexicalPlainText')
const sharp = (await import('sharp')).default

const receiver = await startWebhookReceiver()
const mastodon = await startMastodonServer({ users: { 'bench-token': 'stmarys' } })
const account = async (data: Record<string, unknown>) =>
  (
    await payload.create({
      collection: slugs.channelAccounts,
      data: { name: String(data.channel), ...data } as never,
    })
  ).id
const accounts = {
  web: await account({ channel: 'web' }),
  webhook: await account({ channel: 'webhook', url: receiver.url, secret: receiver.secret }),
  mastodon: await account({
    channel: 'mastodon',
    baseUrl: mastodon.url,
    accessToken: 'bench-token',
  }),
  instagram: await account({ channel: 'instagram', accessToken: 'ig', externalId: '1784' }),
}
const scan = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c33' } })
  .png()
  .toBuffer()
const form = await payload.create({
  collection: slugs.consentForms,
  data: { description: 'Signed' } as never,
  file: { data: scan, mimetype: 'image/png', name: 'form.png', size: scan.length },
  overrideAccess: true,
})
const officer = await payload.create({
  collection: slugs.users,
  data: {
    email: 'officer@bench.test',
    password: 'a-long-password',
    name: 'Officer',
    role: 'consent-officer',
  } as never,
})
// What falls due during the pause: a campaign's posts, which rely on no consent.
const campaign = await payload.create({
  collection: slugs.campaigns,
  data: {
    title: 'Bench campaign',
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    timeZone: 'America/New_York',
    _status: 'published',
  } as never,
})
const worker = startDispatchWorker(payload)

const setPaused = (paused: boolean) =>
  payload.updateGlobal({ slug: 'scheduler-control', data: { paused } as never })

/** One consent, 20 stories on every channel, then its revocation; `paused` turns the switch on first. */
const scenario = async (round: number, paused: boolean) => {
  const consent = await payload.create({
    collection: slugs.consentRecords,
    data: {
      reference: `AUTH-BENCH-${round}`,
      person: { legalName: 'Bench Patient' },
      signer: { type: 'patient' },
      usesAllowed: ['name', 'likeness', 'diagnosis'],
      channelsAllowed: ['web', 'mastodon', 'instagram', 'print'],
      purposes: ['patient-story'],
      recipients: 'The public.',
      expiry: { expiresOn: '2030-12-31' },
      statements: { rightToRevoke: true, treatmentNotConditioned: true, redisclosure: true },
      signature: { signedAt: '2026-02-01', method: 'wet-ink', signedForm: form.id },
    } as never,
    overrideAccess: true,
    context: { audit: false },
  })

  // Per story: live on web, 2 × webhook, 2 × Mastodon, 1 × Instagram; pending 2 × webhook, 2 × Mastodon → 10.
  const now = Date.now()
  const live: number[] = []
  const pending: number[] = []
  let instagram: number[] = []
  for (let n = 0; n < STORIES; n++) {
    const story = await payload.create({
      collection: slugs.patientStories,
      data: {
        title: `Story ${round}-${n}`,
        slug: `story-${round}-${n}`,
        displayNamePolicy: 'first-name',
        displayName: 'Maria',
        narrative: lexicalFromParagraphs(['A story.']),
        consentRecord: consent.id,
        _status: 'published',
      } as never,
      overrideAccess: true,
    })
    const add = (accountId: number | string, count: number, dueAt: Date) =>
      insertDuePublications(pool, {
        count,
        collection: slugs.patientStories,
        documentId: story.id,
        accountId,
        dueAt,
        channel:
          accountId === accounts.web
            ? 'web'
            : accountId === accounts.mastodon
              ? 'mastodon'
              : accountId === accounts.instagram
                ? 'instagram'
                : 'webhook',
      })
    live.push(
      ...(await add(accounts.web, 1, new Date(now - 60_000))),
      ...(await add(accounts.webhook, 2, new Date(now - 60_000))),
      ...(await add(accounts.mastodon, 2, new Date(now - 60_000))),
    )
    instagram = [...instagram, ...(await add(accounts.instagram, 1, new Date(now + 86_400_000)))]
    pending.push(
      ...(await add(accounts.webhook, 2, new Date(now + 86_400_000))),
      ...(await add(accounts.mastodon, 2, new Date(now + 86_400_000))),
    )
  }
  // Instagram's live posts, as the worker would have left them (its API can't delete them anyway).
  await pool.query(
    `UPDATE publications SET state = 'published', remote_id = 'ig-' || id, published_at = now() WHERE id = ANY($1)`,
    [instagram],
  )

  await waitFor(
    async () =>
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND state = 'published'`,
          [live],
        )
      ).rows[0].n === live.length,
    120_000,
    50,
  )
  const webLive = (await pool.query('SELECT count(*)::int AS n FROM delivery_items')).rows[0].n
  const socialLive = live.length - STORIES

  // Under the pause, 40 new posts fall due: they must all still be waiting when the takedown is done.
  let heldBack: number[] = []
  if (paused) {
    await setPaused(true)
    heldBack = [
      ...(await insertDuePublications(pool, {
        count: 20,
        documentId: campaign.id,
        accountId: accounts.webhook,
        dueAt: new Date(Date.now() - 1000),
      })),
      ...(await insertDuePublications(pool, {
        count: 20,
        documentId: campaign.id,
        accountId: accounts.mastodon,
        dueAt: new Date(Date.now() - 1000),
        channel: 'mastodon',
      })),
    ]
  }

  const retractionsBefore = receiver.deliveries.length
  const start = performance.now()
  const startWall = Date.now()
  await payload.update({
    collection: slugs.consentRecords,
    id: consent.id,
    data: {
      revocation: { receivedAt: new Date().toISOString(), method: 'written-letter' },
    } as never,
    user: officer,
    overrideAccess: false,
  })
  const committed = performance.now() - start

  const elapsed = () => Math.round(performance.now() - start)
  const webGone =
    (await pool.query('SELECT count(*)::int AS n FROM delivery_items')).rows[0].n === 0
      ? elapsed()
      : null
  const cancelled = (
    await pool.query(
      `SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND state = 'cancelled'`,
      [pending],
    )
  ).rows[0].n
  const pendingDone = cancelled === pending.length ? elapsed() : null
  const socialDone = await waitFor(
    () =>
      receiver.deliveries.length - retractionsBefore >= STORIES * 2 && mastodon.statuses.size === 0,
    60_000,
    10,
  )
  const socialMs = socialDone ? elapsed() : null
  const retractionLag = receiver.deliveries
    .slice(retractionsBefore)
    .map((delivery) => delivery.receivedAt)
  const tasks = (
    await pool.query('SELECT count(*)::int AS n FROM consent_tasks WHERE consent_record_id = $1', [
      consent.id,
    ])
  ).rows[0].n
  const sentWhilePaused = heldBack.length
    ? (
        await pool.query(
          `SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND state <> 'scheduled'`,
          [heldBack],
        )
      ).rows[0].n
    : undefined
  if (paused) {
    await setPaused(false)
    // The held-back posts go out once resumed; cleared so the next round starts from an empty network.
    await waitFor(
      async () =>
        (
          await pool.query(
            `SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND state = 'published'`,
            [heldBack],
          )
        ).rows[0].n === heldBack.length,
      60_000,
      50,
    )
  }

  return {
    publishing: paused ? 'paused (global switch on)' : 'running',
    publications: live.length + pending.length + instagram.length,
    live: {
      web: STORIES,
      webProjectionRows: webLive,
      social: socialLive,
      instagramWithoutDelete: instagram.length,
    },
    pending: pending.length,
    revocationTransactionMs: Math.round(committed),
    webGoneFromDeliveryMs: webGone,
    pendingCancelledMs: pendingDone,
    socialRetractionsSentMs: socialMs,
    webhookRetractionReceiptMs: percentiles(retractionLag.map((at) => at - startWall)),
    manualTakedownTasks: tasks,
    ...(paused ? { newPostsDueDuringPause: heldBack.length, sentWhilePaused } : {}),
  }
}

const running = await scenario(1, false)
const pausedRound = await scenario(2, true)
await worker.stop()

console.log(
  JSON.stringify(
    {
      benchmark: 'takedown',
      database: database.server,
      targets: { webGoneFromDeliveryMs: 1000, socialRetractionsSentMs: 10_000 },
      notPaused: running,
      paused: pausedRound,
    },
    null,
    2,
  ),
)
await receiver.close()
await mastodon.close()
await payload.destroy()
await database.stop()
process.exit(0)
