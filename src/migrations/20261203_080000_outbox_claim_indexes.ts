import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Written by hand: Payload's `indexes` can't say WHERE. The dispatch claim (plugins/scheduler/
 * dispatch/claim.ts) finds each kind of due row through one of these partial indexes in due order,
 * so its cost follows the batch, not the size of the outbox (before: a scan and a sort of every
 * publication ever made, 10 ms per claim at 10,000 rows and growing). The schema Payload knows is
 * unchanged, so this migration has no snapshot of its own.
 */
/** Indexes Payload's schema doesn't know of; the schema-drift test expects them to be extra. */
export const handWrittenIndexes = [
  'publications_claim_posts_idx',
  'publications_claim_retracting_idx',
  'publications_claim_unpublish_idx',
  'publications_claim_refresh_idx',
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "publications_claim_posts_idx" ON "publications" USING btree ("due_at") WHERE "state" IN ('scheduled', 'dispatching');
  CREATE INDEX IF NOT EXISTS "publications_claim_retracting_idx" ON "publications" USING btree ("due_at") WHERE "state" = 'retracting';
  CREATE INDEX IF NOT EXISTS "publications_claim_unpublish_idx" ON "publications" USING btree ("unpublish_at") WHERE "state" = 'published' AND "unpublish_at" IS NOT NULL;
  CREATE INDEX IF NOT EXISTS "publications_claim_refresh_idx" ON "publications" USING btree ("refresh_requested_at") WHERE "state" = 'published' AND "refresh_requested_at" IS NOT NULL;`)
  // The outbox is a queue: each row is rewritten two or three times on its way out, and the dead
  // versions sit in the claim's indexes until a vacuum (a claim read 40,000 of them after a
  // backlog). Postgres waits for 20% of a table to be dead by default; a queue wants 2%.
  await db.execute(sql`
  ALTER TABLE "publications" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "publications_claim_posts_idx";
  DROP INDEX IF EXISTS "publications_claim_retracting_idx";
  DROP INDEX IF EXISTS "publications_claim_unpublish_idx";
  DROP INDEX IF EXISTS "publications_claim_refresh_idx";
  ALTER TABLE "publications" RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);`)
}
