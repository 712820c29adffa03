import { describe, expect, it } from 'vitest'

import { editedBy } from '../../../../plugins/scheduler/admin/awaitingMe'

describe('editedBy', () => {
  it('finds me among the editors, whether they came as ids or populated', () => {
    expect(editedBy({ editors: [3, 7] }, 7)).toBe(true)
    expect(editedBy({ editors: [{ id: 7, name: 'Avery' }] }, 7)).toBe(true)
    expect(editedBy({ editors: [{ id: 3 }] }, 7)).toBe(false)
  })

  it('is false with no editors or nobody signed in', () => {
    expect(editedBy({}, 7)).toBe(false)
    expect(editedBy({ editors: null }, 7)).toBe(false)
    expect(editedBy({ editors: [7] }, undefined)).toBe(false)
  })
})
