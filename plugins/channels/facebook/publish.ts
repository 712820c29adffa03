/**
 * Publishing to a Facebook Page, as the Pages API documents it:
 * - Text and link: `POST /{page-id}/feed` with `message` and `link`, answering
 *   `{ "id": "{page-id}_{post-id}" }` (https://developers.facebook.com/docs/pages/publishing).
 * - One photo: `POST /{page-id}/photos` with `url` (Facebook fetches it) or a multipart `source`
 *   file, plus `caption`, answering `{ id, post_id }`
 *   (https://developers.facebook.com/docs/graph-api/photo-uploads). `alt_text_custom` is the
 *   photos edge's "accessible alternative description for an image"
 *   (https://developers.facebook.com/docs/graph-api/reference/page/photos, Creating).
 * - Several photos: each uploaded with `published=false`, then one `POST /{page-id}/feed` with
 *   `attached_media[i]={"media_fbid":"…"}` (photo-uploads guide, "multi-photo story").
 */
import type { ChannelFailure, ChannelMedia, ChannelPost, ChannelResult } from '../../scheduler'
import {
  callGraph,
  isFailure,
  permanentFailure,
  stringField,
  type GraphContext,
  type GraphFile,
  type GraphParams,
} from './graph'
import { channelFailure } from './graphErrors'

/** Where a Page post can be seen: facebook.com resolves `{page-id}_{post-id}` to the post. */
export const FACEBOOK_WEB_URL = 'https://www.facebook.com'

const images = (post: ChannelPost): ChannelMedia[] =>
  post.media.filter((media) => media.kind === 'image')

/**
 * The text Facebook will show. A feed post carries the link as its own attachment, but a photo
 * post has none, so there the link goes at the end of the caption (unless the text has it already).
 */
export const facebookMessage = (post: ChannelPost): string => {
  if (!images(post).length || !post.link || post.text.includes(post.link)) return post.text
  return post.text ? `${post.text}\n\n${post.link}` : post.link
}

type PhotoSource = { params: GraphParams; files?: GraphFile[] }

/** A public URL lets Facebook fetch the image itself; a file on disk is uploaded as `source`. */
const photoSource = (image: ChannelMedia): PhotoSource | ChannelFailure => {
  if (image.url) return { params: { url: image.url } }
  if (image.filePath)
    return {
      params: {},
      files: [{ field: 'source', filePath: image.filePath, mimeType: image.mimeType }],
    }
  return permanentFailure('Facebook: an image has neither a public URL nor a file to upload')
}

const success = (postId: string, status: number): ChannelResult => ({
  ok: true,
  remoteId: postId,
  remoteUrl: `${FACEBOOK_WEB_URL}/${encodeURIComponent(postId)}`,
  status,
})

const missingId = (status: number, edge: string): ChannelFailure => ({
  // The write may have happened; retrying lets the dispatcher reconcile before posting again.
  ok: false,
  retryable: true,
  status,
  message: `Facebook: ${edge} answered without a post id`,
})

const publishFeed = async (
  ctx: GraphContext,
  params: GraphParams,
  now: () => number,
): Promise<ChannelResult> => {
  const result = await callGraph(ctx, { method: 'POST', path: `${ctx.nodeId}/feed`, params }, now)
  if (isFailure(result)) return channelFailure(result)
  const id = stringField(result.body, 'id')
  return id ? success(id, result.status) : missingId(result.status, '/feed')
}

const publishOnePhoto = async (
  ctx: GraphContext,
  post: ChannelPost,
  image: ChannelMedia,
  now: () => number,
): Promise<ChannelResult> => {
  const source = photoSource(image)
  if (isFailure(source)) return source
  const params = {
    ...source.params,
    caption: facebookMessage(post) || undefined,
    alt_text_custom: image.altText,
  }
  const result = await callGraph(
    ctx,
    { method: 'POST', path: `${ctx.nodeId}/photos`, params, files: source.files },
    now,
  )
  if (isFailure(result)) return channelFailure(result)
  // `post_id` is the feed story (what reconcile and delete work on); `id` is the photo itself.
  const id = stringField(result.body, 'post_id') ?? stringField(result.body, 'id')
  return id ? success(id, result.status) : missingId(result.status, '/photos')
}

/** Uploads one photo without publishing it, for a multi-photo post; answers its id. */
const uploadUnpublished = async (
  ctx: GraphContext,
  image: ChannelMedia,
  now: () => number,
): Promise<string | ChannelFailure> => {
  const source = photoSource(image)
  if (isFailure(source)) return source
  const params = { ...source.params, published: 'false', alt_text_custom: image.altText }
  const result = await callGraph(
    ctx,
    { method: 'POST', path: `${ctx.nodeId}/photos`, params, files: source.files },
    now,
  )
  if (isFailure(result)) return channelFailure(result)
  return (
    stringField(result.body, 'id') ?? {
      ok: false,
      retryable: true,
      status: result.status,
      message: 'Facebook: /photos answered without a photo id',
    }
  )
}

const publishManyPhotos = async (
  ctx: GraphContext,
  post: ChannelPost,
  photos: ChannelMedia[],
  now: () => number,
): Promise<ChannelResult> => {
  const params: GraphParams = { message: facebookMessage(post) || undefined }
  for (const [index, image] of photos.entries()) {
    // Unpublished photos are not visible, so a failure part-way leaves nothing on the Page.
    const id = await uploadUnpublished(ctx, image, now)
    if (typeof id !== 'string') return id
    params[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id })
  }
  return publishFeed(ctx, params, now)
}

/** Publishes the post with the fewest documented requests its media allow. */
export const publishToPage = async (
  ctx: GraphContext,
  post: ChannelPost,
  now: () => number,
): Promise<ChannelResult> => {
  if (post.media.some((media) => media.kind === 'video')) {
    return permanentFailure(
      'Facebook: this adapter posts text, links and photos; Page videos are not supported, so remove the video or publish it by hand',
    )
  }
  const photos = images(post)
  if (photos.length === 1) return publishOnePhoto(ctx, post, photos[0]!, now)
  if (photos.length > 1) return publishManyPhotos(ctx, post, photos, now)
  if (!post.text.trim() && !post.link)
    return permanentFailure('Facebook: the post has no text, link or photo')
  return publishFeed(ctx, { message: post.text || undefined, link: post.link }, now)
}
