import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'takedown' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'expire' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'read-report' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'task-done' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'task-reopen' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'submit' BEFORE 'approve';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'withdraw';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'cancel';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'retry';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'unpublish';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'fail';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'pause';
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'resume';
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer,
  	"kind" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"text" varchar NOT NULL,
  	"link" varchar,
  	"read" boolean DEFAULT false,
  	"read_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"digest_id" varchar,
  	"key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "publications" ADD COLUMN "refresh_requested_at" timestamp(3) with time zone;
  ALTER TABLE "publications" ADD COLUMN "document_changed_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_kind_idx" ON "notifications" USING btree ("kind");
  CREATE INDEX "notifications_read_idx" ON "notifications" USING btree ("read");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "key_recipient_idx" ON "notifications" USING btree ("key","recipient_id");
  CREATE INDEX "recipient_sentAt_idx" ON "notifications" USING btree ("recipient_id","sent_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_action";
  CREATE TYPE "public"."enum_audit_events_action" AS ENUM('create', 'update', 'delete', 'read', 'revoke', 'approve', 'reject');
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_events_action" USING "action"::"public"."enum_audit_events_action";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "publications" DROP COLUMN "refresh_requested_at";
  ALTER TABLE "publications" DROP COLUMN "document_changed_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";`)
}
