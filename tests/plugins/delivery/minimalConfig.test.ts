import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createDeliveryHandler,
  deliveryPlugin,
  deliveryStore,
  type ProjectionInput,
} from '../../../plugins/delivery'
import { type MinimalApp, startMinimalPayload } from '../support/minimalPayload'

type Store = ReturnType<typeof deliveryStore>

/** The minimal config's own languages: the plugin takes its locales from Payload's localization. */
const localization = { locales: ['en', 'es'], defaultLocale: 'en', fallback: true }

/**
 * A note of the minimal config, projected the way a host's serializer would. Finding: the type
 * must be one of Carecast's (`stories`, `campaigns`, `events`, `videos`), the fields a story's, and the index filters Carecast's campaigns / service lines / observance —
 * so a note goes out dressed as a story.
 */
const noteProjection = (
  slug: string,
  title: string,
  extra: Record<string, unknown> = {},
): ProjectionInput => {
  const fields = (locale: string) => ({
    title: locale === 'en' ? title : `${title} (es)`,
    displayName: null,
    pullQuote: null,
    body: { html: `<p>${title}</p>`, text: title },
    photos: [],
    videos: [],
    serviceLines: [],
    ...extra,
  })
  return {
    type: 'stories',
    slug,
    locales: { en: fields('en'), es: fields('es') },
    index: {
      sortAt: new Date().toISOString(),
      startsAt: null,
      endsAt: null,
      filters: { campaigns: [], serviceLines: [], observance: null },
    },
  }
}

/** The delivery plugin alone, on a config with one `notes` collection and nothing of Carecast's. */
describe('delivery plugin on a minimal config', () => {
  let app: MinimalApp
  let store: Store
  let handler: (request: Request) => Promise<Response>
  const get = async (pathAndQuery: string) => {
    const response = await handler(new Request(`http://localhost/delivery/v1${pathAndQuery}`))
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        items?: { slug: string; title: string; path: string }[]
      },
    }
  }
  const put = (slug: string, title: string, extra?: Record<string, unknown>) =>
    store.put({
      type: 'stories',
      slug,
      data: noteProjection(slug, title, extra) as unknown as Record<string, unknown>,
      publicationId: `pub-${slug}`,
    })

  beforeAll(async () => {
    app = await startMinimalPayload('plugin_delivery', [deliveryPlugin()], { localization })
    store = deliveryStore(app.payload)
    handler = createDeliveryHandler({
      pool: (app.payload.db as unknown as { pool: Pool }).pool,
      localization,
      onError: () => {},
    })
  })
  afterAll(async () => app?.close())

  it('adds its projection collection, closed to Payload’s API, and nothing else', async () => {
    const slugs = app.payload.config.collections
      .map((collection) => collection.slug)
      .filter((slug) => !slug.startsWith('payload-'))
    expect(slugs.sort()).toEqual(['delivery-items', 'notes', 'users'])
    expect(app.payload.config.globals).toEqual([])
    // Nobody reads it through /api by default: the delivery endpoints are the way in.
    expect((await app.rest('GET', '/delivery-items')).status).toBe(403)
  })

  it('serves a put projection on /delivery/v1 as a list entry and as an item, in each locale', async () => {
    expect(await put('opening-hours', 'New opening hours')).toEqual({
      key: 'stories/opening-hours',
      path: '/delivery/v1/stories/opening-hours',
    })

    const list = await get('/stories')
    expect(list.status).toBe(200)
    expect(list.body.items?.map((item) => [item.slug, item.title, item.path])).toEqual([
      ['opening-hours', 'New opening hours', '/delivery/v1/stories/opening-hours'],
    ])
    expect(list.body.nextCursor).toBeNull()

    const item = await get('/stories/opening-hours')
    expect(item.status).toBe(200)
    expect(item.body).toMatchObject({
      type: 'stories',
      slug: 'opening-hours',
      locale: 'en',
      title: 'New opening hours',
      body: { text: 'New opening hours' },
    })
    expect((await get('/stories/opening-hours?locale=es')).body).toMatchObject({
      locale: 'es',
      title: 'New opening hours (es)',
    })
    expect((await get('/stories/no-such-note')).status).toBe(404)
  })

  it('answers 404 for an item and leaves it out of the list once removed', async () => {
    await put('flu-clinic', 'Flu clinic')
    expect((await get('/stories/flu-clinic')).status).toBe(200)
    expect(await store.remove('stories/flu-clinic')).toBe(true)
    expect(await store.remove('stories/flu-clinic')).toBe(false)
    expect((await get('/stories/flu-clinic')).status).toBe(404)
    expect((await get('/stories/flu-clinic?locale=es')).status).toBe(404)
    expect((await get('/stories')).body.items?.map((item) => item.slug)).not.toContain('flu-clinic')
  })

  it('refuses, permanently and without writing, a projection carrying a field outside the public schema', async () => {
    const refused = await put('leaky-note', 'Leaky note', {
      authorEmail: 'someone@example.test',
    }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(Error)
    expect((refused as Error & { permanent?: boolean }).permanent).toBe(true)
    expect((refused as Error).message).toMatch(/does not fit the delivery schema/)
    expect((await get('/stories/leaky-note')).status).toBe(404)
  })

  it('takes its locales from Payload’s localization config: a locale the config lacks is refused, and asked for is a 400', async () => {
    const projection = noteProjection('open-day', 'Open day') as ProjectionInput & {
      locales: Record<string, unknown>
    }
    projection.locales.fr = projection.locales.en
    await expect(
      store.put({
        type: 'stories',
        slug: 'open-day',
        data: projection as unknown as Record<string, unknown>,
        publicationId: 'pub-open-day',
      }),
    ).rejects.toThrow(/"fr" locale, which is not one of the configured locales \(en, es\)/)
    expect((await get('/stories/open-day')).status).toBe(404)
    const asked = await get('/stories?locale=fr')
    expect(asked.status).toBe(400)
    expect(asked.body).toEqual({ errors: [{ message: 'locale: must be one of en, es' }] })
  })
})
