// The case engine: appends one action to a case and writes the reduced state, who acts next and the deadline clock
// in the same transaction, with the applicant's notification. The lifecycle rules themselves are the domain
// package's reducer; this file only stores their outcome. Optimistic concurrency: an action is written only if the
// case is still at the version it was read at, so of two staff acting at once one wins and the other gets 409.
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  applyAction, CalendarYearUnknownError, clockColour, dueDate, IllegalTransitionError, nextActor, reviewSteps, CASE_STATUS_LABELS,
  type CaseEvent, type CaseState, type DeadlineLimit, type GuideContent, type WorkingCalendar,
} from '@onewindow/domain';
import type { CasesTable, DB } from '../../db/schema.ts';
import { AppError } from '../../platform/problem.ts';
import { yearUnknownProblem } from '../calendar/routes.ts';
import { notifyApplicant } from './notifications.ts';

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

export function versionConflict(fresh: CaseRow): AppError {
  return new AppError(409, 'CASE_VERSION_CONFLICT', '该办件刚被他人处理，请查看最新状态后再操作', {
    extra: { version: fresh.version, status: fresh.status, state: fresh.state },
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

/** Appends one action to `row` (as read in this transaction) and returns the case as it now stands. */
export async function act(trx: Transaction<DB>, row: CaseRow, input: ActInput, ctx: EngineContext): Promise<CaseRow> {
  const { event, actor } = input;
  let state: CaseState;
  try {
    state = applyAction(row.state, { event, at: ctx.now.toISOString(), actorId: actor.id ?? 'system' });
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw illegalTransition(error);
    throw error;
  }
  const guide = await guideOf(trx, row.guide_version_id);
  const closed = state.status === 'closed' || state.status === 'delivered';
  const updated = await trx
    .updateTable('cases')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      version: row.version + 1,
      ...pendingFields(state, guide, row.department_id),
      ...clockFields(row, state, ctx),
      accepted_at: state.acceptedAt === null ? null : new Date(state.acceptedAt),
      close_result: state.closeResult,
      closed_at: closed ? (row.closed_at ?? ctx.now) : null,
      updated_at: ctx.now,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    const fresh = await trx.selectFrom('cases').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    throw versionConflict(fresh);
  }
  await trx
    .insertInto('case_actions')
    .values({
      case_id: row.id,
      seq: updated.version,
      type: event.type,
      event: JSON.stringify(event),
      step_id: stepOf(event, row.state),
      opinion: input.opinion ?? null,
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_name: actor.name,
      at: ctx.now,
    } as never)
    .execute();
  if (actor.kind === 'staff' && actor.id) {
    await trx
      .insertInto('case_handlers')
      .values({ staff_id: actor.id, case_id: row.id, last_acted_at: ctx.now })
      .onConflict((oc) => oc.columns(['staff_id', 'case_id']).doUpdateSet({ last_acted_at: ctx.now }))
      .execute();
  }
  await notifyApplicant(trx, updated, event, guide);
  return updated;
}

/** The steps of the back office for a guide, as the reducer knows them. */
export function reviewStepIds(guide: GuideContent): string[] {
  return reviewSteps(guide.steps).map((s) => s.id);
}
