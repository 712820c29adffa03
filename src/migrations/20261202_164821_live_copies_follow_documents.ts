import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications" ADD COLUMN "refresh_requested_at" timestamp(3) with time zone;
  ALTER TABLE "publications" ADD COLUMN "document_changed_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications" DROP COLUMN "refresh_requested_at";
  ALTER TABLE "publications" DROP COLUMN "document_changed_at";`)
}
