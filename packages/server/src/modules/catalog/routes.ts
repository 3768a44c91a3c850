// The catalogue: implementations of items with versioned service guides. Catalogue administrators edit a draft,
// submit it, and a different administrator publishes it with an effective date (four eyes). Published versions are
// immutable; withdrawing (停用) an item keeps its history. The public reads only what is published and in force.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { beijingToday, checkGuideQuality, diffGuides, GuideContentSchema, type GuideContent, type PublishedGuide } from '@onewindow/domain';
import { AppError, problems } from '../../platform/problem.ts';
import { authorize } from '../../platform/policy.ts';
import { StrictObject, NonEmpty, IdParams, RegionCode, Uuid } from '../../platform/schemas.ts';
import { loadRegion, uniqueViolation } from '../org/queries.ts';
import { loadImplementation, openVersion, latestVersionNumber, latestPublished, knownDomainCodes } from './queries.ts';
import { refreshSearchEntry, currentVersion } from './search-index.ts';
import { searchCatalog } from './search.ts';
import { GuidePdfService, pdfDisposition } from './guide-pdf.ts';
import { catalogFileMime, checkGuideFiles, guideFileIssues, recordCatalogFile } from './guide-files.ts';
import { readUpload } from '../../platform/uploads.ts';
import { MIME, type FileKind } from '../../platform/files.ts';
import { sql } from 'kysely';

/** Blank forms, samples and result samples a guide may offer for download. */
const GUIDE_FILE_KINDS: readonly FileKind[] = ['pdf', 'doc', 'docx', 'xlsx', 'jpeg', 'png', 'ofd'];
const GUIDE_FILE_MAX_BYTES = 10 * 1024 * 1024;

