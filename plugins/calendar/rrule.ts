import * as rrule from 'rrule'

// rrule's CommonJS build (what Node loads under tsx) gives ESM only a default export; its ESM
// build (what vitest and bundlers load) has no default. Take RRule from wherever it landed.
export const { RRule } = (
  'RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default
) as typeof rrule
export type RRuleInstance = InstanceType<typeof RRule>
