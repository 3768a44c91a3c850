// Case documents (文书) over HTTP: the list of documents a case's actions issued, and each as a PDF. A document is
// drawn on its first request — never inside the intake transaction — then kept in the file store and recorded in
// `case_documents`; later requests serve the stored bytes. Readers are those who may read the case.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { dueDate, type CaseEvent } from '@onewindow/domain';
import { inlinePdfDisposition, StoredPdfs, type PdfRecord } from '../../platform/pdf.ts';
import { problems } from '../../platform/problem.ts';
import { IdParams, StrictObject } from '../../platform/schemas.ts';
import { guideOf, type CaseRow } from './engine.ts';
import { caseDocuments, ISSUING_TYPES, renderCaseDocument, type DocumentEntry, type DocumentSource, type IssuingAction, type ReceiptMaterial } from './documents.ts';
import { authorizeRead, loadCase } from './queries.ts';

const DocumentParams = StrictObject({ id: IdParams.properties.id, seq: Type.Integer({ minimum: 1, maximum: 1_000_000, description: '签发文书的操作序号' }) });

const DocumentList = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: '签发该文书的操作序号' }),
      kind: Type.Union([Type.Literal('receipt'), Type.Literal('correction'), Type.Literal('refusal'), Type.Literal('decision')], { description: 'receipt 受理通知书，correction 补齐补正告知书，refusal 不予受理决定书，decision 准予/不予许可决定书' }),
      title: Type.String(),
      number: Type.String({ description: '文书编号：办件编号加后缀' }),
      issuedAt: Type.String({ format: 'date-time' }),
      url: Type.String({ description: 'PDF 地址' }),
    }),
  ),
});

interface IssuingRow extends IssuingAction {
  opinion: string | null;
  actor_name: string;
}

async function issuingActions(app: FastifyInstance, caseId: string): Promise<IssuingRow[]> {
  return app.db
    .selectFrom('case_actions')
    .select(['seq', 'type', 'event', 'at', 'opinion', 'actor_name'])
    .where('case_id', '=', caseId)
    .where('type', 'in', ISSUING_TYPES)
    .orderBy('seq')
    .execute();
}

/** The materials as received at 受理: 容缺 materials stay 容缺后补 with their promised date even once brought in. */
async function receiptMaterials(app: FastifyInstance, row: CaseRow, event: CaseEvent, guideOrder: string[]): Promise<ReceiptMaterial[]> {
  const deferred = new Map(event.type === 'accept' ? (event.deferred ?? []).map((d) => [d.materialId, d.dueDate]) : []);
  const rows = await app.db.selectFrom('case_materials').select(['material_id', 'name', 'received_as', 'count']).where('case_id', '=', row.id).execute();
  const position = (id: string) => (guideOrder.includes(id) ? guideOrder.indexOf(id) : guideOrder.length);
  return rows
    .filter((m) => m.received_as !== 'missing')
    .sort((a, b) => position(a.material_id) - position(b.material_id))
    .map((m) => {
      const due = deferred.get(m.material_id);
      if (due) return { name: m.name, receivedAs: 'deferred' as const, count: 0, dueDate: due };
      return { name: m.name, receivedAs: m.received_as, count: m.count, dueDate: null };
    });
}

