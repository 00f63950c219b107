ALTER TABLE "signing_certificates" ADD COLUMN "sealed_unattended_secret" text;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD COLUMN "signature" jsonb;