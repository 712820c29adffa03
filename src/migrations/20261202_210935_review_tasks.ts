import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_consent_tasks_kind" ADD VALUE 'review';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The older enum has no 'review': those tasks can't be kept going down.
  await db.execute(sql`
    DELETE FROM "consent_tasks" WHERE "kind" = 'review';
   ALTER TABLE "consent_tasks" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_consent_tasks_kind";
  CREATE TYPE "public"."enum_consent_tasks_kind" AS ENUM('takedown', 'renewal');
  ALTER TABLE "consent_tasks" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_consent_tasks_kind" USING "kind"::"public"."enum_consent_tasks_kind";`)
}
