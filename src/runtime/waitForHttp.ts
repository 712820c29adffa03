/**
 * Polls `url` until it answers with one of `okStatuses` (any status below 500 by default),
 * or gives up after `timeoutMs`. Used to hold the ready line until the app can really serve.
 */
export const waitForHttp = async (
  url: string,
  {
    timeoutMs = 180_000,
    intervalMs = 500,
    isAlive = () => true,
  }: { timeoutMs?: number; intervalMs?: number; isAlive?: () => boolean } = {},
): Promise<number> => {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the web server exited before ${url} answered`)
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      await response.arrayBuffer()
      if (response.status < 500) return response.status
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${lastError})`)
}
