import { readJson } from '../http'
import {
  type ChannelAccount,
  type ChannelPost,
  type ChannelSuccess,
  ReconcileFailed,
} from '../../scheduler/exports/channels'
import {
  isRecord,
  linkedinFailure,
  linkedinPostUrl,
  linkedinUrl,
  localFailure,
  restHeaders,
} from './api'
import { escapeLittleText } from './littleText'

// How far before the publication's due time a post still counts as "ours": clocks differ a little.
const CLOCK_SKEW_MS = 10 * 60 * 1000

/** Thrown when LinkedIn cannot be asked: the worker must not read that as "not there, safe to send". */
const lookupError = async (response: Response): Promise<ReconcileFailed> => {
  const failure = await linkedinFailure(response)
  // The token is taken out by the adapter's wrapper (reconcileFailed).
  return new ReconcileFailed({
    ...failure,
    message: `LinkedIn lookup failed (HTTP ${failure.status}): ${failure.message}`,
  })
}

/** The due time ends the idempotency key (`collection:id:channel:dueAt`); ISO dates have colons too. */
const dueAt = (idempotencyKey: string): number | undefined => {
  const at = Date.parse(idempotencyKey.split(':').slice(3).join(':'))
  return Number.isNaN(at) ? undefined : at
}

const found = (urn: string): ChannelSuccess => ({
  ok: true,
  remoteId: urn,
  remoteUrl: linkedinPostUrl(urn),
  status: 200,
})

/** With a remote id: GET /rest/posts/{encoded URN}; 404 means it is not there. */
const lookupById = async (
  urn: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  const response = await fetch(linkedinUrl(account, `/rest/posts/${encodeURIComponent(urn)}`), {
    headers: restHeaders(account),
    signal,
  })
  if (response.status === 404) return null
  if (!response.ok) throw await lookupError(response)
  const body = await readJson(response)
  return isRecord(body) && body.id === urn ? found(urn) : null
}

/**
 * LinkedIn takes no idempotency key, so after a crash the author's recent posts are listed (the
 * documented finder: GET /rest/posts?author=…&q=author&sortBy=LAST_MODIFIED with
 * `X-RestLi-Method: FINDER`, which needs r_organization_social) and one with the very commentary we
 * would send, created since the publication fell due, is taken as ours.
 */
const lookupByCommentary = async (
  post: ChannelPost,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  if (!account.externalId)
    throw new ReconcileFailed(localFailure('LinkedIn reconcile needs the author URN (externalId)'))
  const query = `author=${encodeURIComponent(account.externalId)}&q=author&count=50&sortBy=LAST_MODIFIED`
  const response = await fetch(linkedinUrl(account, `/rest/posts?${query}`), {
    headers: restHeaders(account, { 'X-RestLi-Method': 'FINDER' }),
    signal,
  })
  if (!response.ok) throw await lookupError(response)
  const body = await readJson(response)
  const elements =
    isRecord(body) && Array.isArray(body.elements) ? body.elements.filter(isRecord) : []
  const commentary = escapeLittleText(post.text)
  const since = (dueAt(post.idempotencyKey) ?? Number.NEGATIVE_INFINITY) - CLOCK_SKEW_MS
  const match = elements.find(
    (element) =>
      typeof element.id === 'string' &&
      element.commentary === commentary &&
      (typeof element.createdAt !== 'number' || element.createdAt >= since),
  )
  return match ? found(match.id as string) : null
}

export const reconcileLinkedIn = (
  post: ChannelPost,
  account: ChannelAccount,
  remoteId: string | undefined,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> =>
  remoteId ? lookupById(remoteId, account, signal) : lookupByCommentary(post, account, signal)
