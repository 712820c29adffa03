import type { Payload } from 'payload'

import { relationId } from '../collections/publications/relationId'
import type { SanitizedSchedulerConfig } from '../defaults'
import type { SchedulerEvent } from '../events'
import type { GuardResult } from '../types'
import type { LoadedRow } from './loadBatch'

type Context = { payload: Payload; config: SanitizedSchedulerConfig }

/**
 * Tells the host what the worker did, after it recorded it (there is no request to join: the
 * outcome is already committed). A throwing handler is logged, never the worker's failure.
 */
const emit = async (ctx: Context, event: SchedulerEvent, id: number): Promise<void> => {
  try {
    await ctx.config.onEvent(event, { payload: ctx.payload })
  } catch (err) {
    ctx.payload.logger.error({ err, publication: id }, `onEvent failed for ${event.type}`)
  }
}

const about = (id: number, row: LoadedRow | undefined) => ({
  publicationId: id,
  title: String(row?.publication.title ?? ''),
  channel: String(row?.publication.channel ?? row?.account?.channel ?? ''),
  actor: null,
  authorId: relationId(row?.publication.createdBy) ?? null,
})

/** A row ended `failed`. */
export const emitFailed = (ctx: Context, id: number, row: LoadedRow | undefined, error: string) =>
  emit(ctx, { type: 'publication.failed', ...about(id, row), error }, id)

/** A live copy came down because its edited document could not go out. */
export const emitTakenDown = (
  ctx: Context,
  id: number,
  row: LoadedRow,
  reason: string,
  refusal?: Extract<GuardResult, { ok: false }>,
) =>
  emit(
    ctx,
    {
      type: 'publication.taken-down',
      ...about(id, row),
      document: { collection: row.collection, id: String(row.document?.id ?? '') },
      reason,
      ...(refusal?.source ? { source: refusal.source } : {}),
      ...(refusal?.sourceId !== undefined ? { sourceId: refusal.sourceId } : {}),
    },
    id,
  )
