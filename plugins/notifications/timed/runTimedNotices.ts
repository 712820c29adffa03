import type { Payload } from 'payload'

import type { SanitizedNotificationsConfig } from '../defaults'
import { notify } from '../notify'

/**
 * Asks each source for the notices due at `now` and records those not recorded before: the marker
 * is the notification itself (its `key` and recipient, unique together), so the plugin needs no
 * column in the table a notice is about, which another plugin may own. Runs under the pass's lock.
 */
export const runTimedNotices = async (
  payload: Payload,
  config: SanitizedNotificationsConfig,
  now: Date,
): Promise<number> => {
  let recorded = 0
  for (const source of config.timedNotices) {
    for (const notice of await source({ payload, now }))
      recorded += (await notify(payload, notice, { now, key: notice.key })).length
  }
  return recorded
}
