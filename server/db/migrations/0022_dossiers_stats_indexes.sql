ALTER TABLE "feedbacks" ADD COLUMN "info_supplied_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossier_ratings_period_idx" ON "dossier_ratings" USING btree ("tenant_id","rated_at");--> statement-breakpoint
CREATE INDEX "dossiers_ended_idx" ON "dossiers" USING btree ("tenant_id","ended_at");