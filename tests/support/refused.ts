import fs from 'node:fs/promises'

import { expect } from 'vitest'

import { uploadDir } from '../../src/lib/uploadDir'
import { expectCleanError } from './expectCleanError'
import type { TestApp } from './testPayload'

/**
 * `refused(collection, request, field, problem)`: sends the request and checks that it was
 * refused cleanly (the field and the problem named, no internals) and left the collection as it
 * was — no document and no file written.
 */
export const refusedIn = (app: TestApp) => {
  const count = async (collection: string) =>
    (await app.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
  const filesIn = async (collection: string) =>
    (await fs.readdir(uploadDir(collection)).catch(() => [])).length
  return async (
    collection: string,
    request: () => Promise<Response>,
    field: string,
    problem: RegExp,
    status = 400,
  ) => {
    const [docs, files] = [await count(collection), await filesIn(collection)]
    const response = await request()
    await expectCleanError(response, { status, field, problem })
    expect(await count(collection)).toBe(docs)
    expect(await filesIn(collection)).toBe(files)
  }
}
