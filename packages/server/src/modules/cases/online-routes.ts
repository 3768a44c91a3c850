// The applicant's own edits to an online application, outside the action log: the draft (saved at any time, on any
// device, checked against the form only when submitted), dropping a draft never submitted, and how the result is to
// be delivered. Submitting, correcting and withdrawing are actions (POST /api/cases/:id/actions).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { applicantEvents, deliveryProblems, CASE_STATUS_LABELS, type CaseStatus, type DeliveryPreference } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import { AppError, problems } from '../../platform/problem.ts';
import { IdParams } from '../../platform/schemas.ts';
import { guideOf, versionConflict, type CaseRow } from './engine.ts';
import { checkAgent, checkMaterials, replaceMaterials } from './intake.ts';
import { DeliveryBody, DraftBody } from './schemas.ts';

/** A draft is a form and a list of materials; more than this is not a form being filled in. */
const DRAFT_LIMIT_BYTES = 256 * 1024;

/** The applicant's own case, read and locked for the change: someone else's is "not found", staff never get here. */
async function ownCaseForUpdate(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<CaseRow> {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw problems.notFound('办件');
  request.authorize({ ownerApplicantId: row.applicant_account ?? undefined });
  return row;
}

/** The same 409 as an action the state does not allow, naming the state and what the applicant may still do. */
function notInState(row: CaseRow, attempted: string, title: string): AppError {
  const status = row.status as CaseStatus;
  return new AppError(409, 'ILLEGAL_TRANSITION', `办件当前状态为“${CASE_STATUS_LABELS[status]}”，${title}`, {
    extra: { state: status, stateLabel: CASE_STATUS_LABELS[status], attempted, allowed: applicantEvents(row.state) },
  });
}

export const onlineApplicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/cases/:id/draft',
    {
      config: { action: 'case.edit_own' },
      bodyLimit: DRAFT_LIMIT_BYTES,
      schema: {
        tags: ['cases'],
        summary: '保存网上申请草稿（表单与材料整体替换，提交时才校验表单；expectedVersion 不一致返回 409）',
        params: IdParams,
        body: DraftBody,
      },
    },
    async (request) => {
      const { expectedVersion, formData, materials, agent } = request.body;
      return request.change(async (trx, audit) => {
        const row = await ownCaseForUpdate(trx, request, request.params.id);
        if (row.version !== expectedVersion) throw versionConflict(row, request.actor);
        if (row.status !== 'draft') throw notInState(row, 'save_draft', '已提交的申请不能再修改草稿');
        const guide = await guideOf(trx, row.guide_version_id);
        await checkMaterials(trx, guide, materials, '/materials', request.actor, row.id);
        // The agent (a company's 经办人) is replaced when the draft names one or null, kept when it says nothing.
        const parties = agent === undefined ? row.parties : { ...row.parties, agent: agent && (await checkAgent(trx, agent, request.actor, row.id)) };
        await replaceMaterials(trx, row.id, guide, materials);
        // The version moves on like an action's, so a save from a stale device is refused; no action is recorded:
        // a draft's contents are the applicant's own until submitted.
        const version = row.version + 1;
        await trx
          .updateTable('cases')
          .set({ form_data: JSON.stringify(formData), parties: JSON.stringify(parties), version, updated_at: new Date() })
          .where('id', '=', row.id)
          .execute();
        audit({ action: 'case.draft_save', targetType: 'case', targetId: row.id, detail: { number: row.number, version, materials: materials.length } });
        return { id: row.id, number: row.number, status: row.status, version };
      });
    },
  );

  app.delete(
    '/api/cases/:id/draft',
    {
      config: { action: 'case.edit_own' },
      schema: { tags: ['cases'], summary: '放弃从未提交的网上申请草稿（连同其材料记录一并删除）', params: IdParams },
    },
    async (request, reply) => {
      await request.change(async (trx, audit) => {
        const row = await ownCaseForUpdate(trx, request, request.params.id);
        if (row.status !== 'draft') throw notInState(row, 'discard_draft', '已提交的申请不能放弃，可以撤回');
        // A case in 'draft' was never submitted (no case returns to it): it told nobody anything and nobody acted on
        // it, so it goes whole. The database lets actions be deleted only for a case in 'draft' (migration 0013).
        await trx.deleteFrom('case_materials').where('case_id', '=', row.id).execute();
        await trx.deleteFrom('messages').where('case_id', '=', row.id).execute();
        await trx.deleteFrom('case_handlers').where('case_id', '=', row.id).execute();
        await trx.deleteFrom('case_actions').where('case_id', '=', row.id).execute();
        await trx.deleteFrom('cases').where('id', '=', row.id).execute();
        audit({ action: 'case.draft_discard', targetType: 'case', targetId: row.id, detail: { number: row.number, item: row.item_code } });
      });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/cases/:id/delivery',
    {
      config: { action: 'case.edit_own' },
      schema: { tags: ['cases'], summary: '选择结果送达方式：窗口领取、邮寄（须填写地址）或电子送达；送达前可随时修改', params: IdParams, body: DeliveryBody },
    },
    async (request) => {
      const { method, address } = request.body;
      return request.change(async (trx, audit) => {
        const row = await ownCaseForUpdate(trx, request, request.params.id);
        if (row.status === 'delivered' || row.status === 'closed') throw notInState(row, 'set_delivery', '不能再修改送达方式');
        const guide = await guideOf(trx, row.guide_version_id);
        const wrong = deliveryProblems({ method, address }, guide);
        if (wrong.length > 0) throw problems.validation(wrong);
        const delivery: DeliveryPreference = {
          method,
          address: method === 'mail' && address
            ? { recipient: address.recipient.trim(), phone: address.phone.trim(), regionCode: address.regionCode, detail: address.detail.trim() }
            : null,
        };
        // Not an action, and the case's version stays: staff working on the case are not interrupted by it.
        await trx.updateTable('cases').set({ delivery: JSON.stringify(delivery) }).where('id', '=', row.id).execute();
        audit({ action: 'case.delivery_set', targetType: 'case', targetId: row.id, detail: { number: row.number, method } });
        return { delivery };
      });
    },
  );
};
