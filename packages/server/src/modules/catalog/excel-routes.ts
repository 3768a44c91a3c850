// The catalogue in Excel: the import template, an export in the same layout, and the import itself. An import is all
// or nothing: every row is checked first; one bad row refuses the whole file, with a marked-up workbook to download.
// Otherwise one transaction creates the new implementations and replaces or starts drafts, with one audit record.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import { beijingToday } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import { AppError, problems } from '../../platform/problem.ts';
import { MIME } from '../../platform/files.ts';
import { readUpload } from '../../platform/uploads.ts';
import { RegionCode, StrictObject } from '../../platform/schemas.ts';
import {
  SHEET, parseCatalogWorkbook, planImport, readWorkbook, referencedFiles, sheetRowsOf, writeCatalogWorkbook, writeErrorReport,
  type CodeList, type DepartmentRef, type ExistingImplementation, type ImportLookups, type ImportPlan, type PlannedChange, type WorkbookRow,
} from './excel.ts';
import { catalogFilesAmong } from './guide-files.ts';

const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Rows per INSERT/UPDATE statement: large enough to be fast, small enough for the 65,535 parameter limit. */
const CHUNK = 500;
/** The JSON answer lists this many problems; the downloadable report lists them all. */
const LIST_LIMIT = 200;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function attachment(filename: string): string {
  return `attachment; filename="catalog.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

async function domainList(app: FastifyInstance): Promise<CodeList> {
  const rows = await app.db.selectFrom('service_domains').select(['code', 'name']).orderBy('code').execute();
  return { title: '业务领域', entries: rows.map((d) => ({ code: d.code, label: d.name })) };
}

type Executor = FastifyInstance['db'] | Transaction<DB>;

/** Each implementation with its latest version: the open draft when there is one (it is always the newest), else the latest published. */
function latestVersions(db: Executor) {
  return db
    .selectFrom('catalog_implementations as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('guide_versions as v', (join) =>
      join.onRef('v.implementation_id', '=', 'i.id').on((eb) =>
        eb('v.version', '=', eb.selectFrom('guide_versions as m').select((e) => e.fn.max('m.version').as('mv')).whereRef('m.implementation_id', '=', 'i.id')),
      ),
    )
    .select(['i.id', 'i.code', 'i.region_code', 'i.department_id', 'i.basic_code', 'd.uscc as department_uscc', 'v.id as version_id', 'v.version', 'v.status', 'v.content']);
}

/** Everything the checks need, read up front so that no row costs a round trip of its own. */
async function loadLookups(db: Executor, codes: string[], files: string[], actor: ImportLookups['actor']): Promise<ImportLookups> {
  const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const departments = await db.selectFrom('departments').select(['id', 'uscc', 'region_code']).execute();
  const departmentsByUscc = new Map<string, DepartmentRef>(departments.map((d) => [d.uscc.toUpperCase(), { id: d.id, uscc: d.uscc, regionCode: d.region_code }]));
  const existing = new Map<string, ExistingImplementation>();
  for (const part of chunks(codes, 1000)) {
    for (const r of await latestVersions(db).where('i.code', 'in', part).execute()) {
      existing.set(r.code, {
        id: r.id,
        regionCode: r.region_code,
        departmentId: r.department_id,
        basicCode: r.basic_code,
        latestVersion: r.version,
        latestContent: r.content,
        openVersion: r.status === 'published' ? null : { id: r.version_id, status: r.status, version: r.version },
      });
    }
  }
  // A guide may name only catalogue files (see guide-files.ts), whatever else the file store holds.
  const knownFiles = new Set<string>();
  for (const part of chunks(files, 1000)) {
    for (const sha of await catalogFilesAmong(db, part)) knownFiles.add(sha);
  }
  const knownDomains = (await db.selectFrom('service_domains').select('code').where('active', '=', true).execute()).map((d) => d.code);
  return { actor, regions, departmentsByUscc, existing, knownFiles, knownDomains };
}

const importConflict = () =>
  problems.conflict('CATALOG_IMPORT_CONFLICT', '导入期间有事项被他人修改（新建、提交或开始草稿），未导入任何事项，请重新上传');

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** Writes the plan: batched inserts and one UPDATE … FROM (VALUES …) per chunk of replaced drafts. */
async function applyPlan(trx: Transaction<DB>, changes: PlannedChange[], staffId: string): Promise<void> {
  const creates = changes.filter((c) => c.kind === 'create');
  const replaced = changes.filter((c) => c.kind === 'replaceDraft');
  const started = changes.filter((c) => c.kind === 'newDraft');
  try {
    for (const part of chunks(creates)) {
      const ids = await trx
        .insertInto('catalog_implementations')
        .values(part.map((c) => ({ code: c.code, basic_code: c.basicCode, region_code: c.regionCode, department_id: c.departmentId, withdrawn_reason: null, withdrawn_at: null })))
        .returning(['id', 'code'])
        .execute();
      const idOf = new Map(ids.map((r) => [r.code, r.id]));
      await trx
        .insertInto('guide_versions')
        .values(part.map((c) => ({ implementation_id: idOf.get(c.code)!, version: 1, status: 'draft' as const, content: JSON.stringify(c.content), created_by: staffId })))
        .execute();
    }
    for (const part of chunks(started)) {
      await trx
        .insertInto('guide_versions')
        .values(part.map((c) => ({ implementation_id: c.implementationId, version: c.version, status: 'draft' as const, content: JSON.stringify(c.content), created_by: staffId })))
        .execute();
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw importConflict();
    throw error;
  }
  for (const part of chunks(replaced)) {
    const values = sql.join(part.map((c) => sql`(${c.versionId}::uuid, ${JSON.stringify(c.content)}::jsonb)`));
    const result = await sql`
      UPDATE guide_versions AS g SET content = v.content, updated_at = now()
      FROM (VALUES ${values}) AS v(id, content)
      WHERE g.id = v.id AND g.status = 'draft'`.execute(trx);
    // A draft submitted since it was read is no longer ours to overwrite.
    if (Number(result.numAffectedRows ?? 0) !== part.length) throw importConflict();
  }
}

function summary(plan: ImportPlan) {
  const count = (kind: PlannedChange['kind']) => plan.changes.filter((c) => c.kind === kind).length;
  return { created: count('create'), draftsReplaced: count('replaceDraft'), draftsStarted: count('newDraft'), unchanged: plan.unchanged.length };
}

export const catalogExcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const allDepartmentUscc = async () => new Map((await app.db.selectFrom('departments').select(['id', 'uscc']).execute()).map((d) => [d.id, d.uscc]));
  const xlsx = MIME.xlsx;

  app.get(
    '/api/catalog/import-template.xlsx',
    { config: { action: 'catalog.read' }, schema: { tags: ['catalog'], summary: '事项清单导入模板（Excel，含填写说明与代码表）' } },
    async (_request, reply) => {
      const bytes = await writeCatalogWorkbook([], { departmentUscc: new Map(), domains: await domainList(app) });
      return reply.type(xlsx).header('content-disposition', attachment('事项清单导入模板.xlsx')).send(bytes);
    },
  );

  app.get(
    '/api/catalog/export.xlsx',
    {
      config: { action: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '导出事项清单（每个事项的最新版本，与导入模板同一格式，可修改后重新导入）',
        querystring: StrictObject({
          regionCode: Type.Optional(RegionCode),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('withdrawn')])),
        }),
      },
    },
    async (request, reply) => {
      const { regionCode, status } = request.query;
      let q = latestVersions(app.db).orderBy('i.region_code').orderBy('i.code');
      if (regionCode) q = q.where('i.region_code', 'like', `${regionCode}%`);
      if (status) q = q.where('i.status', '=', status);
      const rows: WorkbookRow[] = (await q.execute()).map((r) => ({ code: r.code, regionCode: r.region_code, departmentUscc: r.department_uscc, content: r.content }));
      const bytes = await writeCatalogWorkbook(rows, { departmentUscc: await allDepartmentUscc(), domains: await domainList(app) });
      return reply.type(xlsx).header('content-disposition', attachment(`事项清单-${regionCode ?? '全部'}-${beijingToday()}.xlsx`)).send(bytes);
    },
  );

  app.post(
    '/api/catalog/import',
    {
      config: { action: 'catalog.edit' },
      schema: {
        tags: ['catalog'],
        summary: '导入事项清单（Excel，最大 20 MB）：全部校验通过才导入，形成草稿；有错误时不导入任何事项并提供错误报告',
      },
    },
    async (request) => {
      const upload = await readUpload(request, ['xlsx'], IMPORT_MAX_BYTES);
      const staffId = request.staffId();
      let workbook;
      try {
        workbook = await readWorkbook(upload.bytes);
      } catch {
        throw new AppError(422, 'XLSX_UNREADABLE', '无法读取该 Excel 文件，请用导入模板另存为 .xlsx 后重试', { errors: [{ path: '/file', message: '文件已损坏或不是有效的 Excel 工作簿' }] });
      }
      const domains = await domainList(app);
      const parsed = parseCatalogWorkbook(sheetRowsOf(workbook), domains);
      const codes = parsed.implementations.map((i) => i.code);
      if (codes.length === 0 && parsed.issues.length === 0) {
        parsed.issues.push({ sheet: SHEET.items, row: 0, column: '', message: '“事项”表中没有数据行' });
      }

      // Checked outside the transaction, so that the database is held only while writing. What could change meanwhile
      // is guarded where it is written: a code created by someone else or a second open draft breaks a unique index,
      // a draft submitted meanwhile is no longer updated (status = 'draft'); either answers 409 and imports nothing.
      const plan = planImport(parsed, await loadLookups(app.db, codes, referencedFiles(parsed), request.actor), domains);
      if (plan.issues.length > 0) {
        const report = await writeErrorReport(workbook, plan.issues);
        const sha256 = await app.files.put(report);
        await request.change(async (trx, audit) => {
          await trx.insertInto('files').values({ sha256, size: report.length, mime: xlsx }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
          await trx.insertInto('catalog_import_reports').values({ sha256, created_by: staffId }).onConflict((oc) => oc.columns(['sha256', 'created_by']).doNothing()).execute();
          audit({ outcome: 'rejected', targetType: 'catalog_import', detail: { filename: upload.filename, implementations: codes.length, errors: plan.issues.length, report: sha256 } });
        });
        throw new AppError(422, 'CATALOG_IMPORT_REJECTED', `导入文件有 ${plan.issues.length} 处错误，未导入任何事项；请下载错误报告，修改后重新上传`, {
          extra: { errors: plan.issues.slice(0, LIST_LIMIT), errorTotal: plan.issues.length, reportUrl: `/api/catalog/import-reports/${sha256}` },
        });
      }
      await request.change(async (trx, audit) => {
        await applyPlan(trx, plan.changes, staffId);
        audit({
          targetType: 'catalog_import',
          detail: { filename: upload.filename, implementations: codes.length, ...summary(plan), codes: plan.changes.map((c) => c.code) },
        });
      });
      return {
        implementations: codes.length,
        ...summary(plan),
        warnings: plan.warnings.slice(0, LIST_LIMIT),
        warningTotal: plan.warnings.length,
      };
    },
  );

  app.get(
    '/api/catalog/import-reports/:sha256',
    {
      config: { action: 'catalog.edit' },
      schema: { tags: ['catalog'], summary: '下载导入错误报告（仅上传者本人）', params: StrictObject({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
    },
    async (request, reply) => {
      const staffId = request.staffId();
      const recorded = await app.db
        .selectFrom('catalog_import_reports')
        .select('sha256')
        .where('sha256', '=', request.params.sha256)
        .where('created_by', '=', staffId)
        .executeTakeFirst();
      const bytes = recorded && (await app.files.get(recorded.sha256));
      if (!bytes) throw problems.notFound('错误报告');
      return reply.type(xlsx).header('cache-control', 'private, no-store').header('content-disposition', attachment('事项导入错误报告.xlsx')).send(bytes);
    },
  );
};
