import type { Payload, PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import type { ChannelKind, GuardResult, PublicationRecord } from '../types'

/**
 * Runs every guard in order and stops at the first refusal: the reason a person sees is the
 * first rule broken, with the field to fix. A guard that throws refuses too — a consent check
 * that could not run must not let a post through.
 */
export const runGuards = async (
  config: SanitizedSchedulerConfig,
  args: {
    publication: PublicationRecord
    document: Record<string, unknown>
    collection: string
    phase: 'approval' | 'dispatch'
    payload: Payload
    req?: PayloadRequest
  },
): Promise<GuardResult> => {
  const { publication } = args
  const window = {
    from: new Date(publication.dueAt),
    ...(publication.unpublishAt ? { until: new Date(publication.unpublishAt) } : {}),
  }
  const drafts = (
    args.payload.collections as Record<
      string,
      { config: { versions?: { drafts?: unknown } } } | undefined
    >
  )[args.collection]?.config.versions?.drafts
  if (drafts && args.document._status !== 'published') {
    return {
      ok: false,
      reason: `document: ${args.collection} ${String(args.document.id)} is a draft; publish it before it goes out on a channel.`,
      field: 'document',
    }
  }
  for (const guard of config.guards) {
    let result: GuardResult
    try {
      result = await guard({ ...args, channel: publication.channel as ChannelKind, window })
    } catch (error) {
      args.payload.logger.error(
        { err: error, publication: publication.id },
        'a publication guard failed to run',
      )
      result = {
        ok: false,
        reason: 'a publishing check could not be run; try again or ask an administrator',
      }
    }
    if (!result.ok) return result
  }
  return { ok: true }
}
