// Who is asking and what they may do, for every request: the session cookie becomes an actor, the route's declared
// action is checked before validation, cookie-authenticated writes must carry the CSRF token, and every state change
// runs in one transaction that ends with its audit record (or is one statement that carries it). Requests that change
// nothing they tried to change are audited too (rejected or failed), so the log shows every attempt.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendAudit, auditAppend, type AuditAppend, type AuditEntry } from './audit/chain.ts';
import { AppError, problems } from './problem.ts';
import { authorize, type Action, type Actor, type ResourceScope, type RoleAssignment } from './policy.ts';
import { SessionCache, type CachedSession } from './session-cache.ts';

export const SESSION_COOKIE = 'ow_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
}

/** What a handler tells the audit record beyond the route's action; actor fields override for logins. */
export type AuditInfo = Partial<Pick<AuditEntry, 'action' | 'targetType' | 'targetId' | 'outcome' | 'detail' | 'actorKind' | 'actorId' | 'actorName' | 'actorRole'>>;

export type Change<T> = (trx: Transaction<DB>, audit: (info: AuditInfo) => void) => Promise<T>;

/**
 * A change made by one write statement: `fn` reads what it needs through `db` (outside any transaction) and writes with
 * one statement that carries `audited(info)`, its audit record (withAuditAppend). The statement is its own
 * transaction, so the change and its record commit together or not at all, without BEGIN and COMMIT round trips.
 */
export type OneStatementChange<T> = (db: Kysely<DB>, audited: (info: AuditInfo) => AuditAppend) => Promise<T>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; every /api route must declare one. */
    action?: Action;
    /** The action its audit records carry when the policy action says too little (logins are all `public`). */
    auditAction?: string;
  }
  interface FastifyInstance {
    /** Every /api route with its declared action: the authorization matrix test walks this list. */
    apiRoutes: { method: string; url: string; action: Action }[];
    /** Sessions as last read, for a few seconds (see session-cache.ts for what it may miss). */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionInfo | null;
    auditCommitted: boolean;
    /** The signed-in staff member's id, for routes whose action only staff may do (403 otherwise). */
    staffId(): string;
    /** Checks the route's action against a loaded resource; throws 403/404 as the policy decides. */
    authorize(scope: ResourceScope, action?: Action): void;
    /** Runs a state change in one transaction with its audit record. */
    change<T>(fn: Change<T>): Promise<T>;
    /** Runs a state change written by one statement that carries its audit record. */
    changeInOneStatement<T>(fn: OneStatementChange<T>): Promise<T>;
    /** Records that staff read personal data (unmasked), in a statement of its own. */
    auditPersonalDataRead(targetType: string, targetId: string, fields: string[]): Promise<void>;
  }
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function actorIdentity(actor: Actor): Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorName' | 'actorRole'> {
  if (actor.kind === 'anonymous') return { actorKind: 'anonymous', actorId: null, actorName: '匿名', actorRole: null };
  if (actor.kind === 'applicant') return { actorKind: 'applicant', actorId: actor.id, actorName: actor.name, actorRole: 'applicant' };
  const roles = [...new Set(actor.roles.map((r) => r.role))].join(',');
  return { actorKind: 'staff', actorId: actor.id, actorName: actor.name, actorRole: roles || null };
}

function decisionToError(decision: ReturnType<typeof authorize>): AppError | null {
  switch (decision) {
    case 'allow': return null;
    case 'unauthenticated': return problems.unauthenticated();
    case 'forbidden': return problems.forbidden();
    case 'not_found': return problems.notFound('记录');
  }
}

/**
 * The session and who it belongs to, in one round trip, kept in the session cache: an inactive staff member or a
 * removed account yields no actor, so their sessions stop working (at once where this server made the change).
 */
