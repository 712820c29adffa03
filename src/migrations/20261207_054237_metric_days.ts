import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Each post's change per UTC day, kept as readings are stored, so a campaign's day-by-day results
// read about 40 rows a post instead of every reading (issue 18: 1,000 posts in 200 ms).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "metric_days" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"publication_id" integer,
  	"day" timestamp(3) with time zone NOT NULL,
  	"impressions" numeric,
  	"reach" numeric,
  	"likes" numeric,
  	"comments" numeric,
  	"shares" numeric,
  	"saves" numeric,
  	"clicks" numeric,
  	"video_views" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_days_id" integer;
  ALTER TABLE "metric_days" ADD CONSTRAINT "metric_days_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "metric_days_publication_idx" ON "metric_days" USING btree ("publication_id");
  CREATE INDEX "metric_days_updated_at_idx" ON "metric_days" USING btree ("updated_at");
  CREATE INDEX "metric_days_created_at_idx" ON "metric_days" USING btree ("created_at");
  CREATE UNIQUE INDEX "publication_day_idx" ON "metric_days" USING btree ("publication_id","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_days_fk" FOREIGN KEY ("metric_days_id") REFERENCES "public"."metric_days"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_metric_days_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_days_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "metric_days" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "metric_days" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_days_fk";
  
  DROP INDEX "payload_locked_documents_rels_metric_days_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_days_id";`)
}
