'use client'
/**
 * A date and time entered and shown in the document's own zone (its `timeZone` field), whatever
 * the browser's. Payload's date picker reads a typed time in the browser's zone: 9:00 typed in a
 * UTC browser beside "America/New_York" was stored as 05:00 New York (issue 16). Here the wall
 * clock is the zone's, and the stored value is the instant it names; changing the zone keeps the
 * wall-clock time and moves the instant with it.
 */
import { useField, useFormFields } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import { useEffect, useRef } from 'react'

import { fromWallTime, wallTimeIn } from '../lib/wallTime'
import { FieldFrame, fieldInputId, inputStyle, plainDescription } from './FieldFrame'

type Props = {
  /** The path of the field holding the IANA zone. @default 'timeZone' */
  zoneField?: string
}

const wallOrNull = (value: unknown, zone: string): string | null => {
  if (typeof value !== 'string' || !value) return null
  try {
    return wallTimeIn(value, zone).slice(0, 16)
  } catch {
    return null
  }
}

export const WallClockField: DateFieldClientComponent = (props) => {
  const { field, path: pathProp, readOnly } = props
  const { zoneField = 'timeZone' } = props as unknown as Props
  const path = pathProp ?? field.name
  const { value, setValue, showError, errorMessage, customComponents } = useField<string | null>({
    path,
  })
  const zoneValue = useFormFields(([fields]) => fields[zoneField]?.value)
  const zone = typeof zoneValue === 'string' && zoneValue ? zoneValue : 'UTC'
  const known = wallOrNull(new Date(0).toISOString(), zone) !== null
  const wall = known ? wallOrNull(value, zone) : null

  // A new zone keeps the wall-clock time a person typed, so the instant follows the zone. Only a
  // zone someone changed: the form's first value arriving is no change of zone.
  const previousZone = useRef(typeof zoneValue === 'string' && zoneValue ? zoneValue : null)
  useEffect(() => {
    // Half-typed zones are skipped: the last valid one is what the wall clock was read in.
    if (!known || typeof zoneValue !== 'string' || !zoneValue) return
    const before = previousZone.current
    previousZone.current = zone
    if (!before || before === zone || typeof value !== 'string' || !value) return
    const typed = wallOrNull(value, before)
    const moved = typed ? fromWallTime(typed, zone) : null
    if (moved) setValue(moved.toISOString())
  }, [zoneValue, zone, known, value, setValue])

  return (
    <FieldFrame
      kind="date-time-field"
      path={path}
      label={`${typeof field.label === 'string' ? field.label : field.name} (${zone})`}
      required={field.required}
      showError={showError}
      errorMessage={errorMessage}
      description={
        known
          ? `${plainDescription(field) ? `${plainDescription(field)} ` : ''}In ${zone}, whatever this computer's time zone.`
          : `Set a valid time zone first: "${zone}" is not one.`
      }
      style={{ flex: '1 1 auto' }}
    >
      <input
        id={fieldInputId(path)}
        type="datetime-local"
        value={wall ?? ''}
        disabled={readOnly || !known}
        onChange={(event) => {
          const next = event.target.value
          if (!next) return setValue(null)
          const instant = fromWallTime(next, zone)
          if (instant) setValue(instant.toISOString())
        }}
        style={inputStyle}
      />
      {/* The field's own afterInput slot, as Payload's inputs render it (a host's warning, say). */}
      {customComponents?.AfterInput}
    </FieldFrame>
  )
}
