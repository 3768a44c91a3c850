// Health and readiness, the OpenAPI document, and the administrators' views of the audit log and the SMS outbox.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql, type SqlBool } from 'kysely';
import { maskPhone, maskPersonalText } from '@onewindow/domain';
import { pendingMigrations } from '../db/migrate.ts';
import { AppError, problems } from './problem.ts';
import { regionRootsFor } from './policy.ts';
import { StrictObject, Cursor } from './schemas.ts';

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!/^[1-9]\d{0,15}$/.test(text)) throw problems.cursorInvalid();
  return Number(text);
}

export function encodeCursor(id: number): string {
  return Buffer.from(String(id)).toString('base64url');
}

const PAGE = 50;

/**
 * The audit records of some regions: what their staff did or had done to them (failed logins to their accounts
 * included), and what was done to their cases (the applicants' own steps included). A county's supervisor sees neither
 * the city's staff administration nor another county's cases; records tied to no region are for unscoped readers.
 */
function ofRegions(roots: string[]) {
  const under = (column: string) => sql.join(roots.map((root) => sql`${sql.ref(column)} LIKE ${`${root}%`}`), sql` OR `);
  return sql<SqlBool>`(
    (audit_log.actor_kind = 'staff' AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id::text = audit_log.actor_id AND (${under('r.region_code')})))
    OR (audit_log.target_type = 'staff' AND EXISTS (
      SELECT 1 FROM staff s JOIN staff_roles r ON r.staff_id = s.id
      WHERE (s.id::text = audit_log.target_id OR s.username = audit_log.target_id) AND (${under('r.region_code')})))
    OR (audit_log.target_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id::text = audit_log.target_id AND (${under('c.region_code')})))
  )`;
}

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { config: { action: 'public' }, schema: { tags: ['system'], summary: '存活检查' } }, async () => ({ status: 'ok' }));

  app.get('/api/ready', { config: { action: 'public' }, schema: { tags: ['system'], summary: '就绪检查：数据库可达且迁移为最新' } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(app.db);
      const pending = await pendingMigrations(app.database.pool);
      if (pending.length > 0) throw new AppError(503, 'MIGRATIONS_PENDING', '数据库迁移未完成', { extra: { pending } });
      return { status: 'ready', database: app.database.kind };
    } catch (error) {
      if (error instanceof AppError) throw error;
      reply.log.error({ err: error }, 'readiness check failed');
      throw new AppError(503, 'DATABASE_UNAVAILABLE', '数据库不可用');
    }
  });

  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '查询审计日志（按时间倒序，游标分页）',
        querystring: StrictObject({
          actor: Type.Optional(Type.String({ maxLength: 50 })),
          action: Type.Optional(Type.String({ maxLength: 60 })),
          outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('rejected'), Type.Literal('failed'), Type.Literal('error')])),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          cursor: Cursor,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      let query = app.db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor_name', 'actor_role', 'action', 'target_type', 'target_id', 'ip', 'request_id', 'outcome'])
        .orderBy('id', 'desc')
        .limit(PAGE + 1);
      const roots = regionRootsFor(request.actor, 'audit.read');
      if (roots !== 'all') query = query.where(ofRegions(roots));
      if (q.actor) query = query.where('actor_name', 'like', `%${q.actor.replace(/[%_\\]/g, '\\$&')}%`);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.outcome) query = query.where('outcome', '=', q.outcome);
      if (q.from) query = query.where('at', '>=', new Date(q.from));
      if (q.to) query = query.where('at', '<', new Date(q.to));
      const before = decodeCursor(q.cursor);
      if (before) query = query.where('id', '<', before);
      const rows = await query.execute();
      const page = rows.slice(0, PAGE);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorName: r.actor_name,
          actorRole: r.actor_role,
          action: r.action,
          target: r.target_type ? `${r.target_type}:${r.target_id ?? ''}` : null,
          ip: r.ip,
          requestId: r.request_id,
          outcome: r.outcome,
        })),
        nextCursor: rows.length > PAGE ? encodeCursor(page[page.length - 1]!.id) : null,
      };
    },
  );

  app.get(
    '/api/admin/sms-outbox',
    {
      config: { action: 'sms_outbox.read' },
      schema: { tags: ['system'], summary: '短信发件箱（本地短信网关）', querystring: StrictObject({ cursor: Cursor }) },
    },
    async (request) => {
      let query = app.db.selectFrom('sms_outbox').selectAll().orderBy('id', 'desc').limit(PAGE + 1);
      const before = decodeCursor(request.query.cursor);
      if (before) query = query.where('id', '<', before);
      const rows = await query.execute();
      const page = rows.slice(0, PAGE);
      return {
        items: page.map((m) => ({
          id: m.id,
          phoneMasked: maskPhone(m.phone),
          text: maskPersonalText(m.text),
          purpose: m.purpose,
          status: m.status,
          attempts: m.attempts,
          createdAt: m.created_at.toISOString(),
        })),
        nextCursor: rows.length > PAGE ? encodeCursor(page[page.length - 1]!.id) : null,
      };
    },
  );
};
