// The serial part of 办件编号, taken from the database sequence `case_serial` in blocks: one round trip gives this
// server the next BLOCK values, and intakes draw from them in memory. The sequence still guarantees that no value is
// handed out twice, to this server or any other, without a lock; values a server held when it stopped are skipped
// (numbers have gaps and, across servers, need not rise with time: neither is promised).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const BLOCK = 100;

export class CaseSerials {
  private readonly free: number[] = [];
  /** The block being fetched, shared by every intake that finds none left meanwhile. */
  private fetching: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  async next(): Promise<number> {
    for (;;) {
      const serial = this.free.shift();
      if (serial !== undefined) return serial;
      this.fetching ??= this.fetchBlock().finally(() => (this.fetching = null));
      await this.fetching;
    }
  }

  private async fetchBlock(): Promise<void> {
    const { rows } = await sql<{ serial: number }>`SELECT nextval('case_serial') AS serial FROM generate_series(1, ${BLOCK})`.execute(this.db);
    this.free.push(...rows.map((r) => r.serial));
  }
}
