'use client'
/**
 * A derived list (a consent's missing elements, the uses a story needs) shown as words in a list,
 * not in Payload's JSON editor: that editor loads from a CDN and never renders on a locked-down
 * hospital network. Read-only: these values are worked out on save.
 */
import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

type Props = {
  /** Shown when the list is empty, e.g. "Every required element is recorded." */
  empty: string
  /** Shown before a non-empty list, e.g. "Still missing:". */
  lead?: string
  /** Words for stored values (`likeness` → "Likeness (photos, video)"). */
  labels?: Record<string, string>
}

export const ReadOnlyList: JSONFieldClientComponent = (props) => {
  const { field, path } = props
  const { empty, lead, labels = {} } = props as unknown as Props
  const { value } = useField<unknown>({ path: path ?? field.name })
  const items = Array.isArray(value) ? value.map(String) : []
  const id = `field-${(path ?? field.name).replace(/\./g, '__')}`
  return (
    <div className="field-type" id={id} style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label ?? field.name} path={path} />
      {items.length ? (
        <>
          {lead ? <p style={{ margin: '0.25em 0' }}>{lead}</p> : null}
          <ul
            aria-label={typeof field.label === 'string' ? field.label : field.name}
            style={{ margin: 0, paddingLeft: '1.25em' }}
          >
            {items.map((item) => (
              <li key={item}>{labels[item] ?? item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p style={{ margin: '0.25em 0' }}>{empty}</p>
      )}
      <FieldDescription description={field.admin?.description} path={path ?? field.name} />
    </div>
  )
}
