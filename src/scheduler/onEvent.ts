import type { SchedulerEventHandler } from '../../plugins/scheduler'
import { auditSchedulerEvent } from '../audit/fromEvents'
import { notifySchedulerEvent } from '../notifications/handlers'

/**
 * What Carecast does with what the scheduler reports: the audit trail first, then the people who
 * must hear of it — both with the change's `req`, so they commit or roll back with it.
 */
export const onSchedulerEvent: SchedulerEventHandler = async (event, context) => {
  await auditSchedulerEvent(event, context)
  await notifySchedulerEvent(event, context)
}
