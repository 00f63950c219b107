CREATE TABLE "outbox_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_stat_counts" (
	"tenant_id" uuid NOT NULL,
	"assigned_on" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date,
	"n" integer NOT NULL,
	CONSTRAINT "task_stat_counts_key" UNIQUE NULLS NOT DISTINCT("tenant_id","assigned_on","agency_id","kind","deadline")
);
--> statement-breakpoint
CREATE TABLE "task_stat_facts" (
	"task_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"assigned_on" date NOT NULL,
	"kind" text NOT NULL,
	"deadline" date
);
--> statement-breakpoint
CREATE INDEX "outbox_events_topic_idx" ON "outbox_events" USING btree ("topic","id");--> statement-breakpoint
-- How a task counts on the scoreboard apart from the day asked about (TASK_STAT_KINDS); one definition for the
-- rollup's refresh, its rebuild and its verification.
CREATE FUNCTION task_stat_kind(state text, reported_on date, completed_on date, deadline date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN state = 'confirmed_done' THEN CASE WHEN completed_on IS NULL THEN 'confirmed_undated' WHEN completed_on <= deadline THEN 'done_on_time' ELSE 'done_late' END
    WHEN state = 'reported_done' AND reported_on IS NOT NULL THEN CASE WHEN reported_on > deadline THEN 'reported_late' ELSE 'reported' END
    ELSE 'open'
  END
$$;
--> statement-breakpoint
-- Every change of a task the scoreboard sees goes to the outbox in the changing transaction.
CREATE FUNCTION outbox_task_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (OLD.tenant_id, 'task', OLD.id);
    RETURN OLD;
  END IF;
  INSERT INTO outbox_events (tenant_id, topic, entity_id) VALUES (NEW.tenant_id, 'task', NEW.id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_outbox_insert_delete AFTER INSERT OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION outbox_task_changed();
--> statement-breakpoint
CREATE TRIGGER tasks_outbox_update AFTER UPDATE ON tasks FOR EACH ROW
  WHEN ((OLD.state, OLD.primary_agency_id, OLD.assigned_on, OLD.deadline, OLD.reported_on, OLD.completed_on)
    IS DISTINCT FROM (NEW.state, NEW.primary_agency_id, NEW.assigned_on, NEW.deadline, NEW.reported_on, NEW.completed_on))
  EXECUTE FUNCTION outbox_task_changed();
--> statement-breakpoint
-- the tasks that exist already
INSERT INTO task_stat_facts (task_id, tenant_id, agency_id, assigned_on, kind, deadline)
SELECT id, tenant_id, primary_agency_id, assigned_on, k, CASE WHEN k IN ('confirmed_undated', 'open') THEN deadline END
FROM (SELECT t.*, task_stat_kind(t.state, t.reported_on, t.completed_on, t.deadline) AS k FROM tasks t) s;
--> statement-breakpoint
INSERT INTO task_stat_counts (tenant_id, assigned_on, agency_id, kind, deadline, n)
SELECT tenant_id, assigned_on, agency_id, kind, deadline, count(*)::int FROM task_stat_facts GROUP BY 1, 2, 3, 4, 5;
