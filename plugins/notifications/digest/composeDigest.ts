import type { Mail } from '../types'

export type DigestItem = {
  subject: string
  text: string
  link: string | null
  createdAt: Date
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`

const perInterval = (ms: number) =>
  ms === 3_600_000
    ? 'an hour'
    : ms % 3_600_000 === 0
      ? `every ${ms / 3_600_000} hours`
      : `every ${Math.round(ms / 60_000)} minutes`

/** An absolute link: admin paths get the origin; anything already absolute is kept. */
export const absolute = (serverURL: string, link: string) =>
  /^https?:\/\//.test(link) ? link : `${serverURL}${link.startsWith('/') ? '' : '/'}${link}`

/**
 * One plain-text email for one person: every item's subject, text, time and link, then where the
 * full list is. It carries only what the items carry: what may be said in them is the caller's rule.
 */
export const composeDigest = (args: {
  to: string
  items: DigestItem[]
  serverURL: string
  listPath: string
  intervalMs: number
}): Mail => {
  const { items } = args
  const subject = items.length === 1 ? items[0].subject : `${items.length} new notifications`
  const lines = [
    items.length === 1
      ? 'You have 1 new notification.'
      : `You have ${items.length} new notifications.`,
    '',
  ]
  items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.subject}`)
    for (const line of item.text.split('\n')) lines.push(`   ${line}`.trimEnd())
    lines.push(`   ${utc(item.createdAt)}`)
    if (item.link) lines.push(`   ${absolute(args.serverURL, item.link)}`)
    lines.push('')
  })
  lines.push(`All your notifications: ${absolute(args.serverURL, args.listPath)}`)
  lines.push(`You get at most one of these emails ${perInterval(args.intervalMs)}.`)
  return { to: args.to, subject, text: `${lines.join('\n')}\n` }
}
