/**
 * What an audit event says was done, written once: the collection's select options (a Postgres
 * enum) and the type the writers use both come from this list.
 */
export const auditActions = [
  // Reads and changes of documents (consent records, stories, accounts, tasks).
  'create',
  'update',
  'delete',
  'read',
  // Consent.
  'revoke',
  'takedown',
  'expire',
  'read-report',
  'task-done',
  'task-reopen',
  // The publishing workflow.
  'submit',
  'approve',
  'reject',
  'withdraw',
  'cancel',
  'retry',
  'unpublish',
  'fail',
  'pause',
  'resume',
] as const

export type AuditAction = (typeof auditActions)[number]
