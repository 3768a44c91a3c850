// Loads many already-reviewed guides as published versions in one transaction, in chunks: the demo catalogue and
// the 10,000-item benchmark catalogue go through here. (Interactive editing goes through the four-eyes routes.)
import type { Kysely } from 'kysely';
import type { GuideContent } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import { searchRow } from './search-index.ts';

export interface PublishedEntry {
  code: string;
  regionCode: string;
  departmentId: string;
  popularity: number;
  content: GuideContent;
}

const CHUNK = 500;

export async function loadPublishedCatalog(
  db: Kysely<DB>,
  entries: PublishedEntry[],
  by: { submittedBy: string; publishedBy: string; effectiveFrom: string },
): Promise<void> {
  const regions = new Map((await db.selectFrom('regions').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name', 'uscc']).execute()).map((d) => [d.id, d]));
  const domains = new Map((await db.selectFrom('service_domains').select(['code', 'name']).execute()).map((d) => [d.code, d.name]));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const impls = await trx
        .insertInto('catalog_implementations')
        .values(chunk.map((e) => ({ code: e.code, basic_code: e.content.basicCode, region_code: e.regionCode, department_id: e.departmentId, popularity: e.popularity, withdrawn_reason: null, withdrawn_at: null })))
        .returning(['id', 'code'])
        .execute();
      const idOf = new Map(impls.map((r) => [r.code, r.id]));
      const now = new Date();
      const versions = await trx
        .insertInto('guide_versions')
        .values(
          chunk.map((e) => ({
            implementation_id: idOf.get(e.code)!,
            version: 1,
            status: 'published' as const,
            content: JSON.stringify({ ...e.content, implementingBodyCode: e.content.implementingBodyCode || departments.get(e.departmentId)!.uscc }),
            created_by: by.submittedBy,
            submitted_by: by.submittedBy,
            submitted_at: now,
            published_by: by.publishedBy,
            published_at: now,
            effective_from: by.effectiveFrom,
          })),
        )
        .returning(['id', 'implementation_id'])
        .execute();
      const versionOf = new Map(versions.map((v) => [v.implementation_id, v.id]));
      await trx
        .insertInto('catalog_search')
        .values(
          chunk.map((e) => {
            const id = idOf.get(e.code)!;
            const impl = { id, code: e.code, region_code: e.regionCode, region_name: regions.get(e.regionCode) ?? '', department_id: e.departmentId, department_name: departments.get(e.departmentId)!.name, popularity: e.popularity };
            return searchRow(impl, { id: versionOf.get(id)!, content: e.content }, domains.get(e.content.domainCode) ?? '');
          }),
        )
        .execute();
    }
  });
}
