import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'

import { freePort } from '../../../src/db/freePort'
import { openBrowser } from './browser'
import { sqlOn, start, stop } from './carecast'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row is whatever the query selects
type Sql = (text: string, values?: unknown[]) => Promise<Record<string, any>[]>

export type Booted = {
  base: string
  browser: Browser
  dataDir: string
  sql: Sql
  close: () => Promise<void>
}

/**
 * What a browser-test file starts with: `npm start` on a fresh data dir (embedded Postgres, the
 * seeded demo) and Debian's chromium. `settle` waits until the demo's web publications, which go
 * out seconds after start, are no longer mid-dispatch, so a test's own rows are the only moving ones.
 */
export const bootCarecast = async (
  label: string,
  { env = {}, settle = true }: { env?: Record<string, string>; settle?: boolean } = {},
): Promise<Booted> => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `carecast-${label}-`))
  await fs.chmod(dataDir, 0o755)
  const running = start({ PORT: String(await freePort()), CARECAST_DATA_DIR: dataDir, ...env })
  const base = await running.ready
  const browser = await openBrowser()
  const sql: Sql = (text, values = []) => sqlOn(dataDir)(text, values)
  if (settle) {
    const busy =
      "SELECT count(*)::int AS n FROM publications WHERE state IN ('scheduled', 'dispatching')"
    for (let waited = 0; (await sql(busy))[0].n > 0 && waited < 120; waited++)
      await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return {
    base,
    browser,
    dataDir,
    sql,
    close: async () => {
      await browser.close()
      await stop(running.child)
      await fs.rm(dataDir, { recursive: true, force: true })
    },
  }
}
