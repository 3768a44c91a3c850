// Loading organisation records for handlers: a missing record is a 404 (or a field error when it was named in a body).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { problems } from '../../platform/problem.ts';

export async function loadRegion(db: Kysely<DB>, code: string, fieldPath?: string) {
  const region = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  if (!region) throw fieldPath ? problems.field(fieldPath, `区划 ${code} 不存在`) : problems.notFound('区划');
  return region;
}

export async function loadDepartment(db: Kysely<DB>, id: string) {
  const dept = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dept) throw problems.notFound('部门');
  return dept;
}

export async function loadHall(db: Kysely<DB>, id: string) {
  const hall = await db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!hall) throw problems.notFound('大厅');
  return hall;
}

export function inRegionRoots(code: string, roots: string[] | 'all'): boolean {
  return roots === 'all' || roots.some((root) => code.startsWith(root));
}

/**
 * Turns a unique-constraint violation (SQLSTATE 23505) into a 409 on the field that collided. Where the table has other
 * unique constraints, name the field's own: a violation of any other is not this field's and is rethrown.
 */
export function uniqueViolation(path: string, message: string, constraint?: string) {
  return (error: unknown): never => {
    const violation = error as { code?: string; constraint?: string };
    const isThisField = violation.code === '23505' && (constraint === undefined || violation.constraint === constraint);
    if (isThisField) throw problems.conflict('ALREADY_EXISTS', '记录已存在', [{ path, message }]);
    throw error;
  };
}
