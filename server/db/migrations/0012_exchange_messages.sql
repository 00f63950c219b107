CREATE TABLE "exchange_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"edxml_document_id" text NOT NULL,
	"business_doc_type" integer NOT NULL,
	"from_organ_id" text NOT NULL,
	"from_name" text NOT NULL,
	"code_number" text NOT NULL,
	"code_notation" text,
	"promulgation_date" date,
	"type_name" text,
	"subject" text NOT NULL,
	"signer_name" text,
	"signer_position" text,
	"file_ids" uuid[] NOT NULL,
	"warnings" jsonb NOT NULL,
	"source_file_id" uuid NOT NULL,
	"status" text NOT NULL,
	"document_id" uuid,
	"received_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_source_file_id_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_messages_document_uq" ON "exchange_messages" USING btree ("tenant_id","agency_id","edxml_document_id");--> statement-breakpoint
CREATE INDEX "exchange_messages_status_idx" ON "exchange_messages" USING btree ("tenant_id","agency_id","status");