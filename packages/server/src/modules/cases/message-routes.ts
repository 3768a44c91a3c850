// In-app messages (站内消息) for the signed-in applicant or staff member.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../platform/problem.ts';
import { IdParams } from '../../platform/schemas.ts';

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const recipientOf = (actor: { kind: string; id?: string }) => {
    if (actor.kind !== 'staff' && actor.kind !== 'applicant') throw problems.unauthenticated();
    return { kind: actor.kind as 'staff' | 'applicant', id: actor.id! };
  };

  app.get('/api/messages', { config: { action: 'message.self' }, schema: { tags: ['messages'], summary: '我的站内消息（最近 100 条）' } }, async (request) => {
    const me = recipientOf(request.actor);
    const rows = await app.db
      .selectFrom('messages')
      .select(['id', 'case_id', 'title', 'body', 'created_at', 'read_at'])
      .where('recipient_kind', '=', me.kind)
      .where('recipient_id', '=', me.id)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return {
      unread: rows.filter((r) => r.read_at === null).length,
      items: rows.map((r) => ({ id: r.id, caseId: r.case_id, title: r.title, body: r.body, createdAt: r.created_at, readAt: r.read_at })),
    };
  });

  app.post('/api/messages/:id/read', { config: { action: 'message.self' }, schema: { tags: ['messages'], summary: '标记为已读', params: IdParams } }, async (request) => {
    const me = recipientOf(request.actor);
    await request.change(async (trx, audit) => {
      const updated = await trx
        .updateTable('messages')
        .set({ read_at: new Date() })
        .where('id', '=', request.params.id)
        .where('recipient_kind', '=', me.kind)
        .where('recipient_id', '=', me.id)
        .where('read_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!updated) {
        const exists = await trx.selectFrom('messages').select('id').where('id', '=', request.params.id).where('recipient_id', '=', me.id).executeTakeFirst();
        if (!exists) throw problems.notFound('消息');
      }
      audit({ targetType: 'message', targetId: request.params.id });
    });
    return { ok: true };
  });
};
