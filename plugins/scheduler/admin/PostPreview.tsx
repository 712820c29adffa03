'use client'
/**
 * A post shaped the way its network shows it: the account, the text with its hashtags, the link
 * card, and the image cut to the size the adapter sends (a 1.91:1 link card where a link goes
 * along, the 1080 square otherwise, Instagram always square, Mastodon uncropped). An approver
 * sees what the audience will see before saying yes.
 */
import type { CSSProperties } from 'react'

import { networkName } from './networkName'

export type PreviewMedia = {
  url?: string | null
  alt?: string | null
  sizes?: Record<string, { url?: string | null } | undefined>
}

export type PreviewPost = {
  channel?: string | null
  accountName?: string | null
  title?: string | null
  text?: string | null
  hashtags?: string | null
  link?: string | null
  media?: PreviewMedia[]
}

/** Which generated size the adapter sends, and the frame it is shown in (width / height). */
export const previewFrame = (
  channel: string | null | undefined,
  hasLink: boolean,
): { size: string | null; ratio: string | null } => {
  if (channel === 'instagram') return { size: 'square', ratio: '1 / 1' }
  if (channel === 'mastodon') return { size: null, ratio: null }
  if (channel === 'youtube' || channel === 'web') return { size: 'card', ratio: '16 / 9' }
  return hasLink ? { size: 'linkPreview', ratio: '1200 / 630' } : { size: 'square', ratio: '1 / 1' }
}

const box: CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
  padding: 'calc(var(--base) * 0.75)',
  maxWidth: '32rem',
  background: 'var(--theme-elevation-0)',
  overflowWrap: 'anywhere',
}

const hostOf = (link: string) => {
  try {
    return new URL(link).host
  } catch {
    return link
  }
}

export const PostPreview = ({ post }: { post: PreviewPost }) => {
  const hashtags = (post.hashtags ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`))
  const image = post.media?.[0]
  const frame = previewFrame(post.channel, Boolean(post.link))
  const src = image ? (frame.size && image.sizes?.[frame.size]?.url) || image.url : null
  const picture = src ? (
    <img
      src={src}
      alt={image?.alt ?? ''}
      style={{
        display: 'block',
        width: '100%',
        ...(frame.ratio ? { aspectRatio: frame.ratio, objectFit: 'cover' as const } : {}),
        borderRadius: 'var(--style-radius-s)',
      }}
    />
  ) : null
  const imageFirst = post.channel === 'instagram' || post.channel === 'youtube'
  return (
    <figure style={box} aria-label={`Preview on ${networkName(post.channel)}`}>
      <figcaption style={{ fontWeight: 600, marginBottom: 'calc(var(--base) * 0.5)' }}>
        {post.accountName ?? 'Account'} · {networkName(post.channel)}
      </figcaption>
      {imageFirst && picture}
      {post.channel === 'youtube' || post.channel === 'web' ? (
        <p style={{ fontWeight: 600 }}>{post.title}</p>
      ) : null}
      {post.text ? <p style={{ whiteSpace: 'pre-wrap', margin: '0.5em 0' }}>{post.text}</p> : null}
      {hashtags.length ? (
        <p style={{ color: 'var(--theme-success-500)' }}>{hashtags.join(' ')}</p>
      ) : null}
      {!imageFirst && post.link ? (
        <div
          style={{
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 'var(--style-radius-s)',
          }}
        >
          {picture}
          <p style={{ padding: '0.25em 0.5em', margin: 0, fontSize: '0.85em' }}>
            {hostOf(post.link)}
          </p>
        </div>
      ) : (
        !imageFirst && picture
      )}
      {imageFirst && post.link ? (
        <p style={{ fontSize: '0.85em' }}>Link: {hostOf(post.link)}</p>
      ) : null}
    </figure>
  )
}
