/** What an HTTP status from a network means for whoever has to fix the post. */
const meaning = (status: number): string | undefined => {
  if (status === 401 || status === 403)
    return "The network refused the channel account's sign-in: reconnect the account (a new token), then retry."
  if (status === 404)
    return 'The network could not find the account or page: check the channel account.'
  if (status === 429) return 'The network limited how often we may post: retry later.'
  if (status === 400 || status === 413 || status === 422)
    return 'The network refused the post as written: check the copy, the link and the media, then retry.'
  if (status >= 500) return 'The network had a problem on its side: retry later.'
  return undefined
}

const DETAIL_MAX = 300

/**
 * A dispatch error in plain words: what it means and what to do (from the HTTP status in it, when
 * there is one), then the network's own message, on one line and cut short.
 */
export const plainReason = (error: string): string => {
  const detail = error.replace(/\s+/g, ' ').trim()
  const short = detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX - 1)}…` : detail
  const status = Number(/\b([45]\d\d)\b/.exec(detail)?.[1] ?? 0)
  const timedOut = /timed? ?out|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|network error/i.test(
    detail,
  )
  const hint =
    meaning(status) ??
    (timedOut
      ? 'The network did not answer: it will be retried, or retry it yourself later.'
      : undefined)
  const said = short ? `The network said: ${short}` : 'The network gave no reason.'
  return hint ? `${hint}\n${said}` : said
}
