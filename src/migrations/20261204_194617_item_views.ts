import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Web views per delivery item and day, from the example site's beacon (issue 18): counts only.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "item_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"item" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"day" timestamp(3) with time zone NOT NULL,
  	"views" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "item_views_id" integer;
  CREATE INDEX "item_views_updated_at_idx" ON "item_views" USING btree ("updated_at");
  CREATE INDEX "item_views_created_at_idx" ON "item_views" USING btree ("created_at");
  CREATE UNIQUE INDEX "item_day_idx" ON "item_views" USING btree ("item","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_item_views_fk" FOREIGN KEY ("item_views_id") REFERENCES "public"."item_views"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_item_views_id_idx" ON "payload_locked_documents_rels" USING btree ("item_views_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "item_views" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "item_views" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_item_views_fk";
  
  DROP INDEX "payload_locked_documents_rels_item_views_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "item_views_id";`)
}
