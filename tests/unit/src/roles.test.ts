import { describe, expect, it } from 'vitest'

import { roleOf, roles } from '../../../src/roles'

describe('roleOf', () => {
  it('returns a known role', () => {
    for (const role of roles) expect(roleOf({ role })).toBe(role)
  })
  it('returns undefined for anonymous, unknown or malformed users', () => {
    expect(roleOf(null)).toBeUndefined()
    expect(roleOf({})).toBeUndefined()
    expect(roleOf({ role: 'superuser' })).toBeUndefined()
    expect(roleOf({ role: ['admin'] })).toBeUndefined()
  })
})
