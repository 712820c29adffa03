import type { Payload } from 'payload'

import { relationId } from '../collections/publications/relationId'
import type { SanitizedSchedulerConfig } from '../defaults'
import type { LoadedRow } from './loadBatch'

/**
 * Tells the host a row ended `failed`, after the worker recorded it (there is no request to join:
 * the outcome is already committed). A throwing handler is logged, never the worker's failure.
 */
export const emitFailed = async (
  ctx: { payload: Payload; config: SanitizedSchedulerConfig },
  id: number,
  row: LoadedRow | undefined,
  error: string,
): Promise<void> => {
  try {
    await ctx.config.onEvent(
      {
        type: 'publication.failed',
        publicationId: id,
        title: String(row?.publication.title ?? ''),
        channel: String(row?.publication.channel ?? row?.account?.channel ?? ''),
        actor: null,
        authorId: relationId(row?.publication.createdBy) ?? null,
        error,
      },
      { payload: ctx.payload },
    )
  } catch (err) {
    ctx.payload.logger.error({ err, publication: id }, 'onEvent failed for publication.failed')
  }
}
