// One way to reach PostgreSQL: Kysely over a `pg` pool, either to a real server (DATABASE_URL) or to the embedded
// PGlite through its pg-compatible adapter. Everything above this file sees the same dialect.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// Return timestamps and bigints in forms the API can pass on unchanged.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export interface OpenOptions {
  databaseUrl: string | null;
  /** Folder for PGlite's files; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
}

/**
 * Kysely ends the pool only if Kysely itself ran a query; code that used the pool alone (the migrator) would leave
 * its connections open, keeping the process alive and the database busy.
 */
async function closePool(db: Kysely<DB>, pool: pg.Pool): Promise<void> {
  await db.destroy();
  if (!pool.ending) await pool.end();
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, kind: 'postgres', close: () => closePool(db, pool) };
  }
  const inMemory = options.dataDir.startsWith('memory://');
  const releaseLock = inMemory ? () => {} : acquireDataDirLock(options.dataDir);
  try {
    // Loaded only for the embedded database: a server on PostgreSQL does not carry its ~40 MB.
    const [{ PGlite }, { createPgConfig }, { pg_trgm }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/node-postgres'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
    ]);
    const pglite = await PGlite.create({
      dataDir: inMemory ? options.dataDir : path.join(options.dataDir, 'pgdata'),
      extensions: { pg_trgm },
    });
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'pglite',
      async close() {
        await closePool(db, pool);
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
