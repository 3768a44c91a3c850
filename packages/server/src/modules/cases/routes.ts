// Case routes: intake and online application, actions on a case, worklists, the case file, and material scans.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import {
  hasPersonalFields, maskFormData, maskIdNumber, maskPhone, remainingWorkdays, reviewSteps, CASE_STATUS_LABELS, RECEIVED_AS_LABELS, type DeliveryPreference,
} from '@onewindow/domain';
import { idempotentRequest, storeAnswer, storedAnswer, storedKey, type IdempotentRequest, type StoredAnswer } from '../../platform/idempotency.ts';
import { authorize, holdsRole, type Actor } from '../../platform/policy.ts';
import { AppError, problems } from '../../platform/problem.ts';
import { IdParams, StrictObject } from '../../platform/schemas.ts';
import { keepFile, readUpload, SCAN_KINDS, SCAN_MAX_BYTES } from '../../platform/uploads.ts';
import { act, engineContextOf, eventsOffered, guideOf, insertCase, StaleCaseError, stateSeenBy, versionConflict, type CaseRow } from './engine.ts';
import { buildEvent, caseActorOf, planCase, type BuiltEvent } from './intake.ts';
import { applicantCases, authorizeRead, caseScopes, loadCase, worklist } from './queries.ts';
import { ActBody, CreateCaseBody, MyCasesQuery, WorklistQuery } from './schemas.ts';
import { actionLabel, applicantTimelineEntry, PUBLIC_ACTIONS } from './timeline.ts';

