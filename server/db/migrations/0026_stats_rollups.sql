CREATE TABLE "document_stat_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"electronic" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_stat_days_key" UNIQUE("tenant_id","day","agency_id","direction")
);
--> statement-breakpoint
CREATE TABLE "document_stat_facts" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"day" date,
	"electronic" smallint DEFAULT 0 NOT NULL,
	"signed" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"handling_agency_id" uuid NOT NULL,
	"receiving_agency_id" uuid,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"online_valid" integer DEFAULT 0 NOT NULL,
	"full_online" integer DEFAULT 0 NOT NULL,
	"full_online_eligible" integer DEFAULT 0 NOT NULL,
	"digitized" integer DEFAULT 0 NOT NULL,
	"reused" integer DEFAULT 0 NOT NULL,
	"from_store" integer DEFAULT 0 NOT NULL,
	"paper_result" integer DEFAULT 0 NOT NULL,
	"e_result" integer DEFAULT 0 NOT NULL,
	"certified" integer DEFAULT 0 NOT NULL,
	"certified_electronic" integer DEFAULT 0 NOT NULL,
	"fee_bearing" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"synced" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"disliked" integer DEFAULT 0 NOT NULL,
	"complained" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"processing_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_days_key" UNIQUE NULLS NOT DISTINCT("tenant_id","day","handling_agency_id","receiving_agency_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"handling_agency_id" uuid NOT NULL,
	"receiving_agency_id" uuid,
	"procedure_id" uuid NOT NULL,
	"received_on" date,
	"resolved_on" date,
	"outcome" text,
	"processing_ms" bigint DEFAULT 0 NOT NULL,
	"online" smallint DEFAULT 0 NOT NULL,
	"online_valid" smallint DEFAULT 0 NOT NULL,
	"full_online" smallint DEFAULT 0 NOT NULL,
	"full_online_eligible" smallint DEFAULT 0 NOT NULL,
	"digitized" smallint DEFAULT 0 NOT NULL,
	"reused" smallint DEFAULT 0 NOT NULL,
	"from_store" smallint DEFAULT 0 NOT NULL,
	"paper_result" smallint DEFAULT 0 NOT NULL,
	"e_result" smallint DEFAULT 0 NOT NULL,
	"certified" smallint DEFAULT 0 NOT NULL,
	"certified_electronic" smallint DEFAULT 0 NOT NULL,
	"fee_bearing" smallint DEFAULT 0 NOT NULL,
	"paid_online" smallint DEFAULT 0 NOT NULL,
	"synced" smallint DEFAULT 0 NOT NULL,
	"verified" smallint DEFAULT 0 NOT NULL,
	"rated" smallint DEFAULT 0 NOT NULL,
	"disliked" smallint DEFAULT 0 NOT NULL,
	"complained" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_procedures" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"procedure_id" uuid NOT NULL,
	"handling_agency_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"synced_fee" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_procedures_key" UNIQUE("tenant_id","day","procedure_id","handling_agency_id")
);
--> statement-breakpoint
CREATE TABLE "national_rankings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"rows" jsonb NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_index_snapshots" (
	"tenant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"agency_id" uuid,
	"config_version" text NOT NULL,
	"total" numeric(6, 2),
	"grade" text,
	"groups" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_index_snapshots_key" UNIQUE NULLS NOT DISTINCT("tenant_id","month","agency_id")
);
--> statement-breakpoint
CREATE INDEX "national_rankings_tenant_idx" ON "national_rankings" USING btree ("tenant_id","as_of");--> statement-breakpoint
-- Dossiers: every change the figures see goes to the outbox in the changing transaction (a step hand-off alone does not).
CREATE FUNCTION outbox_dossier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (OLD.tenant_id, 'dossier', OLD.id);
    RETURN OLD;
  END IF;
  INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (NEW.tenant_id, 'dossier', NEW.id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_outbox_insert_delete AFTER INSERT OR DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION outbox_dossier_changed();
--> statement-breakpoint
CREATE TRIGGER dossiers_outbox_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN ((OLD.status, OLD.received_at, OLD.ended_at, OLD.processed_at, OLD.returned_at, OLD.outcome, OLD.handling_agency_id, OLD.receiving_agency_id,
         OLD.procedure_id, OLD.channel, OLD.paused_ms, OLD.result_file_id, OLD.result_electronic, OLD.fees_due, OLD.paid_online, OLD.national_synced_at,
         OLD.applicant_verified)
    IS DISTINCT FROM (NEW.status, NEW.received_at, NEW.ended_at, NEW.processed_at, NEW.returned_at, NEW.outcome, NEW.handling_agency_id, NEW.receiving_agency_id,
         NEW.procedure_id, NEW.channel, NEW.paused_ms, NEW.result_file_id, NEW.result_electronic, NEW.fees_due, NEW.paid_online, NEW.national_synced_at,
         NEW.applicant_verified))
  EXECUTE FUNCTION outbox_dossier_changed();
--> statement-breakpoint
-- A dossier's rating, its feedback and its components count too (digitized, reused, dislike, complaint): the dossier is the entity.
CREATE FUNCTION outbox_dossier_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT DISTINCT d.tenant_id, 'dossier', d.id FROM new_rows n JOIN dossiers d ON d.id = n.dossier_id;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id)
      SELECT DISTINCT d.tenant_id, 'dossier', d.id FROM (SELECT dossier_id FROM new_rows UNION SELECT dossier_id FROM old_rows) n JOIN dossiers d ON d.id = n.dossier_id;
  ELSE
    INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT DISTINCT d.tenant_id, 'dossier', d.id FROM old_rows o JOIN dossiers d ON d.id = o.dossier_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_components_outbox_insert AFTER INSERT ON dossier_components REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER dossier_components_outbox_update AFTER UPDATE ON dossier_components REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER dossier_components_outbox_delete AFTER DELETE ON dossier_components REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER dossier_ratings_outbox_insert AFTER INSERT ON dossier_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER dossier_ratings_outbox_update AFTER UPDATE ON dossier_ratings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER dossier_ratings_outbox_delete AFTER DELETE ON dossier_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER feedbacks_outbox_insert AFTER INSERT ON feedbacks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER feedbacks_outbox_update AFTER UPDATE ON feedbacks REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
