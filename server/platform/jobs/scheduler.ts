import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { jobRuns } from './tables.js';

export interface JobDefinition {
  /** stable name; also the advisory-lock key, so one instance runs it at a time */
  name: string;
  version: number;
  everyMs: number;
  run(db: Db, now: Date): Promise<string | void>;
}

export interface Scheduler {
  runNow(name: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Runs each job on an interval in every instance; a transaction-scoped advisory lock lets only one
 * instance run a job at a time (DESIGN.md "Scale": nothing assumes one process). Jobs are idempotent.
 */
export function startScheduler(db: Db, jobs: JobDefinition[], log: { error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }): Scheduler {
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function runJob(job: JobDefinition): Promise<boolean> {
    const now = new Date();
    return db.transaction(async (tx) => {
      const rows = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${`job:${job.name}`}, 0)) as got`);
      const got = (rows as unknown as { rows: { got: boolean }[] }).rows[0]?.got;
      if (!got) return false;
      let error: string | null = null;
      try {
        const result = await tx.transaction((inner) => job.run(inner, now));
        if (result) log.info({ job: job.name }, result);
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        log.error({ err, job: job.name }, 'scheduled job failed');
      }
      await tx
        .insert(jobRuns)
        .values({ name: job.name, lastStartedAt: now, lastFinishedAt: new Date(), lastError: error, runs: 1 })
        .onConflictDoUpdate({
          target: jobRuns.name,
          set: { lastStartedAt: now, lastFinishedAt: new Date(), lastError: error, runs: sql`${jobRuns.runs} + 1` },
        });
      return error === null;
    });
  }

  const track = (p: Promise<unknown>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
    return p;
  };
  const timers = jobs.map((job) => {
    const tick = () => {
      if (!stopped) track(runJob(job).catch((err: unknown) => log.error({ err, job: job.name }, 'scheduler error')));
    };
    setTimeout(tick, 1000).unref();
    return setInterval(tick, job.everyMs).unref();
  });

  return {
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      return (await track(runJob(job))) as boolean;
    },
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
