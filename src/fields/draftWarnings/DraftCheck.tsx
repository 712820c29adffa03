'use client'
/**
 * Runs the document's validation after each draft save (and when a draft is opened), as Publish
 * would, and lists what it would refuse; each field shows its own warning too (DraftWarning).
 * It asks Payload's own form-state function with validation on, so every rule is the server's —
 * the async ones too (a UTM value naming a condition is found from the health-terms list).
 */
import { useDocumentInfo, useForm, useServerFunctions } from '@payloadcms/ui'
import { useEffect, useSyncExternalStore } from 'react'

import { draftWarnings, invalidFields, pathLabel } from './store'

export const DraftCheck = () => {
  const { id, collectionSlug, docPermissions, getDocPreferences, savedDocumentData } =
    useDocumentInfo()
  const { getFields } = useForm()
  const { getFormState } = useServerFunctions()
  const all = useSyncExternalStore(draftWarnings.subscribe, draftWarnings.all, draftWarnings.all)
  const status = savedDocumentData?._status
  const savedAt = savedDocumentData?.updatedAt

  useEffect(() => {
    if (!id || !collectionSlug || status !== 'draft') {
      draftWarnings.set({})
      return
    }
    const controller = new AbortController()
    const check = async () => {
      const result = await getFormState({
        id,
        collectionSlug,
        docPermissions,
        docPreferences: await getDocPreferences(),
        formState: getFields(),
        operation: 'update',
        renderAllFields: false,
        schemaPath: collectionSlug,
        signal: controller.signal,
        skipValidation: false,
      })
      if (!controller.signal.aborted && result?.state)
        draftWarnings.set(invalidFields(result.state))
    }
    // A check that can't run leaves no warning: Publish still validates on the server.
    check().catch(() => undefined)
    return () => controller.abort()
    // Only a save (a new updatedAt) or another document starts a check, not each keystroke.
  }, [id, collectionSlug, status, savedAt])

  useEffect(() => () => draftWarnings.set({}), [])

  const paths = Object.keys(all)
  if (!paths.length) return null
  return (
    <div
      role="status"
      className="draft-check"
      style={{
        marginBottom: 'var(--base)',
        padding: 'calc(var(--base) * 0.5) var(--base)',
        borderLeft: '4px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-50)',
      }}
    >
      <p style={{ margin: 0 }}>
        <strong>
          Saved as a draft, with {paths.length === 1 ? 'one problem' : `${paths.length} problems`}{' '}
          Publish will refuse:
        </strong>
      </p>
      <ul style={{ margin: '0.25em 0 0' }}>
        {paths.map((path) => (
          <li key={path}>
            {pathLabel(path)}: {all[path].message}
          </li>
        ))}
      </ul>
    </div>
  )
}
