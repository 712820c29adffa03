import { isbot } from 'isbot'

const CACHE_SIZE = 1000
const seen = new Map<string, boolean>()

/**
 * `isbot`, remembered per user-agent string: a redirect or a view asks it once per request, and
 * its pattern is long, while the same few hundred browsers and crawlers ask again and again. The
 * oldest answer goes once a thousand are kept.
 */
export const isBot = (userAgent: string | null | undefined): boolean => {
  const agent = userAgent ?? ''
  let answer = seen.get(agent)
  if (answer === undefined) {
    answer = isbot(agent)
    if (seen.size >= CACHE_SIZE) seen.delete(seen.keys().next().value!)
    seen.set(agent, answer)
  }
  return answer
}
