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

/** A connection prepares a statement the PREPARE_AFTER-th time it runs its text… */
const PREPARE_AFTER = 3;
/**
 * …and holds at most MAX_PREPARED of them (a few kB to 200 kB of the backend's memory each): the first to come back
 * often enough keep their place for the connection's life (the hot ones come back first; the pool replaces connections
 * left idle for 10 s).
 */
const MAX_PREPARED = 100;
/** The texts a connection counts; past this many it starts counting afresh (one-off texts would pile up). */
const MAX_COUNTED = 1000;
const DML = /^\s*(select|insert|update|delete|with)\b/i;

/** PostgreSQL's answer when a table a prepared statement reads has changed its columns (a migration, say). */
const isStalePlan = (error: unknown) => (error as { message?: string } | null)?.message === 'cached plan must not change result type';

/**
 * Server-side prepared statements for what a connection runs again and again, as JDBC drivers do: a parameterised DML
 * statement run PREPARE_AFTER times on a connection is from then on sent by name. PostgreSQL then neither parses nor,
 * once it has settled on a generic plan, plans it: for the window intake's write, half of the database's CPU. Whether
 * a generic plan is used is PostgreSQL's own choice (it keeps planning each run when that promises a better plan).
 * A statement whose columns a migration changed fails once, and is prepared afresh under a new name.
 */
function prepareRepeatedStatements(client: pg.PoolClient): void {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  let prepared = 0;
  const nameFor = (text: string): string | undefined => {
    const name = names.get(text);
    if (name !== undefined || names.size >= MAX_PREPARED) return name;
    const count = (counts.get(text) ?? 0) + 1;
    if (count < PREPARE_AFTER) {
      if (counts.size >= MAX_COUNTED) counts.clear();
      counts.set(text, count);
      return undefined;
    }
    counts.delete(text);
    const fresh = `ow_${++prepared}`;
    names.set(text, fresh);
    return fresh;
  };
  const query = client.query as (...args: unknown[]) => unknown;
  client.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && Array.isArray(values) && DML.test(text) ? nameFor(text) : undefined;
    if (name === undefined) return query.apply(this, args);
    const forgetIfStale = (error: unknown) => {
      if (isStalePlan(error)) names.delete(text as string);
    };
    if (typeof callback === 'function') {
      return query.call(this, { name, text, values }, (error: unknown, result: unknown) => {
        forgetIfStale(error);
        (callback as (e: unknown, r: unknown) => void)(error, result);
      });
    }
    return (query.call(this, { name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      forgetIfStale(error);
      throw error;
    });
  } as typeof client.query;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('connect', prepareRepeatedStatements);
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
