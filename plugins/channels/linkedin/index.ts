import { networkFailure, reconcileFailed } from '../http'
import type { ChannelAccount, ChannelAdapter, ChannelPost, ChannelResult } from '../../scheduler'
import {
  JSON_BODY,
  linkedinFailure,
  linkedinPostUrl,
  linkedinUrl,
  localFailure,
  redact,
  restHeaders,
  type Step,
} from './api'
import { escapeLittleText } from './littleText'
import { uploadImage } from './media'
import { linkedinMetricsSupport, readLinkedInMetrics } from './metrics'
import { reconcileLinkedIn } from './reconcile'
import { guardedMetrics } from '../metrics'
import { linkCardOrSquare } from '../renditions'

export { DEFAULT_LINKEDIN_VERSION } from './api'
export { escapeLittleText } from './littleText'

type ImageRef = { id: string; altText?: string }
type PostContent =
  | { media: ImageRef }
  | { multiImage: { images: ImageRef[] } }
  | { article: { source: string; title: string } }

const imageRef = (id: string, altText: string | undefined): ImageRef =>
  altText ? { id, altText } : { id }

/** The article card's title: the document's own title when the serializer gave one, else the site. */
const articleTitle = (post: ChannelPost, link: string): string => {
  const title = post.document?.title
  if (typeof title === 'string' && title.trim() !== '') return title.trim()
  try {
    return new URL(link).hostname
  } catch {
    return link
  }
}

/**
 * The post's `content`: one image → `media: { id, altText }`, several → `multiImage` (organic posts
 * support both), none but a link → `article: { source, title }`, neither → a text-only post.
 */
const buildContent = async (
  post: ChannelPost,
  author: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<PostContent | undefined>> => {
  const images: ImageRef[] = []
  for (const media of post.media) {
    const uploaded = await uploadImage(media, author, account, signal)
    if (!uploaded.ok) return uploaded
    images.push(imageRef(uploaded.value, media.altText))
  }
  if (images.length === 1) return { ok: true, value: { media: images[0] } }
  if (images.length > 1) return { ok: true, value: { multiImage: { images } } }
  if (post.link)
    return {
      ok: true,
      value: { article: { source: post.link, title: articleTitle(post, post.link) } },
    }
  return { ok: true, value: undefined }
}

/** The Posts API body for an organic, public, main-feed post. */
const postBody = (author: string, text: string, content: PostContent | undefined) => ({
  author,
  commentary: escapeLittleText(text),
  visibility: 'PUBLIC',
  distribution: {
    feedDistribution: 'MAIN_FEED',
    targetEntities: [],
    thirdPartyDistributionChannels: [],
  },
  ...(content ? { content } : {}),
  lifecycleState: 'PUBLISHED',
  isReshareDisabledByAuthor: false,
})

/** POST /rest/posts answers 201 with an empty body and the new post's URN in `x-restli-id`. */
const publish = async (
  post: ChannelPost,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const author = account.externalId
  // Neither of these can change by retrying the same publication.
  if (!author?.startsWith('urn:li:'))
    return localFailure(
      'the LinkedIn account has no author URN (externalId, e.g. urn:li:organization:…)',
    )
  // Videos go through LinkedIn's separate Videos API (multi-part upload, finalize, processing), not built here.
  if (post.media.some((media) => media.kind === 'video'))
    return localFailure('LinkedIn video posts are not supported by this adapter yet')
  const content = await buildContent(post, author, account, signal)
  if (!content.ok) return content
  const response = await fetch(linkedinUrl(account, '/rest/posts'), {
    method: 'POST',
    headers: restHeaders(account, JSON_BODY),
    body: JSON.stringify(postBody(author, post.text, content.value)),
    signal,
  })
  if (!response.ok) return linkedinFailure(response)
  const urn = response.headers.get('x-restli-id')
  // The post may exist without an id to record; repeating it could double-post, so a person must look.
  if (!urn)
    return {
      ok: false,
      retryable: false,
      status: response.status,
      message: 'LinkedIn accepted the post but sent no x-restli-id',
    }
  return { ok: true, remoteId: urn, remoteUrl: linkedinPostUrl(urn), status: response.status }
}

/**
 * DELETE /rest/posts/{URL-encoded URN} answers 204 (also for a post already deleted: deletion is
 * idempotent). Anything else is a failure: removal backs consent withdrawal, so "gone" is reported
 * only when LinkedIn says so.
 */
const remove = async (
  urn: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<ChannelResult> => {
  const response = await fetch(linkedinUrl(account, `/rest/posts/${encodeURIComponent(urn)}`), {
    method: 'DELETE',
    headers: restHeaders(account, { 'X-RestLi-Method': 'DELETE' }),
    signal,
  })
  if (!response.ok) return linkedinFailure(response)
  await response.arrayBuffer()
  return { ok: true, remoteId: urn, status: response.status }
}

/** Network errors and aborts become retryable failures; no message leaves with the token in it. */
const guarded = async (
  account: ChannelAccount,
  run: () => Promise<ChannelResult>,
): Promise<ChannelResult> => {
  try {
    return redact(await run(), account.accessToken)
  } catch (error) {
    return redact(networkFailure(error), account.accessToken)
  }
}

export const linkedinAdapter: ChannelAdapter = {
  channel: 'linkedin',
  canDelete: true,
  /**
   * A post with a link: the 1.91:1 link card (LinkedIn recommends 1200 × 627 for link-post images,
   * linkedin.com/help/linkedin/answer/a563309 "Image specifications for LinkedIn Pages"); an image
   * post: the 1080×1080 square (the same page lists 1:1 for single-image posts; the Images API takes
   * up to 36,152,320 pixels, learn.microsoft.com/linkedin/marketing/community-management/shares/
   * images-api).
   */
  preferredRendition: linkCardOrSquare,
  publish: (post, account, signal) => guarded(account, () => publish(post, account, signal)),
  remove: (remoteId, account, signal) => guarded(account, () => remove(remoteId, account, signal)),
  reconcile: async (post, account, remoteId, signal) => {
    try {
      return await reconcileLinkedIn(post, account, remoteId, signal)
    } catch (error) {
      // A lookup that could not be made is not "not there": the dispatcher retries, token-free.
      throw reconcileFailed(error, account.accessToken)
    }
  },
  metrics: (posts, account, signal) =>
    guardedMetrics(account, networkFailure, () =>
      readLinkedInMetrics(posts, account, Date.now, signal),
    ),
  metricsSupport: linkedinMetricsSupport,
}
