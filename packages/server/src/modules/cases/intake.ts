// Creating a case (窗口收件 or 网上申请) and turning an API action into a domain event: the server decides what
// the client must not (due dates, the current step, the notice's list of defects), checks materials and form data
// against the exact guide version, and says which policy action each event needs.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import { CompiledPerShape } from '../../db/compiled-per-shape.ts';
import {
  allowedEvents, applicantMaterialIssues, beijingToday, deferralCommitment, deferralIssues, deferredMaterials, formatCaseNumber, IllegalTransitionError, initialState, materialProblems,
  missingForSubmission, trustLevel, validateFormData, validateResidentId, validateUscc, SUBMIT_DECLARATION,
  type CaseEvent, type DeferredPromise, type GuideContent, type Material, type ReceivedMaterial, type Role,
} from '@onewindow/domain';
import type { CaseAgent as AgentData, DB } from '../../db/schema.ts';
import type { Action, Actor } from '../../platform/policy.ts';
import { AppError, problems, type FieldError } from '../../platform/problem.ts';
import { eventsOffered, guideOf, illegalTransition, limitOf, planAction, reviewStepIds, type CaseActor, type CaseRow, type CaseWrites, type EngineContext } from './engine.ts';
import { assertWindowServes, windowAtIntake, windowFromJson, windowNotSignedIn } from '../hall/sign-in.ts';
import type { CaseActionBody, CreateCaseBody, ReceivedMaterialInput } from './schemas.ts';

export function caseActorOf(actor: Actor): CaseActor {
  if (actor.kind === 'anonymous') throw problems.unauthenticated();
  return { kind: actor.kind, id: actor.id, name: actor.name };
}

interface ApplicantData {
  account: string | null;
  kind: 'person' | 'company';
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  legalRepresentative: string | null;
}

/** Where the applicant's account is found: the signed-in applicant's own, or one holding the ID number entered. */
interface AccountLookup {
  column: 'id' | 'id_number' | 'uscc';
  value: string;
}

/** The applicant as the clerk entered them (checked, the account still to be found), or the signed-in applicant. */
function applicantGiven(actor: Actor, body: CreateCaseBody): { lookup: AccountLookup; entered: Omit<ApplicantData, 'account'> | null } {
  if (actor.kind === 'applicant') {
    if (body.applicant) throw problems.field('/applicant', '网上申请的申请人即登录账户，无需填写');
    return { lookup: { column: 'id', value: actor.id }, entered: null };
  }
  const given = body.applicant;
  if (!given) throw problems.field('/applicant', '请填写申请人');
  const idNumber = given.idNumber.trim().toUpperCase();
  const check = given.kind === 'person' ? validateResidentId(idNumber) : validateUscc(idNumber);
  if (!check.ok) throw problems.field('/applicant/idNumber', check.reason);
  if (given.kind === 'company' && !given.legalRepresentative) throw problems.field('/applicant/legalRepresentative', '法人申请须填写法定代表人');
  // 证件类型 codes as exchanged: 111 居民身份证, 001 统一社会信用代码.
  const entered = { kind: given.kind, name: given.name, idType: given.kind === 'person' ? '111' : '001', idNumber, phone: given.phone, legalRepresentative: given.legalRepresentative ?? null };
  return { lookup: { column: given.kind === 'person' ? 'id_number' : 'uscc', value: idNumber }, entered };
}

/**
 * The item in force with the account, if any, that holds `account` in the lookup's column, and the window the staff
 * member taking the case in is signed in to.
 */
function itemAndAccountBy(column: AccountLookup['column']) {
  return new CompiledPerShape((db, d: { code: string; account: string; staff: string | null }) =>
    db
      .selectFrom('catalog_search as s')
      .innerJoin('catalog_implementations as i', 'i.id', 's.implementation_id')
      .select((eb) => [
        's.implementation_id', 's.version_id', 's.code', 's.name', 's.region_code', 's.department_id', 's.domain_code',
        jsonObjectFrom(eb.selectFrom('applicants as a').select(['a.id', 'a.type', 'a.name', 'a.id_number', 'a.uscc', 'a.phone', 'a.legal_representative']).where(`a.${column}`, '=', d.account)).as('account'),
        windowAtIntake(db, d.staff).as('desk'),
      ])
      .where('s.code', '=', d.code)
      .where('i.status', '=', 'active'),
  );
}

