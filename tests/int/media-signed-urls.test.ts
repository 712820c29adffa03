import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateDemoVideo } from '../../seed/assets/generateVideo'

import { mediaLinkKey, signMediaLink } from '../../src/lib/mediaLinks/token'
import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory, signedForm } from '../support/consentFixtures'
import { credentialsFor } from '../support/credentials'
import { LEAK } from '../support/expectCleanError'
import { pngBytes } from '../support/fixtures'
import { startGraphApiServer, type GraphApiServer } from '../support/networks/graphApiServer'
import { startRestOverHttp } from '../support/restOverHttp'
import {
  channelAccount,
  publication,
  scheduledPublication,
  TEST_SECRETS_KEY,
  testWorker,
} from '../support/schedulerFixtures'
import type { TestApp } from '../support/testPayload'
import { startTestApp } from '../support/testPayload'

process.env.CARECAST_SECRETS_KEY = TEST_SECRETS_KEY

const MINUTE = 60_000
const NOT_FOUND = JSON.stringify({ errors: [{ message: 'Not Found' }] })

type MediaDoc = {
  id: number
  filename: string
  sizes: Record<string, { filename: string | null }>
}

/**
 * Instagram and Facebook fetch a post's image from a URL themselves; a patient photo reaches them
 * through a short-lived signed link to that one file, checked against its consent at every fetch.
 * Carecast's API is on a real port here, and the Graph fake GETs `image_url` from it.
 */