/** The delivery address as staff see it in the case file: the phone masked like the applicant's own. */
function maskedDelivery(delivery: DeliveryPreference): DeliveryPreference {
  return delivery.address ? { ...delivery, address: { ...delivery.address, phone: maskPhone(delivery.address.phone) } } : delivery;
}

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const engineContext = () => engineContextOf(app);

  /** The event's own policy action, in the case's scope, and for back-office steps the role the step asks for. */
  function authorizeEvent(actor: Actor, built: BuiltEvent, row: CaseRow): void {
    const scopes = caseScopes(row);
    const decisions = scopes.map((scope) => authorize(actor, built.action, scope));
    if (!decisions.includes('allow')) {
      throw decisions.includes('not_found') ? problems.notFound('办件') : decisions.includes('unauthenticated') ? problems.unauthenticated() : problems.forbidden();
    }
    if (built.stepRole && !scopes.some((scope) => holdsRole(actor, built.stepRole!, scope))) {
      throw new AppError(403, 'NOT_STEP_HANDLER', '当前环节不由您的岗位办理');
    }
  }

  /**
   * Runs a case change with its idempotency key, if the request has one. `work` stores the key with its answer in the
   * change's own writes, so while a key is new the change runs as if there were none, at no extra cost. A request
   * whose key was stored before (by a retried request, or a twin that committed first) fails at the key's primary key
   * or earlier (the case has changed since); its key is then looked up and the first answer is this one's.
   */
  async function idempotent(request: FastifyRequest, work: (idem: IdempotentRequest | null) => Promise<StoredAnswer>): Promise<StoredAnswer> {
    const idem = idempotentRequest(request);
    try {
      return await work(idem);
    } catch (error) {
      const first = idem && (await storedAnswer(app.db, idem));
      if (!first) throw error;
      await request.change(async (_trx, audit) => audit({ detail: { idempotencyKey: idem.key, replayed: true } }));
      return first;
    }
  }

  /** Another action got in first: answer 409 with the case as it now stands (read after the rollback). */
  async function staleAsConflict<T>(actor: Actor, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof StaleCaseError) throw versionConflict(await loadCase(app.db, error.caseId), actor);
      throw error;
    }
  }

  app.post(
    '/api/cases',
    {
      config: { action: 'case.create' },
      schema: {
        tags: ['cases'],
        summary: '窗口收件（可同时作出受理、补齐补正或不予受理决定）或网上申请（草稿或提交）。支持 Idempotency-Key',
        body: CreateCaseBody,
      },
    },
    async (request, reply) => {
      const ctx = await engineContext();
      const result = await idempotent(request, (idem) =>
        request.changeInOneStatement(async (db, audited) => {
          const { row, writes } = await planCase(db, request.actor, request.body, {
            ...ctx,
            authorizeEvent: (built, r) => authorizeEvent(request.actor, built, r),
            nextSerial: () => app.caseSerials.next(),
          });
          if (request.actor.kind === 'staff') request.authorize({ regionCode: row.region_code }, 'case.create');
          const answer = { statusCode: 201, body: { id: row.id, number: row.number, status: row.status, version: row.version, dueDate: row.due_date, trackingToken: row.tracking_token } };
          const audit = audited({ targetType: 'case', targetId: row.id, detail: { number: row.number, item: row.item_code, status: row.status } });
          await insertCase(db, row, writes, { audit, key: idem && storedKey(idem, answer) });
          return answer;
        }),
      );
      app.sms.soon();
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.post(
    '/api/cases/:id/actions',
    {
      config: { action: 'case.act' },
      schema: {
        tags: ['cases'],
        summary: '对办件执行一个操作（受理、补正告知、审查、决定、特别程序、延期、办结、送达、撤回…）。expectedVersion 不一致返回 409。支持 Idempotency-Key',
        params: IdParams,
        body: ActBody,
      },
    },
    async (request, reply) => {
      const ctx = await engineContext();
      const { expectedVersion, action } = request.body;
      const result = await staleAsConflict(request.actor, idempotent(request, (idem) =>
        request.change(async (trx, audit) => {
          const row = await loadCase(trx, request.params.id);
          await authorizeRead(trx, request, row);
          if (row.version !== expectedVersion) throw versionConflict(row, request.actor);
          const built = await buildEvent(trx, row, action, '/action', request.actor, ctx);
          authorizeEvent(request.actor, built, row);
          const updated = await act(trx, row, { event: built.event, actor: caseActorOf(request.actor), opinion: built.opinion }, ctx);
          audit({ action: `case.${action.type}`, targetType: 'case', targetId: row.id, detail: { number: row.number, from: row.status, to: updated.status } });
          const answer = { statusCode: 200, body: { id: updated.id, number: updated.number, status: updated.status, version: updated.version, dueDate: updated.due_date, clock: updated.clock } };
          if (idem) await storeAnswer(trx, idem, answer);
          return answer;
        }),
      ));
      app.sms.soon();
      return reply.status(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/api/cases',
    { config: { action: 'case.worklist' }, schema: { tags: ['cases'], summary: '工作台办件列表：待办、已办、即将超期、已超期、挂起、全部（键集分页）', querystring: WorklistQuery } },
    async (request) => {
      if (request.actor.kind !== 'staff') throw problems.forbidden();
      return worklist(app.db, request.actor, request.query);
    },
  );

  app.get(
    '/api/my/cases',
    { config: { action: 'case.own' }, schema: { tags: ['cases'], summary: '申请人自己的办件（最新在前，键集分页）', querystring: MyCasesQuery } },
    async (request) => {
      if (request.actor.kind !== 'applicant') throw problems.forbidden();
      return applicantCases(app.db, request.actor.id, request.query);
    },
  );

  app.get(
    '/api/cases/:id',
    { config: { action: 'case.read' }, schema: { tags: ['cases'], summary: '办件详情：申请人（脱敏）、表单、材料、剩余时间、全部操作记录、可执行操作', params: IdParams } },
    async (request) => {
      const row = await loadCase(app.db, request.params.id);
      await authorizeRead(app.db, request, row);
      const guide = await guideOf(app.db, row.guide_version_id);
      const calendar = await app.calendar.get();
      const [materials, actions, department] = await Promise.all([
        app.db.selectFrom('case_materials').selectAll().where('case_id', '=', row.id).execute(),
        app.db.selectFrom('case_actions').selectAll().where('case_id', '=', row.id).orderBy('seq').execute(),
        app.db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst(),
      ]);
      const steps = reviewSteps(guide.steps);
      const stepName = (id: string | null) => steps.find((s) => s.id === id)?.name ?? null;
      const fileKinds = new Map((await fileRows(materials.flatMap((m) => m.files))).map((f) => [f.sha256, f.mime]));
      const agent = row.parties.agent;
      // The applicant's own view leaves out what is internal to the administration (see applicantTimelineEntry).
      const ownView = request.actor.kind === 'applicant';
      const departmentName = department?.name ?? '';
      return {
        id: row.id,
        number: row.number,
        version: row.version,
        trackingToken: row.tracking_token,
        item: { code: row.item_code, name: row.item_name, guideVersionId: row.guide_version_id, promisedLimit: guide.promisedLimit, caseType: guide.caseType, resultName: guide.resultName },
        regionCode: row.region_code,
        department: { id: row.department_id, name: departmentName },
        channel: row.channel,
        applicant: { kind: row.applicant_kind, name: row.applicant_name, idType: row.applicant_id_type, idNumber: maskIdNumber(row.applicant_id_number), phone: maskPhone(row.applicant_phone), legalRepresentative: row.parties.legalRepresentative, hasAccount: row.applicant_account !== null },
        agent: agent ? { name: agent.name, idNumber: maskIdNumber(agent.idNumber), phone: maskPhone(agent.phone), authorisation: agent.authorisation } : null,
        formData: ownView ? row.form_data : maskFormData(guide.form, row.form_data),
        form: guide.form,
        materials: guide.materials.map((g) => {
          const got = materials.find((m) => m.material_id === g.id);
          return {
            materialId: g.id,
            name: g.name,
            necessity: g.necessity,
            reviewPoints: g.reviewPoints,
            receivedAs: got?.received_as ?? 'missing',
            receivedAsLabel: RECEIVED_AS_LABELS[got?.received_as ?? 'missing'],
            count: got?.count ?? 0,
            files: (got?.files ?? []).map((sha256) => ({ sha256, mime: fileKinds.get(sha256) ?? 'application/octet-stream' })),
            checks: got?.checks ?? {},
            trustLevel: got?.trust_level ?? null,
            note: got?.note ?? '',
          };
        }),
        status: row.status,
        statusLabel: CASE_STATUS_LABELS[row.status as keyof typeof CASE_STATUS_LABELS],
        state: stateSeenBy(request.actor, row.state),
        steps: steps.map((s) => ({ id: s.id, name: s.name, role: s.role, departmentId: s.departmentId })),
        currentStep: row.state.currentStep ? { id: row.state.currentStep, name: stepName(row.state.currentStep) } : null,
        pendingRole: row.pending_role,
        allowedActions: eventsOffered(request.actor, row.state),
        delivery: row.delivery && (ownView ? row.delivery : maskedDelivery(row.delivery)),
        appliedAt: row.applied_at,
        acceptedAt: row.accepted_at,
        dueDate: row.due_date,
        dueAt: row.due_at,
        clock: row.clock,
        remainingWorkdays: row.due_date && row.clock ? remainingWorkdays(calendar, row.due_date, new Date().toISOString()) : null,
        timeline: actions.filter((a) => !ownView || PUBLIC_ACTIONS.has(a.type)).map((a) => {
          const entry = {
            seq: a.seq, type: a.type, label: actionLabel(a.type, row.channel), at: a.at, actorKind: a.actor_kind, actorName: a.actor_name,
            step: stepName(a.step_id), opinion: a.opinion, event: a.event,
          };
          return ownView ? applicantTimelineEntry(entry, departmentName) : entry;
        }),
      };
    },
  );

  async function fileRows(shas: string[]) {
    if (shas.length === 0) return [];
    return app.db.selectFrom('files').select(['sha256', 'mime']).where('sha256', 'in', [...new Set(shas)]).execute();
  }

  app.get(
    '/api/cases/:id/applicant',
    { config: { action: 'case.read' }, schema: { tags: ['cases'], summary: '申请人、代理人完整证件号码和电话及申请表原文（工作人员查看将记入审计）', params: IdParams } },
    async (request) => {
      const row = await loadCase(app.db, request.params.id);
      await authorizeRead(app.db, request, row);
      const guide = await guideOf(app.db, row.guide_version_id);
      if (request.actor.kind === 'staff') {
        // Every personal datum the answer holds, named in the audit record.
        const fields = ['applicant_id_number', 'applicant_phone'];
        if (row.parties.agent) fields.push('agent_id_number', 'agent_phone');
        if (row.delivery?.address) fields.push('delivery_phone');
        if (hasPersonalFields(guide.form)) fields.push('form_data');
        await request.auditPersonalDataRead('case', row.id, fields);
      }
      return {
        name: row.applicant_name, idType: row.applicant_id_type, idNumber: row.applicant_id_number, phone: row.applicant_phone,
        agent: row.parties.agent, delivery: row.delivery, formData: row.form_data,
      };
    },
  );

  app.post(
    '/api/cases/files',
    { config: { action: 'case.create' }, schema: { tags: ['cases'], summary: '上传材料扫描件或电子件（PDF、JPEG、PNG、OFD，按内容判断类型，最大 20 MB）' } },
    async (request, reply) => {
      const upload = await readUpload(request, SCAN_KINDS, SCAN_MAX_BYTES);
      return reply.status(201).send(await keepFile(request, app.files, upload.bytes, upload.kind));
    },
  );

  app.get(
    '/api/cases/:id/files/:sha256',
    {
      config: { action: 'case.read' },
      schema: { tags: ['cases'], summary: '查看办件材料文件（图片、PDF 可在浏览器中预览）', params: StrictObject({ id: IdParams.properties.id, sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
    },
    async (request, reply) => {
      const row = await loadCase(app.db, request.params.id);
      await authorizeRead(app.db, request, row);
      const { sha256 } = request.params;
      const material = await app.db.selectFrom('case_materials').select('material_id').where('case_id', '=', row.id).where(sql<boolean>`${sha256} = ANY(files)`).executeTakeFirst();
      const authorisation = row.parties.agent?.authorisation === sha256;
      const signature = !material && !authorisation && row.state.status === 'delivered'
        ? await app.db.selectFrom('case_actions').select('seq').where('case_id', '=', row.id).where('type', '=', 'deliver').where(sql<boolean>`event ->> 'signature' = ${sha256}`).executeTakeFirst()
        : undefined;
      if (!material && !authorisation && !signature) throw problems.notFound('文件');
      const [meta, bytes] = await Promise.all([app.db.selectFrom('files').select('mime').where('sha256', '=', sha256).executeTakeFirst(), app.files.get(sha256)]);
      if (!meta || !bytes) throw problems.notFound('文件');
      return reply.type(meta.mime).header('content-disposition', 'inline').header('cache-control', 'private, max-age=3600').send(bytes);
    },
  );
};