const itemAndAccount = { id: itemAndAccountBy('id'), id_number: itemAndAccountBy('id_number'), uscc: itemAndAccountBy('uscc') };

/**
 * The portal account a window case shows in: the one with the applicant's ID number whose mobile number — proved by SMS
 * when it registered — is the one the applicant gives at the window. The ID number alone does not do: anyone can
 * register with another person's number, and would then read and withdraw that person's cases.
 */
function accountOfWindowApplicant(account: { id: string; phone: string } | null, phoneGiven: string): string | null {
  return account && account.phone === phoneGiven.trim() ? account.id : null;
}

/**
 * The item as it applies today (its implementation and currently effective published guide version), the
 * applicant's account, if any (a person who has an account sees a window case in the portal too), and the staff
 * member's window, in one round trip.
 */
async function itemApplicantAndDesk(db: Kysely<DB>, actor: Actor, body: CreateCaseBody) {
  const { lookup, entered } = applicantGiven(actor, body);
  const staff = actor.kind === 'staff' ? actor.id : null;
  const { rows } = await itemAndAccount[lookup.column].execute(db, { code: body.itemCode, account: lookup.value, staff });
  const row = rows[0];
  if (!row) throw new AppError(404, 'ITEM_NOT_AVAILABLE', '该事项不存在或当前不可办理', { errors: [{ path: '/itemCode', message: '请确认事项编码，或该事项已停办' }] });
  const { account, desk: deskJson, ...item } = row;
  const desk = deskJson ? windowFromJson(deskJson) : null;
  if (entered) return { item, desk, applicant: { ...entered, account: accountOfWindowApplicant(account, entered.phone) } };
  if (!account) throw new Error(`applicant ${lookup.value} of a valid session not found`);
  const idNumber = account.type === 'person' ? account.id_number! : account.uscc!;
  const applicant: ApplicantData = {
    account: account.id, kind: account.type, name: account.name, idType: account.type === 'person' ? '111' : '001', idNumber, phone: account.phone, legalRepresentative: account.legal_representative,
  };
  return { item, desk, applicant };
}

/**
 * Materials as the guide names them: unknown ids, duplicates, unknown review points and files are refused. What an
 * applicant sends is held to what can be provided online (applicantMaterialIssues), and may name only files the
 * applicant uploaded (or that are already on this case): a file is "not there" for anyone else.
 */
export async function checkMaterials(
  trx: Kysely<DB>, guide: GuideContent, materials: ReceivedMaterialInput[], basePath: string, by: Actor, caseId?: string,
): Promise<void> {
  const errors: FieldError[] = [];
  if (by.kind === 'applicant') {
    errors.push(...applicantMaterialIssues(guide, materials).map((i) => ({ path: `${basePath}/${i.index}/${i.field}`, message: i.message })));
  }
  const seen = new Set<string>();
  const files = new Set<string>();
  materials.forEach((m, i) => {
    const material = guide.materials.find((g) => g.id === m.materialId);
    if (!material) return errors.push({ path: `${basePath}/${i}/materialId`, message: `办事指南中没有材料 ${m.materialId}` });
    if (seen.has(m.materialId)) errors.push({ path: `${basePath}/${i}/materialId`, message: `材料“${material.name}”重复` });
    seen.add(m.materialId);
    for (const point of Object.keys(m.checks)) {
      if (!material.reviewPoints.some((p) => p.id === point)) errors.push({ path: `${basePath}/${i}/checks/${point}`, message: `“${material.name}”没有审查要点 ${point}` });
    }
    if (m.receivedAs === 'deferred' && material.necessity !== 'deferrable') errors.push({ path: `${basePath}/${i}/receivedAs`, message: `“${material.name}”不允许容缺后补` });
    if (m.receivedAs === 'electronic' && m.files.length === 0) errors.push({ path: `${basePath}/${i}/files`, message: `请上传“${material.name}”的电子件` });
    m.files.forEach((f) => files.add(f));
  });
  if (files.size > 0) {
    const known = await usableFiles(trx, [...files], by, caseId);
    materials.forEach((m, i) => m.files.forEach((f, j) => {
      if (!known.has(f)) errors.push({ path: `${basePath}/${i}/files/${j}`, message: '文件不存在，请重新上传' });
    }));
  }
  if (errors.length > 0) throw problems.validation(errors);
}

