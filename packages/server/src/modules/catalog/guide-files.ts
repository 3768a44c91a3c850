// Files a guide offers for download (空白表格、示例样表、结果样本). The file store is shared with applicants' scans, so a
// guide may name only catalogue files — uploaded through POST /api/catalog/files and recorded with owner kind
// 'catalog' — and the catalogue's file route serves nothing else: a SHA-256 learned elsewhere opens nothing here.
import type { Kysely, Transaction } from 'kysely';
import type { GuideContent } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../platform/problem.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface GuideFileRef {
  /** JSON Pointer within the guide's content, e.g. `/materials/2/blankForm`. */
  path: string;
  sha256: string;
}

/** Every file the guide names, with where it names it. */
export function guideFileRefs(content: Pick<GuideContent, 'resultSample' | 'materials'>): GuideFileRef[] {
  const refs: GuideFileRef[] = [];
  if (content.resultSample) refs.push({ path: '/resultSample', sha256: content.resultSample });
  content.materials.forEach((m, i) => {
    if (m.blankForm) refs.push({ path: `/materials/${i}/blankForm`, sha256: m.blankForm });
    if (m.sample) refs.push({ path: `/materials/${i}/sample`, sha256: m.sample });
  });
  return refs;
}

/** Of `shas`, those uploaded as catalogue files. */
export async function catalogFilesAmong(db: Executor, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db.selectFrom('file_owners').select('sha256').distinct().where('owner_kind', '=', 'catalog').where('sha256', 'in', [...new Set(shas)]).execute();
  return new Set(rows.map((r) => r.sha256));
}

/** The references that do not name a catalogue file. */
export async function unknownGuideFiles(db: Executor, content: GuideContent): Promise<GuideFileRef[]> {
  const refs = guideFileRefs(content);
  const known = await catalogFilesAmong(db, refs.map((r) => r.sha256));
  return refs.filter((r) => !known.has(r.sha256));
}

const UNKNOWN_FILE_MESSAGE = '未找到该附件：请先上传空白表格、示例样表或结果样本，再引用上传所得的文件';

/** Refuses a guide that names anything but catalogue files, at each such path under /content. */
export async function checkGuideFiles(db: Executor, content: GuideContent): Promise<void> {
  const unknown = await unknownGuideFiles(db, content);
  if (unknown.length === 0) return;
  throw new AppError(400, 'GUIDE_FILE_UNKNOWN', '办事指南只能引用已上传的事项附件', {
    errors: unknown.map((r) => ({ path: `/content${r.path}`, message: UNKNOWN_FILE_MESSAGE })),
  });
}

/** The same, as publication-check issues (a draft saved before catalogue files were recorded may still hold one). */
export async function guideFileIssues(db: Executor, content: GuideContent) {
  return (await unknownGuideFiles(db, content)).map((r) => ({ path: r.path, rule: 'GUIDE_FILE_UNKNOWN', message: UNKNOWN_FILE_MESSAGE }));
}

/** Records an upload as a catalogue file; the `files` row must be written first (same transaction). */
export async function recordCatalogFile(trx: Transaction<DB>, sha256: string, staffId: string): Promise<void> {
  await trx
    .insertInto('file_owners')
    .values({ sha256, owner_kind: 'catalog', owner_id: staffId })
    .onConflict((oc) => oc.columns(['owner_kind', 'owner_id', 'sha256']).doNothing())
    .execute();
}

/** The MIME type of a catalogue file, or null when the SHA-256 names no catalogue file. */
export async function catalogFileMime(db: Executor, sha256: string): Promise<string | null> {
  const row = await db
    .selectFrom('files as f')
    .select('f.mime')
    .where('f.sha256', '=', sha256)
    .where((eb) => eb.exists(eb.selectFrom('file_owners as o').select('o.sha256').whereRef('o.sha256', '=', 'f.sha256').where('o.owner_kind', '=', 'catalog')))
    .executeTakeFirst();
  return row?.mime ?? null;
}
