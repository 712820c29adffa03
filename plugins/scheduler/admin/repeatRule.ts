/** The re-share rule as a person picks it: "every month, 6 times". */
export type RepeatChoice = { every: 'none' | 'week' | 'month'; times: number }

/** The RRULE the publication stores for a choice, or null for "once". */
export const repeatRule = ({ every, times }: RepeatChoice): string | null => {
  if (every === 'none') return null
  const count = Math.min(52, Math.max(2, Math.round(Number.isFinite(times) ? times : 2)))
  return `FREQ=${every === 'week' ? 'WEEKLY' : 'MONTHLY'};COUNT=${count}`
}