/**
 * 代理人: a valid resident ID number, and an authorisation (授权委托书) scan that `by` may attach — for an applicant, one
 * they uploaded themself: the case file later serves it to whoever may read the case.
 */
export async function checkAgent(db: Kysely<DB>, agent: AgentData, by: Actor, caseId?: string): Promise<AgentData> {
  const errors: FieldError[] = [];
  const id = validateResidentId(agent.idNumber.trim().toUpperCase());
  if (!id.ok) errors.push({ path: '/agent/idNumber', message: id.reason });
  if (agent.authorisation && !(await usableFiles(db, [agent.authorisation], by, caseId)).has(agent.authorisation)) {
    errors.push({ path: '/agent/authorisation', message: '授权委托书文件不存在，请重新上传' });
  }
  if (errors.length > 0) throw problems.validation(errors);
  return { ...agent, name: agent.name.trim(), idNumber: agent.idNumber.trim().toUpperCase() };
}

/** A company applies online through its 经办人, authorised in writing (授权委托书) by the company. */
function checkCompanyHandler(agent: AgentData | null): void {
  if (!agent) throw problems.field('/agent', '法人网上申请须由经办人办理：请填写经办人信息并上传授权委托书');
  if (!agent.authorisation) throw problems.field('/agent/authorisation', '请上传单位出具的授权委托书');
}

/**
 * Of `files`, those `by` may attach: their own uploads (file_owners, staff and applicants alike) and the case's files.
 * A SHA-256 learned elsewhere — another case's scan — attaches nothing, so it cannot be read back through this case.
 */
async function usableFiles(trx: Kysely<DB>, files: string[], by: Actor, caseId: string | undefined): Promise<Set<string>> {
  if (by.kind === 'anonymous') return new Set();
  const owned = await trx.selectFrom('file_owners').select('sha256').where('owner_kind', '=', by.kind).where('owner_id', '=', by.id).where('sha256', 'in', files).execute();
  const onCase = caseId ? await trx.selectFrom('case_materials').select('files').where('case_id', '=', caseId).execute() : [];
  return new Set([...owned.map((f) => f.sha256), ...onCase.flatMap((m) => m.files)]);
}

function materialRows(caseId: string, guide: GuideContent, materials: ReceivedMaterialInput[], checkedByStaff: boolean) {
  return materials.map((m) => ({
    case_id: caseId,
    material_id: m.materialId,
    name: guide.materials.find((g) => g.id === m.materialId)!.name,
    received_as: m.receivedAs,
    count: m.count,
    files: m.files,
    checks: JSON.stringify(m.checks),
    trust_level: trustLevel(m, checkedByStaff),
    note: m.note ?? '',
    updated_at: new Date(),
  }));
}

