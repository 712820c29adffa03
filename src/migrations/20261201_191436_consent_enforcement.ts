import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_consent_tasks_kind" AS ENUM('takedown', 'renewal');
  CREATE TABLE "consent_tasks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_consent_tasks_kind" NOT NULL,
  	"consent_record_id" integer,
  	"publication_id" integer,
  	"place" varchar NOT NULL,
  	"instructions" varchar,
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"owner_id" integer,
  	"done" boolean DEFAULT false,
  	"done_at" timestamp(3) with time zone,
  	"done_by_id" integer,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "consent_records" ADD COLUMN "takedown_done_at" timestamp(3) with time zone;
  ALTER TABLE "consent_records" ADD COLUMN "renewal_warned_at" timestamp(3) with time zone;
  ALTER TABLE "publications_rels" ADD COLUMN "consent_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_tasks_id" integer;
  ALTER TABLE "consent_tasks" ADD CONSTRAINT "consent_tasks_consent_record_id_consent_records_id_fk" FOREIGN KEY ("consent_record_id") REFERENCES "public"."consent_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consent_tasks" ADD CONSTRAINT "consent_tasks_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consent_tasks" ADD CONSTRAINT "consent_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consent_tasks" ADD CONSTRAINT "consent_tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "consent_tasks_consent_record_idx" ON "consent_tasks" USING btree ("consent_record_id");
  CREATE INDEX "consent_tasks_publication_idx" ON "consent_tasks" USING btree ("publication_id");
  CREATE INDEX "consent_tasks_due_at_idx" ON "consent_tasks" USING btree ("due_at");
  CREATE INDEX "consent_tasks_owner_idx" ON "consent_tasks" USING btree ("owner_id");
  CREATE INDEX "consent_tasks_done_idx" ON "consent_tasks" USING btree ("done");
  CREATE INDEX "consent_tasks_done_by_idx" ON "consent_tasks" USING btree ("done_by_id");
  CREATE INDEX "consent_tasks_updated_at_idx" ON "consent_tasks" USING btree ("updated_at");
  CREATE INDEX "consent_tasks_created_at_idx" ON "consent_tasks" USING btree ("created_at");
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_tasks_fk" FOREIGN KEY ("consent_tasks_id") REFERENCES "public"."consent_tasks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "publications_rels_consent_records_id_idx" ON "publications_rels" USING btree ("consent_records_id");
  CREATE INDEX "payload_locked_documents_rels_consent_tasks_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_tasks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "consent_tasks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "consent_tasks" CASCADE;
  ALTER TABLE "publications_rels" DROP CONSTRAINT "publications_rels_consent_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_tasks_fk";
  
  DROP INDEX "publications_rels_consent_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_consent_tasks_id_idx";
  ALTER TABLE "consent_records" DROP COLUMN "takedown_done_at";
  ALTER TABLE "consent_records" DROP COLUMN "renewal_warned_at";
  ALTER TABLE "publications_rels" DROP COLUMN "consent_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_tasks_id";
  DROP TYPE "public"."enum_consent_tasks_kind";`)
}
