import { describe, expect, it } from 'vitest'

import { whereQuery } from '../../../../plugins/scheduler/admin/whereQuery'

describe('whereQuery', () => {
  it('writes a where as the bracketed parameters Payload reads, nested and and/or lists included', () => {
    const query = whereQuery({
      and: [{ state: { equals: 'failed' } }, { or: [{ createdBy: { equals: 7 } }] }],
      title: { like: 'a&b' },
    })
    expect(query.map(decodeURIComponent)).toEqual([
      'where[and][0][state][equals]=failed',
      'where[and][1][or][0][createdBy][equals]=7',
      'where[title][like]=a&b',
    ])
    // The value's own "&" is escaped: it can't start a parameter of its own.
    expect(query[2]).toBe('where%5Btitle%5D%5Blike%5D=a%26b')
  })
})
