import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { activeConsent, publishedStory } from '../support/consentFixtures'
import { type ConsentWorld, startConsentWorld } from '../support/consentWorld'
import { expectCleanError, LEAK } from '../support/expectCleanError'
import { publication, scheduledPublication, testWorker } from '../support/schedulerFixtures'

const DAY = 86_400_000

type Preview = {
  consentRecord: { id: number; reference: string; status: string }
  publications: { id: number; outcome: string }[]
  tasks: {
    place: string
    instructions: string
    dueAt: string
    publication: number | null
    owner: string | null
  }[]
  total: number
}
type Report = {
  publications: { id: number; progress: string }[]
  manualTasks: {
    id: number
    place: string
    instructions: string | null
    publication: number | null
    ownerName: string | null
    done: boolean
    doneByName: string | null
  }[]
}

/**
 * What the Revoke tab reads (issue 16, item 7): the takedown preview — the cascade's own deciding
 * steps, rolled back — says what a revocation will do before it is recorded, and then it does
 * exactly that; the report then follows each item to done. A revocation is recorded whole.
 */
describe('the Revoke tab: takedown preview, progress and a revocation recorded whole', () => {
  let world: ConsentWorld
  let officer: string

  beforeAll(async () => {
    world = await startConsentWorld('consent_revoke_tab')
    officer = world.tokens['consent-officer'].token!
  })
  afterAll(async () => world?.close())

  /** A story live on the web, a webhook and Instagram, and one post still to go out. */
  const storyLiveEverywhere = async () => {
    const { app, accounts, imageId } = world
    const consent = await activeConsent(app, world.formId, {
      channelsAllowed: ['web', 'instagram', 'print', 'email'],
    })
    const story = await publishedStory(app, consent.id, { slug: `preview-${consent.id}` })
    const at = (ms: number) => new Date(Date.now() + ms)
    const post = (account: number | string, dueAt: Date, extra = {}) =>
      scheduledPublication(app, {
        collection: slugs.patientStories,
        document: story.id,
        account,
        dueAt,
        ...extra,
      })
    const web = await post(accounts.web, at(-3000))
    const hook = await post(accounts.webhook, at(-2000))
    await testWorker(app).runOnce()
    const insta = await post(accounts.instagram, at(-1000), {
      media: [{ relationTo: slugs.media, value: imageId }],
    })
    // Instagram can't delete through its API; a live post there is set up as the worker leaves it.
    await app.payload.update({
      collection: slugs.publications,
      id: insta.id,
      data: {
        state: 'published',
        remoteId: '1789',
        publishedAt: new Date().toISOString(),
      } as never,
      context: { schedulerInternal: true },
    })
    const pending = await post(accounts.webhook, at(DAY))
    return { consent, rows: { web: web.id, hook: hook.id, insta: insta.id, pending: pending.id } }
  }

  const outbox = async (ids: (number | string)[]) =>
    (
      await world.pool.query(
        'SELECT id, state::text, fencing_token, attempt_log, cancel_reason FROM publications WHERE id = ANY($1::int[]) ORDER BY id',
        [ids],
      )
    ).rows
  const tasksOf = async (consentId: number | string) =>
    (
      await world.pool.query(
        'SELECT place, instructions, owner_id, publication_id, done FROM consent_tasks WHERE consent_record_id = $1 ORDER BY place',
        [consentId],
      )
    ).rows
  const read = async <T>(path: string, token = officer) => {
    const response = await world.app.rest('GET', path, { token })
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as T
  }

  it('says what a revocation will do, writes nothing, and the revocation then does exactly that', async () => {
    const { app, projection, pool } = world
    const { consent, rows } = await storyLiveEverywhere()
    const key = String((await publication(app, rows.web)).remoteId)
    const before = await outbox(Object.values(rows))

    const preview = await read<Preview>(`/${slugs.consentRecords}/${consent.id}/takedown-preview`)
    const outcomes = Object.fromEntries(preview.publications.map((row) => [row.id, row.outcome]))
    expect(outcomes).toEqual({
      [rows.web]: 'remove-from-site',
      [rows.hook]: 'delete-through-api',
      [rows.insta]: 'by-hand',
      [rows.pending]: 'cancel',
    })
    expect(preview.tasks.map((task) => [task.place, task.publication, task.owner])).toEqual([
      ['instagram post 1789', rows.insta, 'Casey Consent-Officer'],
      ['print', null, 'Casey Consent-Officer'],
      ['email', null, 'Casey Consent-Officer'],
    ])
    for (const task of preview.tasks)
      expect(Math.abs(Date.parse(task.dueAt) - (Date.now() + DAY))).toBeLessThan(60_000)
    // Four publications and two places no publication covers.
    expect(preview.total).toBe(6)

    // Nothing written: the outbox rows, the projection and the tasks are as they were; only who
    // read the preview is on the audit trail.
    expect(await outbox(Object.values(rows))).toEqual(before)
    const reads = await app.payload.find({
      collection: slugs.auditEvents,
      where: {
        and: [
          { action: { equals: 'read-report' } },
          { documentId: { equals: String(consent.id) } },
        ],
      },
      depth: 0,
      overrideAccess: true,
    })
    expect(reads.docs.map((doc) => (doc as { note?: string }).note)).toEqual([
      `takedown preview for ${consent.reference}`,
    ])
    expect(await projection(key)).toBeGreaterThan(0)
    expect(await tasksOf(consent.id)).toEqual([])

    const revoked = await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
      token: officer,
      body: { revocation: { receivedAt: new Date().toISOString(), method: 'email' } },
    })
    expect(revoked.status, await revoked.clone().text()).toBe(200)
    const created = await tasksOf(consent.id)
    const expected = [...preview.tasks].sort((a, b) => a.place.localeCompare(b.place))
    expect(created.map((task) => [task.place, task.instructions, task.publication_id])).toEqual(
      expected.map((task) => [task.place, task.instructions, task.publication]),
    )
    const states = Object.fromEntries(
      (await outbox(Object.values(rows))).map((r) => [r.id, r.state]),
    )
    expect(states).toEqual({
      [rows.web]: 'retracting',
      [rows.hook]: 'retracting',
      [rows.insta]: 'published',
      [rows.pending]: 'cancelled',
    })

    // Once recorded there is nothing left to preview: 409 naming the field, pointing at the report.
    await expectCleanError(
      await app.rest('GET', `/${slugs.consentRecords}/${consent.id}/takedown-preview`, {
        token: officer,
      }),
      { status: 409, field: 'revocation.receivedAt', problem: /already recorded.*takedown report/ },
    )

    // The report follows each item down.
    const progress = async () =>
      Object.fromEntries(
        (
          await read<Report>(`/${slugs.consentRecords}/${consent.id}/takedown-report`)
        ).publications.map((row) => [row.id, row.progress]),
      )
    expect(await progress()).toEqual({
      [rows.web]: 'queued',
      [rows.hook]: 'queued',
      [rows.insta]: 'coming-down',
      [rows.pending]: 'cancelled',
    })
    await pool.query("UPDATE publications SET lease_owner = 'worker-x' WHERE id = $1", [rows.hook])
    expect((await progress())[rows.hook]).toBe('coming-down')
    await pool.query('UPDATE publications SET lease_owner = NULL WHERE id = $1', [rows.hook])
    await testWorker(app).runOnce()
    const report = await read<Report>(`/${slugs.consentRecords}/${consent.id}/takedown-report`)
    const insta = report.manualTasks.find((task) => task.publication === rows.insta)!
    expect(insta).toMatchObject({
      place: 'instagram post 1789',
      ownerName: 'Casey Consent-Officer',
      done: false,
      doneByName: null,
    })
    expect(insta.instructions).toMatch(/Delete post 1789 by hand/)
    const done = await app.rest('PATCH', `/${slugs.consentTasks}/${insta.id}`, {
      token: officer,
      body: { done: true },
    })
    expect(done.status).toBe(200)
    expect(await progress()).toEqual({
      [rows.web]: 'taken-down',
      [rows.hook]: 'taken-down',
      [rows.insta]: 'taken-down',
      [rows.pending]: 'cancelled',
    })
    const after = await read<Report>(`/${slugs.consentRecords}/${consent.id}/takedown-report`)
    expect(after.manualTasks.find((task) => task.id === insta.id)!.doneByName).toBe(
      'Casey Consent-Officer',
    )
  })

  it('answers the preview only to consent officers and admins, for a record that exists', async () => {
    const { app, tokens } = world
    const consent = await activeConsent(app, world.formId)
    const path = `/${slugs.consentRecords}/${consent.id}/takedown-preview`
    const cases: [Response, number, RegExp][] = [
      [await app.rest('GET', path), 401, /Only consent officers and admins/],
      [
        await app.rest('GET', path, { token: tokens.marketer.token! }),
        403,
        /Only consent officers/,
      ],
      [
        await app.rest('GET', `/${slugs.consentRecords}/abc/takedown-preview`, { token: officer }),
        404,
        /not a consent record id/,
      ],
      [
        await app.rest('GET', `/${slugs.consentRecords}/999999/takedown-preview`, {
          token: officer,
        }),
        404,
        /no consent record 999999/,
      ],
    ]
    for (const [response, status, problem] of cases) {
      const text = await response.text()
      expect(response.status, text).toBe(status)
      expect(text).toMatch(problem)
      expect(text).not.toMatch(LEAK)
    }
    expect((await app.rest('GET', path, { token: tokens.admin.token! })).status).toBe(200)
  })

  it('records a revocation only with how it was received, and nothing without its date', async () => {
    const { app, pool } = world
    const { consent, rows } = await storyLiveEverywhere()
    const before = await outbox(Object.values(rows))
    await expectCleanError(
      await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: officer,
        body: { revocation: { receivedAt: new Date().toISOString(), notes: 'Phone call' } },
      }),
      {
        status: 400,
        field: 'revocation.method',
        problem: /How the revocation was received is required/,
      },
    )
    await expectCleanError(
      await app.rest('PATCH', `/${slugs.consentRecords}/${consent.id}`, {
        token: officer,
        body: { revocation: { method: 'email' } },
      }),
      {
        status: 400,
        field: 'revocation.receivedAt',
        problem: /When the revocation was received is required/,
      },
    )
    const [record] = (
      await pool.query(
        'SELECT status, revocation_received_at, revocation_method, revocation_notes FROM consent_records WHERE id = $1',
        [consent.id],
      )
    ).rows
    expect(record).toEqual({
      status: 'active',
      revocation_received_at: null,
      revocation_method: null,
      revocation_notes: null,
    })
    expect(await outbox(Object.values(rows))).toEqual(before)
    expect(await tasksOf(consent.id)).toEqual([])
  })
})
