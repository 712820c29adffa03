import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { fileRefused } from '../../../../src/fields/fileRefused'

describe('a refused upload', () => {
  it("says why in the message the admin's toast shows, and names the field for API clients", () => {
    const error = fileRefused('media', 'The file is 20 MB; the limit here is 15 MB.')
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toBe('file: The file is 20 MB; the limit here is 15 MB.')
    expect(error.status).toBe(400)
    expect(error.data).toMatchObject({
      errors: [{ path: 'file', message: 'The file is 20 MB; the limit here is 15 MB.' }],
    })
  })
})
