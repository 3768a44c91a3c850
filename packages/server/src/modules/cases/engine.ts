// The case engine: appends one action to a case and writes the reduced state, who acts next and the deadline clock
// in the same transaction, with the applicant's notification. The lifecycle rules themselves are the domain
// package's reducer; this file only stores their outcome. Optimistic concurrency: an action is written only if the
// case is still at the version it was read at, so of two staff acting at once one wins and the other gets 409.
import type { FastifyInstance } from 'fastify';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import {
  allowedEvents, applicantEvents, applyAction, CalendarYearUnknownError, clockColour, dueDate, IllegalTransitionError, nextActor, reviewSteps, CASE_STATUS_LABELS,
  type CaseEvent, type CaseState, type DeadlineLimit, type GuideContent, type WorkingCalendar,
} from '@onewindow/domain';
import { CompiledPerShape } from '../../db/compiled-per-shape.ts';
import type { CaseActionsTable, CaseHandlersTable, CaseMaterialsTable, CasesTable, DB, MessagesTable, SmsOutboxTable } from '../../db/schema.ts';
import { withAuditAppend, type AuditAppend } from '../../platform/audit/chain.ts';
import { STORED_KEY_CTE, withStoredKey, type StoredKey } from '../../platform/idempotency.ts';
import type { Actor } from '../../platform/policy.ts';
import { AppError } from '../../platform/problem.ts';
import { yearUnknownProblem } from '../calendar/routes.ts';
import { applicantNotice, smsFor, type CaseNotice } from './notifications.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type CaseRow = Selectable<CasesTable>;

