export type ExternalVideo = { provider: 'youtube' | 'vimeo'; id: string }

/** Recognises the YouTube and Vimeo addresses people paste; anything else is not an embeddable video. */
export const parseExternalVideoUrl = (value: string): ExternalVideo | undefined => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const host = url.hostname.replace(/^(www\.|m\.)/, '')
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id =
      url.pathname === '/watch'
        ? url.searchParams.get('v')
        : /^\/(?:embed|shorts|live)\/([\w-]{11})/.exec(url.pathname)?.[1]
    return id && /^[\w-]{11}$/.test(id) ? { provider: 'youtube', id } : undefined
  }
  if (host === 'youtu.be') {
    const id = url.pathname.slice(1)
    return /^[\w-]{11}$/.test(id) ? { provider: 'youtube', id } : undefined
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /^\/(?:video\/)?(\d{6,12})(?:\/|$)/.exec(url.pathname)?.[1]
    return id ? { provider: 'vimeo', id } : undefined
  }
  return undefined
}
