import type { SchedulerEventHandler } from '../../plugins/scheduler'
import { auditSchedulerEvent } from '../audit/fromEvents'
import { openTaskForRefusedEdit } from '../consent/refusedEdits'
import { notifySchedulerEvent } from '../notifications/handlers'

/**
 * What Carecast does with what the scheduler reports: the audit trail first, then the work and
 * the people who must hear of it — all with the change's `req`, so they commit or roll back with it.
 */
export const onSchedulerEvent: SchedulerEventHandler = async (event, context) => {
  await auditSchedulerEvent(event, context)
  await openTaskForRefusedEdit(event, context)
  await notifySchedulerEvent(event, context)
}