export interface CaseActor {
  kind: 'staff' | 'applicant' | 'system';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: CaseActor = { kind: 'system', id: null, name: '系统' };

export interface EngineContext {
  calendar: WorkingCalendar;
  warnWorkdays: number;
  /** Working days given to bring a 补正 correction. */
  correctionWorkdays: number;
  now: Date;
}

export async function engineContextOf(app: FastifyInstance): Promise<EngineContext> {
  return { calendar: await app.calendar.get(), warnWorkdays: app.config.caseWarnWorkdays, correctionWorkdays: app.config.correctionWorkdays, now: new Date() };
}

/** Statuses in which the promised deadline runs (or is paused); after the decision the clock stops. */
const CLOCK_STATUSES = new Set<CaseState['status']>(['in_review', 'suspended']);

// Published guide versions never change (a database trigger refuses it), so each is read once per process.
const GUIDE_CACHE_SIZE = 500;
const guideCache = new Map<string, GuideContent>();

export async function guideOf(db: Executor, versionId: string): Promise<GuideContent> {
  const cached = guideCache.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom('guide_versions').select(['content', 'status']).where('id', '=', versionId).executeTakeFirstOrThrow();
  if (row.status === 'published') {
    if (guideCache.size >= GUIDE_CACHE_SIZE) guideCache.delete(guideCache.keys().next().value!);
    guideCache.set(versionId, row.content);
  }
  return row.content;
}

export function limitOf(guide: GuideContent): DeadlineLimit {
  // 即办件 are due the day they are accepted whatever the promised figure says.
  if (guide.caseType === '1') return { amount: 0, unit: 'workday' };
  return { amount: guide.promisedLimit.amount, unit: guide.promisedLimit.unit };
}

/** The deadline columns for a state: due date once accepted, and the clock while it runs. */
export function clockFields(row: Pick<CaseRow, 'limit_amount' | 'limit_unit'>, state: CaseState, ctx: EngineContext): Pick<CaseRow, 'due_date' | 'due_at' | 'clock'> {
  if (state.acceptedAt === null) return { due_date: null, due_at: null, clock: null };
  const limit = { amount: Number(row.limit_amount), unit: row.limit_unit };
  const now = ctx.now.toISOString();
  try {
    const due = dueDate(ctx.calendar, { acceptedAt: state.acceptedAt, limit, pauses: state.pauses, suspendedSince: state.suspendedSince, extensionWorkdays: state.extensionWorkdays, now });
    const dueAt = due.dueAt ? new Date(due.dueAt) : null;
    if (!CLOCK_STATUSES.has(state.status)) return { due_date: due.dueDate, due_at: dueAt, clock: null };
    const clock = clockColour(ctx.calendar, { dueDate: due.dueDate, dueAt: due.dueAt, now, warnWorkdays: ctx.warnWorkdays, suspended: state.status === 'suspended' });
    return { due_date: due.dueDate, due_at: dueAt, clock };
  } catch (error) {
    if (error instanceof CalendarYearUnknownError) throw yearUnknownProblem(error);
    throw error;
  }
}

/** Who acts next, as the worklist columns; a step without a department belongs to the implementing department. */
export function pendingFields(state: CaseState, guide: GuideContent, departmentId: string): Pick<CaseRow, 'pending_role' | 'pending_department'> {
  const next = nextActor(state, guide.steps);
  if (!next) return { pending_role: null, pending_department: null };
  return { pending_role: next.role, pending_department: next.departmentId ?? departmentId };
}

export function illegalTransition(error: IllegalTransitionError): AppError {
  return new AppError(409, 'ILLEGAL_TRANSITION', error.message, {
    extra: { state: error.status, stateLabel: CASE_STATUS_LABELS[error.status], attempted: error.attempted, allowed: error.allowed },
  });
}

/**
 * 409 with the case as it now stands, so the client can show it and let the user decide again. Its status goes as
 * `caseStatus`: `status` in problem+json is the HTTP status code (RFC 9457).
 */
/** The case's state as `actor` may see it: an applicant is not shown a 延期 asked for inside and not yet approved. */
export function stateSeenBy(actor: Actor, state: CaseState): CaseState {
  return actor.kind === 'applicant' ? { ...state, pendingExtension: null } : state;
}

/** The events `actor` may be offered in `state`: an applicant's own, or all the state admits for staff to sort out. */
export function eventsOffered(actor: Actor, state: CaseState): CaseEvent['type'][] {
  return actor.kind === 'applicant' ? applicantEvents(state) : allowedEvents(state);
}

export function versionConflict(fresh: CaseRow, actor: Actor): AppError {
  return new AppError(409, 'CASE_VERSION_CONFLICT', '该办件刚被他人处理，请查看最新状态后再操作', {
    extra: { version: fresh.version, caseStatus: fresh.status, state: stateSeenBy(actor, fresh.state) },
  });
}

/** The review step an event acts on, for the timeline. */
function stepOf(event: CaseEvent, before: CaseState): string | null {
  switch (event.type) {
    case 'complete_step':
    case 'send_back':
    case 'decide':
    case 'start_special':
    case 'end_special':
    case 'request_extension':
    case 'decide_extension':
      return before.currentStep;
    default:
      return null;
  }
}

export interface ActInput {
  event: CaseEvent;
  actor: CaseActor;
  opinion?: string | null;
}

export type ActionRow = Insertable<CaseActionsTable>;

/** One action applied in memory: the case as it will stand, the row that records the action, the applicant's notice. */
export interface PlannedAction {
  next: CaseRow;
  action: ActionRow;
  notice: CaseNotice | null;
}

/** Applies an action to the case in memory; nothing is written. Refuses what the state does not allow. */
export function planAction(row: CaseRow, input: ActInput, guide: GuideContent, ctx: EngineContext): PlannedAction {
  const { event, actor } = input;
  let state: CaseState;
  try {
    state = applyAction(row.state, { event, at: ctx.now.toISOString(), actorId: actor.id ?? 'system' });
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw illegalTransition(error);
    throw error;
  }
  const closed = state.status === 'closed' || state.status === 'delivered';
  const next: CaseRow = {
    ...row,
    state,
    status: state.status,
    version: row.version + 1,
    ...pendingFields(state, guide, row.department_id),
    ...clockFields(row, state, ctx),
    accepted_at: state.acceptedAt === null ? null : new Date(state.acceptedAt),
    close_result: state.closeResult,
    closed_at: closed ? (row.closed_at ?? ctx.now) : null,
    updated_at: ctx.now,
  };
  const action: ActionRow = {
    case_id: row.id,
    seq: next.version,
    type: event.type,
    event: JSON.stringify(event),
    step_id: stepOf(event, row.state),
    opinion: input.opinion ?? null,
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    at: ctx.now,
  };
  const notice = applicantNotice(next, event, guide);
  return { next, action, notice: notice && { ...notice, eventType: event.type } };
}

/** Raised when another action was recorded on the case first; the route answers 409 with the fresh case. */
export class StaleCaseError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed since it was read`);
  }
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;

export interface CaseWrites {
  actions: ActionRow[];
  /** The staff member who acted (已办), if any */
  handlerId: string | null;
  notices: CaseNotice[];
  materials?: Insertable<CaseMaterialsTable>[];
  /** The staff member whose intake draft (窗口收件草稿) the new case consumes. */
  draftOf?: string | null;
}

/** Every row a case change writes besides the case row, as it will be stored. */
interface CaseRows {
  actions: ActionRow[];
  materials: Insertable<CaseMaterialsTable>[];
  handlers: Insertable<CaseHandlersTable>[];
  messages: Insertable<MessagesTable>[];
  sms: Insertable<SmsOutboxTable>[];
  drafts: { staff_id: string }[];
}

function rowsOf(row: CaseRow, writes: CaseWrites): CaseRows {
  const account = row.applicant_account;
  return {
    actions: writes.actions,
    materials: writes.materials ?? [],
    handlers: writes.handlerId ? [{ staff_id: writes.handlerId, case_id: row.id, last_acted_at: row.updated_at }] : [],
    messages: account ? writes.notices.map(({ title, body }) => ({ recipient_kind: 'applicant' as const, recipient_id: account, case_id: row.id, title, body })) : [],
    sms: writes.notices.map((n) => smsFor(row, n)),
    drafts: writes.draftOf ? [{ staff_id: writes.draftOf }] : [],
  };
}

/**
 * The rows that go with a case change, as data-modifying CTEs of the statement that writes the case: one round
 * trip instead of one per table. The primary key (case_id, seq) of the action rows doubles as the optimistic lock:
 * of two actions on the same version, the second cannot insert its seq. Builds only (see CompiledPerShape).
 */
function withRows(db: Kysely<DB>, rows: CaseRows) {
  let q = db.with('actions', (qc) => qc.insertInto('case_actions').values(rows.actions).returning('seq'));
  if (rows.materials.length > 0) {
    q = q.with('materials', (qc) => qc.insertInto('case_materials').values(rows.materials).returning('material_id')) as unknown as typeof q;
  }
  if (rows.handlers.length > 0) {
    q = q.with('handler', (qc) =>
      qc.insertInto('case_handlers').values(rows.handlers).onConflict((oc) => oc.columns(['staff_id', 'case_id']).doUpdateSet((eb) => ({ last_acted_at: eb.ref('excluded.last_acted_at') }))).returning('case_id'),
    ) as unknown as typeof q;
  }
  if (rows.messages.length > 0) q = q.with('message', (qc) => qc.insertInto('messages').values(rows.messages).returning('id')) as unknown as typeof q;
  if (rows.sms.length > 0) q = q.with('sms', (qc) => qc.insertInto('sms_outbox').values(rows.sms).returning('id')) as unknown as typeof q;
  if (rows.drafts.length > 0) {
    q = q.with('draft', (qc) => qc.deleteFrom('intake_drafts').where('staff_id', '=', rows.drafts[0]!.staff_id).returning('staff_id')) as unknown as typeof q;
  }
  return q;
}

function caseColumns(row: CaseRow): Insertable<CasesTable> {
  // The delivery preference is the applicant's, changed outside the action log: an action never writes it back.
  const { delivery: _delivery, ...columns } = row;
  return { ...columns, parties: JSON.stringify(row.parties), form_data: JSON.stringify(row.form_data), state: JSON.stringify(row.state), limit_amount: Number(row.limit_amount) };
}

/** What a new case's statement carries besides its own rows: its audit record, and the idempotency key if any. */
export interface Carried {
  audit: AuditAppend;
  key: StoredKey | null;
}

interface InsertCaseData extends Carried {
  case: Insertable<CasesTable>;
  rows: CaseRows;
}

/** The CTE that inserts the case row: the audit record's chain is locked after it (see withAuditAppend). */
const CASE_ROW_CTE = 'case_row';

const insertCaseStatement = new CompiledPerShape((db, d: InsertCaseData) => {
  let q = withRows(db, d.rows).with(CASE_ROW_CTE, (qc) => qc.insertInto('cases').values(d.case).returning('id'));
  if (d.key) q = withStoredKey(q, d.key);
  q = withAuditAppend(q, d.audit, d.key ? [CASE_ROW_CTE, STORED_KEY_CTE] : [CASE_ROW_CTE]);
  return q.selectFrom(CASE_ROW_CTE).select('id');
});

/**
 * Writes a new case with its first actions (收件, and the on-the-spot decision if any), its audit record and its
 * idempotency key in one statement, which needs no transaction of its own.
 */
export async function insertCase(db: Kysely<DB>, row: CaseRow, writes: CaseWrites, carried: Carried): Promise<void> {
  await insertCaseStatement.execute(db, { case: caseColumns(row), rows: rowsOf(row, writes), ...carried });
}

/** Appends one action to `row` (as read in this transaction) and returns the case as it now stands. */
export async function act(trx: Transaction<DB>, row: CaseRow, input: ActInput, ctx: EngineContext): Promise<CaseRow> {
  const guide = await guideOf(trx, row.guide_version_id);
  const { next, action, notice } = planAction(row, input, guide, ctx);
  const { id, version, ...changed } = caseColumns(next);
  const writes = { actions: [action], handlerId: input.actor.kind === 'staff' ? input.actor.id : null, notices: notice ? [notice] : [] };
  let updated;
  try {
    updated = await withRows(trx, rowsOf(next, writes)).updateTable('cases').set({ ...changed, version }).where('id', '=', id!).where('version', '=', row.version).returning('id').executeTakeFirst();
  } catch (error) {
    if (isUniqueViolation(error, 'case_actions_pkey')) throw new StaleCaseError(row.id);
    throw error;
  }
  if (!updated) throw new StaleCaseError(row.id);
  return next;
}

/** The steps of the back office for a guide, as the reducer knows them. */
export function reviewStepIds(guide: GuideContent): string[] {
  return reviewSteps(guide.steps).map((s) => s.id);
}
