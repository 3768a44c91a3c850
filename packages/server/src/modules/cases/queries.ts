// Worklists (待办、已办、即将超期、已超期、挂起、全部) and the case's scope for the policy. Lists are paginated by
// keyset (the last row's sort value and id), so page 1,000 costs what page 1 costs, and never show raw ID numbers.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { CASE_STATUS_LABELS, DEPARTMENT_SCOPED_ROLES, maskIdNumber } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import type { FastifyRequest } from 'fastify';
import { authorize, type Actor, type ResourceScope } from '../../platform/policy.ts';
import { problems } from '../../platform/problem.ts';
import type { CaseRow } from './engine.ts';
import type { WorklistQuery } from './schemas.ts';

type Executor = Kysely<DB> | Transaction<DB>;
type Staff = Extract<Actor, { kind: 'staff' }>;
type CasesEb = ExpressionBuilder<DB, 'cases'>;

export async function loadCase(db: Executor, id: string): Promise<CaseRow> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw problems.notFound('办件');
  return row;
}

/** The scopes a case is in for staff: its implementing department, and the department of the step now due. */
export function caseScopes(row: CaseRow): ResourceScope[] {
  const scopes: ResourceScope[] = [{ regionCode: row.region_code, departmentId: row.department_id, ownerApplicantId: row.applicant_account ?? undefined }];
  if (row.pending_department && row.pending_department !== row.department_id) {
    scopes.push({ regionCode: row.region_code, departmentId: row.pending_department, ownerApplicantId: row.applicant_account ?? undefined });
  }
  return scopes;
}

/** May the caller see this case? Staff in any of its scopes, or who acted on it; the applicant who owns it. */
export async function authorizeRead(db: Executor, request: FastifyRequest, row: CaseRow): Promise<void> {
  // A draft is the applicant's own until submitted: to staff it is not there yet.
  if (row.status === 'draft' && request.actor.kind === 'staff') throw problems.notFound('办件');
  if (caseScopes(row).some((scope) => authorize(request.actor, 'case.read', scope) === 'allow')) return;
  if (request.actor.kind === 'staff') {
    const handled = await db.selectFrom('case_handlers').select('case_id').where('staff_id', '=', request.actor.id).where('case_id', '=', row.id).executeTakeFirst();
    if (handled) return;
  }
  request.authorize(caseScopes(row)[0]!, 'case.read');
}

const LIKE_ESCAPE = /[\\%_]/g;
const under = (eb: CasesEb, region: string) => eb('cases.region_code', 'like', `${region.replace(LIKE_ESCAPE, '\\$&')}%`);

/** Cases waiting for this staff member: the role they hold is the one to act, in their region (and department). */
function waitingFor(eb: CasesEb, actor: Staff): Expression<SqlBool> {
  const terms = actor.roles.map((a) => {
    const parts = [eb('cases.pending_role', '=', a.role), under(eb, a.regionCode)];
    if (DEPARTMENT_SCOPED_ROLES.includes(a.role) && a.departmentId) parts.push(eb('cases.pending_department', '=', a.departmentId));
    return eb.and(parts);
  });
  return terms.length > 0 ? eb.or(terms) : sql<SqlBool>`false`;
}

/** Every case this staff member may see in lists: supervisors and hall managers their region, others their scope. */
function visibleTo(eb: CasesEb, actor: Staff): Expression<SqlBool> {
  const terms = actor.roles
    .filter((a) => ['clerk', 'reviewer', 'hall_manager', 'supervisor'].includes(a.role))
    .map((a) => {
      const parts = [under(eb, a.regionCode)];
      if (DEPARTMENT_SCOPED_ROLES.includes(a.role) && a.departmentId) parts.push(eb.or([eb('cases.department_id', '=', a.departmentId), eb('cases.pending_department', '=', a.departmentId)]));
      return eb.and(parts);
    });
  return terms.length > 0 ? eb.or(terms) : sql<SqlBool>`false`;
}

const isOverseer = (actor: Staff) => actor.roles.some((a) => a.role === 'supervisor' || a.role === 'hall_manager');

interface CursorValue {
  /** the sort value: due date (YYYY-MM-DD, or null for cases not yet accepted) or ISO time */
  v: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SORT_VALUE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;

/** A sort value as encodeCursor writes it: null, or a day (YYYY-MM-DD) or an instant (ISO, UTC) that exists. */
function isSortValue(v: unknown): v is string | null {
  if (v === null) return true;
  if (typeof v !== 'string' || !SORT_VALUE.test(v)) return false;
  const time = Date.parse(v.length === 10 ? `${v}T00:00:00.000Z` : v);
  // Date.parse rolls 2026-02-30 over into March; the round trip does not.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(v);
}

function decodeCursor(cursor: string | undefined): CursorValue | null {
  if (!cursor) return null;
  let value: Partial<CursorValue> | null = null;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorValue>;
  } catch {
    // not JSON: refused below
  }
  if (value && typeof value === 'object' && typeof value.id === 'string' && UUID.test(value.id) && isSortValue(value.v)) return { v: value.v, id: value.id };
  throw problems.cursorInvalid();
}

const encodeCursor = (value: CursorValue) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface WorklistRow {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  applicantIdNumber: string;
  channel: string;
  status: string;
  currentStep: string | null;
  pendingRole: string | null;
  appliedAt: string;
  acceptedAt: string | null;
  dueDate: string | null;
  clock: string | null;
  version: number;
}