/** Everything a document shows, read from the case, its guide version and the people and places it names. */
async function documentSource(app: FastifyInstance, row: CaseRow, entry: DocumentEntry, action: IssuingRow): Promise<DocumentSource> {
  const [guide, department, hall, window, clerk] = await Promise.all([
    guideOf(app.db, row.guide_version_id),
    app.db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst(),
    row.hall_id ? app.db.selectFrom('halls').select(['name', 'address', 'phone']).where('id', '=', row.hall_id).executeTakeFirst() : undefined,
    row.window_id ? app.db.selectFrom('windows').select(['number', 'name']).where('id', '=', row.window_id).executeTakeFirst() : undefined,
    row.received_by ? app.db.selectFrom('staff').select('name').where('id', '=', row.received_by).executeTakeFirst() : undefined,
  ]);
  const limit = { amount: Number(row.limit_amount), unit: row.limit_unit };
  let materials: ReceiptMaterial[] = [];
  let due: DocumentSource['due'] = null;
  if (entry.kind === 'receipt') {
    materials = await receiptMaterials(app, row, action.event, guide.materials.map((m) => m.id));
    // The due date promised at acceptance: later 特别程序 and 延期 move the case's due date, not the receipt's.
    const at = action.at.toISOString();
    const promised = dueDate(await app.calendar.get(), { acceptedAt: at, limit, pauses: [], suspendedSince: null, extensionWorkdays: 0, now: at });
    due = { date: promised.dueDate, at: promised.dueAt ?? null };
  }
  return {
    entry,
    event: action.event,
    opinion: action.opinion,
    actorName: action.actor_name,
    caseNumber: row.number,
    trackingToken: row.tracking_token,
    itemCode: row.item_code,
    itemName: row.item_name,
    appliedAt: row.applied_at,
    acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
    limit,
    applicant: {
      kind: row.applicant_kind,
      name: row.applicant_name,
      idType: row.applicant_id_type,
      idNumber: row.applicant_id_number,
      legalRepresentative: row.parties.legalRepresentative,
      agentName: row.parties.agent?.name ?? null,
    },
    guide,
    department: department?.name ?? guide.implementingBody,
    hall: hall ?? null,
    window: window ?? null,
    clerk: clerk?.name ?? null,
    materials,
    due,
  };
}

export const caseDocumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const stored = new StoredPdfs(app.db, app.files);
  const options = { fontPath: app.config.cjkFontPath, publicBaseUrl: app.config.publicBaseUrl };

  /** How one document is found in `case_documents`, drawn, and recorded there. */
  const record = (row: CaseRow, entry: DocumentEntry, action: IssuingRow): PdfRecord => ({
    find: async (db) => (await db.selectFrom('case_documents').select('sha256').where('case_id', '=', row.id).where('seq', '=', entry.seq).executeTakeFirst())?.sha256,
    render: async () => renderCaseDocument(await documentSource(app, row, entry, action), options),
    record: async (trx, sha256, staleSha) => {
      if (staleSha) await trx.updateTable('case_documents').set({ sha256 }).where('case_id', '=', row.id).where('seq', '=', entry.seq).where('sha256', '=', staleSha).execute();
      await trx.insertInto('case_documents').values({ case_id: row.id, seq: entry.seq, kind: entry.kind, sha256 }).onConflict((oc) => oc.columns(['case_id', 'seq']).doNothing()).execute();
      return (await trx.selectFrom('case_documents').select('sha256').where('case_id', '=', row.id).where('seq', '=', entry.seq).executeTakeFirstOrThrow()).sha256;
    },
  });

  app.get(
    '/api/cases/:id/documents',
    {
      config: { action: 'case.read' },
      schema: { tags: ['cases'], summary: '办件的文书（受理通知书、补齐补正告知书、不予受理决定书、准予/不予许可决定书），按签发顺序', params: IdParams, response: { 200: DocumentList } },
    },
    async (request) => {
      const row = await loadCase(app.db, request.params.id);
      await authorizeRead(app.db, request, row);
      const entries = caseDocuments(row.number, await issuingActions(app, row.id));
      return {
        items: entries.map((e) => ({ seq: e.seq, kind: e.kind, title: e.title, number: e.number, issuedAt: e.issuedAt.toISOString(), url: `/api/cases/${row.id}/documents/${e.seq}` })),
      };
    },
  );

  app.get(
    '/api/cases/:id/documents/:seq',
    {
      config: { action: 'case.read' },
      schema: { tags: ['cases'], summary: '办件文书 PDF（A4，可打印；首次请求时生成并存档，之后原样提供）', params: DocumentParams },
    },
    async (request, reply) => {
      const row = await loadCase(app.db, request.params.id);
      await authorizeRead(app.db, request, row);
      const actions = await issuingActions(app, row.id);
      const entry = caseDocuments(row.number, actions).find((e) => e.seq === request.params.seq);
      const action = actions.find((a) => a.seq === request.params.seq);
      if (!entry || !action) throw problems.notFound('文书');
      const pdf = await stored.get(`${row.id}/${entry.seq}`, record(row, entry, action));
      return reply
        .type('application/pdf')
        .header('content-disposition', inlinePdfDisposition(`${entry.title}-${entry.number}.pdf`, `${entry.number}.pdf`))
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${pdf.sha256}"`)
        .send(pdf.bytes);
    },
  );
};
