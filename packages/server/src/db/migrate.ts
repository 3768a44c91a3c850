// Forward-only SQL migrations: files NNNN_name.sql, applied in order, each in its own transaction, under an advisory
// lock so that several servers starting at once apply each migration exactly once. An applied file must not change.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK_KEY = 7_120_330_001; // any constant shared by every OneWindow server

interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrationFiles(): MigrationFile[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await client.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map(
        (r) => [r.version, r.checksum],
      ),
    );
    const newlyApplied: string[] = [];
    for (const file of listMigrationFiles()) {
      const previous = applied.get(file.version);
      if (previous !== undefined) {
        if (previous !== file.checksum) {
          throw new Error(`迁移 ${file.version}_${file.name} 已执行后被修改；迁移只能追加，不能修改`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`迁移 ${file.version}_${file.name} 失败：${(error as Error).message}`, { cause: error });
      }
      newlyApplied.push(`${file.version}_${file.name}`);
    }
    return newlyApplied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/** Versions present in the code but not yet in the database (empty when the schema is current). */
export async function pendingMigrations(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ version: string }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  return listMigrationFiles().filter((f) => !applied.has(f.version)).map((f) => `${f.version}_${f.name}`);
}
