import type { ChannelAccount, ChannelMedia, ChannelPost } from '../../scheduler'

const setting = (account: ChannelAccount, name: string): string | undefined => {
  const value = account.settings?.[name]
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const TITLE_MAX = 100
const PRIVACY = new Set(['public', 'unlisted', 'private'])
// Google's upload sample defaults to 22, "People & Blogs"; an account can set its own category.
const DEFAULT_CATEGORY = '22'

/**
 * `snippet.title` is required, at most 100 characters, without `<` or `>` (videos resource).
 * The video's own title is sent as given (its length is checked upstream); without one, the
 * post's first line stands in, fitted to those rules.
 */
const videoTitle = (post: ChannelPost, video: ChannelMedia): string => {
  if (video.title?.trim()) return video.title.trim()
  const firstLine =
    post.text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  const chars = Array.from(firstLine.replace(/[<>]/g, ''))
  return chars.length <= TITLE_MAX
    ? chars.join('')
    : `${chars
        .slice(0, TITLE_MAX - 1)
        .join('')
        .trimEnd()}…`
}

/** `snippet.tags[]` from the account's comma-separated `tags` setting. */
const tags = (account: ChannelAccount): string[] =>
  (setting(account, 'tags') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

/**
 * The video resource for videos.insert with `part=snippet,status`: title, description (the video's
 * own, else the post text), tags, categoryId, defaultLanguage (the language of title and
 * description); privacyStatus (public unless the account says unlisted/private — the scheduler
 * publishes at the due time) and selfDeclaredMadeForKids (false unless the account says so; the
 * flag should always be set deliberately).
 */
export const videoResource = (post: ChannelPost, video: ChannelMedia, account: ChannelAccount) => {
  const privacy = setting(account, 'privacyStatus')
  const language = setting(account, 'language')
  const keywords = tags(account)
  return {
    snippet: {
      title: videoTitle(post, video),
      description: video.description ?? post.text,
      ...(keywords.length > 0 ? { tags: keywords } : {}),
      categoryId: setting(account, 'categoryId') ?? DEFAULT_CATEGORY,
      ...(language ? { defaultLanguage: language } : {}),
    },
    status: {
      privacyStatus: privacy && PRIVACY.has(privacy) ? privacy : 'public',
      selfDeclaredMadeForKids: account.settings?.madeForKids === true,
    },
  }
}