async function loadSession(app: FastifyInstance, tokenHash: string): Promise<CachedSession | null> {
  const mark = app.sessionCache.mark();
  const row = await app.db
    .selectFrom('sessions as s')
    .leftJoin('staff as st', (join) => join.onRef('st.id', '=', 's.subject_id').on('s.subject_kind', '=', 'staff').on('st.active', '=', true))
    .leftJoin('applicants as a', (join) => join.onRef('a.id', '=', 's.subject_id').on('s.subject_kind', '=', 'applicant'))
    .select((eb) => [
      's.subject_kind',
      's.subject_id',
      's.csrf_token',
      's.expires_at',
      'st.name as staff_name',
      'a.name as applicant_name',
      eb
        .selectFrom('staff_roles as r')
        .select(sql<RoleAssignment[]>`coalesce(json_agg(json_build_object('role', r.role, 'regionCode', r.region_code, 'departmentId', r.department_id)), '[]')`.as('roles'))
        .whereRef('r.staff_id', '=', 'st.id')
        .as('roles'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return null;
  let actor: Actor;
  if (row.subject_kind === 'applicant' && row.applicant_name !== null) {
    actor = { kind: 'applicant', id: row.subject_id, name: row.applicant_name };
  } else if (row.subject_kind === 'staff' && row.staff_name !== null) {
    actor = { kind: 'staff', id: row.subject_id, name: row.staff_name, roles: row.roles ?? [] };
  } else {
    return null;
  }
  const session = { actor, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  app.sessionCache.set(tokenHash, row.subject_id, session, mark);
  return session;
}

export function installRequestContext(app: FastifyInstance): void {
  app.decorateRequest('actor', null as never); // set on every request by the onRequest hook below
  app.decorateRequest('session', null);
  app.decorateRequest('auditCommitted', false);

  app.decorate('apiRoutes', []);
  app.decorate('sessionCache', new SessionCache());
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`路由 ${String(route.method)} ${route.url} 未声明权限动作（config.action）`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, action });
  });

  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous' };
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = sha256(token);
    const session = app.sessionCache.get(tokenHash) ?? (await loadSession(app, tokenHash));
    if (!session) return;
    request.actor = session.actor;
    request.session = { tokenHash, csrfToken: session.csrfToken };
  });

  app.addHook('preValidation', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    if (request.session && MUTATING.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const expected = Buffer.from(request.session.csrfToken);
      const given = Buffer.from(typeof sent === 'string' ? sent : '');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
        throw new AppError(403, 'CSRF_TOKEN_INVALID', '页面已过期，请刷新后重试');
      }
    }
    const error = decisionToError(authorize(request.actor, action));
    if (error) throw error;
  });

  app.decorateRequest('staffId', function (this: FastifyRequest) {
    if (this.actor.kind !== 'staff') throw problems.forbidden();
    return this.actor.id;
  });

  app.decorateRequest('authorize', function (this: FastifyRequest, scope: ResourceScope, action?: Action) {
    const error = decisionToError(authorize(this.actor, action ?? this.routeOptions.config.action!, scope));
    if (error) throw error;
  });

  const entryFor = (request: FastifyRequest, info: AuditInfo, outcome: AuditEntry['outcome']): AuditEntry => ({
    ...actorIdentity(request.actor),
    action: request.routeOptions.config.auditAction ?? request.routeOptions.config.action ?? 'unknown',
    targetType: null,
    targetId: null,
    ip: request.ip,
    requestId: request.id,
    outcome,
    detail: {},
    ...info,
  });

  app.decorateRequest('change', async function <T>(this: FastifyRequest, fn: Change<T>): Promise<T> {
    let info: AuditInfo = {};
    const result = await app.db.transaction().execute(async (trx) => {
      const value = await fn(trx, (more) => {
        info = { ...info, ...more };
      });
      await appendAudit(trx, entryFor(this, info, 'success'));
      return value;
    });
    this.auditCommitted = true;
    return result;
  });

  app.decorateRequest('changeInOneStatement', async function <T>(this: FastifyRequest, fn: OneStatementChange<T>): Promise<T> {
    let carried = false;
    const value = await fn(app.db, (info) => {
      carried = true;
      return auditAppend(entryFor(this, info, 'success'));
    });
    if (!carried) throw new Error(`${this.routeOptions.url}: a change in one statement must carry its audit record`);
    this.auditCommitted = true;
    return value;
  });

  app.decorateRequest('auditPersonalDataRead', async function (this: FastifyRequest, targetType: string, targetId: string, fields: string[]) {
    await appendAudit(app.db, entryFor(this, { action: 'personal_data.read', targetType, targetId, detail: { fields } }, 'success'));
  });

  // A write that ended without committing its own audit record (bad input, refused, or failed) is recorded here,
  // before the response leaves, so a client that sees the answer can also see the record.
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!MUTATING.has(request.method) || request.auditCommitted || !request.routeOptions.config?.action) return;
    const outcome = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'rejected' : 'success';
    try {
      await appendAudit(app.db, entryFor(request, { detail: { status: reply.statusCode, url: request.url } }, outcome));
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit record of a rejected request');
    }
  });
}
