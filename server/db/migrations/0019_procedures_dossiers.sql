CREATE TABLE "procedure_components" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"form" text DEFAULT 'original' NOT NULL,
	"copies" integer DEFAULT 1 NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"template_file_id" uuid,
	"template_name" text
);
--> statement-breakpoint
CREATE TABLE "procedure_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedure_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"budget_hours" numeric(8, 2) NOT NULL,
	"not_counted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "procedure_steps_budget_nonnegative" CHECK (budget_hours >= 0)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"competent_agency_id" uuid,
	"competent_agency_name" text NOT NULL,
	"receiving_agency_name" text NOT NULL,
	"time_limit" numeric(8, 2) NOT NULL,
	"time_unit" text NOT NULL,
	"sequence" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"subjects" jsonb DEFAULT '["citizen"]'::jsonb NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text NOT NULL,
	"result_paper" boolean DEFAULT true NOT NULL,
	"result_electronic" boolean DEFAULT false NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"legal_effective_date" date,
	"requirements" text DEFAULT '' NOT NULL,
	"online_service" text DEFAULT 'none' NOT NULL,
	"publication_decision" text,
	"publication_decision_date" date,
	"published_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(code || ' ' || name || ' ' || field)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_time_limit_positive" CHECK (time_limit > 0)
);
--> statement-breakpoint
CREATE TABLE "dossier_code_counters" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_components" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"procedure_component_id" uuid,
	"name" text NOT NULL,
	"form" text NOT NULL,
	"copies" integer DEFAULT 1 NOT NULL,
	"file_id" uuid,
	"digitized" boolean DEFAULT false NOT NULL,
	"reused_from_dossier_id" uuid,
	"from_citizen_store" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"from_status" smallint,
	"to_status" smallint,
	"step" integer,
	"step_name" text,
	"agency_id" uuid,
	"assignee_id" uuid,
	"due_at" timestamp with time zone,
	"outcome" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "dossier_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"fault_agency_id" uuid NOT NULL,
	"previous_appointment_at" timestamp with time zone NOT NULL,
	"new_appointment_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"amount" bigint NOT NULL,
	"channel" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"provider_ref" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"satisfied" boolean NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_supplements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"items" jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text,
	"procedure_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"channel" smallint NOT NULL,
	"status" smallint NOT NULL,
	"form_version" text DEFAULT '2025' NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_representative" text,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_email" text,
	"applicant_address" text NOT NULL,
	"applicant_verified" boolean DEFAULT false NOT NULL,
	"delivery_method" text DEFAULT 'counter' NOT NULL,
	"receiving_agency_id" uuid,
	"counter" text,
	"received_by" uuid,
	"handling_agency_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"receive_due_at" timestamp with time zone,
	"clock_start_at" timestamp with time zone,
	"appointment_at" timestamp with time zone,
	"original_appointment_at" timestamp with time zone,
	"current_step" integer,
	"current_agency_id" uuid,
	"current_assignee_id" uuid,
	"current_step_started_at" timestamp with time zone,
	"current_step_due_at" timestamp with time zone,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"paused_since" timestamp with time zone,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"fault_agency_id" uuid,
	"processed_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" text,
	"closing_reason" text,
	"result_summary" text,
	"result_file_id" uuid,
	"result_electronic" boolean DEFAULT false NOT NULL,
	"result_digitized" boolean DEFAULT false NOT NULL,
	"fees_due" bigint DEFAULT 0 NOT NULL,
	"fees_paid" bigint DEFAULT 0 NOT NULL,
	"paid_online" smallint DEFAULT 0 NOT NULL,
	"national_synced_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(coalesce(code, '') || ' ' || applicant_name || ' ' || procedure_name)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedbacks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"dossier_id" uuid,
	"procedure_id" uuid,
	"agency_id" uuid,
	"sender_name" text NOT NULL,
	"sender_phone" text NOT NULL,
	"sender_email" text,
	"sender_address" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"refused_at" timestamp with time zone,
	"more_info_requested_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"response" text,
	"handled_by" uuid,
	"satisfied" boolean,
	"repeat_of_id" uuid,
	"search_text" text GENERATED ALWAYS AS (f_unaccent(code || ' ' || title || ' ' || sender_name)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_intake_slips" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"dossier_id" uuid,
	"applicant" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedure_components" ADD CONSTRAINT "procedure_components_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_components" ADD CONSTRAINT "procedure_components_template_file_id_files_id_fk" FOREIGN KEY ("template_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_imports" ADD CONSTRAINT "procedure_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_imports" ADD CONSTRAINT "procedure_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_competent_agency_id_agencies_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_code_counters" ADD CONSTRAINT "dossier_code_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_procedure_component_id_procedure_components_id_fk" FOREIGN KEY ("procedure_component_id") REFERENCES "public"."procedure_components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_extensions" ADD CONSTRAINT "dossier_extensions_fault_agency_id_agencies_id_fk" FOREIGN KEY ("fault_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_supplements" ADD CONSTRAINT "dossier_supplements_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_supplements" ADD CONSTRAINT "dossier_supplements_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_supplements" ADD CONSTRAINT "dossier_supplements_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_handling_agency_id_agencies_id_fk" FOREIGN KEY ("handling_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_agency_id_agencies_id_fk" FOREIGN KEY ("current_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_assignee_id_users_id_fk" FOREIGN KEY ("current_assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_fault_agency_id_agencies_id_fk" FOREIGN KEY ("fault_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_result_file_id_files_id_fk" FOREIGN KEY ("result_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedbacks" ADD CONSTRAINT "feedbacks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedbacks" ADD CONSTRAINT "feedbacks_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedbacks" ADD CONSTRAINT "feedbacks_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedbacks" ADD CONSTRAINT "feedbacks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedbacks" ADD CONSTRAINT "feedbacks_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_intake_slips" ADD CONSTRAINT "dossier_intake_slips_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_intake_slips" ADD CONSTRAINT "dossier_intake_slips_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_intake_slips" ADD CONSTRAINT "dossier_intake_slips_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_intake_slips" ADD CONSTRAINT "dossier_intake_slips_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_intake_slips" ADD CONSTRAINT "dossier_intake_slips_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_components_position_uq" ON "procedure_components" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE INDEX "procedure_imports_tenant_idx" ON "procedure_imports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_steps_position_uq" ON "procedure_steps" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_uq" ON "procedures" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "procedures_catalog_idx" ON "procedures" USING btree ("tenant_id","level","field");--> statement-breakpoint
CREATE INDEX "procedures_agency_idx" ON "procedures" USING btree ("tenant_id","competent_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_components_position_uq" ON "dossier_components" USING btree ("dossier_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_seq_uq" ON "dossier_events" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_extensions_dossier_idx" ON "dossier_extensions" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_payments_dossier_idx" ON "dossier_payments" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_payments_ref_uq" ON "dossier_payments" USING btree ("channel","provider_ref") WHERE provider_ref is not null;--> statement-breakpoint
CREATE INDEX "dossier_supplements_dossier_idx" ON "dossier_supplements" USING btree ("dossier_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_location_idx" ON "dossiers" USING btree ("tenant_id","receiving_agency_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_open_idx" ON "dossiers" USING btree ("current_assignee_id","current_step_due_at") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_agency_open_idx" ON "dossiers" USING btree ("tenant_id","current_agency_id","current_step_due_at") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_new_online_idx" ON "dossiers" USING btree ("tenant_id","receive_due_at") WHERE status = 1;--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("tenant_id","applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_handling_idx" ON "dossiers" USING btree ("tenant_id","handling_agency_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedbacks_code_uq" ON "feedbacks" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "feedbacks_state_idx" ON "feedbacks" USING btree ("tenant_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "feedbacks_agency_idx" ON "feedbacks" USING btree ("tenant_id","agency_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossier_intake_slips_tenant_idx" ON "dossier_intake_slips" USING btree ("tenant_id","issued_at");