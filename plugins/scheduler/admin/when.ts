/** In the post's own zone, whatever the browser's (issue 16's time-zone defect), named. */
export const when = (iso: string, timeZone?: string) => {
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const
  try {
    return timeZone
      ? `${new Date(iso).toLocaleString('en-US', { ...options, timeZone })} (${timeZone})`
      : new Date(iso).toLocaleString('en-US', options)
  } catch {
    // A zone this browser doesn't know: its own zone, rather than no page.
    return new Date(iso).toLocaleString('en-US', options)
  }
}
