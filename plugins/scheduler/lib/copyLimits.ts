// twitter-text ships CommonJS (`module.exports = exports.default`), so Node's ESM loader exposes
// only a default export: named imports (`import { parseTweet }`) are undefined at run time.
import twitterText from 'twitter-text'

export type CopyChannel =
  'web' | 'webhook' | 'facebook' | 'instagram' | 'x' | 'linkedin' | 'mastodon' | 'youtube'

export type CopyInput = {
  channel: CopyChannel
  text: string
  /** Appended as ` <link>` unless the text already contains it. */
  link?: string
  /** Appended as ` #tag` each, unless the text already carries that tag; a leading `#` is optional. */
  hashtags?: string[]
  mediaCount?: { images: number; videos: number }
  /** Mastodon only: the instance's own limit (`configuration.statuses.max_characters`). */
  characterLimit?: number
  /** YouTube only: the video title. */
  title?: string
}

export type CopyProblem = { field: string; message: string }

export type CharacterCount = {
  used: number
  /** null where the channel sets no limit (web, webhook). */
  limit: number | null
  /** YouTube limits its description in UTF-8 bytes; every other channel counts characters. */
  unit: 'characters' | 'bytes'
}

const NETWORK: Record<CopyChannel, string> = {
  web: 'the web',
  webhook: 'the webhook',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  mastodon: 'Mastodon',
  youtube: 'YouTube',
}

const LIMITS: Partial<Record<CopyChannel, number>> = {
  x: 280,
  mastodon: 500,
  instagram: 2_200,
  linkedin: 3_000,
  facebook: 63_206,
  youtube: 5_000,
}

const INSTAGRAM_MAX_HASHTAGS = 30
const YOUTUBE_TITLE_MAX = 100
// "Up to 4 photos, 1 GIF or 1 video" (X media upload docs); mixing is refused.
const X_MAX_IMAGES = 4
// Mastodon's StatusLengthValidator puts a 23-character placeholder in for every http(s) URL.
const MASTODON_URL_LENGTH = 23
// Account::MENTION_RE: `@user@domain` is counted as `@user`, so remote mentions cost no more than local ones.
const MASTODON_MENTION =
  /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{N}_.-]+[\p{L}\p{N}_]+)?/giu

const TAG_BODY = /^[\p{L}\p{M}\p{N}_]+$/u
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
const formatNumber = (n: number) => n.toLocaleString('en-US')
const GRAPHEME_CHUNK = 256

/**
 * User-perceived characters. V8 copies the whole input into every segment it yields, so one pass
 * over a long text is quadratic (a 70,000-character post exhausts the heap); instead the text is
 * segmented in short chunks, each restarting at the last boundary found, which UAX #29 allows.
 */
