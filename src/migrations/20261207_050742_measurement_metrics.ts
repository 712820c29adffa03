import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Measurement (issue 18): live posts' counts read back from the networks (watches, dated
// snapshots, each account's read budget), a measure and a hand-entered actual for each campaign
// KPI, and an event's sign-ups.

/**
 * Written by hand (Payload's `indexes` can't say WHERE): the metrics claim finds due readings of
 * the watches still running in `next_at` order, so its cost follows the batch, not every post
 * ever measured.
 */
export const handWrittenIndexes = ['metric_watches_due_idx']

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_campaigns_kpis_measure" AS ENUM('reach', 'impressions', 'engagement', 'clicks', 'views', 'signups', 'manual');
  CREATE TYPE "public"."enum__campaigns_v_version_kpis_measure" AS ENUM('reach', 'impressions', 'engagement', 'clicks', 'views', 'signups', 'manual');
  CREATE TABLE "metric_watches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"publication_id" integer,
  	"account_id" integer,
  	"channel" varchar NOT NULL,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"next_at" timestamp(3) with time zone,
  	"readings" numeric DEFAULT 0,
  	"last_read_at" timestamp(3) with time zone,
  	"failures" numeric DEFAULT 0,
  	"last_error" varchar,
  	"ended_at" timestamp(3) with time zone,
  	"ended_reason" varchar,
  	"lease_owner" varchar,
  	"lease_expires_at" timestamp(3) with time zone,
  	"fencing_token" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "metric_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"publication_id" integer,
  	"channel" varchar NOT NULL,
  	"taken_at" timestamp(3) with time zone NOT NULL,
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
  
  CREATE TABLE "metric_budgets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"account_id" integer NOT NULL,
  	"allowed_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "campaigns_kpis" ADD COLUMN "measure" "enum_campaigns_kpis_measure" DEFAULT 'manual';
  ALTER TABLE "campaigns_kpis" ADD COLUMN "actual" numeric;
  ALTER TABLE "_campaigns_v_version_kpis" ADD COLUMN "measure" "enum__campaigns_v_version_kpis_measure" DEFAULT 'manual';
  ALTER TABLE "_campaigns_v_version_kpis" ADD COLUMN "actual" numeric;
  ALTER TABLE "community_events" ADD COLUMN "sign_ups" numeric;
  ALTER TABLE "_community_events_v" ADD COLUMN "version_sign_ups" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_watches_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_snapshots_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "metric_budgets_id" integer;
  ALTER TABLE "metric_watches" ADD CONSTRAINT "metric_watches_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "metric_watches" ADD CONSTRAINT "metric_watches_account_id_channel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "metric_budgets" ADD CONSTRAINT "metric_budgets_account_id_channel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "metric_watches_publication_idx" ON "metric_watches" USING btree ("publication_id");
  CREATE INDEX "metric_watches_account_idx" ON "metric_watches" USING btree ("account_id");
  CREATE INDEX "metric_watches_updated_at_idx" ON "metric_watches" USING btree ("updated_at");
  CREATE INDEX "metric_watches_created_at_idx" ON "metric_watches" USING btree ("created_at");
  CREATE INDEX "metric_snapshots_publication_idx" ON "metric_snapshots" USING btree ("publication_id");
  CREATE INDEX "metric_snapshots_updated_at_idx" ON "metric_snapshots" USING btree ("updated_at");
  CREATE INDEX "metric_snapshots_created_at_idx" ON "metric_snapshots" USING btree ("created_at");
  CREATE INDEX "publication_takenAt_idx" ON "metric_snapshots" USING btree ("publication_id","taken_at");
  CREATE UNIQUE INDEX "metric_budgets_account_idx" ON "metric_budgets" USING btree ("account_id");
  CREATE INDEX "metric_budgets_updated_at_idx" ON "metric_budgets" USING btree ("updated_at");
  CREATE INDEX "metric_budgets_created_at_idx" ON "metric_budgets" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_watches_fk" FOREIGN KEY ("metric_watches_id") REFERENCES "public"."metric_watches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_snapshots_fk" FOREIGN KEY ("metric_snapshots_id") REFERENCES "public"."metric_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_metric_budgets_fk" FOREIGN KEY ("metric_budgets_id") REFERENCES "public"."metric_budgets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_metric_watches_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_watches_id");
  CREATE INDEX "payload_locked_documents_rels_metric_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_snapshots_id");
  CREATE INDEX "payload_locked_documents_rels_metric_budgets_id_idx" ON "payload_locked_documents_rels" USING btree ("metric_budgets_id");`)
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "metric_watches_due_idx" ON "metric_watches" USING btree ("next_at") WHERE "ended_at" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS "metric_watches_due_idx";
   ALTER TABLE "metric_watches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "metric_snapshots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "metric_budgets" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "metric_watches" CASCADE;
  DROP TABLE "metric_snapshots" CASCADE;
  DROP TABLE "metric_budgets" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_watches_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_snapshots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_metric_budgets_fk";
  
  DROP INDEX "payload_locked_documents_rels_metric_watches_id_idx";
  DROP INDEX "payload_locked_documents_rels_metric_snapshots_id_idx";
  DROP INDEX "payload_locked_documents_rels_metric_budgets_id_idx";
  ALTER TABLE "campaigns_kpis" DROP COLUMN "measure";
  ALTER TABLE "campaigns_kpis" DROP COLUMN "actual";
  ALTER TABLE "_campaigns_v_version_kpis" DROP COLUMN "measure";
  ALTER TABLE "_campaigns_v_version_kpis" DROP COLUMN "actual";
  ALTER TABLE "community_events" DROP COLUMN "sign_ups";
  ALTER TABLE "_community_events_v" DROP COLUMN "version_sign_ups";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_watches_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_snapshots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "metric_budgets_id";
  DROP TYPE "public"."enum_campaigns_kpis_measure";
  DROP TYPE "public"."enum__campaigns_v_version_kpis_measure";`)
}