export function listRow(r: CaseRow): WorklistRow {
  return {
    id: r.id,
    number: r.number,
    itemCode: r.item_code,
    itemName: r.item_name,
    applicantName: r.applicant_name,
    applicantIdNumber: maskIdNumber(r.applicant_id_number),
    channel: r.channel,
    status: r.status,
    currentStep: r.state.currentStep,
    pendingRole: r.pending_role,
    appliedAt: r.applied_at.toISOString(),
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    dueDate: r.due_date,
    clock: r.clock,
    version: r.version,
  };
}

/** One page of a worklist, and the cursor of the next page (null on the last). */
export async function worklist(db: Executor, actor: Staff, query: WorklistQuery): Promise<{ items: WorklistRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor);
  if (query.box === 'done') return doneList(db, actor, query, limit, after);

  let q = db.selectFrom('cases').selectAll();
  const overseer = isOverseer(actor);
  q = q.where((eb) => {
    switch (query.box) {
      case 'todo': return waitingFor(eb, actor);
      case 'due_soon': return eb.and([eb('clock', '=', 'yellow'), overseer ? visibleTo(eb, actor) : waitingFor(eb, actor)]);
      case 'overdue': return eb.and([eb('clock', '=', 'red'), overseer ? visibleTo(eb, actor) : waitingFor(eb, actor)]);
      case 'suspended': return eb.and([eb('status', '=', 'suspended'), overseer ? visibleTo(eb, actor) : waitingFor(eb, actor)]);
      default: return visibleTo(eb, actor);
    }
  });
  q = q.where(filters(query));

  if (query.sort === 'applied') {
    if (after) q = q.where((eb) => eb.or([eb('applied_at', '<', new Date(after.v!)), eb.and([eb('applied_at', '=', new Date(after.v!)), eb('id', '>', after.id)])]));
    q = q.orderBy('applied_at', 'desc').orderBy('id');
  } else {
    // Due date first (the most urgent on top), cases not yet accepted (no due date) last.
    if (after) {
      q = after.v === null
        ? q.where((eb) => eb.and([eb('due_date', 'is', null), eb('id', '>', after.id)]))
        : q.where((eb) => eb.or([eb('due_date', '>', after.v), eb.and([eb('due_date', '=', after.v), eb('id', '>', after.id)]), eb('due_date', 'is', null)]));
    }
    q = q.orderBy(sql`due_date ASC NULLS LAST`).orderBy('id');
  }
  const rows = await q.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeCursor({ v: query.sort === 'applied' ? last.applied_at.toISOString() : last.due_date, id: last.id }) : null;
  return { items: page.map(listRow), nextCursor: next };
}

export interface ApplicantCaseRow {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  channel: string;
  status: string;
  statusLabel: string;
  appliedAt: string;
  dueDate: string | null;
  version: number;
}

/** 我的办件: one page of the applicant's own cases, the newest first (index cases_applicant_account). */
export async function applicantCases(db: Executor, applicantId: string, query: { cursor?: string; limit?: number }): Promise<{ items: ApplicantCaseRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom('cases')
    .select(['id', 'number', 'item_code', 'item_name', 'channel', 'status', 'applied_at', 'due_date', 'version'])
    .where('applicant_account', '=', applicantId);
  if (after) q = q.where((eb) => eb.or([eb('applied_at', '<', new Date(after.v!)), eb.and([eb('applied_at', '=', new Date(after.v!)), eb('id', '>', after.id)])]));
  const rows = await q.orderBy('applied_at', 'desc').orderBy('id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id, number: r.number, itemCode: r.item_code, itemName: r.item_name, channel: r.channel, status: r.status,
      statusLabel: CASE_STATUS_LABELS[r.status as keyof typeof CASE_STATUS_LABELS], appliedAt: r.applied_at.toISOString(), dueDate: r.due_date, version: r.version,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: last.applied_at.toISOString(), id: last.id }) : null,
  };
}

/** The search box and filters, the same for every box; never a draft, which is the applicant's own until submitted. */
function filters(query: WorklistQuery): Expression<SqlBool> {
  const parts = [sql`cases.status <> 'draft'`];
  if (query.q) {
    const text = `%${query.q.trim().replace(LIKE_ESCAPE, '\\$&')}%`;
    parts.push(sql`(cases.number LIKE ${text} OR cases.applicant_name LIKE ${text})`);
  }
  if (query.itemCode) parts.push(sql`cases.item_code = ${query.itemCode}`);
  if (query.status) parts.push(sql`cases.status = ${query.status}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** 已办: cases this staff member has acted on, the most recent first. */
async function doneList(db: Executor, actor: Staff, query: WorklistQuery, limit: number, after: CursorValue | null) {
  let q = db
    .selectFrom('case_handlers as h')
    .innerJoin('cases', 'cases.id', 'h.case_id')
    .selectAll('cases')
    .select('h.last_acted_at')
    .where('h.staff_id', '=', actor.id);
  if (after) q = q.where((eb) => eb.or([eb('h.last_acted_at', '<', new Date(after.v!)), eb.and([eb('h.last_acted_at', '=', new Date(after.v!)), eb('h.case_id', '>', after.id)])]));
  q = q.where(filters(query));
  const rows = await q.orderBy('h.last_acted_at', 'desc').orderBy('h.case_id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(listRow), nextCursor: rows.length > limit && last ? encodeCursor({ v: last.last_acted_at.toISOString(), id: last.id }) : null };
}
