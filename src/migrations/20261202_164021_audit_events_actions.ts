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
  ALTER TYPE "public"."enum_audit_events_action" ADD VALUE 'resume';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_action";
  CREATE TYPE "public"."enum_audit_events_action" AS ENUM('create', 'update', 'delete', 'read', 'revoke', 'approve', 'reject');
  ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_events_action" USING "action"::"public"."enum_audit_events_action";`)
}
