import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_campaigns_budget_currency" AS ENUM('USD', 'EUR', 'GBP', 'CAD', 'MXN');
  CREATE TYPE "public"."enum_campaigns_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__campaigns_v_version_budget_currency" AS ENUM('USD', 'EUR', 'GBP', 'CAD', 'MXN');
  CREATE TYPE "public"."enum__campaigns_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__campaigns_v_published_locale" AS ENUM('en', 'es');
  CREATE TYPE "public"."enum_patient_stories_display_name_policy" AS ENUM('full-name', 'first-name', 'initials', 'anonymous');
  CREATE TYPE "public"."enum_patient_stories_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__patient_stories_v_version_display_name_policy" AS ENUM('full-name', 'first-name', 'initials', 'anonymous');
  CREATE TYPE "public"."enum__patient_stories_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__patient_stories_v_published_locale" AS ENUM('en', 'es');
  CREATE TYPE "public"."enum_community_events_format" AS ENUM('in-person', 'online', 'mixed');
  CREATE TYPE "public"."enum_community_events_cost_currency" AS ENUM('USD', 'EUR', 'GBP', 'CAD', 'MXN');
  CREATE TYPE "public"."enum_community_events_language" AS ENUM('en', 'es', 'bilingual');
  CREATE TYPE "public"."enum_community_events_event_status" AS ENUM('scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online');
  CREATE TYPE "public"."enum_community_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__community_events_v_version_format" AS ENUM('in-person', 'online', 'mixed');
  CREATE TYPE "public"."enum__community_events_v_version_cost_currency" AS ENUM('USD', 'EUR', 'GBP', 'CAD', 'MXN');
  CREATE TYPE "public"."enum__community_events_v_version_language" AS ENUM('en', 'es', 'bilingual');
  CREATE TYPE "public"."enum__community_events_v_version_event_status" AS ENUM('scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online');
  CREATE TYPE "public"."enum__community_events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__community_events_v_published_locale" AS ENUM('en', 'es');
  CREATE TYPE "public"."enum_video_assets_captions_language" AS ENUM('en', 'es');
  CREATE TYPE "public"."enum_video_assets_captions_kind" AS ENUM('captions', 'subtitles');
  CREATE TYPE "public"."enum_media_licence" AS ENUM('owned', 'licensed', 'cc-by', 'public-domain');
  CREATE TYPE "public"."enum_consent_records_uses_allowed" AS ENUM('name', 'likeness', 'voice', 'diagnosis', 'age', 'hometown');
  CREATE TYPE "public"."enum_consent_records_channels_allowed" AS ENUM('web', 'facebook', 'instagram', 'x', 'linkedin', 'mastodon', 'youtube', 'email', 'print', 'broadcast', 'paid-advertising');
  CREATE TYPE "public"."enum_consent_records_purposes" AS ENUM('awareness-campaign', 'patient-story', 'community-event', 'education', 'fundraising');
  CREATE TYPE "public"."enum_consent_records_status" AS ENUM('pending', 'active', 'expired', 'revoked', 'incomplete');
  CREATE TYPE "public"."enum_consent_records_signer_type" AS ENUM('patient', 'parent-guardian', 'personal-representative');
  CREATE TYPE "public"."enum_consent_records_form_language" AS ENUM('en', 'es', 'other');
  CREATE TYPE "public"."enum_consent_records_signature_method" AS ENUM('wet-ink', 'electronic');
  CREATE TYPE "public"."enum_consent_records_revocation_method" AS ENUM('written-letter', 'email', 'patient-portal', 'in-person');
  CREATE TYPE "public"."enum_health_observances_kind" AS ENUM('month', 'week', 'day');
  CREATE TYPE "public"."enum_audit_events_action" AS ENUM('create', 'update', 'delete', 'read', 'revoke', 'approve', 'reject');
  CREATE TABLE "campaigns_kpis" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"metric" varchar,
  	"target" numeric,
  	"unit" varchar
  );
  
  CREATE TABLE "campaigns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"observance_id" integer,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"time_zone" varchar DEFAULT 'America/New_York',
  	"owner_id" integer,
  	"budget_planned" numeric,
  	"budget_spent" numeric,
  	"budget_currency" "enum_campaigns_budget_currency" DEFAULT 'USD',
  	"hero_image_id" integer,
  	"utm_source" varchar,
  	"utm_medium" varchar,
  	"utm_campaign" varchar,
  	"utm_content" varchar,
  	"utm_term" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_campaigns_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "campaigns_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"goal" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "campaigns_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"audience_segments_id" integer,
  	"service_lines_id" integer,
  	"patient_stories_id" integer,
  	"community_events_id" integer,
  	"video_assets_id" integer
  );
  
  CREATE TABLE "_campaigns_v_version_kpis" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"metric" varchar,
  	"target" numeric,
  	"unit" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_campaigns_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_observance_id" integer,
  	"version_starts_at" timestamp(3) with time zone,
  	"version_ends_at" timestamp(3) with time zone,
  	"version_time_zone" varchar DEFAULT 'America/New_York',
  	"version_owner_id" integer,
  	"version_budget_planned" numeric,
  	"version_budget_spent" numeric,
  	"version_budget_currency" "enum__campaigns_v_version_budget_currency" DEFAULT 'USD',
  	"version_hero_image_id" integer,
  	"version_utm_source" varchar,
  	"version_utm_medium" varchar,
  	"version_utm_campaign" varchar,
  	"version_utm_content" varchar,
  	"version_utm_term" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__campaigns_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__campaigns_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_campaigns_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_goal" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_campaigns_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"audience_segments_id" integer,
  	"service_lines_id" integer,
  	"patient_stories_id" integer,
  	"community_events_id" integer,
  	"video_assets_id" integer
  );
  
  CREATE TABLE "patient_stories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"display_name_policy" "enum_patient_stories_display_name_policy" DEFAULT 'first-name',
  	"display_name" varchar,
  	"consent_record_id" integer,
  	"patient_age" numeric,
  	"patient_hometown" varchar,
  	"consent_uses_needed" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_patient_stories_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "patient_stories_locales" (
  	"title" varchar,
  	"narrative" jsonb,
  	"pull_quote" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "patient_stories_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"service_lines_id" integer,
  	"campaigns_id" integer,
  	"media_id" integer,
  	"video_assets_id" integer
  );
  
  CREATE TABLE "_patient_stories_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_display_name_policy" "enum__patient_stories_v_version_display_name_policy" DEFAULT 'first-name',
  	"version_display_name" varchar,
  	"version_consent_record_id" integer,
  	"version_patient_age" numeric,
  	"version_patient_hometown" varchar,
  	"version_consent_uses_needed" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__patient_stories_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__patient_stories_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_patient_stories_v_locales" (
  	"version_title" varchar,
  	"version_narrative" jsonb,
  	"version_pull_quote" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_patient_stories_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"service_lines_id" integer,
  	"campaigns_id" integer,
  	"media_id" integer,
  	"video_assets_id" integer
  );
  
  CREATE TABLE "community_events_recurrence_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"starts_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "community_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"time_zone" varchar DEFAULT 'America/New_York',
  	"recurrence_rrule" varchar,
  	"format" "enum_community_events_format" DEFAULT 'in-person',
  	"venue_name" varchar,
  	"venue_street" varchar,
  	"venue_city" varchar,
  	"venue_region" varchar,
  	"venue_postal_code" varchar,
  	"venue_country" varchar DEFAULT 'US',
  	"join_url" varchar,
  	"organizer" varchar,
  	"capacity" numeric,
  	"registration_url" varchar,
  	"cost_is_free" boolean DEFAULT true,
  	"cost_amount" numeric,
  	"cost_currency" "enum_community_events_cost_currency" DEFAULT 'USD',
  	"language" "enum_community_events_language" DEFAULT 'en',
  	"event_status" "enum_community_events_event_status" DEFAULT 'scheduled',
  	"campaign_id" integer,
  	"image_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_community_events_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "community_events_locales" (
  	"title" varchar,
  	"description" jsonb,
  	"accessibility_notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_community_events_v_version_recurrence_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"starts_at" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_community_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_starts_at" timestamp(3) with time zone,
  	"version_ends_at" timestamp(3) with time zone,
  	"version_time_zone" varchar DEFAULT 'America/New_York',
  	"version_recurrence_rrule" varchar,
  	"version_format" "enum__community_events_v_version_format" DEFAULT 'in-person',
  	"version_venue_name" varchar,
  	"version_venue_street" varchar,
  	"version_venue_city" varchar,
  	"version_venue_region" varchar,
  	"version_venue_postal_code" varchar,
  	"version_venue_country" varchar DEFAULT 'US',
  	"version_join_url" varchar,
  	"version_organizer" varchar,
  	"version_capacity" numeric,
  	"version_registration_url" varchar,
  	"version_cost_is_free" boolean DEFAULT true,
  	"version_cost_amount" numeric,
  	"version_cost_currency" "enum__community_events_v_version_cost_currency" DEFAULT 'USD',
  	"version_language" "enum__community_events_v_version_language" DEFAULT 'en',
  	"version_event_status" "enum__community_events_v_version_event_status" DEFAULT 'scheduled',
  	"version_campaign_id" integer,
  	"version_image_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__community_events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__community_events_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_community_events_v_locales" (
  	"version_title" varchar,
  	"version_description" jsonb,
  	"version_accessibility_notes" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "video_assets_captions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"language" "enum_video_assets_captions_language" NOT NULL,
  	"kind" "enum_video_assets_captions_kind" DEFAULT 'captions' NOT NULL,
  	"label" varchar,
  	"vtt" varchar NOT NULL
  );
  
  CREATE TABLE "video_assets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"external_url" varchar,
  	"audio_description_available" boolean DEFAULT false,
  	"audio_description_track" varchar,
  	"duration_seconds" numeric,
  	"poster_id" integer,
  	"patient_voice_heard" boolean DEFAULT false,
  	"shows_patient" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "video_assets_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"transcript" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "video_assets_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"consent_records_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"licence" "enum_media_licence" DEFAULT 'owned',
  	"shows_patient" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_link_preview_url" varchar,
  	"sizes_link_preview_width" numeric,
  	"sizes_link_preview_height" numeric,
  	"sizes_link_preview_mime_type" varchar,
  	"sizes_link_preview_filesize" numeric,
  	"sizes_link_preview_filename" varchar,
  	"sizes_square_url" varchar,
  	"sizes_square_width" numeric,
  	"sizes_square_height" numeric,
  	"sizes_square_mime_type" varchar,
  	"sizes_square_filesize" numeric,
  	"sizes_square_filename" varchar,
  	"sizes_story_url" varchar,
  	"sizes_story_width" numeric,
  	"sizes_story_height" numeric,
  	"sizes_story_mime_type" varchar,
  	"sizes_story_filesize" numeric,
  	"sizes_story_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"consent_records_id" integer
  );
  
  CREATE TABLE "consent_records_uses_allowed" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_consent_records_uses_allowed",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "consent_records_channels_allowed" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_consent_records_channels_allowed",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "consent_records_purposes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_consent_records_purposes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "consent_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reference" varchar NOT NULL,
  	"status" "enum_consent_records_status",
  	"person_legal_name" varchar NOT NULL,
  	"person_date_of_birth" timestamp(3) with time zone,
  	"person_email" varchar,
  	"person_phone" varchar,
  	"person_address" varchar,
  	"signer_type" "enum_consent_records_signer_type" DEFAULT 'patient' NOT NULL,
  	"signer_name" varchar,
  	"signer_authority" varchar,
  	"form_version" varchar,
  	"form_language" "enum_consent_records_form_language" DEFAULT 'en',
  	"form_interpreter_used" boolean DEFAULT false,
  	"form_interpreter_name" varchar,
  	"form_interpreter_language" varchar,
  	"purpose_description" varchar,
  	"recipients" varchar,
  	"expiry_expires_on" timestamp(3) with time zone,
  	"expiry_event" varchar,
  	"statements_right_to_revoke" boolean DEFAULT false,
  	"statements_treatment_not_conditioned" boolean DEFAULT false,
  	"statements_redisclosure" boolean DEFAULT false,
  	"payment_involved" boolean DEFAULT false,
  	"payment_description" varchar,
  	"signature_signed_at" timestamp(3) with time zone,
  	"signature_method" "enum_consent_records_signature_method",
  	"signature_witness" varchar,
  	"signature_signed_form_id" integer,
  	"revocation_received_at" timestamp(3) with time zone,
  	"revocation_method" "enum_consent_records_revocation_method",
  	"revocation_recorded_by_id" integer,
  	"revocation_notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "consent_forms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "service_lines_terms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"term" varchar NOT NULL
  );
  
  CREATE TABLE "service_lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "service_lines_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "audience_segments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audience_segments_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "health_observances" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"kind" "enum_health_observances_kind" DEFAULT 'month' NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone NOT NULL,
  	"sponsor" varchar,
  	"url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "health_observances_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_events_action" NOT NULL,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"user_id" integer,
  	"actor_email" varchar,
  	"changes" jsonb,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "campaigns_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "patient_stories_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "community_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "video_assets_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_forms_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "service_lines_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audience_segments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "health_observances_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  ALTER TABLE "campaigns_kpis" ADD CONSTRAINT "campaigns_kpis_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_observance_id_health_observances_id_fk" FOREIGN KEY ("observance_id") REFERENCES "public"."health_observances"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns_locales" ADD CONSTRAINT "campaigns_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_audience_segments_fk" FOREIGN KEY ("audience_segments_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_service_lines_fk" FOREIGN KEY ("service_lines_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_patient_stories_fk" FOREIGN KEY ("patient_stories_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_community_events_fk" FOREIGN KEY ("community_events_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_version_kpis" ADD CONSTRAINT "_campaigns_v_version_kpis_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_campaigns_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v" ADD CONSTRAINT "_campaigns_v_parent_id_campaigns_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_campaigns_v" ADD CONSTRAINT "_campaigns_v_version_observance_id_health_observances_id_fk" FOREIGN KEY ("version_observance_id") REFERENCES "public"."health_observances"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_campaigns_v" ADD CONSTRAINT "_campaigns_v_version_owner_id_users_id_fk" FOREIGN KEY ("version_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_campaigns_v" ADD CONSTRAINT "_campaigns_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_campaigns_v_locales" ADD CONSTRAINT "_campaigns_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_campaigns_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_campaigns_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_audience_segments_fk" FOREIGN KEY ("audience_segments_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_service_lines_fk" FOREIGN KEY ("service_lines_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_patient_stories_fk" FOREIGN KEY ("patient_stories_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_community_events_fk" FOREIGN KEY ("community_events_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_campaigns_v_rels" ADD CONSTRAINT "_campaigns_v_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories" ADD CONSTRAINT "patient_stories_consent_record_id_consent_records_id_fk" FOREIGN KEY ("consent_record_id") REFERENCES "public"."consent_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "patient_stories_locales" ADD CONSTRAINT "patient_stories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories_rels" ADD CONSTRAINT "patient_stories_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories_rels" ADD CONSTRAINT "patient_stories_rels_service_lines_fk" FOREIGN KEY ("service_lines_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories_rels" ADD CONSTRAINT "patient_stories_rels_campaigns_fk" FOREIGN KEY ("campaigns_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories_rels" ADD CONSTRAINT "patient_stories_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "patient_stories_rels" ADD CONSTRAINT "patient_stories_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v" ADD CONSTRAINT "_patient_stories_v_parent_id_patient_stories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."patient_stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_patient_stories_v" ADD CONSTRAINT "_patient_stories_v_version_consent_record_id_consent_records_id_fk" FOREIGN KEY ("version_consent_record_id") REFERENCES "public"."consent_records"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_locales" ADD CONSTRAINT "_patient_stories_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_patient_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_rels" ADD CONSTRAINT "_patient_stories_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_patient_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_rels" ADD CONSTRAINT "_patient_stories_v_rels_service_lines_fk" FOREIGN KEY ("service_lines_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_rels" ADD CONSTRAINT "_patient_stories_v_rels_campaigns_fk" FOREIGN KEY ("campaigns_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_rels" ADD CONSTRAINT "_patient_stories_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_patient_stories_v_rels" ADD CONSTRAINT "_patient_stories_v_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "community_events_recurrence_exceptions" ADD CONSTRAINT "community_events_recurrence_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "community_events" ADD CONSTRAINT "community_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_events" ADD CONSTRAINT "community_events_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "community_events_locales" ADD CONSTRAINT "community_events_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_community_events_v_version_recurrence_exceptions" ADD CONSTRAINT "_community_events_v_version_recurrence_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_community_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_community_events_v" ADD CONSTRAINT "_community_events_v_parent_id_community_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."community_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_community_events_v" ADD CONSTRAINT "_community_events_v_version_campaign_id_campaigns_id_fk" FOREIGN KEY ("version_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_community_events_v" ADD CONSTRAINT "_community_events_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_community_events_v_locales" ADD CONSTRAINT "_community_events_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_community_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "video_assets_captions" ADD CONSTRAINT "video_assets_captions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "video_assets" ADD CONSTRAINT "video_assets_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "video_assets_locales" ADD CONSTRAINT "video_assets_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "video_assets_rels" ADD CONSTRAINT "video_assets_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "video_assets_rels" ADD CONSTRAINT "video_assets_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_rels" ADD CONSTRAINT "media_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_rels" ADD CONSTRAINT "media_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consent_records_uses_allowed" ADD CONSTRAINT "consent_records_uses_allowed_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consent_records_channels_allowed" ADD CONSTRAINT "consent_records_channels_allowed_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consent_records_purposes" ADD CONSTRAINT "consent_records_purposes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_signature_signed_form_id_consent_forms_id_fk" FOREIGN KEY ("signature_signed_form_id") REFERENCES "public"."consent_forms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_revocation_recorded_by_id_users_id_fk" FOREIGN KEY ("revocation_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_lines_terms" ADD CONSTRAINT "service_lines_terms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_lines_locales" ADD CONSTRAINT "service_lines_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audience_segments_locales" ADD CONSTRAINT "audience_segments_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "health_observances_locales" ADD CONSTRAINT "health_observances_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."health_observances"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "campaigns_kpis_order_idx" ON "campaigns_kpis" USING btree ("_order");
  CREATE INDEX "campaigns_kpis_parent_id_idx" ON "campaigns_kpis" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "campaigns_slug_idx" ON "campaigns" USING btree ("slug");
  CREATE INDEX "campaigns_observance_idx" ON "campaigns" USING btree ("observance_id");
  CREATE INDEX "campaigns_owner_idx" ON "campaigns" USING btree ("owner_id");
  CREATE INDEX "campaigns_hero_image_idx" ON "campaigns" USING btree ("hero_image_id");
  CREATE INDEX "campaigns_updated_at_idx" ON "campaigns" USING btree ("updated_at");
  CREATE INDEX "campaigns_created_at_idx" ON "campaigns" USING btree ("created_at");
  CREATE INDEX "campaigns__status_idx" ON "campaigns" USING btree ("_status");
  CREATE UNIQUE INDEX "campaigns_locales_locale_parent_id_unique" ON "campaigns_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "campaigns_rels_order_idx" ON "campaigns_rels" USING btree ("order");
  CREATE INDEX "campaigns_rels_parent_idx" ON "campaigns_rels" USING btree ("parent_id");
  CREATE INDEX "campaigns_rels_path_idx" ON "campaigns_rels" USING btree ("path");
  CREATE INDEX "campaigns_rels_audience_segments_id_idx" ON "campaigns_rels" USING btree ("audience_segments_id");
  CREATE INDEX "campaigns_rels_service_lines_id_idx" ON "campaigns_rels" USING btree ("service_lines_id");
  CREATE INDEX "campaigns_rels_patient_stories_id_idx" ON "campaigns_rels" USING btree ("patient_stories_id");
  CREATE INDEX "campaigns_rels_community_events_id_idx" ON "campaigns_rels" USING btree ("community_events_id");
  CREATE INDEX "campaigns_rels_video_assets_id_idx" ON "campaigns_rels" USING btree ("video_assets_id");
  CREATE INDEX "_campaigns_v_version_kpis_order_idx" ON "_campaigns_v_version_kpis" USING btree ("_order");
  CREATE INDEX "_campaigns_v_version_kpis_parent_id_idx" ON "_campaigns_v_version_kpis" USING btree ("_parent_id");
  CREATE INDEX "_campaigns_v_parent_idx" ON "_campaigns_v" USING btree ("parent_id");
  CREATE INDEX "_campaigns_v_version_version_slug_idx" ON "_campaigns_v" USING btree ("version_slug");
  CREATE INDEX "_campaigns_v_version_version_observance_idx" ON "_campaigns_v" USING btree ("version_observance_id");
  CREATE INDEX "_campaigns_v_version_version_owner_idx" ON "_campaigns_v" USING btree ("version_owner_id");
  CREATE INDEX "_campaigns_v_version_version_hero_image_idx" ON "_campaigns_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_campaigns_v_version_version_updated_at_idx" ON "_campaigns_v" USING btree ("version_updated_at");
  CREATE INDEX "_campaigns_v_version_version_created_at_idx" ON "_campaigns_v" USING btree ("version_created_at");
  CREATE INDEX "_campaigns_v_version_version__status_idx" ON "_campaigns_v" USING btree ("version__status");
  CREATE INDEX "_campaigns_v_created_at_idx" ON "_campaigns_v" USING btree ("created_at");
  CREATE INDEX "_campaigns_v_updated_at_idx" ON "_campaigns_v" USING btree ("updated_at");
  CREATE INDEX "_campaigns_v_snapshot_idx" ON "_campaigns_v" USING btree ("snapshot");
  CREATE INDEX "_campaigns_v_published_locale_idx" ON "_campaigns_v" USING btree ("published_locale");
  CREATE INDEX "_campaigns_v_latest_idx" ON "_campaigns_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_campaigns_v_locales_locale_parent_id_unique" ON "_campaigns_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_campaigns_v_rels_order_idx" ON "_campaigns_v_rels" USING btree ("order");
  CREATE INDEX "_campaigns_v_rels_parent_idx" ON "_campaigns_v_rels" USING btree ("parent_id");
  CREATE INDEX "_campaigns_v_rels_path_idx" ON "_campaigns_v_rels" USING btree ("path");
  CREATE INDEX "_campaigns_v_rels_audience_segments_id_idx" ON "_campaigns_v_rels" USING btree ("audience_segments_id");
  CREATE INDEX "_campaigns_v_rels_service_lines_id_idx" ON "_campaigns_v_rels" USING btree ("service_lines_id");
  CREATE INDEX "_campaigns_v_rels_patient_stories_id_idx" ON "_campaigns_v_rels" USING btree ("patient_stories_id");
  CREATE INDEX "_campaigns_v_rels_community_events_id_idx" ON "_campaigns_v_rels" USING btree ("community_events_id");
  CREATE INDEX "_campaigns_v_rels_video_assets_id_idx" ON "_campaigns_v_rels" USING btree ("video_assets_id");
  CREATE UNIQUE INDEX "patient_stories_slug_idx" ON "patient_stories" USING btree ("slug");
  CREATE INDEX "patient_stories_consent_record_idx" ON "patient_stories" USING btree ("consent_record_id");
  CREATE INDEX "patient_stories_updated_at_idx" ON "patient_stories" USING btree ("updated_at");
  CREATE INDEX "patient_stories_created_at_idx" ON "patient_stories" USING btree ("created_at");
  CREATE INDEX "patient_stories__status_idx" ON "patient_stories" USING btree ("_status");
  CREATE UNIQUE INDEX "patient_stories_locales_locale_parent_id_unique" ON "patient_stories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "patient_stories_rels_order_idx" ON "patient_stories_rels" USING btree ("order");
  CREATE INDEX "patient_stories_rels_parent_idx" ON "patient_stories_rels" USING btree ("parent_id");
  CREATE INDEX "patient_stories_rels_path_idx" ON "patient_stories_rels" USING btree ("path");
  CREATE INDEX "patient_stories_rels_service_lines_id_idx" ON "patient_stories_rels" USING btree ("service_lines_id");
  CREATE INDEX "patient_stories_rels_campaigns_id_idx" ON "patient_stories_rels" USING btree ("campaigns_id");
  CREATE INDEX "patient_stories_rels_media_id_idx" ON "patient_stories_rels" USING btree ("media_id");
  CREATE INDEX "patient_stories_rels_video_assets_id_idx" ON "patient_stories_rels" USING btree ("video_assets_id");
  CREATE INDEX "_patient_stories_v_parent_idx" ON "_patient_stories_v" USING btree ("parent_id");
  CREATE INDEX "_patient_stories_v_version_version_slug_idx" ON "_patient_stories_v" USING btree ("version_slug");
  CREATE INDEX "_patient_stories_v_version_version_consent_record_idx" ON "_patient_stories_v" USING btree ("version_consent_record_id");
  CREATE INDEX "_patient_stories_v_version_version_updated_at_idx" ON "_patient_stories_v" USING btree ("version_updated_at");
  CREATE INDEX "_patient_stories_v_version_version_created_at_idx" ON "_patient_stories_v" USING btree ("version_created_at");
  CREATE INDEX "_patient_stories_v_version_version__status_idx" ON "_patient_stories_v" USING btree ("version__status");
  CREATE INDEX "_patient_stories_v_created_at_idx" ON "_patient_stories_v" USING btree ("created_at");
  CREATE INDEX "_patient_stories_v_updated_at_idx" ON "_patient_stories_v" USING btree ("updated_at");
  CREATE INDEX "_patient_stories_v_snapshot_idx" ON "_patient_stories_v" USING btree ("snapshot");
  CREATE INDEX "_patient_stories_v_published_locale_idx" ON "_patient_stories_v" USING btree ("published_locale");
  CREATE INDEX "_patient_stories_v_latest_idx" ON "_patient_stories_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_patient_stories_v_locales_locale_parent_id_unique" ON "_patient_stories_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_patient_stories_v_rels_order_idx" ON "_patient_stories_v_rels" USING btree ("order");
  CREATE INDEX "_patient_stories_v_rels_parent_idx" ON "_patient_stories_v_rels" USING btree ("parent_id");
  CREATE INDEX "_patient_stories_v_rels_path_idx" ON "_patient_stories_v_rels" USING btree ("path");
  CREATE INDEX "_patient_stories_v_rels_service_lines_id_idx" ON "_patient_stories_v_rels" USING btree ("service_lines_id");
  CREATE INDEX "_patient_stories_v_rels_campaigns_id_idx" ON "_patient_stories_v_rels" USING btree ("campaigns_id");
  CREATE INDEX "_patient_stories_v_rels_media_id_idx" ON "_patient_stories_v_rels" USING btree ("media_id");
  CREATE INDEX "_patient_stories_v_rels_video_assets_id_idx" ON "_patient_stories_v_rels" USING btree ("video_assets_id");
  CREATE INDEX "community_events_recurrence_exceptions_order_idx" ON "community_events_recurrence_exceptions" USING btree ("_order");
  CREATE INDEX "community_events_recurrence_exceptions_parent_id_idx" ON "community_events_recurrence_exceptions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "community_events_slug_idx" ON "community_events" USING btree ("slug");
  CREATE INDEX "community_events_campaign_idx" ON "community_events" USING btree ("campaign_id");
  CREATE INDEX "community_events_image_idx" ON "community_events" USING btree ("image_id");
  CREATE INDEX "community_events_updated_at_idx" ON "community_events" USING btree ("updated_at");
  CREATE INDEX "community_events_created_at_idx" ON "community_events" USING btree ("created_at");
  CREATE INDEX "community_events__status_idx" ON "community_events" USING btree ("_status");
  CREATE UNIQUE INDEX "community_events_locales_locale_parent_id_unique" ON "community_events_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_community_events_v_version_recurrence_exceptions_order_idx" ON "_community_events_v_version_recurrence_exceptions" USING btree ("_order");
  CREATE INDEX "_community_events_v_version_recurrence_exceptions_parent_id_idx" ON "_community_events_v_version_recurrence_exceptions" USING btree ("_parent_id");
  CREATE INDEX "_community_events_v_parent_idx" ON "_community_events_v" USING btree ("parent_id");
  CREATE INDEX "_community_events_v_version_version_slug_idx" ON "_community_events_v" USING btree ("version_slug");
  CREATE INDEX "_community_events_v_version_version_campaign_idx" ON "_community_events_v" USING btree ("version_campaign_id");
  CREATE INDEX "_community_events_v_version_version_image_idx" ON "_community_events_v" USING btree ("version_image_id");
  CREATE INDEX "_community_events_v_version_version_updated_at_idx" ON "_community_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_community_events_v_version_version_created_at_idx" ON "_community_events_v" USING btree ("version_created_at");
  CREATE INDEX "_community_events_v_version_version__status_idx" ON "_community_events_v" USING btree ("version__status");
  CREATE INDEX "_community_events_v_created_at_idx" ON "_community_events_v" USING btree ("created_at");
  CREATE INDEX "_community_events_v_updated_at_idx" ON "_community_events_v" USING btree ("updated_at");
  CREATE INDEX "_community_events_v_snapshot_idx" ON "_community_events_v" USING btree ("snapshot");
  CREATE INDEX "_community_events_v_published_locale_idx" ON "_community_events_v" USING btree ("published_locale");
  CREATE INDEX "_community_events_v_latest_idx" ON "_community_events_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_community_events_v_locales_locale_parent_id_unique" ON "_community_events_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "video_assets_captions_order_idx" ON "video_assets_captions" USING btree ("_order");
  CREATE INDEX "video_assets_captions_parent_id_idx" ON "video_assets_captions" USING btree ("_parent_id");
  CREATE INDEX "video_assets_poster_idx" ON "video_assets" USING btree ("poster_id");
  CREATE INDEX "video_assets_shows_patient_idx" ON "video_assets" USING btree ("shows_patient");
  CREATE INDEX "video_assets_updated_at_idx" ON "video_assets" USING btree ("updated_at");
  CREATE INDEX "video_assets_created_at_idx" ON "video_assets" USING btree ("created_at");
  CREATE UNIQUE INDEX "video_assets_filename_idx" ON "video_assets" USING btree ("filename");
  CREATE UNIQUE INDEX "video_assets_locales_locale_parent_id_unique" ON "video_assets_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "video_assets_rels_order_idx" ON "video_assets_rels" USING btree ("order");
  CREATE INDEX "video_assets_rels_parent_idx" ON "video_assets_rels" USING btree ("parent_id");
  CREATE INDEX "video_assets_rels_path_idx" ON "video_assets_rels" USING btree ("path");
  CREATE INDEX "video_assets_rels_consent_records_id_idx" ON "video_assets_rels" USING btree ("consent_records_id");
  CREATE INDEX "media_shows_patient_idx" ON "media" USING btree ("shows_patient");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_link_preview_sizes_link_preview_filename_idx" ON "media" USING btree ("sizes_link_preview_filename");
  CREATE INDEX "media_sizes_square_sizes_square_filename_idx" ON "media" USING btree ("sizes_square_filename");
  CREATE INDEX "media_sizes_story_sizes_story_filename_idx" ON "media" USING btree ("sizes_story_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_rels_order_idx" ON "media_rels" USING btree ("order");
  CREATE INDEX "media_rels_parent_idx" ON "media_rels" USING btree ("parent_id");
  CREATE INDEX "media_rels_path_idx" ON "media_rels" USING btree ("path");
  CREATE INDEX "media_rels_consent_records_id_idx" ON "media_rels" USING btree ("consent_records_id");
  CREATE INDEX "consent_records_uses_allowed_order_idx" ON "consent_records_uses_allowed" USING btree ("order");
  CREATE INDEX "consent_records_uses_allowed_parent_idx" ON "consent_records_uses_allowed" USING btree ("parent_id");
  CREATE INDEX "consent_records_channels_allowed_order_idx" ON "consent_records_channels_allowed" USING btree ("order");
  CREATE INDEX "consent_records_channels_allowed_parent_idx" ON "consent_records_channels_allowed" USING btree ("parent_id");
  CREATE INDEX "consent_records_purposes_order_idx" ON "consent_records_purposes" USING btree ("order");
  CREATE INDEX "consent_records_purposes_parent_idx" ON "consent_records_purposes" USING btree ("parent_id");
  CREATE UNIQUE INDEX "consent_records_reference_idx" ON "consent_records" USING btree ("reference");
  CREATE INDEX "consent_records_status_idx" ON "consent_records" USING btree ("status");
  CREATE INDEX "consent_records_signature_signature_signed_form_idx" ON "consent_records" USING btree ("signature_signed_form_id");
  CREATE INDEX "consent_records_revocation_revocation_recorded_by_idx" ON "consent_records" USING btree ("revocation_recorded_by_id");
  CREATE INDEX "consent_records_updated_at_idx" ON "consent_records" USING btree ("updated_at");
  CREATE INDEX "consent_records_created_at_idx" ON "consent_records" USING btree ("created_at");
  CREATE INDEX "consent_forms_updated_at_idx" ON "consent_forms" USING btree ("updated_at");
  CREATE INDEX "consent_forms_created_at_idx" ON "consent_forms" USING btree ("created_at");
  CREATE UNIQUE INDEX "consent_forms_filename_idx" ON "consent_forms" USING btree ("filename");
  CREATE INDEX "service_lines_terms_order_idx" ON "service_lines_terms" USING btree ("_order");
  CREATE INDEX "service_lines_terms_parent_id_idx" ON "service_lines_terms" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "service_lines_slug_idx" ON "service_lines" USING btree ("slug");
  CREATE INDEX "service_lines_updated_at_idx" ON "service_lines" USING btree ("updated_at");
  CREATE INDEX "service_lines_created_at_idx" ON "service_lines" USING btree ("created_at");
  CREATE UNIQUE INDEX "service_lines_locales_locale_parent_id_unique" ON "service_lines_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "audience_segments_slug_idx" ON "audience_segments" USING btree ("slug");
  CREATE INDEX "audience_segments_updated_at_idx" ON "audience_segments" USING btree ("updated_at");
  CREATE INDEX "audience_segments_created_at_idx" ON "audience_segments" USING btree ("created_at");
  CREATE UNIQUE INDEX "audience_segments_locales_locale_parent_id_unique" ON "audience_segments_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "health_observances_slug_idx" ON "health_observances" USING btree ("slug");
  CREATE INDEX "health_observances_updated_at_idx" ON "health_observances" USING btree ("updated_at");
  CREATE INDEX "health_observances_created_at_idx" ON "health_observances" USING btree ("created_at");
  CREATE UNIQUE INDEX "health_observances_locales_locale_parent_id_unique" ON "health_observances_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_collection_slug_idx" ON "audit_events" USING btree ("collection_slug");
  CREATE INDEX "audit_events_document_id_idx" ON "audit_events" USING btree ("document_id");
  CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_campaigns_fk" FOREIGN KEY ("campaigns_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_patient_stories_fk" FOREIGN KEY ("patient_stories_id") REFERENCES "public"."patient_stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_community_events_fk" FOREIGN KEY ("community_events_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_video_assets_fk" FOREIGN KEY ("video_assets_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_forms_fk" FOREIGN KEY ("consent_forms_id") REFERENCES "public"."consent_forms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_service_lines_fk" FOREIGN KEY ("service_lines_id") REFERENCES "public"."service_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audience_segments_fk" FOREIGN KEY ("audience_segments_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_health_observances_fk" FOREIGN KEY ("health_observances_id") REFERENCES "public"."health_observances"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_campaigns_id_idx" ON "payload_locked_documents_rels" USING btree ("campaigns_id");
  CREATE INDEX "payload_locked_documents_rels_patient_stories_id_idx" ON "payload_locked_documents_rels" USING btree ("patient_stories_id");
  CREATE INDEX "payload_locked_documents_rels_community_events_id_idx" ON "payload_locked_documents_rels" USING btree ("community_events_id");
  CREATE INDEX "payload_locked_documents_rels_video_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("video_assets_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_consent_records_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_records_id");
  CREATE INDEX "payload_locked_documents_rels_consent_forms_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_forms_id");
  CREATE INDEX "payload_locked_documents_rels_service_lines_id_idx" ON "payload_locked_documents_rels" USING btree ("service_lines_id");
  CREATE INDEX "payload_locked_documents_rels_audience_segments_id_idx" ON "payload_locked_documents_rels" USING btree ("audience_segments_id");
  CREATE INDEX "payload_locked_documents_rels_health_observances_id_idx" ON "payload_locked_documents_rels" USING btree ("health_observances_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "campaigns_kpis" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_campaigns_v_version_kpis" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_campaigns_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_campaigns_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_campaigns_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "patient_stories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "patient_stories_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "patient_stories_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_patient_stories_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_patient_stories_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_patient_stories_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_events_recurrence_exceptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "community_events_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_community_events_v_version_recurrence_exceptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_community_events_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_community_events_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "video_assets_captions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "video_assets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "video_assets_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "video_assets_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_records_uses_allowed" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_records_channels_allowed" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_records_purposes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_forms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "service_lines_terms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "service_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "service_lines_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audience_segments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audience_segments_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "health_observances" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "health_observances_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "campaigns_kpis" CASCADE;
  DROP TABLE "campaigns" CASCADE;
  DROP TABLE "campaigns_locales" CASCADE;
  DROP TABLE "campaigns_rels" CASCADE;
  DROP TABLE "_campaigns_v_version_kpis" CASCADE;
  DROP TABLE "_campaigns_v" CASCADE;
  DROP TABLE "_campaigns_v_locales" CASCADE;
  DROP TABLE "_campaigns_v_rels" CASCADE;
  DROP TABLE "patient_stories" CASCADE;
  DROP TABLE "patient_stories_locales" CASCADE;
  DROP TABLE "patient_stories_rels" CASCADE;
  DROP TABLE "_patient_stories_v" CASCADE;
  DROP TABLE "_patient_stories_v_locales" CASCADE;
  DROP TABLE "_patient_stories_v_rels" CASCADE;
  DROP TABLE "community_events_recurrence_exceptions" CASCADE;
  DROP TABLE "community_events" CASCADE;
  DROP TABLE "community_events_locales" CASCADE;
  DROP TABLE "_community_events_v_version_recurrence_exceptions" CASCADE;
  DROP TABLE "_community_events_v" CASCADE;
  DROP TABLE "_community_events_v_locales" CASCADE;
  DROP TABLE "video_assets_captions" CASCADE;
  DROP TABLE "video_assets" CASCADE;
  DROP TABLE "video_assets_locales" CASCADE;
  DROP TABLE "video_assets_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "media_rels" CASCADE;
  DROP TABLE "consent_records_uses_allowed" CASCADE;
  DROP TABLE "consent_records_channels_allowed" CASCADE;
  DROP TABLE "consent_records_purposes" CASCADE;
  DROP TABLE "consent_records" CASCADE;
  DROP TABLE "consent_forms" CASCADE;
  DROP TABLE "service_lines_terms" CASCADE;
  DROP TABLE "service_lines" CASCADE;
  DROP TABLE "service_lines_locales" CASCADE;
  DROP TABLE "audience_segments" CASCADE;
  DROP TABLE "audience_segments_locales" CASCADE;
  DROP TABLE "health_observances" CASCADE;
  DROP TABLE "health_observances_locales" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_campaigns_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_patient_stories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_community_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_video_assets_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_forms_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_service_lines_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audience_segments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_health_observances_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  DROP INDEX "payload_locked_documents_rels_campaigns_id_idx";
  DROP INDEX "payload_locked_documents_rels_patient_stories_id_idx";
  DROP INDEX "payload_locked_documents_rels_community_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_video_assets_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_consent_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_consent_forms_id_idx";
  DROP INDEX "payload_locked_documents_rels_service_lines_id_idx";
  DROP INDEX "payload_locked_documents_rels_audience_segments_id_idx";
  DROP INDEX "payload_locked_documents_rels_health_observances_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "campaigns_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "patient_stories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "community_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "video_assets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_forms_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "service_lines_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audience_segments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "health_observances_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";
  DROP TYPE "public"."enum_campaigns_budget_currency";
  DROP TYPE "public"."enum_campaigns_status";
  DROP TYPE "public"."enum__campaigns_v_version_budget_currency";
  DROP TYPE "public"."enum__campaigns_v_version_status";
  DROP TYPE "public"."enum__campaigns_v_published_locale";
  DROP TYPE "public"."enum_patient_stories_display_name_policy";
  DROP TYPE "public"."enum_patient_stories_status";
  DROP TYPE "public"."enum__patient_stories_v_version_display_name_policy";
  DROP TYPE "public"."enum__patient_stories_v_version_status";
  DROP TYPE "public"."enum__patient_stories_v_published_locale";
  DROP TYPE "public"."enum_community_events_format";
  DROP TYPE "public"."enum_community_events_cost_currency";
  DROP TYPE "public"."enum_community_events_language";
  DROP TYPE "public"."enum_community_events_event_status";
  DROP TYPE "public"."enum_community_events_status";
  DROP TYPE "public"."enum__community_events_v_version_format";
  DROP TYPE "public"."enum__community_events_v_version_cost_currency";
  DROP TYPE "public"."enum__community_events_v_version_language";
  DROP TYPE "public"."enum__community_events_v_version_event_status";
  DROP TYPE "public"."enum__community_events_v_version_status";
  DROP TYPE "public"."enum__community_events_v_published_locale";
  DROP TYPE "public"."enum_video_assets_captions_language";
  DROP TYPE "public"."enum_video_assets_captions_kind";
  DROP TYPE "public"."enum_media_licence";
  DROP TYPE "public"."enum_consent_records_uses_allowed";
  DROP TYPE "public"."enum_consent_records_channels_allowed";
  DROP TYPE "public"."enum_consent_records_purposes";
  DROP TYPE "public"."enum_consent_records_status";
  DROP TYPE "public"."enum_consent_records_signer_type";
  DROP TYPE "public"."enum_consent_records_form_language";
  DROP TYPE "public"."enum_consent_records_signature_method";
  DROP TYPE "public"."enum_consent_records_revocation_method";
  DROP TYPE "public"."enum_health_observances_kind";
  DROP TYPE "public"."enum_audit_events_action";`)
}
