import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { schedulerConfigOf } from '../../plugins/scheduler'
import { OUTBOX_FIELDS_NOT_READ, readOutbox } from '../../plugins/scheduler/dispatch/readOutbox'
import { slugs } from '../../src/slugs'
import { makeDoc } from '../support/fixtures'
import {
  channelAccount,
  makeUser,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

/**
 * The worker reads claimed rows with SQL of its own (readOutbox), not the Local API. It must read
 * what the Local API reads: every field, with the same value and shape — or the field is one it
 * says it doesn't read. A new field on publications fails this test until it is one or the other.
 */
describe('the dispatch read of the outbox', () => {
  let app: TestApp
  let pool: Pool

  beforeAll(async () => {
    app = await startTestApp('outbox_read')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
  })
  afterAll(async () => app?.close())

  it('gives every field the Local API gives, in the same shape, or names it as not read', async () => {
    const campaign = await publishedCampaign(app)
    const author = await makeUser(app, 'marketer', `author-${Date.now()}@example.org`)
    const account = await channelAccount(app, {
      channel: 'mastodon',
      baseUrl: 'https://mastodon.example',
      accessToken: 'token',
    })
    const [first, second] = [await makeDoc(app, slugs.media), await makeDoc(app, slugs.media)]
    const full = await scheduledPublication(app, {
      document: campaign.id,
      account: account.id,
      dueAt: new Date(Date.now() + 3_600_000),
      hashtags: '#heart #health',
      link: 'https://stmarys.example/heart',
      media: [
        { relationTo: slugs.media, value: second.id },
        { relationTo: slugs.media, value: first.id },
      ],
      repeat: 'FREQ=MONTHLY;COUNT=6',
      unpublishAt: new Date(Date.now() + 86_400_000 * 10).toISOString(),
      createdBy: author.id,
    })
    const bare = await scheduledPublication(app, {
      document: campaign.id,
      account: account.id,
      dueAt: new Date(Date.now() + 7_200_000),
    })
    const config = schedulerConfigOf(app.payload)
    const read = new Map(
      (await readOutbox(pool, config, [Number(full.id), Number(bare.id)])).map((row) => [
        String(row.id),
        row,
      ]),
    )
    for (const id of [full.id, bare.id]) {
      const expected = (await app.payload.findByID({
        collection: slugs.publications,
        id,
        depth: 0,
        overrideAccess: true,
      })) as unknown as Record<string, unknown>
      const ours = read.get(String(id)) as Record<string, unknown>
      for (const field of Object.keys(expected)) {
        if (OUTBOX_FIELDS_NOT_READ.includes(field)) continue
        expect(ours[field], `publications.${field}`).toEqual(expected[field])
      }
    }
    // The order of attached media is kept: it is the order they go out in.
    expect(
      (read.get(String(full.id))!.media as { value: unknown }[]).map((ref) => ref.value),
    ).toEqual([second.id, first.id])
  })
})
