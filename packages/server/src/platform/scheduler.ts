// Periodic jobs that are safe with several servers: each run takes a transaction-scoped advisory lock and skips if
// another server holds it, so a job runs at most once at a time across the fleet. Timers only trigger; the database
// decides who works.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/schema.ts';

export interface Job {
  name: string;
  /** A constant shared by every server for this job. */
  lockKey: number;
  intervalMs: number;
  /** Runs inside the transaction that holds the job's lock (on PGlite it is the only connection). */
  run(trx: Transaction<DB>): Promise<unknown>;
}

export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly db: Kysely<DB>, private readonly log: FastifyBaseLogger) {}

  /** Runs the job once now if no other server is running it; returns false when skipped. */
  async runOnce(job: Job): Promise<boolean> {
    const work = this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${job.lockKey}) AS locked`.execute(trx);
      if (!rows[0]?.locked) return false;
      const result = await job.run(trx);
      this.log.debug({ job: job.name, result }, 'scheduled job ran');
      return true;
    });
    this.running.add(work);
    try {
      return await work;
    } catch (error) {
      this.log.error({ err: error, job: job.name }, 'scheduled job failed');
      return false;
    } finally {
      this.running.delete(work);
    }
  }

  start(jobs: Job[]): void {
    for (const job of jobs) {
      void this.runOnce(job);
      const timer = setInterval(() => void this.runOnce(job), job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
