// The search index holds, per active implementation, the published guide version in force today, with its name in
// Chinese, full pinyin and pinyin initials. It is refreshed in the transaction that publishes or withdraws, and a
// periodic job brings in versions whose effective date has arrived.
import { sql, type Kysely, type Transaction } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { beijingToday, themeLabel, type GuideContent } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/\s+/g, '');
}

export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/\s+/g, '');
}

/** Common abbreviations people type for the words guides spell out (医保 for 医疗保险 …). */
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  医保: ['医疗保险', '医疗保障'],
  社保: ['社会保险', '社会保障'],
  公积金: ['住房公积金'],
  营业执照: ['设立登记'],
  身份证: ['居民身份证'],
  低保: ['最低生活保障'],
  个税: ['个人所得税'],
  房产证: ['不动产权证书', '不动产登记'],
};

/** The texts an item is found by: its name and result, department, domain and themes. */
function searchParts(content: GuideContent, departmentName: string, domainName: string): string[] {
  return [content.name, content.resultName, departmentName, domainName, ...content.themes.map(themeLabel)].filter(Boolean);
}

/** The implementation's currently effective published version (highest version whose date has come), if any. */
export async function currentVersion(db: Executor, implementationId: string, today = beijingToday()) {
  return db
    .selectFrom('guide_versions')
    .select(['id', 'version', 'content', 'effective_from', 'published_at'])
    .where('implementation_id', '=', implementationId)
    .where('status', '=', 'published')
    .where('effective_from', '<=', today)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface IndexedImplementation {
  id: string;
  code: string;
  region_code: string;
  region_name: string;
  department_id: string;
  department_name: string;
  popularity: number;
}

/** The index row of one implementation at one version: pure, so bulk loads build rows without queries. */
export function searchRow(impl: IndexedImplementation, version: { id: string; content: GuideContent }, domainName: string) {
  const c = version.content;
  return {
    implementation_id: impl.id,
    version_id: version.id,
    code: impl.code,
    name: c.name,
    search_text: searchParts(c, impl.department_name, domainName).join('|').toLowerCase(),
    pinyin_text: [c.name, c.resultName].map(fullPinyin).join('|'),
    initials_text: [c.name, c.resultName].map(pinyinInitials).join('|'),
    region_code: impl.region_code,
    region_name: impl.region_name,
    service_scope: c.serviceScope,
    department_id: impl.department_id,
    department_name: impl.department_name,
    domain_code: c.domainCode,
    item_type: c.itemType,
    service_objects: c.serviceObjects,
    themes: c.themes,
    online_depth: c.onlineDepth,
    case_type: c.caseType,
    popularity: impl.popularity,
  };
}

export async function refreshSearchEntry(trx: Executor, implementationId: string, today = beijingToday()): Promise<void> {
  const impl = await trx
    .selectFrom('catalog_implementations as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .select(['i.id', 'i.code', 'i.status', 'i.region_code', 'i.department_id', 'i.popularity', 'd.name as department_name', 'r.name as region_name'])
    .where('i.id', '=', implementationId)
    .executeTakeFirstOrThrow();
  const version = impl.status === 'active' ? await currentVersion(trx, implementationId, today) : undefined;
  if (!version) {
    await trx.deleteFrom('catalog_search').where('implementation_id', '=', implementationId).execute();
    return;
  }
  const domain = await trx.selectFrom('service_domains').select('name').where('code', '=', version.content.domainCode).executeTakeFirst();
  const row = searchRow(impl, version, domain?.name ?? '');
  await trx
    .insertInto('catalog_search')
    .values(row)
    .onConflict((oc) => oc.column('implementation_id').doUpdateSet(row))
    .execute();
}

export const activateDueVersionsJob = {
  name: 'catalog.activate-due-versions',
  lockKey: 7_120_330_101,
  intervalMs: 10 * 60_000,
  run: (trx: Transaction<DB>) => activateDueVersions(trx),
};

/** Implementations whose index entry is behind the version now in force (a future effective date has arrived). */
export async function activateDueVersions(db: Executor, today = beijingToday()): Promise<number> {
  const due = await db
    .selectFrom('catalog_implementations as i')
    .leftJoin('catalog_search as s', 's.implementation_id', 'i.id')
    .leftJoin('guide_versions as cur', 'cur.id', 's.version_id')
    .select('i.id')
    .where('i.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('guide_versions as v')
          .select(sql`1`.as('one'))
          .whereRef('v.implementation_id', '=', 'i.id')
          .where('v.status', '=', 'published')
          .where('v.effective_from', '<=', today)
          .where((e) => e.or([e('cur.version', 'is', null), e('v.version', '>', e.ref('cur.version'))])),
      ),
    )
    .execute();
  for (const { id } of due) await refreshSearchEntry(db, id, today);
  return due.length;
}
