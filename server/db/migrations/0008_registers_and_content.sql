CREATE TABLE "register_closings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"volume" integer NOT NULL,
	"first_number" integer,
	"last_number" integer,
	"entries" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"closed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "content_key" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "content_extracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "register_closings" ADD CONSTRAINT "register_closings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_closings" ADD CONSTRAINT "register_closings_register_id_document_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."document_registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_closings" ADD CONSTRAINT "register_closings_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_closings" ADD CONSTRAINT "register_closings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "register_closings_volume_uq" ON "register_closings" USING btree ("register_id","volume");--> statement-breakpoint
CREATE INDEX "register_closings_register_idx" ON "register_closings" USING btree ("register_id","to_date");--> statement-breakpoint
CREATE INDEX documents_content_trgm_idx ON documents USING gin (content_key gin_trgm_ops);--> statement-breakpoint
CREATE INDEX documents_content_pending_idx ON documents (created_at) WHERE content_extracted_at IS NULL;
