/**
 * The consent record's Revoke tab as a Payload document view (`admin.components.views.edit`): the
 * server half reads what the page needs from the plugin's resolved options and the host's own
 * collection config — where a revocation is kept, the host's options for how one is received —
 * and hands it to the client half. Only people the host's `canManage` accepts get the page.
 */
import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { consentConfigOf } from '../../index'
import { fieldAt, optionsOf, valueAt } from '../fieldAt'
import { type Revocation, RevokeTab } from '../RevokeTab'

const nameOf = (user: unknown) => {
  const person = user as { name?: string; email?: string } | null | undefined
  return person?.name ?? person?.email ?? null
}

export const RevokeView = async ({ doc, initPageResult }: DocumentViewServerProps) => {
  const { req, collectionConfig } = initPageResult
  const config = consentConfigOf(req.payload)
  if (!config.canManage(req) || !collectionConfig || !doc?.id)
    return (
      <Gutter>
        <p>Only consent officers and admins can revoke a consent.</p>
      </Gutter>
    )
  const fields = config.revocationFields
  const receivedAt = valueAt(doc, fields.receivedAt) as string | null | undefined
  let revocation: Revocation | null = null
  if (receivedAt) {
    const by = valueAt(doc, fields.recordedBy)
    const recordedBy =
      by && typeof by === 'object'
        ? nameOf(by)
        : by
          ? nameOf(
              await req.payload.findByID({
                collection: config.usersCollection,
                id: by as number | string,
                depth: 0,
                overrideAccess: true,
                disableErrors: true,
              }),
            )
          : null
    revocation = {
      receivedAt,
      method: (valueAt(doc, fields.method) as string | null) ?? null,
      notes: (valueAt(doc, fields.notes) as string | null) ?? null,
      recordedBy,
    }
  }
  const method = fieldAt(collectionConfig.fields as never, fields.method)
  const plural = collectionConfig.labels?.plural
  return (
    <Gutter>
      <RevokeTab
        recordsSlug={config.consentRecordsSlug}
        tasksSlug={config.tasksSlug}
        id={doc.id}
        reference={config.readConsent(doc).reference}
        fields={fields}
        methods={method ? optionsOf(method) : null}
        hasNotes={Boolean(fieldAt(collectionConfig.fields as never, fields.notes))}
        revocation={revocation}
        stepNav={{
          pluralLabel: typeof plural === 'string' ? plural : undefined,
          useAsTitle: collectionConfig.admin?.useAsTitle,
        }}
      />
    </Gutter>
  )
}
