import type { ChannelAdapter, ChannelMedia, ChannelPost } from '../channels/types'

/**
 * Gives each image of the post the file its network asks for (`adapter.preferredRendition`), and
 * drops the other renditions, so an adapter sends exactly one file per image. An image without
 * the asked-for size (the host did not cut it, or the original was smaller) goes as it is.
 */
export const pickRenditions = (post: ChannelPost, adapter: ChannelAdapter): ChannelPost => ({
  ...post,
  media: post.media.map((item): ChannelMedia => {
    const { renditions, ...original } = item
    const name =
      item.kind === 'image' && adapter.preferredRendition
        ? adapter.preferredRendition(post, item)
        : undefined
    const chosen = name ? renditions?.[name] : undefined
    if (!chosen || !(chosen.filePath || chosen.url)) return original
    return {
      ...original,
      filePath: chosen.filePath,
      url: chosen.url,
      mimeType: chosen.mimeType,
      width: chosen.width,
      height: chosen.height,
    }
  }),
})
