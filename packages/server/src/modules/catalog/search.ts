// Catalogue search: every word of the query must match (so word order does not matter), each word in Chinese, full
// pinyin or pinyin initials, or through a known abbreviation. Region filtering follows 通办范围: an item implemented in
// the city also shows for its counties when it may be handled across the city, the province or the country.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SEARCH_SYNONYMS } from './search-index.ts';

export interface SearchParams {
  q?: string;
  region?: string;
  departmentId?: string;
  domain?: string;
  serviceObject?: string;
  theme?: string;
  depth?: string;
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

export async function searchCatalog(db: Kysely<DB>, p: SearchParams) {
  const q = (p.q ?? '').trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  let query = db.selectFrom('catalog_search as s');

  for (const word of words) {
    const alternatives = [word, ...(SEARCH_SYNONYMS[word] ?? [])].map(likePattern);
    const latin = /^[a-z0-9]+$/.test(word);
    query = query.where((eb) =>
      eb.or([
        ...alternatives.map((pattern) => eb('s.search_text', 'like', pattern)),
        ...(latin ? [eb('s.pinyin_text', 'like', likePattern(word)), eb('s.initials_text', 'like', likePattern(word))] : []),
      ]),
    );
  }
  if (p.region) {
    const region = p.region;
    query = query.where((eb) =>
      eb.or([
        eb('s.region_code', 'like', `${region}%`),
        eb.and([sql<boolean>`starts_with(${region}, s.region_code)`, eb('s.service_scope', 'in', ['subtree', 'province', 'nation'])]),
        eb.and([eb('s.service_scope', '=', 'province'), sql<boolean>`left(s.region_code, 2) = ${region.slice(0, 2)}`]),
        eb('s.service_scope', '=', 'nation'),
      ]),
    );
  }
  if (p.departmentId) query = query.where('s.department_id', '=', p.departmentId);
  if (p.domain) query = query.where('s.domain_code', '=', p.domain);
  if (p.depth) query = query.where('s.online_depth', '=', p.depth);
  if (p.serviceObject) query = query.where(sql<boolean>`s.service_objects && ${p.serviceObject.split(',')}::text[]`);
  if (p.theme) query = query.where(sql<boolean>`${p.theme} = ANY(s.themes)`);

  const rows = await query
    .select([
      's.code', 's.name', 's.department_name', 's.department_id', 's.region_code', 's.region_name', 's.domain_code', 's.item_type',
      's.online_depth', 's.case_type', 's.service_objects', 's.themes', 's.popularity',
      sql<number>`count(*) over ()`.as('total'),
    ])
    // exact name first, then names that start with the query, then names that contain it, then popularity
    .orderBy(sql`(s.name = ${q}) desc`)
    .orderBy(sql`(lower(s.name) like ${`${q.replace(/[%_\\]/g, '\\$&')}%`}) desc`)
    .orderBy(sql`(lower(s.name) like ${likePattern(q)} or s.pinyin_text like ${likePattern(q.replace(/\s+/g, ''))} or s.initials_text like ${likePattern(q.replace(/\s+/g, ''))}) desc`)
    .orderBy('s.popularity', 'desc')
    .orderBy('s.code')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();

  const total = rows[0] ? Number(rows[0].total) : p.page === 1 ? 0 : await countOnly(db, p);
  return {
    total,
    page: p.page,
    pageSize: p.pageSize,
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      department: r.department_name,
      departmentId: r.department_id,
      region: r.region_name,
      regionCode: r.region_code,
      domain: r.domain_code,
      itemType: r.item_type,
      onlineDepth: r.online_depth,
      caseType: r.case_type,
      serviceObjects: r.service_objects,
      themes: r.themes,
      popularity: r.popularity,
    })),
  };
}

/** The total when the requested page lies past the end (the window count has no row to ride on). */
async function countOnly(db: Kysely<DB>, p: SearchParams): Promise<number> {
  const first = await searchCatalog(db, { ...p, page: 1, pageSize: 1 });
  return first.total;
}
