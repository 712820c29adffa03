import type { RecurrencePolicy } from '../../plugins/calendar'

/**
 * Carecast's limits on a community event's series, on top of RFC 5545: it must end (COUNT up to
 * 366, or UNTIL), and its skipped dates go in the event's exceptions, not in the rule.
 */
export const eventRecurrence: RecurrencePolicy = {
  owner: 'the event',
  repeats: 'the event',
  maxCount: 366,
  mustEnd: 'community events',
  insteadOfDates: 'list skipped dates as exceptions instead',
  example: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8',
}
