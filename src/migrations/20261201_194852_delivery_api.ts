import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "type_publishedAt_idx";
  DROP INDEX "delivery_items_key_idx";
  -- Videos had no slug: give existing ones one (editable afterwards) before it becomes required.
  ALTER TABLE "video_assets" ADD COLUMN "slug" varchar;
  UPDATE "video_assets" SET "slug" = 'video-' || "id" WHERE "slug" IS NULL;
  ALTER TABLE "video_assets" ALTER COLUMN "slug" SET NOT NULL;
  -- The projection changed shape (one row per locale, with summary and filters). Rows in the old
  -- shape can't be read by the new API; they are rebuilt by publishing again to the web.
  DELETE FROM "delivery_items";
  ALTER TABLE "delivery_items" ADD COLUMN "language" varchar NOT NULL;
  ALTER TABLE "delivery_items" ADD COLUMN "summary" jsonb NOT NULL;
  ALTER TABLE "delivery_items" ADD COLUMN "files" jsonb;
  ALTER TABLE "delivery_items" ADD COLUMN "sort_at" timestamp(3) with time zone NOT NULL;
  ALTER TABLE "delivery_items" ADD COLUMN "starts_at" timestamp(3) with time zone;
  ALTER TABLE "delivery_items" ADD COLUMN "ends_at" timestamp(3) with time zone;
  ALTER TABLE "delivery_items" ADD COLUMN "filters" jsonb;
  CREATE UNIQUE INDEX "video_assets_slug_idx" ON "video_assets" USING btree ("slug");
  CREATE UNIQUE INDEX "key_language_idx" ON "delivery_items" USING btree ("key","language");
  CREATE INDEX "type_language_sortAt_idx" ON "delivery_items" USING btree ("type","language","sort_at");
  CREATE INDEX "delivery_items_key_idx" ON "delivery_items" USING btree ("key");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "video_assets_slug_idx";
  DROP INDEX "key_language_idx";
  DROP INDEX "type_language_sortAt_idx";
  DROP INDEX "delivery_items_key_idx";
  CREATE INDEX "type_publishedAt_idx" ON "delivery_items" USING btree ("type","published_at");
  CREATE UNIQUE INDEX "delivery_items_key_idx" ON "delivery_items" USING btree ("key");
  ALTER TABLE "video_assets" DROP COLUMN "slug";
  ALTER TABLE "delivery_items" DROP COLUMN "language";
  ALTER TABLE "delivery_items" DROP COLUMN "summary";
  ALTER TABLE "delivery_items" DROP COLUMN "files";
  ALTER TABLE "delivery_items" DROP COLUMN "sort_at";
  ALTER TABLE "delivery_items" DROP COLUMN "starts_at";
  ALTER TABLE "delivery_items" DROP COLUMN "ends_at";
  ALTER TABLE "delivery_items" DROP COLUMN "filters";`)
}
