DROP INDEX "exchange_messages_document_uq";--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "message_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "business_reason" text;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "target_document_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "outcome" text;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_messages_document_uq" ON "exchange_messages" USING btree ("tenant_id","agency_id","edxml_document_id","message_key");