export async function saveMaterials(trx: Kysely<DB>, caseId: string, guide: GuideContent, materials: ReceivedMaterialInput[], checkedByStaff: boolean): Promise<void> {
  if (materials.length === 0) return;
  const rows = materialRows(caseId, guide, materials, checkedByStaff);
  await trx
    .insertInto('case_materials')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['case_id', 'material_id']).doUpdateSet((eb) => ({
        received_as: eb.ref('excluded.received_as'),
        count: eb.ref('excluded.count'),
        files: eb.ref('excluded.files'),
        checks: eb.ref('excluded.checks'),
        trust_level: eb.ref('excluded.trust_level'),
        note: eb.ref('excluded.note'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The case's materials become exactly `materials` (a draft saved again); only for a case not yet submitted. */
export async function replaceMaterials(trx: Kysely<DB>, caseId: string, guide: GuideContent, materials: ReceivedMaterialInput[]): Promise<void> {
  await trx.deleteFrom('case_materials').where('case_id', '=', caseId).execute();
  await saveMaterials(trx, caseId, guide, materials, false);
}

export async function receivedMaterials(trx: Kysely<DB>, caseId: string): Promise<ReceivedMaterial[]> {
  const rows = await trx.selectFrom('case_materials').selectAll().where('case_id', '=', caseId).execute();
  return rows.map((r) => ({ materialId: r.material_id, receivedAs: r.received_as, count: r.count, files: r.files, checks: r.checks, note: r.note }));
}

function formErrors(guide: GuideContent, formData: Record<string, unknown>): FieldError[] {
  return validateFormData(guide.form, formData as never).map((i) => ({ path: `/formData${i.path}`, message: i.message }));
}

function checkFormData(guide: GuideContent, formData: Record<string, unknown>): void {
  const errors = formErrors(guide, formData);
  if (errors.length > 0) throw problems.validation(errors);
}

/** 网上提交: the form as the guide defines it and every required material there, all problems told at once. */
function checkSubmission(guide: GuideContent, formData: Record<string, unknown>, received: ReceivedMaterial[]): void {
  const missing = missingForSubmission(guide, received).map((m) => ({ path: `/materials/${m.id}`, message: `请上传“${m.name}”` }));
  const errors = [...formErrors(guide, formData), ...missing];
  if (errors.length > 0) throw problems.validation(errors);
}

/** The declaration of truth (承诺) an applicant must confirm to submit. */
function checkDeclaration(actor: Actor, declaration: boolean | undefined, path: string): void {
  if (actor.kind === 'applicant' && declaration !== true) throw problems.field(path, '请阅读并勾选承诺：所填信息和所交材料真实有效');
}

/** 网上补正: the applicant re-sends only what the correction notice asked for. */
function checkAskedFor(row: CaseRow, materials: ReceivedMaterialInput[], at: string): void {
  const asked = new Set(row.state.correction?.items.map((i) => i.materialId) ?? []);
  const errors = materials.flatMap((m, i) => (asked.has(m.materialId) ? [] : [{ path: `${at}/materials/${i}/materialId`, message: '补齐补正告知书未要求补正该材料' }]));
  if (errors.length > 0) throw problems.validation(errors);
}

function checkServiceObject(guide: GuideContent, kind: 'person' | 'company'): void {
  const serves = kind === 'person' ? guide.serviceObjects.includes('1') : guide.serviceObjects.some((o) => o !== '1');
  if (!serves) throw problems.field('/applicant/kind', kind === 'person' ? '该事项不面向自然人办理' : '该事项仅面向自然人办理');
}

/** 窗口领取: the collector is the applicant or the agent (checked by ID number) and signed on screen. */
async function checkedPickup(trx: Kysely<DB>, row: CaseRow, idNumber: string | undefined, signature: string | undefined, at: string) {
  const given = idNumber?.trim().toUpperCase();
  if (!given) throw problems.field(`${at}/collectorIdNumber`, '窗口领取须核验领取人身份证件，请录入证件号码');
  const collector = given === row.applicant_id_number ? 'applicant' : given === row.parties.agent?.idNumber ? 'agent' : null;
  if (!collector) throw problems.field(`${at}/collectorIdNumber`, '领取人证件号码与申请人、代理人均不符；他人代领须有授权委托');
  if (!signature) throw problems.field(`${at}/signature`, '请领取人在屏幕上签名');
  const file = await trx.selectFrom('files').select('mime').where('sha256', '=', signature).executeTakeFirst();
  if (file?.mime !== 'image/png') throw problems.field(`${at}/signature`, '签名文件不存在或不是 PNG 图片，请重新签名');
  return { collector, signature } as const;
}

/**
 * The 容缺 materials with their promised dates; a missing date or one not after today is refused, each by material
 * (`<at>/deferred/<materialId>`: a material without a date has no place in the request's list to point at).
 */
function datedDeferrals(deferred: Material[], promised: readonly DeferredPromise[], today: string, at: string): (DeferredPromise & { name: string })[] {
  const issues = deferralIssues(deferred, promised, today);
  if (issues.length > 0) throw problems.validation(issues.map((i) => ({ path: `${at}/deferred/${i.materialId}`, message: i.message })));
  return deferred.map((m) => ({ materialId: m.id, name: m.name, dueDate: promised.find((p) => p.materialId === m.id)!.dueDate }));
}

export interface BuiltEvent {
  event: CaseEvent;
  /** The policy action the event needs, on top of the route's gate. */
  action: Action;
  opinion: string | null;
  /** For back-office steps: the role the current step asks for. */
  stepRole: Role | null;
}

/**
 * The domain event for an API action on `row`. Checks that need the case's materials and guide are made here
 * (accept only with complete materials; a 补正 notice lists what the materials lack unless staff list it). `at` is
 * where the action sits in the request (`/action`, `/decision`, or '' for the intake's own submit), for field paths.
 */
export async function buildEvent(
  trx: Kysely<DB>, row: CaseRow, body: CaseActionBody, at: string, actor: Actor, ctx: EngineContext, received?: ReceivedMaterial[],
): Promise<BuiltEvent> {
  // What the state does not admit is refused as such first: an accept while a 补正 notice is out is an illegal step,
  // not a case of incomplete materials.
  if (!allowedEvents(row.state).includes(body.type)) {
    throw illegalTransition(new IllegalTransitionError(row.state.status, body.type, eventsOffered(actor, row.state)));
  }
  const guide = await guideOf(trx, row.guide_version_id);
  const materialsNow = async () => received ?? receivedMaterials(trx, row.id);
  const staffAction = (action: Action, event: CaseEvent, opinion: string | null = null): BuiltEvent => ({ event, action, opinion, stepRole: null });
  // A step of the guide's 办理流程 (受理, 审核, 决定, 办结, 送达 …) is taken by the role the guide names for it.
  const stepAction = (event: CaseEvent, opinion: string | null = null): BuiltEvent => ({ event, action: 'case.step', opinion, stepRole: row.pending_role as Role | null });
  const today = beijingToday(ctx.now);
  switch (body.type) {
    case 'submit': {
      checkDeclaration(actor, body.declaration, `${at}/declaration`);
      if (actor.kind === 'applicant' && row.applicant_kind === 'company') checkCompanyHandler(row.parties.agent);
      const materials = await materialsNow();
      checkSubmission(guide, row.form_data, materials);
      // 容缺 online: the applicant promises a date for each material to come later and agrees to the commitment.
      const deferred = datedDeferrals(deferredMaterials(guide, materials), body.deferred ?? [], today, at);
      const commitment = deferred.length > 0 ? deferralCommitment(deferred.map((d) => ({ name: d.name, dueDate: d.dueDate }))) : null;
      return staffAction('case.apply', {
        type: 'submit',
        ...(body.declaration ? { declaration: SUBMIT_DECLARATION } : {}),
        ...(commitment ? { deferred: deferred.map(({ materialId, dueDate }) => ({ materialId, dueDate })), commitment } : {}),
      });
    }
    case 'accept': {
      checkFormData(guide, row.form_data);
      const materials = await materialsNow();
      const missing = materialProblems(guide, materials);
      if (missing.length > 0) {
        throw new AppError(422, 'MATERIALS_INCOMPLETE', '材料不齐全或不符合要求，不能受理；请出具补齐补正告知书', {
          errors: missing.map((m) => ({ path: `/materials/${m.materialId}`, message: `${m.materialName}：${m.problem}` })),
        });
      }
      // 容缺受理 on the dates and commitment the clerk records, or else those the applicant promised online.
      const promised = row.state.promisedDeferral ?? null;
      const deferredNow = deferredMaterials(guide, materials);
      const dateOf = (id: string) => body.deferred?.find((d) => d.materialId === id) ?? promised?.deferred.find((d) => d.materialId === id);
      const dates = deferredNow.flatMap((m) => dateOf(m.id) ?? []);
      const deferred = datedDeferrals(deferredNow, dates, today, at).map(({ materialId, dueDate }) => ({ materialId, dueDate }));
      const commitment = body.commitment?.trim() || promised?.commitment;
      if (deferred.length === 0) return stepAction({ type: 'accept' }, body.opinion ?? null);
      if (!commitment) throw problems.field(`${at}/commitment`, '容缺受理须有申请人的书面承诺');
      return stepAction({ type: 'accept', deferred, commitment }, body.opinion ?? null);
    }
    case 'request_correction': {
      const items = body.items ?? materialProblems(guide, await materialsNow()).map(({ materialId, problem, fix }) => ({ materialId, problem, fix }));
      if (items.length === 0) throw problems.field(`${at}/items`, '材料齐全且符合要求，无需补正');
      const unknown = items.find((i) => !guide.materials.some((m) => m.id === i.materialId));
      if (unknown) throw problems.field(`${at}/items`, `办事指南中没有材料 ${unknown.materialId}`);
      const dueDate = ctx.calendar.addWorkdays(today, ctx.correctionWorkdays);
      return stepAction({ type: 'request_correction', items, dueDate }, body.opinion ?? null);
    }
    case 'resubmit': {
      // The applicant corrects online and the case goes back to the online pre-review; at the window the clerk does.
      const online = actor.kind === 'applicant';
      if (online) checkAskedFor(row, body.materials, at);
      await checkMaterials(trx, guide, body.materials, `${at}/materials`, actor, row.id);
      await saveMaterials(trx, row.id, guide, body.materials, actor.kind === 'staff');
      return staffAction(online ? 'case.apply' : 'case.intake', { type: 'resubmit', ...(online ? { via: 'online' as const } : {}) });
    }
    case 'refuse':
      return stepAction({ type: 'refuse', reason: body.reason, remedies: body.remedies });
    case 'deferred_received':
      await checkMaterials(trx, guide, [body.material], `${at}/material`, actor, row.id);
      if (body.material.receivedAs === 'deferred' || body.material.receivedAs === 'missing') throw problems.field(`${at}/material/receivedAs`, '请记录实际收取的方式');
      await saveMaterials(trx, row.id, guide, [body.material], true);
      return staffAction('case.intake', { type: 'deferred_received', materialId: body.material.materialId });
    case 'complete_step':
      return stepAction({ type: 'complete_step', stepId: row.state.currentStep ?? '', opinion: body.opinion }, body.opinion);
    case 'send_back':
      return stepAction({ type: 'send_back', toStepId: body.toStepId, opinion: body.opinion }, body.opinion);
    case 'start_special':
      return stepAction({ type: 'start_special', kind: body.kind, reason: body.reason }, body.reason);
    case 'end_special':
      return stepAction({ type: 'end_special', result: body.result }, body.result);
    case 'request_extension':
      return stepAction({ type: 'request_extension', workdays: body.workdays, reason: body.reason }, body.reason);
    case 'decide_extension':
      return staffAction('case.approve_extension', { type: 'decide_extension', approve: body.approve, opinion: body.opinion }, body.opinion);
    case 'decide':
      return stepAction({ type: 'decide', grant: body.grant, reason: body.reason, remedies: body.remedies }, body.opinion);
    case 'withdraw':
      return staffAction(actor.kind === 'applicant' ? 'case.apply' : 'case.intake', { type: 'withdraw', reason: body.reason });
    case 'complete':
      return stepAction({ type: 'complete' });
    case 'deliver':
      if (body.method === 'mail' && !body.reference?.trim()) throw problems.field(`${at}/reference`, '邮寄送达须填写邮件号');
      if (body.method !== 'pickup') return stepAction({ type: 'deliver', method: body.method, reference: body.reference });
      return stepAction({ type: 'deliver', method: 'pickup', ...(await checkedPickup(trx, row, body.collectorIdNumber, body.signature, at)) });
  }
}

export interface CreateContext extends EngineContext {
  authorizeEvent(built: BuiltEvent, row: CaseRow): void;
  /** The serial part of the next case number (CaseSerials). */
  nextSerial(): Promise<number>;
}

/** A new case as it will be written: its row and the rows that go with it (see insertCase). */
export interface PlannedCase {
  row: CaseRow;
  writes: CaseWrites;
}

/**
 * Plans the case (收件 / 网上申请) with the on-the-spot decision or the online submission, if any, from what it reads
 * through `db`; nothing is written, so the caller can check the result and write it in one statement.
 */
export async function planCase(db: Kysely<DB>, actor: Actor, body: CreateCaseBody, ctx: CreateContext): Promise<PlannedCase> {
  const staff = actor.kind === 'staff';
  if (staff && (body.channel === 'online' || body.channel === 'mobile')) throw problems.field('/channel', '工作人员收件的渠道应为窗口或信函');
  if (!staff && (body.channel === 'window' || body.channel === 'mail')) throw problems.field('/channel', '网上申请的渠道应为网上或移动端');
  if (!staff && body.decision) throw problems.field('/decision', '受理决定由窗口工作人员作出');
  if (staff && body.submit) throw problems.field('/submit', '窗口收件无需提交，请作出受理决定');

  // Staff take cases in at the window they are signed in to (信函 may come in at a desk without one).
  const { item, desk, applicant } = await itemApplicantAndDesk(db, actor, body);
  if (body.channel === 'window') {
    if (!desk) throw windowNotSignedIn();
    await assertWindowServes(db, desk, item.domain_code);
  }
  const guide = await guideOf(db, item.version_id);
  checkServiceObject(guide, applicant.kind);
  if (body.submit) checkDeclaration(actor, body.declaration, '/declaration');
  await checkMaterials(db, guide, body.materials, '/materials', actor);
  const agent = body.agent ? await checkAgent(db, body.agent, actor) : null;

  const number = formatCaseNumber({ regionCode: item.region_code, date: beijingToday(ctx.now), serial: await ctx.nextSerial() });
  const channel = staff ? 'window' : 'online';
  const steps = reviewStepIds(guide);
  const state = initialState(channel, steps);
  const limit = limitOf(guide);
  // 相对集中行政许可: an item whose licensing power was transferred (划转) is handled and decided by the department
  // that took it over (the 行政审批局), which also issues its documents.
  const handledBy = guide.transferredToDepartmentId ?? item.department_id;
  // The case is built in memory and the decision taken on it in memory, to be written in one statement.
  const row: CaseRow = {
    id: crypto.randomUUID(),
    number,
    tracking_token: crypto.randomBytes(16).toString('base64url'),
    implementation_id: item.implementation_id,
    guide_version_id: item.version_id,
    item_code: item.code,
    item_name: item.name,
    region_code: item.region_code,
    department_id: handledBy,
    channel: body.channel,
    applicant_account: applicant.account,
    applicant_kind: applicant.kind,
    applicant_name: applicant.name,
    applicant_id_type: applicant.idType,
    applicant_id_number: applicant.idNumber,
    applicant_phone: applicant.phone,
    parties: { legalRepresentative: applicant.legalRepresentative, agent },
    form_data: body.formData,
    hall_id: desk?.hallId ?? null,
    window_id: body.channel === 'window' ? desk!.windowId : null,
    received_by: staff ? actor.id : null,
    intake_started_at: desk?.intakeStartedAt ?? null,
    state,
    status: state.status,
    version: 1,
    pending_role: staff ? 'clerk' : null,
    pending_department: staff ? handledBy : null,
    limit_amount: String(limit.amount),
    limit_unit: limit.unit,
    applied_at: ctx.now,
    accepted_at: null,
    due_date: null,
    due_at: null,
    clock: null,
    close_result: null,
    closed_at: null,
    updated_at: ctx.now,
    delivery: null,
  };
  const who = caseActorOf(actor);
  // Action 1 records the creation; the state is the reduction of the later actions from initialState(channel, steps).
  const created = {
    case_id: row.id, seq: 1, type: 'create', event: JSON.stringify({ type: 'create', channel, steps }), step_id: null, opinion: null,
    actor_kind: who.kind, actor_id: who.id, actor_name: who.name, at: ctx.now,
  };
  const materials = materialRows(row.id, guide, body.materials, staff);
  const handlerId = staff ? who.id : null;
  // The decision consumes the clerk's intake draft in the same statement as the case.
  const draftOf = desk ? who.id : null;
  const follow = body.decision ?? (body.submit ? ({ type: 'submit', declaration: body.declaration, deferred: body.deferred } as const) : null);
  if (!follow) return { row, writes: { actions: [created], handlerId, notices: [], materials, draftOf } };
  const received = body.materials.map((m) => ({ ...m, note: m.note ?? '' }));
  const built = await buildEvent(db, row, follow, body.decision ? '/decision' : '', actor, ctx, received);
  ctx.authorizeEvent(built, row);
  const planned = planAction(row, { event: built.event, actor: who, opinion: built.opinion }, guide, ctx);
  return { row: planned.next, writes: { actions: [created, planned.action], handlerId, notices: planned.notice ? [planned.notice] : [], materials, draftOf } };
}