const ImplementationCode = Type.String({ pattern: '^[0-9A-Za-z-]{6,60}$', description: '实施编码' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** The largest PostgreSQL `integer`: a number the columns cannot hold is a 400 on its field, not a database error. */
const PG_INT_MAX = 2_147_483_647;
const VersionNumber = Type.Integer({ minimum: 1, maximum: PG_INT_MAX, description: '版本号' });

/** The publication checks for a guide of this implementation (its region decides the expected level). */
async function qualityOf(db: Parameters<typeof knownDomainCodes>[0], impl: { region_code: string }, content: GuideContent) {
  // Of the departments the guide names, those that exist.
  const named = [content.transferredToDepartmentId, ...content.steps.map((s) => s.departmentId)].filter((id): id is string => Boolean(id));
  const knownDepartments = named.length === 0 ? [] : (await db.selectFrom('departments').select('id').where('id', 'in', named).execute()).map((d) => d.id);
  const issues = checkGuideQuality(content, { knownDomains: await knownDomainCodes(db), knownDepartments, regionCode: impl.region_code });
  return [...issues, ...(await guideFileIssues(db, content))];
}

function qualityProblem(issues: ReturnType<typeof checkGuideQuality>): AppError {
  return new AppError(422, 'GUIDE_QUALITY_FAILED', `办事指南未通过发布检查（${issues.length} 项）`, {
    errors: issues.map((i) => ({ path: `/content${i.path}`, message: i.message })),
    extra: { rules: issues.map((i) => i.rule) },
  });
}

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const scopeOf = (impl: { region_code: string; department_id: string }) => ({ regionCode: impl.region_code, departmentId: impl.department_id });

  const versionSummary = (v: { id: string; version: number; status: string; effective_from: string | null; created_at: Date; submitted_at: Date | null; published_at: Date | null; created_by: string; submitted_by: string | null; published_by: string | null }) => ({
    id: v.id,
    version: v.version,
    status: v.status,
    effectiveFrom: v.effective_from,
    createdAt: v.created_at.toISOString(),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    publishedAt: v.published_at?.toISOString() ?? null,
    createdBy: v.created_by,
    submittedBy: v.submitted_by,
    publishedBy: v.published_by,
  });

  // ---- staff: the catalogue workbench ----
  app.get(
    '/api/catalog/implementations',
    {
      config: { action: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '事项清单（含草稿状态），供工作人员管理',
        querystring: StrictObject({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          regionCode: Type.Optional(RegionCode),
          departmentId: Type.Optional(Uuid),
          domain: Type.Optional(Type.String({ maxLength: 40 })),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('withdrawn')])),
          page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
      },
    },
    async (request) => {
      const p = request.query;
      let q = app.db
        .selectFrom('catalog_implementations as i')
        .innerJoin('departments as d', 'd.id', 'i.department_id')
        .innerJoin('regions as r', 'r.code', 'i.region_code')
        .innerJoin('guide_versions as v', (join) =>
          join.onRef('v.implementation_id', '=', 'i.id').on((eb) =>
            eb('v.version', '=', eb.selectFrom('guide_versions as m').select((e) => e.fn.max('m.version').as('mv')).whereRef('m.implementation_id', '=', 'i.id')),
          ),
        );
      if (p.regionCode) q = q.where('i.region_code', 'like', `${p.regionCode}%`);
      if (p.departmentId) q = q.where('i.department_id', '=', p.departmentId);
      if (p.status) q = q.where('i.status', '=', p.status);
      if (p.domain) q = q.where((eb) => eb(eb.ref('v.content', '->>').key('domainCode'), '=', p.domain!));
      if (p.q) q = q.where((eb) => eb.or([eb(eb.ref('v.content', '->>').key('name'), 'like', `%${p.q}%`), eb('i.code', 'like', `%${p.q}%`)]));
      const rows = await q
        .select((eb) => [
          'i.id', 'i.code', 'i.status', 'i.region_code', 'r.name as region_name', 'i.department_id', 'd.name as department_name',
          'v.version as latest_version', 'v.status as latest_status', 'v.updated_at',
          eb.ref('v.content', '->>').key('name').as('name'),
          eb.ref('v.content', '->>').key('domainCode').as('domain_code'),
          eb.fn.countAll<number>().over().as('total'),
        ])
        .orderBy('i.region_code')
        .orderBy('i.code')
        .limit(p.pageSize)
        .offset((p.page - 1) * p.pageSize)
        .execute();
      return {
        total: rows[0] ? Number(rows[0].total) : 0,
        items: rows.map((r) => ({
          id: r.id, code: r.code, name: r.name, status: r.status, regionCode: r.region_code, regionName: r.region_name,
          departmentId: r.department_id, departmentName: r.department_name, domainCode: r.domain_code,
          latestVersion: r.latest_version, latestStatus: r.latest_status, updatedAt: r.updated_at.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/catalog/implementations',
    {
      config: { action: 'catalog.edit' },
      schema: {
        tags: ['catalog'],
        summary: '新建事项实施清单（生成第1版草稿）',
        body: StrictObject({ code: ImplementationCode, regionCode: RegionCode, departmentId: Uuid, popularity: Type.Optional(Type.Integer({ minimum: 0, maximum: PG_INT_MAX })), content: GuideContentSchema }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const region = await loadRegion(app.db, b.regionCode, '/regionCode');
      const dept = await app.db.selectFrom('departments').select(['id', 'region_code']).where('id', '=', b.departmentId).executeTakeFirst();
      if (!dept) throw problems.field('/departmentId', '部门不存在');
      request.authorize({ regionCode: region.code, departmentId: dept.id });
      await checkGuideFiles(app.db, b.content);
      const staffId = request.staffId();
      const id = await request.change(async (trx, audit) => {
        const impl = await trx
          .insertInto('catalog_implementations')
          .values({ code: b.code, basic_code: b.content.basicCode, region_code: region.code, department_id: dept.id, popularity: b.popularity ?? 0, withdrawn_reason: null, withdrawn_at: null })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(uniqueViolation('/code', '该实施编码已存在'));
        await trx.insertInto('guide_versions').values({ implementation_id: impl.id, version: 1, status: 'draft', content: JSON.stringify(b.content), created_by: staffId }).execute();
        audit({ targetType: 'catalog_implementation', targetId: impl.id, detail: { code: b.code, name: b.content.name } });
        return impl.id;
      });
      return reply.status(201).send({ id, code: b.code, version: 1, status: 'draft' });
    },
  );

  app.get(
    '/api/catalog/implementations/:id',
    { config: { action: 'catalog.read' }, schema: { tags: ['catalog'], summary: '事项详情：版本历史、当前草稿与现行版本', params: IdParams } },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      const [region, department] = await Promise.all([
        app.db.selectFrom('regions').select('name').where('code', '=', impl.region_code).executeTakeFirstOrThrow(),
        app.db.selectFrom('departments').select('name').where('id', '=', impl.department_id).executeTakeFirstOrThrow(),
      ]);
      const versions = await app.db.selectFrom('guide_versions').selectAll().where('implementation_id', '=', impl.id).orderBy('version', 'desc').execute();
      const open = versions.find((v) => v.status !== 'published');
      const current = await currentVersion(app.db, impl.id);
      const names = await app.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', [...new Set(versions.flatMap((v) => [v.created_by, v.submitted_by, v.published_by, v.returned_by]).filter((x): x is string => !!x))]).execute();
      const nameOf = (id: string | null) => names.find((n) => n.id === id)?.name ?? null;
      return {
        id: impl.id,
        code: impl.code,
        basicCode: impl.basic_code,
        regionCode: impl.region_code,
        regionName: region.name,
        departmentId: impl.department_id,
        departmentName: department.name,
        status: impl.status,
        withdrawnReason: impl.withdrawn_reason,
        popularity: impl.popularity,
        versions: versions.map((v) => ({ ...versionSummary(v), createdByName: nameOf(v.created_by), submittedByName: nameOf(v.submitted_by), publishedByName: nameOf(v.published_by) })),
        draft: open
          ? {
              ...versionSummary(open),
              content: open.content,
              updatedAt: open.updated_at.toISOString(),
              returned: open.returned_at ? { reason: open.returned_reason, byName: nameOf(open.returned_by), at: open.returned_at.toISOString() } : null,
            }
          : null,
        current: current ? { id: current.id, version: current.version, effectiveFrom: current.effective_from, content: current.content } : null,
      };
    },
  );

  app.post(
    '/api/catalog/implementations/:id/draft',
    { config: { action: 'catalog.edit' }, schema: { tags: ['catalog'], summary: '以最新发布版本为基础开始新草稿', params: IdParams } },
    async (request, reply) => {
      const impl = await loadImplementation(app.db, request.params.id);
      request.authorize(scopeOf(impl));
      const staffId = request.staffId();
      const created = await request.change(async (trx, audit) => {
        if (await openVersion(trx, impl.id, true)) throw problems.conflict('DRAFT_EXISTS', '该事项已有未发布的草稿，请在草稿上修改');
        const base = await latestPublished(trx, impl.id);
        if (!base) throw problems.conflict('DRAFT_EXISTS', '该事项尚未发布过，请修改现有草稿');
        const version = (await latestVersionNumber(trx, impl.id)) + 1;
        await trx
          .insertInto('guide_versions')
          .values({ implementation_id: impl.id, version, status: 'draft', content: JSON.stringify(base.content), created_by: staffId })
          .execute()
          .catch(uniqueViolation('/', '该事项已有未发布的草稿'));
        audit({ targetType: 'catalog_implementation', targetId: impl.id, detail: { version, from: base.version } });
        return { version, status: 'draft' as const };
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/catalog/implementations/:id/draft',
    {
      config: { action: 'catalog.edit' },
      schema: {
        tags: ['catalog'],
        summary: '保存草稿（须基于最近一次读取的版本，避免覆盖他人修改）',
        params: IdParams,
        body: StrictObject({ content: GuideContentSchema, baseUpdatedAt: Type.Optional(Type.String({ format: 'date-time' })) }),
      },
    },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      request.authorize(scopeOf(impl));
      const { content, baseUpdatedAt } = request.body;
      if (content.basicCode !== impl.basic_code) throw problems.field('/content/basicCode', '基本编码不能修改（如事项变化，请新建实施清单）');
      await checkGuideFiles(app.db, content);
      return request.change(async (trx, audit) => {
        const draft = await openVersion(trx, impl.id, true);
        if (!draft) throw problems.conflict('NO_DRAFT', '没有可修改的草稿，请先开始新草稿');
        if (draft.status !== 'draft') throw problems.conflict('DRAFT_SUBMITTED', '草稿已提交待发布，如需修改请先由发布人退回');
        if (baseUpdatedAt && new Date(baseUpdatedAt).getTime() !== draft.updated_at.getTime()) {
          throw problems.conflict('DRAFT_CHANGED', '草稿已被他人修改，请刷新后再编辑');
        }
        const updated = await trx
          .updateTable('guide_versions')
          .set({ content: JSON.stringify(content), updated_at: new Date() })
          .where('id', '=', draft.id)
          .returning('updated_at')
          .executeTakeFirstOrThrow();
        audit({ targetType: 'guide_version', targetId: draft.id, detail: { changes: diffGuides(draft.content, content).map((c) => c.label) } });
        return { version: draft.version, status: 'draft', updatedAt: updated.updated_at.toISOString(), quality: await qualityOf(trx, impl, content) };
      });
    },
  );

  app.get(
    '/api/catalog/implementations/:id/draft/quality',
    { config: { action: 'catalog.read' }, schema: { tags: ['catalog'], summary: '草稿的发布检查结果', params: IdParams } },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      const draft = await openVersion(app.db, impl.id);
      if (!draft) throw problems.notFound('草稿');
      return { issues: await qualityOf(app.db, impl, draft.content) };
    },
  );

  app.post(
    '/api/catalog/implementations/:id/draft/submit',
    { config: { action: 'catalog.edit' }, schema: { tags: ['catalog'], summary: '提交草稿待发布（须通过发布检查）', params: IdParams } },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      request.authorize(scopeOf(impl));
      const staffId = request.staffId();
      return request.change(async (trx, audit) => {
        const draft = await openVersion(trx, impl.id, true);
        if (!draft || draft.status !== 'draft') throw problems.conflict('NO_DRAFT', '没有待提交的草稿');
        const issues = await qualityOf(trx, impl, draft.content);
        if (issues.length > 0) throw qualityProblem(issues);
        await trx.updateTable('guide_versions').set({ status: 'submitted', submitted_by: staffId, submitted_at: new Date() }).where('id', '=', draft.id).execute();
        audit({ targetType: 'guide_version', targetId: draft.id, detail: { version: draft.version } });
        return { version: draft.version, status: 'submitted' };
      });
    },
  );

  app.post(
    '/api/catalog/implementations/:id/draft/return',
    {
      config: { action: 'catalog.publish' },
      schema: { tags: ['catalog'], summary: '退回已提交的草稿', params: IdParams, body: StrictObject({ reason: NonEmpty(500) }) },
    },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      request.authorize(scopeOf(impl));
      return request.change(async (trx, audit) => {
        const draft = await openVersion(trx, impl.id, true);
        if (!draft || draft.status !== 'submitted') throw problems.conflict('NOT_SUBMITTED', '没有待发布的版本');
        const staffId = request.staffId();
        await trx
          .updateTable('guide_versions')
          .set({ status: 'draft', submitted_by: null, submitted_at: null, returned_reason: request.body.reason, returned_by: staffId, returned_at: new Date() })
          .where('id', '=', draft.id)
          .execute();
        audit({ targetType: 'guide_version', targetId: draft.id, detail: { reason: request.body.reason } });
        return { version: draft.version, status: 'draft' };
      });
    },
  );

  app.post(
    '/api/catalog/implementations/:id/draft/publish',
    {
      config: { action: 'catalog.publish' },
      schema: {
        tags: ['catalog'],
        summary: '发布已提交的版本（须由提交人以外的事项管理员发布）',
        params: IdParams,
        body: StrictObject({ effectiveFrom: IsoDate }),
      },
    },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      request.authorize(scopeOf(impl));
      if (impl.status === 'withdrawn') throw problems.conflict('ITEM_WITHDRAWN', '事项已停用，请先恢复');
      const { effectiveFrom } = request.body;
      if (effectiveFrom < beijingToday()) throw problems.field('/effectiveFrom', '生效日期不能早于今天');
      const staffId = request.staffId();
      return request.change(async (trx, audit) => {
        const draft = await openVersion(trx, impl.id, true);
        if (!draft || draft.status !== 'submitted') throw problems.conflict('NOT_SUBMITTED', '没有已提交待发布的版本');
        if (draft.submitted_by === staffId) throw new AppError(403, 'FOUR_EYES_REQUIRED', '提交人不能发布自己提交的版本，须由另一名事项管理员发布');
        // Checked again: the content is frozen since submission, but the rules' context (active domains) may not be.
        const issues = await qualityOf(trx, impl, draft.content);
        if (issues.length > 0) throw qualityProblem(issues);
        await trx
          .updateTable('guide_versions')
          .set({ status: 'published', published_by: staffId, published_at: new Date(), effective_from: effectiveFrom })
          .where('id', '=', draft.id)
          .execute();
        await refreshSearchEntry(trx, impl.id);
        audit({ targetType: 'guide_version', targetId: draft.id, detail: { version: draft.version, effectiveFrom } });
        return { version: draft.version, status: 'published', effectiveFrom };
      });
    },
  );

  for (const [path, status, summary] of [
    ['withdraw', 'withdrawn', '停用事项（保留全部历史）'],
    ['reinstate', 'active', '恢复已停用的事项'],
  ] as const) {
    app.post(
      `/api/catalog/implementations/:id/${path}`,
      {
        config: { action: 'catalog.publish' },
        schema: { tags: ['catalog'], summary, params: IdParams, body: StrictObject({ reason: NonEmpty(500) }) },
      },
      async (request) => {
        const impl = await loadImplementation(app.db, request.params.id);
        request.authorize(scopeOf(impl));
        if (impl.status === status) throw problems.conflict('ALREADY_IN_STATE', status === 'withdrawn' ? '事项已是停用状态' : '事项已是在用状态');
        return request.change(async (trx, audit) => {
          await trx
            .updateTable('catalog_implementations')
            .set({ status, withdrawn_reason: status === 'withdrawn' ? request.body.reason : null, withdrawn_at: status === 'withdrawn' ? new Date() : null })
            .where('id', '=', impl.id)
            .execute();
          await refreshSearchEntry(trx, impl.id);
          audit({ targetType: 'catalog_implementation', targetId: impl.id, detail: { reason: request.body.reason } });
          return { id: impl.id, status };
        });
      },
    );
  }

  app.get(
    '/api/catalog/implementations/:id/diff',
    {
      config: { action: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: '两个版本之间的逐项差异（to 省略时为当前草稿）',
        params: IdParams,
        querystring: StrictObject({ from: VersionNumber, to: Type.Optional(VersionNumber) }),
      },
    },
    async (request) => {
      const impl = await loadImplementation(app.db, request.params.id);
      const load = async (version: number | undefined) => {
        let q = app.db.selectFrom('guide_versions').select(['version', 'content']).where('implementation_id', '=', impl.id);
        q = version === undefined ? q.where('status', 'in', ['draft', 'submitted']) : q.where('version', '=', version);
        const v = await q.executeTakeFirst();
        if (!v) throw problems.notFound(version === undefined ? '草稿' : `第 ${version} 版`);
        return v;
      };
      const [from, to] = [await load(request.query.from), await load(request.query.to)];
      return { from: from.version, to: to.version, changes: diffGuides(from.content, to.content) };
    },
  );

  app.post(
    '/api/catalog/files',
    { config: { action: 'catalog.edit' }, schema: { tags: ['catalog'], summary: '上传空白表格、示例样表或结果样本（按内容判断类型，最大 10 MB）' } },
    async (request, reply) => {
      const upload = await readUpload(request, GUIDE_FILE_KINDS, GUIDE_FILE_MAX_BYTES);
      const staffId = request.staffId();
      const sha256 = await app.files.put(upload.bytes);
      await request.change(async (trx, audit) => {
        await trx.insertInto('files').values({ sha256, size: upload.bytes.length, mime: MIME[upload.kind] }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
        await recordCatalogFile(trx, sha256, staffId);
        audit({ targetType: 'file', targetId: sha256, detail: { filename: upload.filename, kind: upload.kind, size: upload.bytes.length } });
      });
      return reply.status(201).send({ sha256, size: upload.bytes.length, mime: MIME[upload.kind], filename: upload.filename });
    },
  );

  // ---- public: what is published and in force ----
  app.get(
    '/api/catalog/files/:sha256',
    {
      config: { action: 'public' },
      schema: { tags: ['catalog'], summary: '下载已发布指南中的空白表格或样表', params: StrictObject({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
    },
    async (request, reply) => {
      const { sha256 } = request.params;
      // Only catalogue files, and of those: files a published guide offers are public; files referenced only by
      // drafts are for staff who read the catalogue (the editor's preview links to them). Nothing else in the file
      // store is reachable here, whatever a guide names.
      const mime = await catalogFileMime(app.db, sha256);
      const contains = (shape: object) => sql<boolean>`content @> ${JSON.stringify(shape)}::jsonb`;
      const references = !mime
        ? []
        : await app.db
            .selectFrom('guide_versions')
            .select('status')
            .where((eb) =>
              eb.or([contains({ materials: [{ blankForm: sha256 }] }), contains({ materials: [{ sample: sha256 }] }), contains({ resultSample: sha256 })]),
            )
            .execute();
      const offered = references.some((r) => r.status === 'published');
      const visible = offered || (references.length > 0 && authorize(request.actor, 'catalog.read') === 'allow');
      const bytes = mime && visible && (await app.files.get(sha256));
      if (!mime || !bytes) throw problems.notFound('文件');
      const cache = offered ? 'public, max-age=31536000, immutable' : 'private, no-store';
      return reply.type(mime).header('cache-control', cache).send(bytes);
    },
  );

  app.get(
    '/api/catalog/search',
    {
      config: { action: 'public' },
      schema: {
        tags: ['catalog'],
        summary: '搜索已发布事项（中文、全拼、拼音首字母，词序无关）',
        querystring: StrictObject({
          q: Type.String({ maxLength: 100, default: '' }),
          region: Type.Optional(RegionCode),
          department: Type.Optional(Uuid),
          domain: Type.Optional(Type.String({ maxLength: 40 })),
          serviceObject: Type.Optional(Type.String({ pattern: '^[1-6](,[1-6]){0,5}$', description: '服务对象代码，多个用逗号分隔（如 2,3,4,6 表示各类法人）' })),
          theme: Type.Optional(Type.String({ maxLength: 40 })),
          depth: Type.Optional(Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III'), Type.Literal('IV')])),
          page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
      },
    },
    async (request) => {
      const p = request.query;
      return searchCatalog(app.db, { ...p, departmentId: p.department });
    },
  );

  /** One round trip: the version in force is the one the search index holds (kept current by the activation job). */
  const publishedGuide = async (code: string, version?: number): Promise<PublishedGuide> => {
    const row = await app.db
      .selectFrom('catalog_implementations as i')
      .innerJoin('departments as d', 'd.id', 'i.department_id')
      .innerJoin('regions as r', 'r.code', 'i.region_code')
      .leftJoin('guide_versions as v', (join) =>
        version === undefined
          ? join.on('v.id', '=', (eb) => eb.selectFrom('catalog_search as s').select('s.version_id').whereRef('s.implementation_id', '=', 'i.id'))
          : join.onRef('v.implementation_id', '=', 'i.id').on('v.version', '=', version).on('v.status', '=', 'published'),
      )
      .select([
        'i.id', 'i.code', 'i.status', 'i.region_code', 'r.name as region_name', 'i.department_id', 'd.name as department_name', 'd.uscc as department_uscc',
        'v.id as version_id', 'v.version', 'v.content', 'v.effective_from', 'v.published_at',
      ])
      .where('i.code', '=', code)
      .executeTakeFirst();
    if (!row) throw problems.notFound('事项');
    const impl = row;
    if (version === undefined && impl.status !== 'active') throw new AppError(410, 'ITEM_WITHDRAWN', '该事项已停用');
    const v = row.version_id && row.content ? { id: row.version_id, version: row.version!, content: row.content, effective_from: row.effective_from, published_at: row.published_at } : null;
    if (!v) throw problems.notFound(version === undefined ? '现行办事指南' : `第 ${version} 版办事指南`);
    const content: GuideContent = { ...v.content, implementingBodyCode: v.content.implementingBodyCode || impl.department_uscc };
    return {
      implementationId: impl.id,
      code: impl.code,
      regionCode: impl.region_code,
      regionName: impl.region_name,
      departmentId: impl.department_id,
      departmentName: impl.department_name,
      versionId: v.id,
      version: v.version,
      effectiveFrom: v.effective_from,
      publishedAt: v.published_at?.toISOString() ?? null,
      guide: content,
    };
  };

  app.get(
    '/api/catalog/items/:code',
    { config: { action: 'public' }, schema: { tags: ['catalog'], summary: '现行办事指南（按实施编码）', params: StrictObject({ code: ImplementationCode }) } },
    async (request) => publishedGuide(request.params.code),
  );

  const pdfs = new GuidePdfService(app.db, app.files, { fontPath: app.config.cjkFontPath, publicBaseUrl: app.config.publicBaseUrl });
  const sendGuidePdf = async (reply: FastifyReply, guide: Awaited<ReturnType<typeof publishedGuide>>, immutable: boolean) => {
    const pdf = await pdfs.get(guide);
    return reply
      .type('application/pdf')
      .header('content-disposition', pdfDisposition(guide.code, guide.guide.name, guide.version))
      // The current guide changes when a new version comes into force; a numbered version never changes.
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('etag', `"${pdf.sha256}"`)
      .send(pdf.bytes);
  };

  app.get(
    '/api/catalog/items/:code/guide.pdf',
    { config: { action: 'public' }, schema: { tags: ['catalog'], summary: '现行办事指南 PDF（A4，可打印，含在线指南二维码）', params: StrictObject({ code: ImplementationCode }) } },
    async (request, reply) => sendGuidePdf(reply, await publishedGuide(request.params.code), false),
  );

  app.get(
    '/api/catalog/items/:code/versions/:version/guide.pdf',
    {
      config: { action: 'public' },
      schema: { tags: ['catalog'], summary: '某一已发布版本的办事指南 PDF', params: StrictObject({ code: ImplementationCode, version: VersionNumber }) },
    },
    async (request, reply) => sendGuidePdf(reply, await publishedGuide(request.params.code, request.params.version), true),
  );

  app.get(
    '/api/catalog/items/:code/versions/:version',
    {
      config: { action: 'public' },
      schema: { tags: ['catalog'], summary: '某一已发布版本的办事指南 JSON', params: StrictObject({ code: ImplementationCode, version: VersionNumber }) },
    },
    async (request) => publishedGuide(request.params.code, request.params.version),
  );
};
