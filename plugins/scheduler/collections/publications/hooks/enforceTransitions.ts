import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { adapterFor } from '../../../channels/registry'
import type { SanitizedSchedulerConfig } from '../../../defaults'
import { checkGuards } from '../../../operations/checkGuards'
import { frozenStates, manualMoves, type Mover, type PublicationState } from '../../../states'
import type { PublicationRecord } from '../../../types'
import { relationId } from '../relationId'
import { sameValue } from '../sameValue'

/** Changing any of these on an approved row sends it back for approval. */
const CONTENT_FIELDS = [
  'document',
  'channelAccount',
  'dueAt',
  'timeZone',
  'text',
  'hashtags',
  'link',
  'media',
  'title',
  'repeat',
  'unpublishAt',
] as const

const editorIds = (editors: unknown) =>
  (Array.isArray(editors) ? editors : []).map(relationId).filter((id) => id !== undefined)

/** The editors so far with `userId` added once, as ids. */
export const withEditor = (editors: unknown, userId: number | string) => {
  const ids = editorIds(editors)
  return ids.some((id) => String(id) === String(userId)) ? ids : [...ids, userId]
}

const refuse = (collection: string, path: string, message: string): never => {
  throw new ValidationError({ collection, errors: [{ path, message }] })
}

const allowed = (config: SanitizedSchedulerConfig, who: Mover, req: PayloadRequest): boolean =>
  who === 'author'
    ? config.canAuthor(req)
    : who === 'approver'
      ? config.canApprove(req)
      : config.canAuthor(req) || config.canApprove(req)

/**
 * The approval rules. Nothing reaches `scheduled` without an approver who is neither its author
 * nor the person who sent it, and only after the guards pass; an edit to an approved row's copy
 * or time takes the approval away again.
 */
export const enforceTransitions =
  (config: SanitizedSchedulerConfig): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req, collection }) => {
    if (req.context?.schedulerInternal) return data
    const slug = collection.slug
    const userId = relationId(req.user)
    const previous = (originalDoc?.state ?? 'draft') as PublicationState
    let next = (data.state ?? previous) as PublicationState

    if (operation === 'create') {
      data.createdBy = userId ?? null
      data.editors = userId === undefined ? [] : [userId]
      if (next !== 'draft' && next !== 'awaiting-approval')
        refuse(
          slug,
          'state',
          `state: a new publication starts as draft or awaiting-approval, not ${next}.`,
        )
    }

    const changed =
      operation === 'update'
        ? CONTENT_FIELDS.filter(
            (field) => field in data && !sameValue(data[field], originalDoc?.[field]),
          )
        : []
    // The editor is recorded on each change, whatever the state: an approver who touched the copy
    // of a draft before its author sent it is as much its author as the one who sent it.
    if (changed.length && userId !== undefined)
      data.editors = withEditor(originalDoc?.editors, userId)
    if (changed.length && frozenStates.includes(previous)) {
      const onlyUnpublish =
        previous === 'published' && changed.every((field) => field === 'unpublishAt')
      if (!onlyUnpublish)
        refuse(
          slug,
          changed[0],
          `${changed[0]}: a ${previous} publication can't be edited; create a new one instead.`,
        )
    }
    // An edit to approved (or waiting) copy needs a fresh approval, whatever state was asked for.
    let sentBack = false
    if (
      changed.length &&
      (previous === 'scheduled' || previous === 'awaiting-approval') &&
      (next === previous || next === 'scheduled')
    ) {
      next = 'awaiting-approval'
      sentBack = true
      // Whoever changed the copy is one of its authors now, and so can't approve it.
      data.submittedBy = userId ?? null
      data.submittedAt = new Date().toISOString()
      data.approvedBy = null
      data.approvedAt = null
    }

    if (operation === 'update' && next !== previous && !sentBack) {
      const who = manualMoves[`${previous}>${next}`]
      if (!who)
        refuse(slug, 'state', `state: a publication can't go from ${previous} to ${next} by hand.`)
      if (!allowed(config, who!, req))
        refuse(slug, 'state', `state: you may not move a publication from ${previous} to ${next}.`)
    }
    data.state = next

    if (next === 'awaiting-approval' && previous !== 'awaiting-approval') {
      data.submittedBy = userId ?? null
      data.submittedAt = new Date().toISOString()
      data.rejectionReason = null
    }
    if (previous === 'awaiting-approval' && next === 'draft' && !config.canAuthor(req)) {
      // An approver sending it back is a rejection, and the author needs to know why.
      const reason = typeof data.rejectionReason === 'string' ? data.rejectionReason.trim() : ''
      if (!reason)
        refuse(slug, 'rejectionReason', 'rejectionReason: say why the publication is rejected.')
    }
    if (next === 'scheduled' && previous === 'awaiting-approval') {
      const authors = [
        relationId(originalDoc?.createdBy),
        relationId(originalDoc?.submittedBy),
        ...editorIds(originalDoc?.editors),
      ]
        .filter((id) => id !== undefined)
        .map(String)
      if (userId === undefined || authors.includes(String(userId)))
        refuse(
          slug,
          'state',
          "state: you can't approve a publication you wrote, edited or sent for approval; another approver must.",
        )
      await approveWithGuards(config, { ...originalDoc, ...data } as PublicationRecord, req, slug)
      data.approvedBy = userId
      data.approvedAt = new Date().toISOString()
    }
    if (next === 'scheduled' && previous === 'failed') {
      data.attempts = 0
      data.nextAttemptAt = null
      data.lastError = null
    }
    if (next === 'retracting') {
      const adapter = adapterFor(config, String(originalDoc?.channel), req.payload)
      if (!adapter?.canDelete)
        refuse(
          slug,
          'state',
          `state: ${originalDoc?.channel} posts can't be deleted through its API; take it down by hand.`,
        )
    }
    if (next === 'cancelled' && previous !== 'cancelled' && !data.cancelReason)
      data.cancelReason = `cancelled by ${req.user ? ((req.user as { email?: string }).email ?? 'a user') : 'the system'}`
    return data
  }

/** At approval the guards see the document as it is now; a refusal is the approver's 400. */
const approveWithGuards = async (
  config: SanitizedSchedulerConfig,
  publication: PublicationRecord,
  req: PayloadRequest,
  slug: string,
) => {
  const result = await checkGuards(config, publication, req)
  if (!result.ok) refuse(slug, result.field ?? 'state', result.reason)
}
