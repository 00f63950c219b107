CREATE TABLE "exchange_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"peer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_organ_id" text NOT NULL,
	"edxml_document_id" text NOT NULL,
	"document_id" uuid,
	"recipient_id" uuid,
	"message_id" uuid,
	"status_code" text,
	"file_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_peers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"organ_ids" text[] NOT NULL,
	"sealed_token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_recipients" ADD COLUMN "organ_id" text;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD COLUMN "exchange_code" text;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD COLUMN "exchange_note" text;--> statement-breakpoint
ALTER TABLE "document_recipients" ADD COLUMN "exchange_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "peer_id" uuid;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "last_status_code" text;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_peer_id_exchange_peers_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."exchange_peers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_recipient_id_document_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."document_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_message_id_exchange_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."exchange_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_peers" ADD CONSTRAINT "exchange_peers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_peers" ADD CONSTRAINT "exchange_peers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_outbox_due_idx" ON "exchange_outbox" USING btree ("next_attempt_at") WHERE "exchange_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "exchange_outbox_tenant_idx" ON "exchange_outbox" USING btree ("tenant_id","agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_recipient_uq" ON "exchange_outbox" USING btree ("recipient_id") WHERE "exchange_outbox"."kind" = 'document';--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_status_uq" ON "exchange_outbox" USING btree ("message_id","status_code") WHERE "exchange_outbox"."kind" = 'status';--> statement-breakpoint
CREATE INDEX "exchange_outbox_document_idx" ON "exchange_outbox" USING btree ("tenant_id","edxml_document_id","to_organ_id");--> statement-breakpoint
CREATE INDEX "exchange_peers_tenant_idx" ON "exchange_peers" USING btree ("tenant_id");