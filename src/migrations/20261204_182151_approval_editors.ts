import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Publications record everyone who edited their copy, media, time or account (`editors`, issue 17):
// none of them may approve the post. A has-many relation to users: a users column on the rels table.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications_rels" ADD COLUMN "users_id" integer;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "publications_rels_users_id_idx" ON "publications_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "publications_rels" DROP CONSTRAINT "publications_rels_users_fk";
  
  DROP INDEX "publications_rels_users_id_idx";
  ALTER TABLE "publications_rels" DROP COLUMN "users_id";`)
}
