// Repeated statements on PostgreSQL run as server-side prepared statements (db/database.ts): same answers, less work
// for the database, and a statement whose table a migration changed recovers on its own.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './harness.ts';

const onPostgres = testDatabaseKind() === 'postgres';
let d: TestDatabase;
let one: Database;
beforeAll(async () => {
  d = await createTestDatabase();
  // One connection, so that every statement of a spec runs on it.
  if (onPostgres) one = await openDatabase({ databaseUrl: d.env!.DATABASE_URL!, dataDir: d.dataDir, poolSize: 1 });
});
afterAll(async () => {
  await one?.close();
  await d?.dispose();
});

describe.skipIf(!onPostgres)('prepared statements on PostgreSQL', () => {
  it('a statement run again and again is prepared on its connection from its third run, and answers as before', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await sql<{ n: number }>`SELECT ${i}::int + 1 AS n`.execute(one.db)).rows[0]!.n);
    expect(answers).toEqual([1, 2, 3, 4, 5]);
    const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(one.db);
    expect(rows.map((r) => r.statement)).toContain('SELECT $1::int + 1 AS n');
  });

  it('a prepared statement whose table gained a column fails once, then is prepared afresh', async () => {
    await sql`CREATE TABLE probe (a int)`.execute(one.db);
    await sql`INSERT INTO probe VALUES (1)`.execute(one.db);
    const read = async () => (await sql`SELECT * FROM probe WHERE a = ${1}`.execute(one.db)).rows;
    for (let i = 0; i < 3; i++) expect(await read()).toEqual([{ a: 1 }]);
    await sql`ALTER TABLE probe ADD COLUMN b int`.execute(one.db);
    await expect(read()).rejects.toThrow('cached plan must not change result type');
    expect(await read()).toEqual([{ a: 1, b: null }]);
  });
});
