CREATE TABLE "document_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"parent_id" uuid,
	"role" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"instruction" text,
	"due_date" date,
	"original_due_date" date,
	"status" text NOT NULL,
	"result" text,
	"assigned_by" uuid NOT NULL,
	"assigned_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_reads" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"first_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "document_reads_document_id_user_id_pk" PRIMARY KEY("document_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "document_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"agency_id" uuid,
	"unit_id" uuid,
	"name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"copy_document_id" uuid,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "register_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "arrival_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "arrival_year" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "received_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "code_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "code_notation" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "issued_date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" drop column "search_text";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "search_text" text GENERATED ALWAYS AS (f_unaccent(coalesce(code_number || '/' || code_notation, '') || ' ' || subject || ' ' || sender_name || ' ' || coalesce(signer_name, ''))) STORED;--> statement-breakpoint
CREATE INDEX documents_search_trgm_idx ON documents USING gin (search_text gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "document_files" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_files" ADD COLUMN "added_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "document_registers" ADD COLUMN "type_codes" text[];--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "drafting_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "signer_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "holder_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "issue_number" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "issue_year" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_document_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "reply_to_id" uuid;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_assignments" ADD CONSTRAINT "document_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD CONSTRAINT "document_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD CONSTRAINT "document_recipients_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD CONSTRAINT "document_recipients_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD CONSTRAINT "document_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD CONSTRAINT "document_recipients_copy_document_id_documents_id_fk" FOREIGN KEY ("copy_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_assignments_doc_idx" ON "document_assignments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_assignments_user_idx" ON "document_assignments" USING btree ("tenant_id","user_id","status");--> statement-breakpoint
CREATE INDEX "document_assignments_unit_idx" ON "document_assignments" USING btree ("tenant_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "document_recipients_doc_idx" ON "document_recipients" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_recipients_copy_idx" ON "document_recipients" USING btree ("copy_document_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_drafting_unit_id_units_id_fk" FOREIGN KEY ("drafting_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_issue_number_uq" ON "documents" USING btree ("register_id","issue_year","issue_number");--> statement-breakpoint
CREATE INDEX "documents_outgoing_holder_idx" ON "documents" USING btree ("tenant_id","holder_id","status");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_incoming_registered" CHECK (direction = 'outgoing' or (register_id is not null and arrival_number is not null and arrival_year is not null and received_at is not null and code_number is not null and code_notation is not null and issued_date is not null));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issued_numbered" CHECK (direction = 'incoming' or status not in ('issued', 'recalled') or (issue_number is not null and code_number is not null and issued_date is not null));