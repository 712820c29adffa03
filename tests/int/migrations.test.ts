import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { committedMigrations } from '../../src/db/committedMigrations'
import { handWrittenIndexes as claimIndexes } from '../../src/migrations/20261203_080000_outbox_claim_indexes'
import { handWrittenIndexes as metricIndexes } from '../../src/migrations/20261207_050742_measurement_metrics'
import { startTestApp, type TestApp } from '../support/testPayload'

const SET_DEFAULT = /^ALTER TABLE "([^"]+)" ALTER COLUMN "([^"]+)" SET DEFAULT (.+);$/

/** Postgres prints a default with casts and quotes (`'0'::numeric`); compare the bare value. */
const bareDefault = (value: string | null) =>
  (value ?? '')
    .replace(/::[\w ]+(\[\])?/g, '')
    .replace(/^'(.*)'$/, '$1')
    .trim()

const DROP_CONSTRAINT = /DROP CONSTRAINT "([^"]+)"/
const ADD_CONSTRAINT = /ADD CONSTRAINT "([^"]+)"/
const handWrittenIndexes = [...claimIndexes, ...metricIndexes]
const DROP_INDEX = /^DROP INDEX (?:IF EXISTS )?"(?:[^"]+"\.")?([^"]+)";?$/

describe('committed migrations', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('migrations')
  })
  afterAll(async () => app?.close())

  it('produce exactly the schema the config expects (no drift)', async () => {
    const db = app.payload.db as unknown as PostgresAdapter
    const { pushSchema } = db.requireDrizzleKit()
    // Ask drizzle-kit what it would change to make the migrated database match the config.
    // drizzle-kit returns the SQL it would run; Payload's typing of pushSchema leaves that field out.
    const { statementsToExecute, warnings } = (await pushSchema(
      db.schema,
      db.drizzle,
      db.schemaName ? [db.schemaName] : undefined,
    )) as unknown as {
      statementsToExecute: string[]
      warnings: string[]
    }
    expect(warnings).toEqual([])

    // drizzle-kit re-proposes some numeric defaults that are already in place (it compares its
    // introspected text with a number). Keep such a statement only if the catalog disagrees.
    const drift: string[] = []
    // Postgres cuts identifiers at 63 bytes, so drizzle-kit keeps proposing to replace a long
    // foreign key name with itself; the pair is not drift when the names agree up to the cut.
    const added = statementsToExecute
      .map((statement) => ADD_CONSTRAINT.exec(statement)?.[1])
      .filter(Boolean) as string[]
    for (const statement of statementsToExecute) {
      // The claim's partial indexes are written by hand (Payload can't declare WHERE); drizzle-kit
      // would drop them, which is the one difference we expect.
      const index = DROP_INDEX.exec(statement.trim())?.[1]
      if (index && handWrittenIndexes.includes(index)) continue
      const dropped = DROP_CONSTRAINT.exec(statement)?.[1]
      if (dropped && added.some((name) => name.length > 63 && name.slice(0, 63) === dropped))
        continue
      const addedName = ADD_CONSTRAINT.exec(statement)?.[1]
      if (
        addedName &&
        addedName.length > 63 &&
        statementsToExecute.some(
          (other) => DROP_CONSTRAINT.exec(other)?.[1] === addedName.slice(0, 63),
        )
      )
        continue
      const match = SET_DEFAULT.exec(statement)
      if (match) {
        const { rows } = await db.pool.query<{ column_default: string | null }>(
          'SELECT column_default FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
          [match[1], match[2]],
        )
        if (rows.length === 1 && bareDefault(rows[0].column_default) === bareDefault(match[3]))
          continue
      }
      drift.push(statement)
    }
    expect(drift, 'run `npm run migrate:create` and commit the migration').toEqual([])
  })

  it('are recorded, so a second run applies nothing', async () => {
    await app.payload.db.migrate({ migrations: committedMigrations })
    const { docs } = await app.payload.find({ collection: 'payload-migrations', limit: 100 })
    expect(docs.map((doc) => doc.name).sort()).toEqual(
      committedMigrations.map((m) => m.name).sort(),
    )
  })
})
