import { describe, expect, it } from 'vitest'

import { fieldErrorsOf, messageOf } from '../../../../plugins/consent/admin/api'
import { fieldAt, optionsOf, setAt, valueAt } from '../../../../plugins/consent/admin/fieldAt'
import { groupPublications } from '../../../../plugins/consent/admin/groupPublications'
import { fromLocalInput, toLocalInput } from '../../../../plugins/consent/admin/localDateTime'

describe('the Revoke tab reads the host’s fields by path', () => {
  const fields = [
    { name: 'reference', type: 'text' },
    {
      type: 'row',
      fields: [
        {
          name: 'revocation',
          type: 'group',
          fields: [
            { name: 'receivedAt', type: 'date' },
            {
              type: 'collapsible',
              fields: [
                {
                  name: 'method',
                  type: 'select',
                  options: [
                    'letter',
                    { value: 'email', label: 'Email' },
                    { value: 'portal', label: { en: 'Portal', es: 'Portal (es)' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]

  it('finds a field inside groups, rows and collapsibles, and nothing that is not there', () => {
    expect(fieldAt(fields, 'revocation.method')?.type).toBe('select')
    expect(fieldAt(fields, 'revocation.receivedAt')?.type).toBe('date')
    expect(fieldAt(fields, 'revocation.notes')).toBeUndefined()
    expect(fieldAt(fields, 'method')).toBeUndefined()
  })

  it('lists a select’s options with English labels, whatever form Payload allows them in', () => {
    expect(optionsOf(fieldAt(fields, 'revocation.method'))).toEqual([
      { value: 'letter', label: 'letter' },
      { value: 'email', label: 'Email' },
      { value: 'portal', label: 'Portal' },
    ])
    expect(optionsOf(undefined)).toEqual([])
  })

  it('reads and writes values at a path', () => {
    const doc = { revocation: { receivedAt: '2026-12-04T10:00:00.000Z' } }
    expect(valueAt(doc, 'revocation.receivedAt')).toBe('2026-12-04T10:00:00.000Z')
    expect(valueAt(doc, 'revocation.method')).toBeUndefined()
    expect(valueAt({ revocation: null }, 'revocation.method')).toBeUndefined()
    const body = setAt({}, 'revocation.receivedAt', 'x')
    expect(setAt(body, 'revocation.method', 'email')).toEqual({
      revocation: { receivedAt: 'x', method: 'email' },
    })
    expect(setAt({}, 'revokedAt', 'x')).toEqual({ revokedAt: 'x' })
  })
})

describe('the server’s refusals, by field', () => {
  const body = {
    errors: [
      {
        name: 'ValidationError',
        message: 'The following field is invalid: revocation.method',
        data: {
          errors: [
            { path: 'revocation.method', message: 'How the revocation was received is required.' },
            { path: 'revocation.method', message: 'a second message is not shown' },
          ],
        },
      },
    ],
  }
  it('keeps the first message for each path, and says the first sentence', () => {
    expect(fieldErrorsOf(body)).toEqual({
      'revocation.method': 'How the revocation was received is required.',
    })
    expect(messageOf(body)).toBe('How the revocation was received is required.')
    expect(messageOf({ errors: [{ message: 'Only consent officers and admins can …' }] })).toBe(
      'Only consent officers and admins can …',
    )
    expect(fieldErrorsOf(undefined)).toEqual({})
    expect(messageOf('<html>')).toBeUndefined()
  })
})

describe('the takedown page’s parts', () => {
  it('puts the website first and each network in the order it first appears', () => {
    const rows = [
      { id: 1, channel: 'mastodon' },
      { id: 2, channel: 'web' },
      { id: 3, channel: 'instagram' },
      { id: 4, channel: 'mastodon' },
      { id: 5, channel: 'web' },
    ]
    expect(groupPublications(rows)).toEqual({
      web: [rows[1], rows[4]],
      networks: [
        { channel: 'mastodon', posts: [rows[0], rows[3]] },
        { channel: 'instagram', posts: [rows[2]] },
      ],
    })
    expect(groupPublications([])).toEqual({ web: [], networks: [] })
  })
})

describe('a datetime-local input and the instant it means', () => {
  it('shows an instant in the browser’s zone, to the minute, and reads it back', () => {
    const instant = new Date('2026-12-04T15:45:30.000Z')
    const value = toLocalInput(instant)
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(fromLocalInput(value)).toBe('2026-12-04T15:45:00.000Z')
    expect(fromLocalInput(`${value}:30`)).toBe('2026-12-04T15:45:30.000Z')
  })

  it('reads nothing from an empty or broken value', () => {
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('yesterday')).toBeNull()
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull()
  })
})
