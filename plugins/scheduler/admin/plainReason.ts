import type { AttemptEntry } from '../states'

export type PlainReason = { summary: string; advice: string }

/**
 * A failed post's reason in words a marketer can act on, from the network's answer (the status of
 * the last attempt) and the recorded error; the network's own message stays beside it for whoever
 * has to call support. Pure, so the failures view and its test read the same words.
 */
export const plainReason = (
  lastError: string | null | undefined,
  log: AttemptEntry[] = [],
): PlainReason => {
  const last = [...log]
    .reverse()
    .find((entry) => entry.outcome === 'failed' || entry.outcome === 'retry')
  const status = last?.status
  const error = `${lastError ?? ''} ${last?.error ?? ''}`
  const gaveUp = /gave up after (\d+) attempts/.exec(error)
  const tries = gaveUp ? ` Carecast tried ${gaveUp[1]} times.` : ''
  if (last?.kind === 'guard' || last?.kind === 'consent' || /consent/i.test(error))
    return {
      summary: 'Carecast held it back: a publishing check refused it at send time.',
      advice: 'Read the check below (a consent, a draft document), fix that, then retry.',
    }
  if (status === 401)
    return {
      summary: "The network no longer accepts this account's sign-in.",
      advice: 'Reconnect the channel account, then retry.',
    }
  if (status === 403)
    return {
      summary: 'The network refused this account permission to post.',
      advice:
        "Check the account's role on the page or profile (it needs posting rights), then retry.",
    }
  if (status === 404)
    return {
      summary: 'The network could not find the page, profile or media the post points at.',
      advice: 'Check the channel account and the media, then retry.',
    }
  if (status === 413)
    return {
      summary: 'The media is larger than the network accepts.',
      advice: 'Pick a smaller image or a shorter video, then retry.',
    }
  if (status === 400 || status === 422)
    return {
      summary: "The network refused the post's content.",
      advice: "Change what the network's message below names (text, link or media), then retry.",
    }
  if (status === 429)
    return {
      summary: `The network asked Carecast to slow down, and kept refusing.${tries}`,
      advice: 'Retry in a while; the network resets its limit within the hour.',
    }
  if (status !== undefined && status >= 500)
    return {
      summary: `The network had a problem on its side.${tries}`,
      advice:
        'Nothing to change in the post: retry later, or check the network\u2019s status page.',
    }
  if (/timed? ?out|timeout|abort/i.test(error))
    return {
      summary: `The network did not answer in time.${tries}`,
      advice: 'Retry; if it keeps happening the network may be down.',
    }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed|network/i.test(error))
    return {
      summary: `Carecast could not reach the network.${tries}`,
      advice: "Check the hospital network's connection to the internet, then retry.",
    }
  return {
    summary: 'The post could not be sent.',
    advice: 'Read the message below, change what it names, then retry.',
  }
}
