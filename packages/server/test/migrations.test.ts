// Forward-only migrations: each applied once, in order, and never changed after it ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrationFiles, migrate, pendingMigrations } from '../src/db/migrate.ts';
import { createTestDatabase, waitFor, type TestDatabase } from './harness.ts';

const ALL = listMigrationFiles().map((f) => `${f.version}_${f.name}`);

// One empty database, taken through its life in order: first migration, a second run, then tampering.
describe('migrations on one database, in order', () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(() => d?.dispose());

  // schema_migrations belongs to the migrator, which works through the pool (it is not in Kysely's table types).
  const record = async () =>
    (await d.database.pool.query<{ version: string; name: string; checksum: string }>('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')).rows;

  it('an empty database gets every migration, in file order, and is then current', async () => {
    expect(ALL[0]).toBe('0001_foundation');
    expect(await pendingMigrations(d.database.pool).catch(() => 'no schema_migrations yet')).toBe('no schema_migrations yet');
    expect(await migrate(d.database.pool)).toEqual(ALL);
    expect(await pendingMigrations(d.database.pool)).toEqual([]);
  });

  it('running migrate a second time applies nothing and leaves the record as it was', async () => {
    const before = await record();
    expect(before.map((m) => `${m.version}_${m.name}`)).toEqual(ALL);
    expect(await migrate(d.database.pool)).toEqual([]);
    expect(await record()).toEqual(before);
  });

  it('a migration missing from the record (a database an older server migrated) is reported as pending', async () => {
    const last = listMigrationFiles().at(-1)!;
    const { rows } = await d.database.pool.query('DELETE FROM schema_migrations WHERE version = $1 RETURNING *', [last.version]);
    expect(await pendingMigrations(d.database.pool)).toEqual([ALL.at(-1)]);
    const m = rows[0];
    await d.database.pool.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [m.version, m.name, m.checksum, m.applied_at]);
    expect(await pendingMigrations(d.database.pool)).toEqual([]);
  });

  it('a migration changed after it ran is refused, naming it', async () => {
    await d.database.pool.query(`UPDATE schema_migrations SET checksum = 'edited-after-the-fact' WHERE version = '0001'`);
    await expect(migrate(d.database.pool)).rejects.toThrow('迁移 0001_foundation 已执行后被修改；迁移只能追加，不能修改');
  });
});

describe('migrations from several servers at once', () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(() => d?.dispose());

  it('two servers migrating one database at once apply each migration exactly once', async () => {
    const [a, b] = await Promise.all([migrate(d.database.pool), migrate(d.database.pool)]);
    expect([...a, ...b].sort()).toEqual(ALL);
    // Through the pool, as the migrator works: the next spec relies on Kysely never having run a query here.
    const { rows } = await d.database.pool.query('SELECT version FROM schema_migrations');
    expect(rows).toHaveLength(ALL.length);
  });

  it('closing the database ends its connections even when only the pool was used, as the migrator uses it', async () => {
    const pool = d.database.pool;
    await d.close();
    expect(pool.ending).toBe(true);
    if (d.kind !== 'postgres') return;
    const name = new URL(d.env!.DATABASE_URL!).pathname.slice(1);
    const other = await createTestDatabase(); // any connection to the server will do
    try {
      await waitFor(async () => {
        const { rows } = await other.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        return rows[0]!.n === 0;
      }, 'the closed pool’s sessions to leave');
    } finally {
      await other.dispose();
    }
  });
});
