ALTER TABLE "dossier_stat_facts" ADD COLUMN "overdue_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossier_stat_facts_open_idx" ON "dossier_stat_facts" USING btree ("tenant_id","handling_agency_id","overdue_at") WHERE overdue_at is not null;--> statement-breakpoint
-- the open dossiers' overdue instant depends on the appointment, the supplements and the wait: their changes count too
DROP TRIGGER dossiers_outbox_update ON dossiers;
--> statement-breakpoint
CREATE TRIGGER dossiers_outbox_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN ((OLD.status, OLD.received_at, OLD.ended_at, OLD.processed_at, OLD.returned_at, OLD.outcome, OLD.handling_agency_id, OLD.receiving_agency_id,
         OLD.procedure_id, OLD.channel, OLD.paused_ms, OLD.paused_since, OLD.supplement_count, OLD.appointment_at, OLD.result_file_id,
         OLD.result_electronic, OLD.fees_due, OLD.paid_online, OLD.national_synced_at, OLD.applicant_verified)
    IS DISTINCT FROM (NEW.status, NEW.received_at, NEW.ended_at, NEW.processed_at, NEW.returned_at, NEW.outcome, NEW.handling_agency_id, NEW.receiving_agency_id,
         NEW.procedure_id, NEW.channel, NEW.paused_ms, NEW.paused_since, NEW.supplement_count, NEW.appointment_at, NEW.result_file_id,
         NEW.result_electronic, NEW.fees_due, NEW.paid_online, NEW.national_synced_at, NEW.applicant_verified))
  EXECUTE FUNCTION outbox_dossier_changed();
--> statement-breakpoint
-- the open dossiers get their overdue instant at the next drain
INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT tenant_id, 'dossier', id FROM dossiers WHERE ended_at IS NULL AND received_at IS NOT NULL ORDER BY id;
