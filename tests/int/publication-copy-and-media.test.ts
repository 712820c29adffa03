import type { Field, PayloadRequest, Validate } from 'payload'
import { createLocalReq } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { expectCleanError } from '../support/expectCleanError'
import { pngBytes } from '../support/fixtures'
import { type MastodonServer, startMastodonServer } from '../support/networks/mastodonServer'
import { startXApiServer, type XApiServer } from '../support/networks/xApiServer'
import {
  channelAccount,
  publication,
  publishedCampaign,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import { startTestApp, type TestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const DAY = 86_400_000

describe('publication copy and media', () => {
  let app: TestApp
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let x: XApiServer
  let mastodon: MastodonServer
  let accounts: Record<'x' | 'mastodon' | 'webhook', number | string>
  let campaignId: number | string
  let imageId: number | string

  beforeAll(async () => {
    app = await startTestApp('copy_media')
    tokens = await credentialsFor(app)
    await app.payload.create({
      collection: slugs.serviceLines,
      data: { name: 'Oncology', slug: 'oncology', terms: [{ term: 'breast cancer' }] },
      overrideAccess: true,
    })
    x = await startXApiServer({ users: { 'x-token': '1600000000000000001' } })
    mastodon = await startMastodonServer({ users: { 'm-token': 'stmarys' } })
    accounts = {
      x: (
        await channelAccount(app, {
          channel: 'x',
          baseUrl: x.url,
          accessToken: 'x-token',
          externalId: '1600000000000000001',
        })
      ).id,
      mastodon: (
        await channelAccount(app, {
          channel: 'mastodon',
          baseUrl: mastodon.url,
          accessToken: 'm-token',
        })
      ).id,
      webhook: (
        await channelAccount(app, {
          channel: 'webhook',
          url: 'https://hooks.example/in',
          secret: `whsec_${Buffer.from('hooks-example-key').toString('base64')}`,
        })
      ).id,
    }
    campaignId = (await publishedCampaign(app)).id
    // Larger than every network size, so Payload cuts them all.
    const photo = await pngBytes(2400, 1600)
    imageId = (
      await app.payload.create({
        collection: slugs.media,
        data: { alt: 'The cardiac ward' } as never,
        file: { data: photo, mimetype: 'image/png', name: 'ward.png', size: photo.length },
        overrideAccess: true,
      })
    ).id
  })
  afterAll(async () => {
    await x?.close()
    await mastodon?.close()
    await app?.close()
  })

  describe('the image each network gets', () => {
    const sizeOf = async (bytes: Buffer | undefined) => {
      const { width, height, format } = await sharp(bytes!).metadata()
      return { width, height, format }
    }
    const send = async (account: number | string, text: string, link?: string) => {
      const row = await scheduledPublication(app, {
        document: campaignId,
        account,
        dueAt: new Date(Date.now() - 1000),
        text,
        ...(link ? { link } : {}),
        media: [{ relationTo: slugs.media, value: imageId }],
      })
      await testWorker(app).runOnce()
      const sent = await publication(app, row.id)
      expect(sent.state, String(sent.lastError)).toBe('published')
      return sent
    }

    it('X gets the 1200×630 link card with a link, the 1080 square without', async () => {
      await send(accounts.x, 'Heart screenings this week', 'https://stmarys.example/heart')
      const [card] = [...x.media.values()]
      expect(await sizeOf(card.bytes)).toEqual({ width: 1200, height: 630, format: 'jpeg' })

      await send(accounts.x, 'Our cardiac ward, renovated')
      const [, square] = [...x.media.values()]
      expect(await sizeOf(square.bytes)).toEqual({ width: 1080, height: 1080, format: 'jpeg' })
    })

    it('Mastodon gets the original', async () => {
      await send(accounts.mastodon, 'Heart screenings this week', 'https://stmarys.example/heart')
      const [original] = [...mastodon.media.values()]
      expect(await sizeOf(original.bytes)).toEqual({ width: 2400, height: 1600, format: 'png' })
    })
  })

  describe("a publication's own link", () => {
    const create = (link: string, token = tokens.marketer.token!) =>
      app.rest('POST', `/${slugs.publications}`, {
        token,
        body: {
          document: { relationTo: slugs.campaigns, value: campaignId },
          channelAccount: accounts.webhook,
          dueAt: new Date(Date.now() + DAY).toISOString(),
          timeZone: 'America/New_York',
          text: 'Screenings this week',
          link,
        },
      })
    const count = async () =>
      (await app.payload.count({ collection: slugs.publications })).totalDocs

    it('is refused when its query string carries a condition term, naming link, and nothing is written', async () => {
      const before = await count()
      await expectCleanError(
        await create('https://stmarys.example/screenings?utm_content=breast-cancer-october'),
        { status: 400, field: 'link', problem: /"breast cancer", a condition or diagnosis term/ },
      )
      await expectCleanError(
        await create('https://stmarys.example/screenings?topic=Breast+Cancer'),
        {
          status: 400,
          field: 'link',
          problem: /breast cancer/,
        },
      )
      expect(await count()).toBe(before)
    })

    it('is refused on update too, and accepted without a health term', async () => {
      const created = await create('https://stmarys.example/screenings?utm_content=october')
      expect(created.status, await created.clone().text()).toBe(201)
      const { doc } = (await created.json()) as { doc: { id: number } }
      await expectCleanError(
        await app.rest('PATCH', `/${slugs.publications}/${doc.id}`, {
          token: tokens.marketer.token!,
          body: { link: 'https://stmarys.example/screenings?utm_term=breast_cancer' },
        }),
        { status: 400, field: 'link', problem: /breast cancer/ },
      )
      expect((await publication(app, doc.id)).link).toBe(
        'https://stmarys.example/screenings?utm_content=october',
      )
    })
  })

  describe('a new publication’s copy', () => {
    const tooLong = 'Heart screenings are free at every clinic this week. '.repeat(6)

    it('is checked against the network limit on create: too long for X is a 400 naming text', async () => {
      const before = (await app.payload.count({ collection: slugs.publications })).totalDocs
      await expectCleanError(
        await app.rest('POST', `/${slugs.publications}`, {
          token: tokens.marketer.token!,
          body: {
            document: { relationTo: slugs.campaigns, value: campaignId },
            channelAccount: accounts.x,
            dueAt: new Date(Date.now() + DAY).toISOString(),
            timeZone: 'America/New_York',
            text: tooLong,
          },
        }),
        { status: 400, field: 'text', problem: /of 280/ },
      )
      expect((await app.payload.count({ collection: slugs.publications })).totalDocs).toBe(before)
    })

    it("is checked as the admin's live validation sees it: the account chosen, no channel yet", async () => {
      const fields = app.payload.collections[slugs.publications].config.fields as Field[]
      const text = fields.find((field) => 'name' in field && field.name === 'text') as {
        validate: Validate
      }
      const req = (await createLocalReq({}, app.payload)) as PayloadRequest
      // What the form holds for a document never saved: the account picked, `channel` unset.
      const siblingData = {
        channelAccount: accounts.x,
        text: tooLong,
        document: { relationTo: slugs.campaigns, value: campaignId },
      }
      const result = await text.validate(tooLong, {
        data: siblingData,
        siblingData,
        req,
        operation: 'create',
      } as never)
      expect(result).toMatch(/^text: .* of 280 /)
      expect(
        await text.validate('Short enough', {
          data: { ...siblingData, text: 'Short enough' },
          siblingData: { ...siblingData, text: 'Short enough' },
          req,
          operation: 'create',
        } as never),
      ).toBe(true)
    })
  })
})
