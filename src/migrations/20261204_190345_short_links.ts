import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// First-party short links and their clicks per day and channel (issue 18): no cookie, IP address
// or user agent is stored anywhere, only the counts.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "short_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"destination" varchar NOT NULL,
  	"channel" varchar NOT NULL,
  	"publication_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "link_clicks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"link_id" integer NOT NULL,
  	"day" timestamp(3) with time zone NOT NULL,
  	"channel" varchar NOT NULL,
  	"clicks" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "short_links_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "link_clicks_id" integer;
  ALTER TABLE "short_links" ADD CONSTRAINT "short_links_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_short_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."short_links"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "short_links_code_idx" ON "short_links" USING btree ("code");
  CREATE INDEX "short_links_publication_idx" ON "short_links" USING btree ("publication_id");
  CREATE INDEX "short_links_updated_at_idx" ON "short_links" USING btree ("updated_at");
  CREATE INDEX "short_links_created_at_idx" ON "short_links" USING btree ("created_at");
  CREATE INDEX "link_clicks_link_idx" ON "link_clicks" USING btree ("link_id");
  CREATE INDEX "link_clicks_updated_at_idx" ON "link_clicks" USING btree ("updated_at");
  CREATE INDEX "link_clicks_created_at_idx" ON "link_clicks" USING btree ("created_at");
  CREATE UNIQUE INDEX "link_day_idx" ON "link_clicks" USING btree ("link_id","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_short_links_fk" FOREIGN KEY ("short_links_id") REFERENCES "public"."short_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_link_clicks_fk" FOREIGN KEY ("link_clicks_id") REFERENCES "public"."link_clicks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_short_links_id_idx" ON "payload_locked_documents_rels" USING btree ("short_links_id");
  CREATE INDEX "payload_locked_documents_rels_link_clicks_id_idx" ON "payload_locked_documents_rels" USING btree ("link_clicks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "short_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "link_clicks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "short_links" CASCADE;
  DROP TABLE "link_clicks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_short_links_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_link_clicks_fk";
  
  DROP INDEX "payload_locked_documents_rels_short_links_id_idx";
  DROP INDEX "payload_locked_documents_rels_link_clicks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "short_links_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "link_clicks_id";`)
}
