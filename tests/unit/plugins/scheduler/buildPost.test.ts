import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import type { ChannelAdapter } from '../../../../plugins/scheduler'
import type { SanitizedSchedulerConfig } from '../../../../plugins/scheduler/defaults'
import { buildPost } from '../../../../plugins/scheduler/dispatch/buildPost'
import type { LoadedRow } from '../../../../plugins/scheduler/dispatch/loadBatch'

const adapter = { channel: 'webhook' } as unknown as ChannelAdapter
const payload = {} as Payload

const counting = () => {
  const calls: unknown[] = []
  const config = {
    serializeDocument: async ({ doc }: { doc: Record<string, unknown> }) => {
      calls.push(doc)
      return { type: 'story', slug: String(doc.slug), title: doc.title }
    },
  } as unknown as SanitizedSchedulerConfig
  return { config, calls }
}

const row = (id: number, document: Record<string, unknown>): LoadedRow =>
  ({
    publication: { id, channel: 'webhook', idempotencyKey: `key-${id}`, text: 'Hello' },
    document,
    collection: 'patient-stories',
    media: [],
  }) as unknown as LoadedRow

describe('buildPost', () => {
  it('serializes a document once for all the rows of a batch that share it', async () => {
    const { config, calls } = counting()
    const story = { id: 1, slug: 'maria', title: 'Maria walks again' }
    const posts = await Promise.all(
      [1, 2, 3].map((id) => buildPost(config, payload, row(id, story), adapter)),
    )
    expect(calls).toHaveLength(1)
    expect(posts.map((post) => post.document?.slug)).toEqual(['maria', 'maria', 'maria'])
    expect(posts.map((post) => post.idempotencyKey)).toEqual(['key-1', 'key-2', 'key-3'])
  })

  it('serializes again for the next batch, which loads the document afresh', async () => {
    const { config, calls } = counting()
    await buildPost(config, payload, row(1, { id: 1, slug: 'maria', title: 'Before' }), adapter)
    const next = await buildPost(
      config,
      payload,
      row(2, { id: 1, slug: 'maria', title: 'After the edit' }),
      adapter,
    )
    expect(calls).toHaveLength(2)
    expect(next.document?.title).toBe('After the edit')
  })
})
