// Loading catalogue records for handlers, with the scope the policy needs.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { problems } from '../../platform/problem.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function loadImplementation(db: Executor, id: string) {
  const impl = await db.selectFrom('catalog_implementations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!impl) throw problems.notFound('事项');
  return impl;
}

/** The open (draft or submitted) version; row-locked when read inside a transaction that will change it. */
export async function openVersion(db: Executor, implementationId: string, lock = false) {
  let q = db.selectFrom('guide_versions').selectAll().where('implementation_id', '=', implementationId).where('status', 'in', ['draft', 'submitted']);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function latestVersionNumber(db: Executor, implementationId: string): Promise<number> {
  const row = await db
    .selectFrom('guide_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('implementation_id', '=', implementationId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function latestPublished(db: Executor, implementationId: string) {
  return db
    .selectFrom('guide_versions')
    .selectAll()
    .where('implementation_id', '=', implementationId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function knownDomainCodes(db: Executor): Promise<string[]> {
  return (await db.selectFrom('service_domains').select('code').where('active', '=', true).execute()).map((d) => d.code);
}
