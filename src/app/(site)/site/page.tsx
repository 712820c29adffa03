import Link from 'next/link'

import { delivery, readLocale } from './delivery'

export const dynamic = 'force-dynamic'

const SECTIONS = [
  ['campaigns', 'Campaigns'],
  ['stories', 'Patient stories'],
  ['events', 'Events'],
  ['videos', 'Videos'],
] as const

/** Every section's latest items, from /delivery/v1 only. */
export default async function SiteHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>
}) {
  const locale = readLocale((await searchParams).locale)
  const lists = await Promise.all(
    SECTIONS.map(([type]) => delivery.list(type, { locale, limit: 6 })),
  )
  return (
    <main>
      <h1>Our hospital</h1>
      <p>
        <Link href="/site?locale=en">English</Link> · <Link href="/site?locale=es">Español</Link> ·{' '}
        <a href={delivery.calendarUrl().replace('http://in-process', '')}>
          Subscribe to our events calendar
        </a>
      </p>
      {SECTIONS.map(([type, title], index) => (
        <section key={type}>
          <h2>{title}</h2>
          <ul>
            {lists[index].items.map((item) => (
              <li key={item.slug}>
                <Link href={`/site/${type}/${item.slug}?locale=${locale}`}>{item.title}</Link>
                {item.startsAt
                  ? ` — ${new Date(item.startsAt).toLocaleString(locale, { timeZone: item.timeZone ?? 'UTC', dateStyle: 'medium', timeStyle: 'short' })}`
                  : ''}
                {item.excerpt ? <p>{item.excerpt}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  )
}
