ALTER TABLE "signing_certificates" ALTER COLUMN "sealed_pkcs12" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD COLUMN "provider" text DEFAULT 'pkcs12' NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD COLUMN "remote_service_id" text;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD COLUMN "remote_credential_id" text;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD COLUMN "sealed_access_token" text;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_key_ck" CHECK (("signing_certificates"."provider" = 'pkcs12' AND "signing_certificates"."sealed_pkcs12" IS NOT NULL) OR ("signing_certificates"."provider" = 'remote' AND "signing_certificates"."remote_service_id" IS NOT NULL AND "signing_certificates"."remote_credential_id" IS NOT NULL AND "signing_certificates"."sealed_access_token" IS NOT NULL));