CREATE TRIGGER feedbacks_outbox_delete AFTER DELETE ON feedbacks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_dossier_part_changed();
--> statement-breakpoint
-- Documents: registration, issue, recall, the main file and the signature.
CREATE FUNCTION outbox_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (OLD.tenant_id, 'document', OLD.id);
    RETURN OLD;
  END IF;
  INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (NEW.tenant_id, 'document', NEW.id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER documents_outbox_insert_delete AFTER INSERT OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION outbox_document_changed();
--> statement-breakpoint
CREATE TRIGGER documents_outbox_update AFTER UPDATE ON documents FOR EACH ROW
  WHEN ((OLD.status, OLD.received_at, OLD.arrival_number, OLD.issued_at, OLD.agency_id, OLD.direction)
    IS DISTINCT FROM (NEW.status, NEW.received_at, NEW.arrival_number, NEW.issued_at, NEW.agency_id, NEW.direction))
  EXECUTE FUNCTION outbox_document_changed();
--> statement-breakpoint
CREATE FUNCTION outbox_document_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT DISTINCT d.tenant_id, 'document', d.id FROM old_rows o JOIN documents d ON d.id = o.document_id;
  ELSE
    INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT DISTINCT d.tenant_id, 'document', d.id FROM new_rows n JOIN documents d ON d.id = n.document_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_files_outbox_insert AFTER INSERT ON document_files REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_document_part_changed();
--> statement-breakpoint
CREATE TRIGGER document_files_outbox_delete AFTER DELETE ON document_files REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_document_part_changed();
--> statement-breakpoint
CREATE FUNCTION outbox_document_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (NEW.tenant_id, 'document', NEW.document_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_events_outbox_signed AFTER INSERT ON document_events FOR EACH ROW WHEN (NEW.kind = 'signed') EXECUTE FUNCTION outbox_document_signed();
--> statement-breakpoint
-- what exists already is counted by the first drains, in batches
INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT tenant_id, 'dossier', id FROM dossiers ORDER BY id;
--> statement-breakpoint
INSERT INTO outbox_events (tenant_id, topic, entity_id) SELECT tenant_id, 'document', id FROM documents ORDER BY id;
--> statement-breakpoint
-- A catalog change that alters how a procedure's dossiers count (online service, paper result, field) recounts them.
CREATE FUNCTION outbox_procedure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox_events (tenant_id, topic, entity_id)
    SELECT d.tenant_id, 'dossier', d.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN dossiers d ON d.procedure_id = n.id
    WHERE (n.online_service, n.result_paper, n.field) IS DISTINCT FROM (o.online_service, o.result_paper, o.field);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER procedures_outbox_update AFTER UPDATE ON procedures REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_procedure_changed();
