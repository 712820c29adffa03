import twitterText from 'twitter-text'

import { readJson } from '../http'
import {
  type ChannelAccount,
  type ChannelPost,
  type ChannelSuccess,
  ReconcileFailed,
} from '../../scheduler/exports/channels'
import { authHeader, dataId, isRecord, localFailure, xFailure, xStatusUrl, xUrl } from './api'

// How far before the publication's due time a post still counts as "ours": clocks differ a little.
const CLOCK_SKEW_MS = 10 * 60 * 1000

/** Thrown when X cannot be asked: the worker must not read that as "not there, safe to send". */
const lookupError = async (response: Response): Promise<ReconcileFailed> => {
  const failure = await xFailure(response)
  // The token is taken out by the adapter's wrapper (reconcileFailed).
  return new ReconcileFailed({
    ...failure,
    message: `X lookup failed (HTTP ${failure.status}): ${failure.message}`,
  })
}

/**
 * The due time is the last part of the idempotency key (`collection:id:channel:dueAt`, see
 * types.ts); an ISO date has colons of its own, hence everything after the third colon.
 */
const dueAt = (idempotencyKey: string): number | undefined => {
  const at = Date.parse(idempotencyKey.split(':').slice(3).join(':'))
  return Number.isNaN(at) ? undefined : at
}

/** X wants `start_time` as YYYY-MM-DDTHH:mm:ssZ, second granularity. */
const startTime = (post: ChannelPost): string | undefined => {
  const at = dueAt(post.idempotencyKey)
  return at === undefined
    ? undefined
    : new Date(at - CLOCK_SKEW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

type UrlEntity = { url: string; expanded?: string; isMedia: boolean }
type Tweet = { id: string; text: string; urls: UrlEntity[] }

const urlEntities = (entities: unknown): UrlEntity[] => {
  const urls = isRecord(entities) && Array.isArray(entities.urls) ? entities.urls : []
  return urls
    .filter(isRecord)
    .filter((url) => typeof url.url === 'string')
    .map((url) => ({
      url: url.url as string,
      expanded: typeof url.expanded_url === 'string' ? url.expanded_url : undefined,
      // The link X appends for attached photos/videos carries the media key; it is not the author's text.
      isMedia: typeof url.media_key === 'string',
    }))
}

/** A long post's full text is in `note_tweet`; `text` is then cut short. */
const tweetOf = (value: unknown): Tweet | undefined => {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.text !== 'string')
    return undefined
  const note =
    isRecord(value.note_tweet) && typeof value.note_tweet.text === 'string'
      ? value.note_tweet
      : undefined
  return note
    ? { id: value.id, text: note.text as string, urls: urlEntities(note.entities) }
    : { id: value.id, text: value.text, urls: urlEntities(value.entities) }
}

const withScheme = (url: string): string =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`

/** Text with its links cut out and whitespace evened, so X's rewriting of links does not matter. */
const skeleton = (text: string, links: string[]): string =>
  links
    .reduce((rest, link) => rest.split(link).join(' '), text)
    .replace(/\s+/g, ' ')
    .trim()

/**
 * Whether X's rendering of a post is the text we would send. X escapes `&`, `<` and `>` as HTML
 * entities and wraps every link in t.co (the original in `entities.urls[].expanded_url`), so the
 * comparison is: same text around the links, and the same links in the same order. Links in our
 * text are found with twitter-text, X's own parser.
 */
const sameText = (tweet: Tweet, text: string): boolean => {
  const decoded = tweet.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  const ours = twitterText.extractUrls(text)
  const theirs = tweet.urls.filter((url) => !url.isMedia)
  if (
    skeleton(
      decoded,
      tweet.urls.map((url) => url.url),
    ) !== skeleton(text, ours)
  )
    return false
  return (
    ours.length === theirs.length &&
    ours.every((url, index) => withScheme(url) === theirs[index]?.expanded)
  )
}

const found = (id: string): ChannelSuccess => ({
  ok: true,
  remoteId: id,
  remoteUrl: xStatusUrl(id),
  status: 200,
})

/** With a remote id: GET /2/tweets/:id; a missing post is a 200 whose `errors` say "Not Found Error". */
const lookupById = async (
  remoteId: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  const response = await fetch(xUrl(account, `/2/tweets/${encodeURIComponent(remoteId)}`), {
    headers: authHeader(account),
    signal,
  })
  if (!response.ok) throw await lookupError(response)
  const id = dataId(await readJson(response))
  return id ? found(id) : null
}

/**
 * X takes no idempotency key, so after a crash the account's own timeline is searched
 * (GET /2/users/:id/tweets, newest first, up to 100) for a post with the same text made since the
 * publication fell due. X refuses duplicate text anyway, so a miss here at worst ends in X's
 * "duplicate content" refusal, never in a second copy.
 */
const lookupByText = async (
  post: ChannelPost,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> => {
  if (!account.externalId)
    throw new ReconcileFailed(localFailure('X reconcile needs the account user id (externalId)'))
  const query = new URLSearchParams({
    max_results: '100',
    exclude: 'replies,retweets',
    'tweet.fields': 'created_at,entities,note_tweet',
  })
  const since = startTime(post)
  if (since) query.set('start_time', since)
  const response = await fetch(
    xUrl(account, `/2/users/${encodeURIComponent(account.externalId)}/tweets?${query}`),
    { headers: authHeader(account), signal },
  )
  if (!response.ok) throw await lookupError(response)
  const body = await readJson(response)
  const tweets = isRecord(body) && Array.isArray(body.data) ? body.data.map(tweetOf) : []
  const match = tweets.find((tweet) => tweet !== undefined && sameText(tweet, post.text))
  return match ? found(match.id) : null
}

export const reconcileX = (
  post: ChannelPost,
  account: ChannelAccount,
  remoteId: string | undefined,
  signal?: AbortSignal,
): Promise<ChannelSuccess | null> =>
  remoteId ? lookupById(remoteId, account, signal) : lookupByText(post, account, signal)
