/** The events the scheduler and consent plugins report through their `onEvent` option. */
import type { Payload, PayloadRequest } from 'payload'

export type { ConsentEvent } from '../../plugins/consent'
export type { SchedulerEvent } from '../../plugins/scheduler'

/** What both plugins pass with an event: the operation's `req` when there is one (the worker has none). */
export type EventContext = { payload: Payload; req?: PayloadRequest }
