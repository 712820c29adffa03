import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import type {
  CampaignItem,
  EventItem,
  Image,
  StoryItem,
  VideoItem,
  VideoSummary,
} from '../../../../../../plugins/delivery/exports/client'
import { delivery, readLocale } from '../../delivery'
import { ViewBeacon } from './ViewBeacon'

export const dynamic = 'force-dynamic'

const TYPES = ['campaigns', 'stories', 'events', 'videos'] as const

const Picture = ({ image }: { image: Image | null }) =>
  image ? (
    <img
      src={image.sizes.card?.url ?? image.url}
      alt={image.alt}
      width={image.sizes.card?.width ?? image.width ?? undefined}
      height={image.sizes.card?.height ?? image.height ?? undefined}
      style={{ maxWidth: '100%', height: 'auto' }}
    />
  ) : null

/** A video with its caption tracks as <track> elements, and the transcript for those who can't watch. */
const Video = ({ video }: { video: VideoSummary }) => (
  <figure>
    {video.url ? (
      <video
        controls
        preload="metadata"
        poster={video.poster?.url}
        width={video.width ?? undefined}
        height={video.height ?? undefined}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <source src={video.url} type={video.mimeType ?? undefined} />
        {video.captions.map((track, index) => (
          <track
            key={track.src}
            kind={track.kind}
            src={track.src}
            srcLang={track.language}
            label={track.label}
            default={index === 0}
          />
        ))}
      </video>
    ) : video.externalUrl ? (
      <a href={video.externalUrl}>Watch “{video.title}”</a>
    ) : null}
    <figcaption>{video.title}</figcaption>
    {video.transcript ? (
      <details>
        <summary>Transcript</summary>
        <p>{video.transcript}</p>
      </details>
    ) : null}
  </figure>
)

const Html = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />

const when = (item: { startsAt: string; endsAt: string; timeZone: string }, locale: string) =>
  `${new Date(item.startsAt).toLocaleString(locale, { timeZone: item.timeZone, dateStyle: 'full', timeStyle: 'short' })} – ${new Date(item.endsAt).toLocaleTimeString(locale, { timeZone: item.timeZone, timeStyle: 'short' })}`

const Story = ({ item }: { item: StoryItem }) => (
  <>
    {item.displayName ? <p>{item.displayName}’s story</p> : null}
    {item.pullQuote ? <blockquote>{item.pullQuote}</blockquote> : null}
    {item.photos.map((photo) => (
      <Picture key={photo.url} image={photo} />
    ))}
    <Html html={item.body.html} />
    {item.videos.map((video) => (
      <Video key={video.slug} video={video} />
    ))}
  </>
)

const Campaign = ({ item, locale }: { item: CampaignItem; locale: string }) => (
  <>
    <Picture image={item.heroImage} />
    {item.summary ? <p>{item.summary}</p> : null}
    {item.body ? <Html html={item.body.html} /> : null}
    {item.related.videos.map((video) => (
      <Video key={video.slug} video={video} />
    ))}
    {(['stories', 'events'] as const).map((type) =>
      item.related[type].length ? (
        <section key={type}>
          <h2>{type === 'stories' ? 'Stories' : 'Events'}</h2>
          <ul>
            {item.related[type].map((related) => (
              <li key={related.slug}>
                <Link href={`/site/${type}/${related.slug}?locale=${locale}`}>{related.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null,
    )}
  </>
)

const Event = ({ item, locale }: { item: EventItem; locale: string }) => (
  <>
    {item.eventStatus === 'cancelled' ? (
      <p>
        <strong>Cancelled</strong>
      </p>
    ) : null}
    <p>
      {when(item, locale)}
      {item.recurrence ? ' (repeats)' : ''}
    </p>
    {item.venue ? (
      <p>{[item.venue.name, item.venue.street, item.venue.city].filter(Boolean).join(', ')}</p>
    ) : null}
    {item.joinUrl ? (
      <p>
        <a href={item.joinUrl}>Join online</a>
      </p>
    ) : null}
    <Picture image={item.image} />
    {item.description ? <Html html={item.description.html} /> : null}
    <p>
      <a href={item.calendarUrl}>Add to calendar</a>
      {item.registrationUrl ? (
        <>
          {' '}
          · <a href={item.registrationUrl}>Register</a>
        </>
      ) : null}
    </p>
    {item.accessibilityNotes ? <p>{item.accessibilityNotes}</p> : null}
  </>
)

/** One item, rendered only from its /delivery/v1 response, with its JSON-LD in the page. */
export default async function ItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ type: string; slug: string }>
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const { type, slug } = await params
  const locale = readLocale((await searchParams).locale)
  if (!(TYPES as readonly string[]).includes(type)) notFound()
  const item = await delivery.get(type as (typeof TYPES)[number], slug, locale)
  if (!item) notFound()
  return (
    <main lang={item.locale}>
      {/* JSON.stringify cannot close the script element only if "<" is escaped. */}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(item.jsonLd).replace(/</g, '\\u003c') }}
      />
      <p>
        <Link href={`/site?locale=${locale}`}>← Home</Link>
      </p>
      <h1>{item.title}</h1>
      <ViewBeacon type={type} slug={slug} />
      {item.type === 'stories' ? (
        <Story item={item} />
      ) : item.type === 'campaigns' ? (
        <Campaign item={item} locale={locale} />
      ) : item.type === 'events' ? (
        <Event item={item} locale={locale} />
      ) : (
        <Video video={item as VideoItem} />
      )}
    </main>
  )
}
