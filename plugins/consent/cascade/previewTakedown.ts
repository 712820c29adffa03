import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { sql, transactionExecutor } from '../../postgres'
import type { SanitizedConsentConfig } from '../defaults'
import { decideTakedown, type TakedownDecision } from './takeDown'
import { type TakedownArgs, type TakedownTask, takedownTasks } from './takedownTasks'

export type TakedownPreview = TakedownDecision & { tasks: TakedownTask[] }

/**
 * What a takedown would do, without doing it: the takedown's own deciding steps run in a
 * transaction that is always rolled back (which live post a network can delete is the scheduler's
 * rule, inside its retraction operation; asking it beats keeping a copy of the rule here), and
 * the tasks are the ones the takedown would create. Nothing is created, nobody is told, and the
 * relying rows are locked only for the moment it takes.
 */
export const previewTakedown = async (
  config: SanitizedConsentConfig,
  payload: Payload,
  args: TakedownArgs,
): Promise<TakedownPreview> => {
  const req = await createLocalReq({}, payload)
  // Without a transaction to roll back, the deciding steps would really cancel and retract.
  if (!(await initTransaction(req)))
    throw new Error('a takedown preview needs a database transaction to roll back')
  try {
    // A worker holding one of the rows mid-send would otherwise keep the officer's page waiting.
    await transactionExecutor(req)(sql`SET LOCAL lock_timeout = '5s'`)
    const decision = await decideTakedown(config, args, req)
    return { ...decision, tasks: takedownTasks(config, args, decision.cannotDelete) }
  } finally {
    await killTransaction(req)
  }
}
