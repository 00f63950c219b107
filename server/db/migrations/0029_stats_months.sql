CREATE TABLE "document_stat_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"electronic" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_stat_months_key" UNIQUE("tenant_id","month","agency_id","direction")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"handling_agency_id" uuid NOT NULL,
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
	CONSTRAINT "dossier_stat_months_key" UNIQUE("tenant_id","month","handling_agency_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_procedure_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"procedure_id" uuid NOT NULL,
	"handling_agency_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"synced_fee" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_procedure_months_key" UNIQUE("tenant_id","month","procedure_id","handling_agency_id")
);
--> statement-breakpoint
-- the months of what is counted already: the sums of their days
INSERT INTO dossier_stat_months (tenant_id, month, handling_agency_id, received, online, online_valid, full_online, full_online_eligible, digitized, reused, from_store, paper_result, e_result, certified, certified_electronic, fee_bearing, paid_online, synced, verified, rated, disliked, complained, resolved, early, on_time, late, processing_ms)
SELECT tenant_id, date_trunc('month', day)::date, handling_agency_id, sum(received), sum(online), sum(online_valid), sum(full_online), sum(full_online_eligible), sum(digitized), sum(reused), sum(from_store), sum(paper_result), sum(e_result), sum(certified), sum(certified_electronic), sum(fee_bearing), sum(paid_online), sum(synced), sum(verified), sum(rated), sum(disliked), sum(complained), sum(resolved), sum(early), sum(on_time), sum(late), sum(processing_ms) FROM dossier_stat_days GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO dossier_stat_procedure_months (tenant_id, month, procedure_id, handling_agency_id, received, online, paid_online, verified, synced_fee)
SELECT tenant_id, date_trunc('month', day)::date, procedure_id, handling_agency_id, sum(received), sum(online), sum(paid_online), sum(verified), sum(synced_fee) FROM dossier_stat_procedures GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO document_stat_months (tenant_id, month, agency_id, direction, total, electronic, signed)
SELECT tenant_id, date_trunc('month', day)::date, agency_id, direction, sum(total), sum(electronic), sum(signed) FROM document_stat_days GROUP BY 1, 2, 3, 4;
