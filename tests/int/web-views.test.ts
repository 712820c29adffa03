import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createViewBeacon } from '../../plugins/links'
import { viewTables } from '../../src/links/tables'
import { startTestApp, type TestApp } from '../support/testPayload'

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15'

/**
 * Issue 18, item 3: the example site's beacon counts a delivery item's web views per item and
 * day — exactly under concurrent views, never a bot, nothing about the reader stored.
 */
describe('web views of delivery items', () => {
  let app: TestApp
  let pool: Pool
  let beacon: ReturnType<typeof createViewBeacon>

  beforeAll(async () => {
    app = await startTestApp('web-views')
    pool = (app.payload.db as unknown as { pool: Pool }).pool
    beacon = createViewBeacon({ pool, tables: viewTables })
    // A story live on the web, as the web channel writes its projection (one row per language).
    for (const language of ['en', 'es'])
      await pool.query(
        `INSERT INTO delivery_items (key, type, slug, data, etag, published_at, language, summary, sort_at)
         VALUES ('patient-stories:7', 'stories', 'maria-walks-again', '{}', 'e1', now(), $1, '{}', now())`,
        [language],
      )
  })
  afterAll(async () => {
    await beacon?.stop()
    await app?.close()
  })

  const view = (body: unknown, ua = BROWSER) =>
    beacon(
      new Request('https://hospital.org/views', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': ua },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
  const views = async () => {
    await beacon.flush()
    return (await pool.query('SELECT item, type, day, views FROM item_views')).rows
  }

  it('counts each view of a live item once, per item and day, exactly under concurrency', async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, () => view({ type: 'stories', slug: 'maria-walks-again' })),
    )
    expect(answers.every((answer) => answer.status === 204)).toBe(true)
    const rows = await views()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ item: 'patient-stories:7', type: 'stories' })
    expect(Number(rows[0].views)).toBe(150)
    expect(new Date(rows[0].day).toISOString()).toBe(
      `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
    )
  })

  it("doesn't count bots, refuses bad input naming the field, and counts nothing for an item not on the web", async () => {
    expect(
      (await view({ type: 'stories', slug: 'maria-walks-again' }, 'Googlebot/2.1')).status,
    ).toBe(204)
    const missing = await view({ type: 'stories', slug: 'no-such-story' })
    expect(missing.status).toBe(404)
    const badType = await view({ type: 'patients', slug: 'maria-walks-again' })
    expect(badType.status).toBe(400)
    expect(await badType.text()).toContain('type:')
    const badSlug = await view({ type: 'stories', slug: '../../etc' })
    expect(await badSlug.text()).toContain('slug:')
    expect((await view('not json')).status).toBe(400)
    expect(Number((await views())[0].views)).toBe(150)
  })

  it('stores nothing about the reader: only the item, its type, the day and the count', async () => {
    const { rows } = await pool.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'item_views' ORDER BY column_name",
    )
    expect(rows.map((row) => row.column_name)).toEqual([
      'created_at',
      'day',
      'id',
      'item',
      'type',
      'updated_at',
      'views',
    ])
  })
})
