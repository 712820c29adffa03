import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_publications_channel" AS ENUM('web', 'webhook', 'facebook', 'instagram', 'x', 'linkedin', 'mastodon', 'youtube');
  CREATE TYPE "public"."enum_publications_state" AS ENUM('draft', 'awaiting-approval', 'scheduled', 'dispatching', 'published', 'failed', 'cancelled', 'retracting', 'retracted');
  CREATE TYPE "public"."enum_channel_accounts_channel" AS ENUM('web', 'webhook', 'facebook', 'instagram', 'x', 'linkedin', 'mastodon', 'youtube');
  CREATE TABLE "delivery_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"data" jsonb NOT NULL,
  	"etag" varchar NOT NULL,
  	"publication_id" varchar,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"channel_account_id" integer NOT NULL,
  	"channel" "enum_publications_channel",
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"time_zone" varchar DEFAULT 'America/New_York' NOT NULL,
  	"text" varchar,
  	"hashtags" varchar,
  	"link" varchar,
  	"repeat" varchar,
  	"repeat_of_id" integer,
  	"unpublish_at" timestamp(3) with time zone,
  	"state" "enum_publications_state" DEFAULT 'draft' NOT NULL,
  	"rejection_reason" varchar,
  	"cancel_reason" varchar,
  	"created_by_id" integer,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"next_attempt_at" timestamp(3) with time zone,
  	"remote_id" varchar,
  	"remote_url" varchar,
  	"published_at" timestamp(3) with time zone,
  	"retracted_at" timestamp(3) with time zone,
  	"idempotency_key" varchar,
  	"lease_owner" varchar,
  	"lease_expires_at" timestamp(3) with time zone,
  	"fencing_token" numeric DEFAULT 0,
  	"attempt_log" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "publications_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"campaigns_id" integer,
  	"patient_stories_id" integer,
  	"community_events_id" integer,
  	"video_assets_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "channel_accounts_revalidate_urls" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar
  );
  
  CREATE TABLE "channel_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"channel" "enum_channel_accounts_channel" NOT NULL,
  	"base_url" varchar,
  	"external_id" varchar,
  	"url" varchar,
  	"access_token" varchar,
  	"secret" varchar,
  	"credentials_set" varchar,
  	"character_limit" numeric,
  	"settings" jsonb,
  	"paused" boolean DEFAULT false,
  	"paused_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scheduler_control" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"paused" boolean DEFAULT false,
  	"reason" varchar,
  	"changed_by_id" integer,
  	"changed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_items_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "publications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "channel_accounts_id" integer;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_repeat_of_id_publications_id_fk" FOREIGN KEY ("repeat_of_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_campaigns_fk" FOREIGN KEY ("campaigns_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_patient_stories_fk" FOREIGN KEY ("patient_stories_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_community_events_fk" FOREIGN KEY ("community_events_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "channel_accounts_revalidate_urls" ADD CONSTRAINT "channel_accounts_revalidate_urls_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."channel_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scheduler_control" ADD CONSTRAINT "scheduler_control_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "delivery_items_key_idx" ON "delivery_items" USING btree ("key");
  CREATE INDEX "delivery_items_updated_at_idx" ON "delivery_items" USING btree ("updated_at");
  CREATE INDEX "delivery_items_created_at_idx" ON "delivery_items" USING btree ("created_at");
  CREATE INDEX "type_publishedAt_idx" ON "delivery_items" USING btree ("type","published_at");
  CREATE INDEX "publications_channel_account_idx" ON "publications" USING btree ("channel_account_id");
  CREATE INDEX "publications_channel_idx" ON "publications" USING btree ("channel");
  CREATE INDEX "publications_due_at_idx" ON "publications" USING btree ("due_at");
  CREATE INDEX "publications_repeat_of_idx" ON "publications" USING btree ("repeat_of_id");
  CREATE INDEX "publications_state_idx" ON "publications" USING btree ("state");
  CREATE INDEX "publications_created_by_idx" ON "publications" USING btree ("created_by_id");
  CREATE INDEX "publications_submitted_by_idx" ON "publications" USING btree ("submitted_by_id");
  CREATE INDEX "publications_approved_by_idx" ON "publications" USING btree ("approved_by_id");
  CREATE UNIQUE INDEX "publications_idempotency_key_idx" ON "publications" USING btree ("idempotency_key");
  CREATE INDEX "publications_updated_at_idx" ON "publications" USING btree ("updated_at");
  CREATE INDEX "publications_created_at_idx" ON "publications" USING btree ("created_at");
  CREATE INDEX "state_dueAt_idx" ON "publications" USING btree ("state","due_at");
  CREATE INDEX "publications_rels_order_idx" ON "publications_rels" USING btree ("order");
  CREATE INDEX "publications_rels_parent_idx" ON "publications_rels" USING btree ("parent_id");
  CREATE INDEX "publications_rels_path_idx" ON "publications_rels" USING btree ("path");
  CREATE INDEX "publications_rels_campaigns_id_idx" ON "publications_rels" USING btree ("campaigns_id");
  CREATE INDEX "publications_rels_patient_stories_id_idx" ON "publications_rels" USING btree ("patient_stories_id");
  CREATE INDEX "publications_rels_community_events_id_idx" ON "publications_rels" USING btree ("community_events_id");
  CREATE INDEX "publications_rels_video_assets_id_idx" ON "publications_rels" USING btree ("video_assets_id");
  CREATE INDEX "publications_rels_media_id_idx" ON "publications_rels" USING btree ("media_id");
  CREATE INDEX "channel_accounts_revalidate_urls_order_idx" ON "channel_accounts_revalidate_urls" USING btree ("_order");
  CREATE INDEX "channel_accounts_revalidate_urls_parent_id_idx" ON "channel_accounts_revalidate_urls" USING btree ("_parent_id");
  CREATE INDEX "channel_accounts_channel_idx" ON "channel_accounts" USING btree ("channel");
  CREATE INDEX "channel_accounts_paused_idx" ON "channel_accounts" USING btree ("paused");
  CREATE INDEX "channel_accounts_updated_at_idx" ON "channel_accounts" USING btree ("updated_at");
  CREATE INDEX "channel_accounts_created_at_idx" ON "channel_accounts" USING btree ("created_at");
  CREATE INDEX "scheduler_control_changed_by_idx" ON "scheduler_control" USING btree ("changed_by_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_items_fk" FOREIGN KEY ("delivery_items_id") REFERENCES "public"."delivery_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_channel_accounts_fk" FOREIGN KEY ("channel_accounts_id") REFERENCES "public"."channel_accounts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_delivery_items_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_items_id");
  CREATE INDEX "payload_locked_documents_rels_publications_id_idx" ON "payload_locked_documents_rels" USING btree ("publications_id");
  CREATE INDEX "payload_locked_documents_rels_channel_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("channel_accounts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "delivery_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publications_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "channel_accounts_revalidate_urls" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "channel_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scheduler_control" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "delivery_items" CASCADE;
  DROP TABLE "publications" CASCADE;
  DROP TABLE "publications_rels" CASCADE;
  DROP TABLE "channel_accounts_revalidate_urls" CASCADE;
  DROP TABLE "channel_accounts" CASCADE;
  DROP TABLE "scheduler_control" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_publications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_channel_accounts_fk";
  
  DROP INDEX "payload_locked_documents_rels_delivery_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_publications_id_idx";
  DROP INDEX "payload_locked_documents_rels_channel_accounts_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "publications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "channel_accounts_id";
  DROP TYPE "public"."enum_publications_channel";
  DROP TYPE "public"."enum_publications_state";
  DROP TYPE "public"."enum_channel_accounts_channel";`)
}
