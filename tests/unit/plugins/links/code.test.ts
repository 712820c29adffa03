import { describe, expect, it } from 'vitest'

import { CODE_LENGTH, isCode, newCode } from '../../../../plugins/links'

describe('short-link codes', () => {
  it('are 12 base62 characters, about 71 bits, never the same twice', () => {
    const codes = Array.from({ length: 2000 }, () => newCode())
    for (const code of codes) expect(isCode(code)).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
    expect(CODE_LENGTH * Math.log2(62)).toBeGreaterThan(70)
  })

  it('use every character about equally (no modulo bias)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 4000; i++)
      for (const char of newCode()) counts.set(char, (counts.get(char) ?? 0) + 1)
    expect(counts.size).toBe(62)
    const expected = (4000 * CODE_LENGTH) / 62
    for (const count of counts.values())
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.2)
  })

  it('accepts only the shape a code has', () => {
    expect(isCode('AbCdEf012345')).toBe(true)
    expect(isCode('AbCdEf01234')).toBe(false)
    expect(isCode('AbCdEf01234-')).toBe(false)
    expect(isCode('../etc/passw')).toBe(false)
  })
})
