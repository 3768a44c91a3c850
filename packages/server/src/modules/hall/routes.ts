// The window clerk's side of the hall: signing in to a window (一人一窗), the desk with today's work, the intake draft
// that survives a reload, and finding a case from a notice's number or QR code.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { beijingToday, parseCaseNumber } from '@onewindow/domain';
import { AppError, problems } from '../../platform/problem.ts';
import { KeyedBy, StrictObject, Uuid } from '../../platform/schemas.ts';
import { authorize, type Actor } from '../../platform/policy.ts';
import { authorizeRead } from '../cases/queries.ts';
import { warmUpPdf } from '../../platform/pdf.ts';
import { deskOf } from './desk.ts';

const DRAFT_LIMIT_BYTES = 256 * 1024;

/** The tracking token from a scanned QR code (the tracking page's URL) or typed as is. */
function trackingTokenOf(code: string): string | null {
  const token = code.trim().match(/^(?:.*\/track\/t\/)?([A-Za-z0-9_-]{22})\/?$/)?.[1];
  return token ?? null;
}

function staffIdOf(actor: Actor): string {
  if (actor.kind !== 'staff') throw problems.unauthenticated();
  return actor.id;
}

export const hallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  let warmUp: Promise<void> | undefined;

  /** The windows of halls in the clerk's regions, with who is signed in at each (a deactivated colleague holds none). */
  async function windowChoices(actor: Actor) {
    const rows = await app.db
      .selectFrom('windows as w')
      .innerJoin('halls as h', 'h.id', 'w.hall_id')
      .leftJoin('window_sign_ins as s', 's.window_id', 'w.id')
      .leftJoin('staff', (join) => join.onRef('staff.id', '=', 's.staff_id').on('staff.active', '=', true))
      .select(['w.id', 'w.number', 'w.name', 'w.kind', 'h.id as hall_id', 'h.name as hall_name', 'h.region_code', 'staff.id as staff_id', 'staff.name as occupant'])
      .where('w.active', '=', true)
      .orderBy('h.name')
      .orderBy('w.number')
      .execute();
    return rows.filter((r) => authorize(actor, 'window.sign_in', { regionCode: r.region_code }) === 'allow');
  }

  /** The clerk's window with its hall, or null. */
  async function signedInWindow(staffId: string) {
    const row = await app.db
      .selectFrom('window_sign_ins as s')
      .innerJoin('windows as w', 'w.id', 's.window_id')
      .innerJoin('halls as h', 'h.id', 'w.hall_id')
      .select(['w.id', 'w.number', 'w.name', 'w.kind', 's.signed_in_at', 'h.id as hall_id', 'h.name as hall_name', 'h.region_code'])
      .where('s.staff_id', '=', staffId)
      .executeTakeFirst();
    if (!row) return null;
    const domains = await app.db
      .selectFrom('window_domains as wd')
      .innerJoin('service_domains as d', 'd.code', 'wd.domain_code')
      .select(['d.code', 'd.name'])
      .where('wd.window_id', '=', row.id)
      .orderBy('d.code')
      .execute();
    return {
      id: row.id, number: row.number, name: row.name, kind: row.kind, domains, signedInAt: row.signed_in_at,
      hall: { id: row.hall_id, name: row.hall_name, regionCode: row.region_code },
    };
  }

  app.get('/api/hall/windows', { config: { action: 'window.sign_in' }, schema: { tags: ['hall'], summary: '可登录的窗口（本人所辖区域的大厅），及各窗口当前的工作人员' } }, async (request) => {
    const rows = await windowChoices(request.actor);
    return {
      items: rows.map((r) => ({
        id: r.id, number: r.number, name: r.name, kind: r.kind, hall: { id: r.hall_id, name: r.hall_name },
        occupant: r.staff_id ? { name: r.occupant!, isMe: r.staff_id === staffIdOf(request.actor) } : null,
      })),
    };
  });

  app.put(
    '/api/hall/sign-in',
    { config: { action: 'window.sign_in' }, schema: { tags: ['hall'], summary: '登录窗口（一人一窗；换窗口即离开原窗口）', body: StrictObject({ windowId: Uuid }) } },
    async (request) => {
      const staffId = staffIdOf(request.actor);
      await request.change(async (trx, audit) => {
        const window = await trx
          .selectFrom('windows as w')
          .innerJoin('halls as h', 'h.id', 'w.hall_id')
          .leftJoin('window_sign_ins as s', 's.window_id', 'w.id')
          .leftJoin('staff', 'staff.id', 's.staff_id')
          .select(['w.id', 'w.number', 'w.active', 'h.region_code', 's.staff_id', 'staff.name as occupant', 'staff.active as occupant_active'])
          .where('w.id', '=', request.body.windowId)
          .executeTakeFirst();
        if (!window || !window.active) throw problems.field('/windowId', '窗口不存在或已停用');
        request.authorize({ regionCode: window.region_code });
        if (window.staff_id && window.staff_id !== staffId && window.occupant_active) {
          throw new AppError(409, 'WINDOW_OCCUPIED', `${window.number} 窗口已由${window.occupant}登录，请选择其他窗口或请其先退出`);
        }
        // The clerk leaves their old window; a deactivated colleague's sign-in, should one remain, gives way.
        await trx.deleteFrom('window_sign_ins').where((eb) => eb.or([eb('staff_id', '=', staffId), eb('window_id', '=', window.id)])).execute();
        await trx.insertInto('window_sign_ins').values({ staff_id: staffId, window_id: window.id }).execute();
        audit({ targetType: 'window', targetId: window.id, detail: { number: window.number } });
      });
      return signedInWindow(staffId);
    },
  );

  app.delete('/api/hall/sign-in', { config: { action: 'window.sign_in', auditAction: 'window.sign_out' }, schema: { tags: ['hall'], summary: '退出窗口' } }, async (request) => {
    const staffId = staffIdOf(request.actor);
    await request.change(async (trx, audit) => {
      const left = await trx.deleteFrom('window_sign_ins').where('staff_id', '=', staffId).returning('window_id').executeTakeFirst();
      audit({ targetType: 'window', targetId: left?.window_id ?? null });
    });
    return { ok: true };
  });

  app.get('/api/hall/desk', { config: { action: 'window.sign_in' }, schema: { tags: ['hall'], summary: '窗口工作台：本窗口今日收件、待补正、待出件及今日统计' } }, async (request) => {
    const staffId = staffIdOf(request.actor);
    const window = await signedInWindow(staffId);
    if (!window) return { window: null, desk: null };
    // The window is open: get the PDF engine ready for its first receipt (once per process; failures show when printing).
    warmUp ??= warmUpPdf(app.config.cjkFontPath).catch((error: unknown) => request.log.warn({ err: error }, 'PDF warm-up failed'));
    const dayStart = new Date(`${beijingToday()}T00:00:00+08:00`);
    return { window, desk: await deskOf(app.db, staffId, window.hall, window.id, dayStart) };
  });

  app.get('/api/hall/draft', { config: { action: 'window.sign_in' }, schema: { tags: ['hall'], summary: '本人未完成的收件草稿' } }, async (request) => {
    const draft = await app.db.selectFrom('intake_drafts').select(['data', 'started_at', 'updated_at']).where('staff_id', '=', staffIdOf(request.actor)).executeTakeFirst();
    return { draft: draft ? { data: draft.data, startedAt: draft.started_at, updatedAt: draft.updated_at } : null };
  });

  app.put(
    '/api/hall/draft',
    {
      // The policy is the window clerk's; the audit log names the autosave, not a window sign-in.
      config: { action: 'window.sign_in', auditAction: 'intake_draft.save' },
      bodyLimit: DRAFT_LIMIT_BYTES,
      schema: { tags: ['hall'], summary: '保存收件草稿（作出受理决定时自动清除）', body: StrictObject({ data: KeyedBy(Type.Unknown()) }) },
    },
    async (request) => {
      const staffId = staffIdOf(request.actor);
      const saved = await request.change(async (trx, audit) => {
        const row = await trx
          .insertInto('intake_drafts')
          .values({ staff_id: staffId, data: JSON.stringify(request.body.data) })
          .onConflict((oc) => oc.column('staff_id').doUpdateSet({ data: JSON.stringify(request.body.data), updated_at: new Date() }))
          .returning(['started_at', 'updated_at'])
          .executeTakeFirstOrThrow();
        audit({ targetType: 'intake_draft', targetId: staffId });
        return row;
      });
      return { startedAt: saved.started_at, updatedAt: saved.updated_at };
    },
  );

  app.delete('/api/hall/draft', { config: { action: 'window.sign_in', auditAction: 'intake_draft.discard' }, schema: { tags: ['hall'], summary: '放弃收件草稿' } }, async (request) => {
    const staffId = staffIdOf(request.actor);
    await request.change(async (trx, audit) => {
      await trx.deleteFrom('intake_drafts').where('staff_id', '=', staffId).execute();
      audit({ targetType: 'intake_draft', targetId: staffId });
    });
    return { ok: true };
  });

  app.get(
    '/api/hall/lookup',
    {
      config: { action: 'case.read' },
      schema: { tags: ['hall'], summary: '凭告知书上的办件编号或二维码找到办件', querystring: StrictObject({ code: Type.String({ minLength: 1, maxLength: 300 }) }) },
    },
    async (request) => {
      const { code } = request.query;
      const number = parseCaseNumber(code) ? code.trim().toUpperCase() : null;
      const token = number ? null : trackingTokenOf(code);
      if (!number && !token) throw problems.field('/code', '办件编号有误（请核对校验位），或二维码无法识别');
      const row = await app.db.selectFrom('cases').selectAll().where(number ? 'number' : 'tracking_token', '=', (number ?? token)!).executeTakeFirst();
      if (!row) throw problems.notFound('办件');
      await authorizeRead(app.db, request, row);
      return { id: row.id, number: row.number, status: row.status };
    },
  );
};
