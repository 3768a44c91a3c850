// Runs once before any test file: checks TEST_DB and, for PostgreSQL, that the server answers. A PostgreSQL run with
// no server must fail here, loudly, rather than skip or fail file by file with connection errors.
import pg from 'pg';
import { POSTGRES_ADMIN_URL, testDatabaseKind } from './harness.ts';

export default async function setup(): Promise<void> {
  const kind = testDatabaseKind();
  if (kind === 'pglite') return;
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `TEST_DB=postgres but PostgreSQL does not answer at ${redact(POSTGRES_ADMIN_URL)}: ${(error as Error).message}. ` +
        'Start PostgreSQL or point TEST_DATABASE_URL at a server whose user may CREATE DATABASE.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