const graphemes = (text: string) => {
  let count = 0
  let at = 0
  while (at < text.length) {
    const piece = text.slice(at, at + GRAPHEME_CHUNK)
    let lastStart = 0
    let inPiece = 0
    for (const segment of graphemeSegmenter.segment(piece)) {
      inPiece++
      lastStart = segment.index
    }
    if (at + piece.length >= text.length) return count + inPiece
    // The chunk's last cluster may go on past it, so it is counted again from its start; a single
    // cluster longer than a chunk (stacked combining marks) is cut, counting a little high.
    if (lastStart === 0) {
      count += 1
      at += piece.length
    } else {
      count += inPiece - 1
      at += lastStart
    }
  }
  return count
}
const codePoints = (text: string) => Array.from(text).length
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const normalizeTag = (tag: string) => tag.trim().replace(/^[#＃]/, '')
const isValidTag = (tag: string) => TAG_BODY.test(tag) && /\p{L}/u.test(tag)

/** Whether `text` already carries `#tag` as a whole hashtag (case-insensitive, as the networks match tags). */
const hasTag = (text: string, tag: string) =>
  new RegExp(
    `(^|[^\\p{L}\\p{M}\\p{N}_&])[#＃]${escapeRegExp(tag)}(?![\\p{L}\\p{M}\\p{N}_])`,
    'iu',
  ).test(text)

/**
 * The text exactly as it will be posted: the text, then each hashtag the text does not already
 * carry as ` #tag`, then ` <link>` unless the text already contains the link. The dispatcher posts
 * this string, so what checkCopy measured is what goes out.
 */
export const composeText = ({
  text,
  hashtags = [],
  link,
}: Pick<CopyInput, 'text' | 'hashtags' | 'link'>): string => {
  let composed = text.trimEnd()
  const append = (piece: string) => {
    composed = composed === '' ? piece : `${composed} ${piece}`
  }
  for (const raw of hashtags) {
    const tag = normalizeTag(raw)
    if (tag !== '' && !hasTag(composed, tag)) append(`#${tag}`)
  }
  const url = link?.trim()
  if (url && !composed.includes(url)) append(url)
  return composed
}

const mastodonLength = (text: string) => {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
  let countable = text
  // From the end, so the earlier indices (UTF-16, like JS strings) stay right.
  for (const { indices } of [...urls].reverse()) {
    countable =
      countable.slice(0, indices[0]) + 'x'.repeat(MASTODON_URL_LENGTH) + countable.slice(indices[1])
  }
  return graphemes(countable.replace(MASTODON_MENTION, '@$1'))
}

/**
 * How much of the channel's limit `text` (already composed) uses, counted the network's way: X by
 * twitter-text's weighted length (URLs 23, CJK and emoji 2), Mastodon by grapheme with URLs as 23
 * and `@user@domain` as `@user`, YouTube descriptions in UTF-8 bytes, the rest in code points (as
 * Graph API and LinkedIn count). `characterLimit` only applies to Mastodon.
 */
export const countCharacters = (
  channel: CopyChannel,
  text: string,
  options: { characterLimit?: number } = {},
): CharacterCount => {
  switch (channel) {
    case 'x':
      return {
        used: twitterText.parseTweet(text).weightedLength,
        limit: LIMITS.x!,
        unit: 'characters',
      }
    case 'mastodon': {
      const custom = options.characterLimit
      const limit =
        custom !== undefined && Number.isInteger(custom) && custom > 0 ? custom : LIMITS.mastodon!
      return { used: mastodonLength(text), limit, unit: 'characters' }
    }
    case 'youtube':
      return { used: new TextEncoder().encode(text).length, limit: LIMITS.youtube!, unit: 'bytes' }
    case 'web':
    case 'webhook':
      return { used: graphemes(text), limit: null, unit: 'characters' }
    default:
      return { used: codePoints(text), limit: LIMITS[channel]!, unit: 'characters' }
  }
}

const COUNTING_NOTE: Partial<Record<CopyChannel, string>> = {
  x: ' (URLs count as 23; CJK characters and emoji as 2)',
  mastodon: ' (URLs count as 23, @user@domain as @user)',
}

const lengthProblem = (channel: CopyChannel, count: CharacterCount): CopyProblem | null => {
  if (count.limit === null || count.used <= count.limit) return null
  const over = count.used - count.limit
  const where = channel === 'youtube' ? 'in a YouTube description' : `on ${NETWORK[channel]}`
  const unit = count.unit === 'bytes' ? ' bytes' : ''
  return {
    field: 'text',
    message: `text: ${formatNumber(count.used)} of ${formatNumber(count.limit)} ${count.unit} ${where}${COUNTING_NOTE[channel] ?? ''} — remove ${formatNumber(over)}${unit}`,
  }
}

const hashtagProblems = (hashtags: string[]): CopyProblem[] =>
  hashtags.flatMap((raw): CopyProblem[] => {
    const tag = normalizeTag(raw)
    if (tag === '')
      return [{ field: 'hashtags', message: 'hashtags: one hashtag is empty — remove it' }]
    if (isValidTag(tag)) return []
    return [
      {
        field: 'hashtags',
        message: `hashtags: "${raw.trim()}" is not a valid hashtag — use letters, digits and underscores only (no spaces or punctuation), with at least one letter`,
      },
    ]
  })

const linkProblem = (link: string | undefined): CopyProblem | null => {
  if (link === undefined || link.trim() === '') return null
  try {
    const url = new URL(link.trim())
    if (url.protocol === 'https:' || url.protocol === 'http:') return null
  } catch {
    // Falls through to the message below.
  }
  return { field: 'link', message: `link: "${link.trim()}" is not an http(s) URL` }
}

const mediaProblems = (input: CopyInput, composed: string): CopyProblem[] => {
  const images = Math.max(0, input.mediaCount?.images ?? 0)
  const videos = Math.max(0, input.mediaCount?.videos ?? 0)
  const network = NETWORK[input.channel]
  const problems: CopyProblem[] = []
  if (input.channel === 'instagram' && images + videos === 0) {
    problems.push({
      field: 'media',
      message: 'media: Instagram needs at least one image or video — add one',
    })
  } else if (input.channel === 'youtube' && videos === 0) {
    problems.push({ field: 'media', message: 'media: YouTube needs a video — add one' })
  } else if (
    composed.trim() === '' &&
    images + videos === 0 &&
    input.channel !== 'web' &&
    input.channel !== 'webhook'
  ) {
    problems.push({
      field: 'text',
      message: `text: a post to ${network} needs text or at least one image or video`,
    })
  }
  if (
    input.channel === 'x' &&
    (images > X_MAX_IMAGES || videos > 1 || (images > 0 && videos > 0))
  ) {
    problems.push({
      field: 'media',
      message: `media: X allows up to ${X_MAX_IMAGES} images or 1 video per post, not both — this post has ${images} image(s) and ${videos} video(s)`,
    })
  }
  return problems
}

const youtubeProblems = (input: CopyInput, composed: string): CopyProblem[] => {
  const problems: CopyProblem[] = []
  const title = input.title?.trim() ?? ''
  if (title === '') {
    problems.push({
      field: 'title',
      message: `title: YouTube needs a title (at most ${YOUTUBE_TITLE_MAX} characters)`,
    })
  } else {
    const length = codePoints(title)
    if (length > YOUTUBE_TITLE_MAX) {
      problems.push({
        field: 'title',
        message: `title: ${length} of ${YOUTUBE_TITLE_MAX} characters on YouTube — remove ${length - YOUTUBE_TITLE_MAX}`,
      })
    }
    if (/[<>]/.test(title))
      problems.push({
        field: 'title',
        message: 'title: YouTube does not allow "<" or ">" in a title — remove them',
      })
  }
  // The videos resource refuses these in snippet.description as well as in the title.
  if (/[<>]/.test(composed))
    problems.push({
      field: 'text',
      message: 'text: YouTube does not allow "<" or ">" in a description — remove them',
    })
  return problems
}

/**
 * Every reason the copy can't be posted to the channel as it stands, each naming its field and
 * the numbers involved; an empty list means the composed text (see composeText) will be accepted.
 */
export const checkCopy = (input: CopyInput): CopyProblem[] => {
  const composed = composeText(input)
  const problems: CopyProblem[] = [...hashtagProblems(input.hashtags ?? [])]
  const link = linkProblem(input.link)
  if (link) problems.push(link)

  const custom = input.characterLimit
  if (
    input.channel === 'mastodon' &&
    custom !== undefined &&
    !(Number.isInteger(custom) && custom > 0)
  ) {
    problems.push({
      field: 'characterLimit',
      message: `characterLimit: ${custom} is not a whole number above 0 — use the instance's limit (e.g. 500)`,
    })
  }
  const length = lengthProblem(
    input.channel,
    countCharacters(input.channel, composed, { characterLimit: custom }),
  )
  if (length) problems.push(length)

  if (input.channel === 'instagram') {
    const tags = twitterText.extractHashtags(composed).length
    if (tags > INSTAGRAM_MAX_HASHTAGS) {
      problems.push({
        field: 'hashtags',
        message: `hashtags: ${tags} of ${INSTAGRAM_MAX_HASHTAGS} hashtags on Instagram (counting those in the text) — remove ${tags - INSTAGRAM_MAX_HASHTAGS}`,
      })
    }
  }
  if (input.channel === 'youtube') problems.push(...youtubeProblems(input, composed))
  problems.push(...mediaProblems(input, composed))
  return problems
}
