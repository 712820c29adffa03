/**
 * Waits `ms`, or less if `signal` aborts first (a worker or collector being stopped). The abort
 * listener is removed when the wait ends normally, or every idle poll would leave one behind.
 */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const onAbort = () => (clearTimeout(timer), resolve())
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
