import type { RetractionRow } from '../../scheduler'
import type { SanitizedConsentConfig } from '../defaults'

/** What a takedown is about: the consent, why it comes down, who recorded it, and when. */
export type TakedownArgs = {
  consentRecordId: number | string
  reference: string
  reason: string
  channelsAllowed: string[]
  recordedBy: number | string | null
  now: Date
}

/** A consent task a takedown creates, as the data it is created with. */
export type TakedownTask = {
  kind: 'takedown'
  consentRecord: number | string
  publication?: number
  place: string
  instructions: string
  dueAt: string
  owner: number | string | null
}

/**
 * The manual takedowns a takedown leaves to people, written once for the cascade (which creates
 * them) and the Revoke tab's preview (which shows them first): one per live post on a network
 * whose API can't delete (owned by its author, else its approver, else whoever recorded the
 * takedown), and one per channel no API reaches that the consent allowed (print, broadcast…),
 * all due `takedownWithinHours` after `now`.
 */
export const takedownTasks = (
  config: Pick<SanitizedConsentConfig, 'takedownWithinHours' | 'manualChannels'>,
  args: TakedownArgs,
  cannotDelete: RetractionRow[],
): TakedownTask[] => {
  const dueAt = new Date(args.now.getTime() + config.takedownWithinHours * 3_600_000).toISOString()
  // The reason names the consent already ("consent revoked (AUTH-…)").
  const { reason } = args
  return [
    ...cannotDelete.map((row): TakedownTask => ({
      kind: 'takedown',
      consentRecord: args.consentRecordId,
      publication: row.id,
      place: `${row.channel} post ${row.remoteId ?? ''}`.trim(),
      instructions: `${reason}: ${row.channel}'s API can't delete posts. Delete post ${row.remoteId ?? '(id unknown)'} by hand in the ${row.channel} app, then tick "done".`,
      dueAt,
      owner: row.createdBy ?? row.approvedBy ?? args.recordedBy,
    })),
    ...args.channelsAllowed
      .filter((name) => config.manualChannels.includes(name))
      .map((channel): TakedownTask => ({
        kind: 'takedown',
        consentRecord: args.consentRecordId,
        place: channel,
        instructions: `${reason}: the consent allowed ${channel}. Withdraw every ${channel} use of this patient's story or image that is still planned or in circulation, then tick "done".`,
        dueAt,
        owner: args.recordedBy,
      })),
  ]
}
