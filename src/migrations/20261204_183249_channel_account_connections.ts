import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Connecting channel accounts with OAuth (issue 17): whether an account works and as whom, until
// when its token lasts, who is told when it must be reconnected, and the flow's encrypted secrets.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_channel_accounts_connection" AS ENUM('connected', 'reconnect-needed');
  ALTER TABLE "channel_accounts" ADD COLUMN "connection" "enum_channel_accounts_connection";
  ALTER TABLE "channel_accounts" ADD COLUMN "connection_problem" varchar;
  ALTER TABLE "channel_accounts" ADD COLUMN "connected_as" varchar;
  ALTER TABLE "channel_accounts" ADD COLUMN "token_expires_at" timestamp(3) with time zone;
  ALTER TABLE "channel_accounts" ADD COLUMN "token_checked_at" timestamp(3) with time zone;
  ALTER TABLE "channel_accounts" ADD COLUMN "owner_id" integer;
  ALTER TABLE "channel_accounts" ADD COLUMN "refresh_token" varchar;
  ALTER TABLE "channel_accounts" ADD COLUMN "oauth_client" jsonb;
  ALTER TABLE "channel_accounts" ADD COLUMN "oauth_pending" jsonb;
  ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "channel_accounts_connection_idx" ON "channel_accounts" USING btree ("connection");
  CREATE INDEX "channel_accounts_owner_idx" ON "channel_accounts" USING btree ("owner_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "channel_accounts" DROP CONSTRAINT "channel_accounts_owner_id_users_id_fk";
  
  DROP INDEX "channel_accounts_connection_idx";
  DROP INDEX "channel_accounts_owner_idx";
  ALTER TABLE "channel_accounts" DROP COLUMN "connection";
  ALTER TABLE "channel_accounts" DROP COLUMN "connection_problem";
  ALTER TABLE "channel_accounts" DROP COLUMN "connected_as";
  ALTER TABLE "channel_accounts" DROP COLUMN "token_expires_at";
  ALTER TABLE "channel_accounts" DROP COLUMN "token_checked_at";
  ALTER TABLE "channel_accounts" DROP COLUMN "owner_id";
  ALTER TABLE "channel_accounts" DROP COLUMN "refresh_token";
  ALTER TABLE "channel_accounts" DROP COLUMN "oauth_client";
  ALTER TABLE "channel_accounts" DROP COLUMN "oauth_pending";
  DROP TYPE "public"."enum_channel_accounts_connection";`)
}
