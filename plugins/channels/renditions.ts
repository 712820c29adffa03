import type { ChannelPost, RenditionName } from '../scheduler'

/**
 * Facebook, LinkedIn and X all document a 1.91:1 link-preview image of 1200×630 (LinkedIn says
 * 1200×627), and cap the photos they take well below what Carecast accepts (X 5 MB, Facebook
 * 4 MB), so a post carrying a link sends the link card, and a photo post the 1080×1080 square,
 * which every one of them shows uncropped. The sources are in each adapter's `preferredRendition`.
 */
export const linkCardOrSquare = (post: ChannelPost): RenditionName =>
  post.link ? 'linkCard' : 'square'
