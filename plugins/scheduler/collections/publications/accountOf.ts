import type { PayloadRequest } from 'payload'

import type { SanitizedSchedulerConfig } from '../../defaults'
import type { ChannelKind } from '../../types'
import { relationId } from './relationId'

type AccountFacts = { channel?: ChannelKind; characterLimit?: number }

/**
 * The channel and character limit of the account a publication names, read once per request.
 * Field validators need them before the row's own `channel` is set: Payload's form state (the
 * admin's validation as one types) runs field validators without the collection's beforeValidate
 * hook, so a document never saved has an account but no channel yet, and a changed account
 * still carries the old one.
 */
export const accountOf = async (
  config: SanitizedSchedulerConfig,
  req: PayloadRequest,
  account: unknown,
): Promise<AccountFacts> => {
  const id = relationId(account)
  if (id === undefined || id === '') return {}
  const cacheKey = `schedulerAccount:${String(id)}`
  if (cacheKey in req.context) return req.context[cacheKey] as AccountFacts
  const doc = (await req.payload
    .findByID({
      collection: config.channelAccountsSlug,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)) as { channel?: unknown; characterLimit?: unknown } | null
  const facts: AccountFacts = {
    channel: typeof doc?.channel === 'string' ? (doc.channel as ChannelKind) : undefined,
    characterLimit: typeof doc?.characterLimit === 'number' ? doc.characterLimit : undefined,
  }
  req.context[cacheKey] = facts
  return facts
}

/** The network a publication goes to: its account's, else the channel already stored on it. */
export const channelOf = async (
  config: SanitizedSchedulerConfig,
  req: PayloadRequest,
  data: { channel?: ChannelKind | null; channelAccount?: unknown },
): Promise<AccountFacts> => {
  const facts = await accountOf(config, req, data.channelAccount)
  return { ...facts, channel: facts.channel ?? data.channel ?? undefined }
}