describe('signed media links', () => {
  let app: TestApp
  let http: Awaited<ReturnType<typeof startRestOverHttp>>
  let graph: GraphApiServer
  let tokens: Awaited<ReturnType<typeof credentialsFor>>
  let formId: number | string
  let instagram: number | string

  beforeAll(async () => {
    http = await startRestOverHttp()
    // The origin every absolute URL the scheduler hands a network is on (README: SERVER_URL).
    process.env.SERVER_URL = http.origin
    app = await startTestApp('media_signed_urls')
    http.serve(app)
    graph = await startGraphApiServer()
    tokens = await credentialsFor(app)
    formId = (await signedForm(app)).id
    instagram = (
      await channelAccount(app, {
        channel: 'instagram',
        baseUrl: graph.url,
        accessToken: graph.accessToken,
        externalId: graph.igUserId,
      })
    ).id
  })
  afterAll(async () => {
    await graph?.close()
    await app?.close()
    await http?.close()
  })

  const consentFor = () =>
    activeConsent(app, formId, { channelsAllowed: ['web', 'instagram', 'facebook'] })

  /** A 1200×1200 photo, so Payload cuts every network size (the square one is what Instagram gets). */
  const photo = async (data: Record<string, unknown>) => {
    const bytes = await pngBytes(1200, 1200)
    return (await app.payload.create({
      collection: slugs.media,
      data: { alt: 'Maria in the garden', ...data } as never,
      file: {
        data: bytes,
        mimetype: 'image/png',
        name: `photo-${Date.now()}.png`,
        size: bytes.length,
      },
      overrideAccess: true,
    })) as unknown as MediaDoc
  }
  const patientPhoto = async () => {
    const consent = await consentFor()
    return { consent, media: await photo({ showsPatient: true, consentRecords: [consent.id] }) }
  }

  const link = (mediaId: number, filename: string, expiresAt = Date.now() + 15 * MINUTE) =>
    `${http.origin}/api/${slugs.media}/signed/${signMediaLink(
      { mediaId, filename, expiresAt },
      mediaLinkKey(app.payload.config.secret),
    )}`

  /** A 404 that says nothing: the same body for every refusal, nothing internal, nothing cached. */
  const expectNeutral404 = async (url: string) => {
    const response = await fetch(url)
    const text = await response.text()
    expect(response.status, `${url} → ${text}`).toBe(404)
    expect(text).toBe(NOT_FOUND)
    expect(text).not.toMatch(LEAK)
    expect(response.headers.get('cache-control')).toBe('no-store')
  }

  it('lets Instagram fetch a patient photo while its consent holds, and not after the revocation', async () => {
    const { consent, media } = await patientPhoto()
    const story = await publishedStory(app, consent.id, {
      slug: `garden-${consent.id}`,
      photos: [media.id],
    })
    const row = await scheduledPublication(app, {
      collection: slugs.patientStories,
      document: story.id,
      account: instagram,
      dueAt: new Date(Date.now() - 1000),
      text: 'Maria walks again',
      media: [{ relationTo: slugs.media, value: media.id }],
    })
    // The photo is not public at its Payload URL: without a link, Instagram could not fetch it.
    expect((await fetch(`${http.origin}/api/${slugs.media}/file/${media.filename}`)).status).toBe(
      403,
    )

    await testWorker(app).runOnce()

    const sent = await publication(app, row.id)
    expect(sent.state, String(sent.lastError)).toBe('published')
    expect(sent.remoteId).toBe(graph.igMedia[0]!.id)
    const [fetched] = graph.fetches
    // The square cut (JPEG; the original is a PNG), through a signed link on Carecast's origin.
    expect(fetched).toMatchObject({ status: 200, contentType: 'image/jpeg', accepted: true })
    expect(fetched!.url.startsWith(`${http.origin}/api/${slugs.media}/signed/`)).toBe(true)
    expect([...graph.containers.values()][0]!.image_url).toBe(fetched!.url)
    expect(http.requests).toContain(`GET ${new URL(fetched!.url).pathname}`)

    const again = await fetch(fetched!.url)
    expect(again.status).toBe(200)
    expect(again.headers.get('content-type')).toBe('image/jpeg')
    const maxAge = Number(
      again.headers.get('cache-control')?.match(/^private, max-age=(\d+)$/)?.[1],
    )
    expect(maxAge).toBeGreaterThan(14 * 60)
    expect(maxAge).toBeLessThanOrEqual(15 * 60)
    expect(Buffer.from(await again.arrayBuffer()).length).toBe(fetched!.size)

    const revoked = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
      token: tokens['consent-officer'].token!,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
    })
    expect(revoked.status, await revoked.clone().text()).toBe(200)

    // The same link, still within its 15 minutes, no longer opens anything.
    await expectNeutral404(fetched!.url)
  })

  it('answers 404 to an expired link, and serves the same file until then', async () => {
    const { media } = await patientPhoto()
    const square = media.sizes.square!.filename!
    expect((await fetch(link(media.id, square))).status).toBe(200)
    await expectNeutral404(link(media.id, square, Date.now() - 1000))
  })

  it('answers 404 to a tampered link', async () => {
    const { media } = await patientPhoto()
    const good = link(media.id, media.filename)
    expect((await fetch(good)).status).toBe(200)
    const token = good.split('/').at(-1)!
    const [claims, mac] = token.split('.') as [string, string]
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`
    const base = good.slice(0, -token.length)
    await expectNeutral404(`${base}${flip(claims, 5)}.${mac}`)
    await expectNeutral404(`${base}${claims}.${flip(mac, 10)}`)
    // The claims re-encoded for a later expiry, under the old MAC.
    const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { e: number }
    const later = Buffer.from(JSON.stringify({ ...decoded, e: decoded.e + 86_400 })).toString(
      'base64url',
    )
    await expectNeutral404(`${base}${later}.${mac}`)
  })

  it('opens no staff-only file by guessing', async () => {
    const { media: patient } = await patientPhoto()
    const logo = await photo({ alt: 'The hospital logo' })
    const signedFormDoc = (await app.payload.findByID({
      collection: slugs.consentForms,
      id: formId,
      overrideAccess: true,
    })) as unknown as { filename: string }
    const signed = `${http.origin}/api/${slugs.media}/signed`

    for (const guess of [
      `${signed}/${patient.filename}`,
      `${signed}/${patient.id}`,
      `${signed}/${patient.id}.${patient.filename}`,
      `${signed}/..%2Ffile%2F${patient.filename}`,
    ])
      await expectNeutral404(guess)
    // Signed with another key, e.g. the raw secret instead of the derived one.
    const rawKeyed = signMediaLink(
      { mediaId: patient.id, filename: patient.filename, expiresAt: Date.now() + MINUTE },
      Buffer.from(app.payload.config.secret),
    )
    await expectNeutral404(`${signed}/${rawKeyed}`)
    // A real link for a public image opens only that image's own files.
    expect((await fetch(link(logo.id, logo.filename))).status).toBe(200)
    await expectNeutral404(link(logo.id, patient.filename))
    await expectNeutral404(link(logo.id, `../${slugs.media}/${patient.filename}`))
    await expectNeutral404(link(logo.id, `../${slugs.consentForms}/${signedFormDoc.filename}`))
    // Only the original and the sizes networks get; not the admin's thumbnail.
    await expectNeutral404(link(patient.id, patient.sizes.thumbnail!.filename!))
    // No such document.
    await expectNeutral404(link(patient.id + 10_000, patient.filename))
  })

  it('withholds a patient photo that no consent covers', async () => {
    const unconsented = await photo({ showsPatient: true })
    await expectNeutral404(link(unconsented.id, unconsented.filename))
  })

  it("serves a patient video (a Reel's video_url) the same way, under its own key, until the consent is revoked", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'signed-video-'))
    const file = path.join(dir, 'walk.mp4')
    await generateDemoVideo({ outPath: file, seconds: 1, width: 320, height: 180, title: 'Walk' })
    const bytes = await fs.readFile(file)
    await fs.rm(dir, { recursive: true, force: true })
    const consent = await consentFor()
    const video = (await app.payload.create({
      collection: slugs.videoAssets,
      data: { title: "Maria's walk", showsPatient: true, consentRecords: [consent.id] } as never,
      file: { data: bytes, mimetype: 'video/mp4', name: 'walk.mp4', size: bytes.length },
      overrideAccess: true,
    })) as unknown as { id: number; filename: string }
    const videoLink = (key = mediaLinkKey(app.payload.config.secret, slugs.videoAssets)) =>
      `${http.origin}/api/${slugs.videoAssets}/signed/${signMediaLink(
        { mediaId: video.id, filename: video.filename, expiresAt: Date.now() + 15 * MINUTE },
        key,
      )}`
    const served = await fetch(videoLink())
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('video/mp4')
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(bytes.length)
    // An image link's key does not open the video of the same id.
    await expectNeutral404(videoLink(mediaLinkKey(app.payload.config.secret)))

    const revoked = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
      token: tokens['consent-officer'].token!,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
    })
    expect(revoked.status, await revoked.clone().text()).toBe(200)
    await expectNeutral404(videoLink())
  })
})
