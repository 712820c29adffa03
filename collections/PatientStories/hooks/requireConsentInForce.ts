import { type FieldHook, ValidationError } from 'payload'

import { relationId } from '../../../plugins/scheduler'
import { readConsent } from '../../../src/consent/readConsent'
import { childRequest } from '../../../src/lib/requests/childRequest'
import { storyConsentRefusal } from '../../../src/lib/stories/storyConsentRefusal'
import { slugs } from '../../../src/slugs'

/**
 * On the derived `consentUsesNeeded` (after deriveConsentUses, so the uses are this save's): a
 * story set to published needs a linked consent that is in force and allows what the story uses;
 * an edit to a published story may not add a use its consent does not allow.
 * The record is read with its derived status (afterRead), the same status the publishing gate
 * reads. Drafts are not checked: a story is written before its consent is signed.
 */
export const requireConsentInForce: FieldHook = async ({ value, data, originalDoc, req }) => {
  const status = (data as { _status?: unknown } | undefined)?._status ?? originalDoc?._status
  if (status !== 'published') return value
  const id = relationId(data?.consentRecord ?? originalDoc?.consentRecord)
  // No record at all is the consentRecord field's own validation error.
  if (id === undefined) return value
  const uses = Array.isArray(value) ? value.map(String) : []
  // A story already published on this consent is being edited: only a use it did not make before
  // is checked. Once its consent has ended, the access rules already hold it back and the cascade
  // took its copies down; the consent officer who tidies it up must still be able to save it.
  const already =
    originalDoc?._status === 'published' &&
    String(relationId(originalDoc?.consentRecord)) === String(id)
  const before = Array.isArray(originalDoc?.consentUsesNeeded)
    ? (originalDoc.consentUsesNeeded as unknown[]).map(String)
    : []
  const checked = already ? uses.filter((use) => !before.includes(use)) : uses
  if (already && !checked.length) return value
  const record = await req.payload.findByID({
    collection: slugs.consentRecords,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req: childRequest(req),
  })
  const refusal = record
    ? storyConsentRefusal(readConsent(record as unknown as Record<string, unknown>), checked)
    : `consent record ${id} does not exist.`
  if (refusal) {
    const error = new ValidationError({
      collection: slugs.patientStories,
      errors: [{ path: 'consentRecord', message: refusal }],
    })
    // The admin's toast shows the error's message: the reason, not "a field is invalid".
    error.message = `consentRecord: ${refusal}`
    throw error
  }
  return value
}
