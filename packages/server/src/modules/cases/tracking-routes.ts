// Public tracking (办件查询): with the case number and the last 6 characters of the applicant's ID number, or the
// token in the receipt's QR code, anyone sees the status, the due date and a timeline without names or opinions.
// Rate-limited per address, and a wrong pair answers exactly like an unknown number, so guessing reveals nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseCaseNumber, CASE_STATUS_LABELS } from '@onewindow/domain';
import { AppError, problems } from '../../platform/problem.ts';
import { StrictObject } from '../../platform/schemas.ts';
import type { CaseRow } from './engine.ts';
import { guideOf } from './engine.ts';
import { actionLabel, PUBLIC_ACTIONS } from './timeline.ts';

const TRACK_RATE = { max: 20, timeWindow: '1 minute' };

export const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function publicView(row: CaseRow) {
    const [actions, department, guide] = await Promise.all([
      app.db.selectFrom('case_actions').select(['type', 'at', 'step_id']).where('case_id', '=', row.id).orderBy('seq').execute(),
      app.db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst(),
      guideOf(app.db, row.guide_version_id),
    ]);
    const stepName = (id: string | null) => guide.steps.find((s) => s.id === id)?.name ?? null;
    return {
      number: row.number,
      itemName: row.item_name,
      department: department?.name ?? '',
      status: row.status,
      statusLabel: CASE_STATUS_LABELS[row.status as keyof typeof CASE_STATUS_LABELS],
      appliedAt: row.applied_at,
      acceptedAt: row.accepted_at,
      dueDate: row.due_date,
      timeline: actions
        .filter((a) => PUBLIC_ACTIONS.has(a.type))
        .map((a) => ({ label: actionLabel(a.type, row.channel), at: a.at, step: stepName(a.step_id) })),
    };
  }

  const notFound = () => problems.notFound('办件（请核对办件编号和证件号码后六位）');

  app.get(
    '/api/track',
    {
      config: { action: 'public', rateLimit: TRACK_RATE },
      schema: {
        tags: ['cases'],
        summary: '办件查询：办件编号 + 申请人证件号码后六位',
        querystring: StrictObject({ number: Type.String({ minLength: 1, maxLength: 50 }), idSuffix: Type.String({ pattern: '^[0-9A-Za-z]{6}$', description: '证件号码后六位' }) }),
      },
    },
    async (request) => {
      const { number, idSuffix } = request.query;
      if (!parseCaseNumber(number)) {
        throw new AppError(400, 'CASE_NUMBER_INVALID', '办件编号有误', { errors: [{ path: '/number', message: '办件编号格式或校验位不正确，请核对' }] });
      }
      const row = await app.db.selectFrom('cases').selectAll().where('number', '=', number.trim().toUpperCase()).executeTakeFirst();
      if (!row || !row.applicant_id_number.toUpperCase().endsWith(idSuffix.toUpperCase())) throw notFound();
      return publicView(row);
    },
  );

  app.get(
    '/api/track/t/:token',
    {
      config: { action: 'public', rateLimit: TRACK_RATE },
      schema: { tags: ['cases'], summary: '办件查询：受理通知书二维码中的查询码', params: StrictObject({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,40}$' }) }) },
    },
    async (request) => {
      const row = await app.db.selectFrom('cases').selectAll().where('tracking_token', '=', request.params.token).executeTakeFirst();
      if (!row) throw notFound();
      return publicView(row);
    },
  );
};
