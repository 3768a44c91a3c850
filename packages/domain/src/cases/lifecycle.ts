// A case (办件) is the list of what happened to it; its state is a pure function of that list. The server stores the
// actions append-only and keeps the reduced state as a row for queries; the web app runs the same reducer to show the
// same state and the same allowed next steps. An action the state does not allow is refused here, in one place.

export type CaseStatus =
  | 'draft' // 草稿（网上申请未提交）
  | 'submitted' // 待预审（网上已提交）
  | 'received' // 已收件（窗口）
  | 'awaiting_correction' // 补齐补正中
  | 'in_review' // 审查中
  | 'suspended' // 特别程序（计时暂停）
  | 'decided' // 已决定
  | 'completed' // 已办结，待送达
  | 'delivered' // 已送达
  | 'closed'; // 已终止（不予受理、退件、撤回）

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿', submitted: '待预审', received: '已收件', awaiting_correction: '补齐补正中', in_review: '审查中',
  suspended: '特别程序中', decided: '已决定', completed: '已办结待送达', delivered: '已送达', closed: '已终止',
};

/** 办结结果 (exchange code): 0 准予 … 6 不予受理. */
export type CloseResult = '0' | '1' | '2' | '4' | '5' | '6';

export interface CorrectionItem {
  materialId: string;
  problem: string;
  fix: string;
}

/** A 容缺 material and the date it is promised by. */
export interface DeferredPromise {
  materialId: string;
  dueDate: string;
}

export type CaseEvent =
  // 网上提交, with the text of the declaration of truth (承诺) the applicant agreed to; with 容缺 materials, the dates
  // the applicant promises them by and the written commitment (容缺承诺) they agreed to
  | { type: 'submit'; declaration?: string; deferred?: DeferredPromise[]; commitment?: string }
  | { type: 'accept'; deferred?: DeferredPromise[]; commitment?: string } // 受理 / 容缺受理, with the applicant's commitment
  | { type: 'request_correction'; items: CorrectionItem[]; dueDate: string } // 一次性告知
  // 补正后重新提交: online it goes back to the online pre-review, at the window the clerk checks it at once
  | { type: 'resubmit'; via?: 'online' }
  | { type: 'correction_expired' } // 补正超时 ⇒ 退件
  | { type: 'refuse'; reason: string; remedies: string } // 不予受理
  | { type: 'deferred_received'; materialId: string } // 容缺材料已补交
  | { type: 'complete_step'; stepId: string; opinion: string } // 审查环节同意，进入下一环节
  | { type: 'send_back'; toStepId: string; opinion: string } // 退回
  | { type: 'start_special'; kind: '1' | '2'; reason: string } // 特别程序开始
  | { type: 'end_special'; result: string } // 特别程序结束
  | { type: 'request_extension'; workdays: number; reason: string } // 申请延期
  | { type: 'decide_extension'; approve: boolean; opinion: string } // 延期审批（须另一人）
  | { type: 'decide'; grant: boolean; reason?: string; remedies?: string } // 准予 / 不予许可
  | { type: 'withdraw'; reason: string } // 申请人撤回
  | { type: 'complete' } // 办结
  // 送达: at the window the collector's identity is checked against the applicant or agent and they sign on screen
  | { type: 'deliver'; method: 'pickup' | 'mail' | 'electronic'; reference?: string; collector?: 'applicant' | 'agent'; signature?: string };

export type CaseEventType = CaseEvent['type'];

export interface CaseAction {
  event: CaseEvent;
  /** ISO date-time */
  at: string;
  actorId: string;
}

export interface CaseState {
  status: CaseStatus;
  /** Review steps from the guide (受理 onwards is the case engine's; these are the back office's). */
  steps: string[];
  currentStep: string | null;
  acceptedAt: string | null;
  correction: { items: CorrectionItem[]; dueDate: string } | null;
  /** 容缺: materials accepted as outstanding, with their due date and whether they came in. */
  deferred: { materialId: string; dueDate: string; receivedAt: string | null }[];
  /** 容缺 promised in an online application, for the pre-review to accept on (absent from states before it existed). */
  promisedDeferral?: { deferred: DeferredPromise[]; commitment: string } | null;
  suspendedSince: string | null;
  /** Closed periods of 特别程序, whose time does not count toward the deadline. */
  pauses: { from: string; to: string }[];
  extensionWorkdays: number;
  /** A 延期 asked for and not yet approved or refused by a second person. */
  pendingExtension: { workdays: number; reason: string; requestedBy: string } | null;
  decision: { grant: boolean; reason: string | null } | null;
  closeResult: CloseResult | null;
  closeReason: string | null;
}

export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(readonly status: CaseStatus, readonly attempted: CaseEventType, readonly allowed: CaseEventType[], detail?: string) {
    super(detail ?? `办件当前状态为“${CASE_STATUS_LABELS[status]}”，不能执行该操作；可执行：${allowed.join('、') || '无'}`);
  }
}

/** Which events each status admits; guards below refine a few (e.g. 'decide' only at the last step). */
const ADMITS: Record<CaseStatus, CaseEventType[]> = {
  draft: ['submit', 'withdraw'],
  submitted: ['accept', 'request_correction', 'refuse', 'withdraw'],
  received: ['accept', 'request_correction', 'refuse', 'withdraw'],
  awaiting_correction: ['resubmit', 'correction_expired', 'withdraw'],
  in_review: ['complete_step', 'send_back', 'start_special', 'request_extension', 'decide_extension', 'decide', 'deferred_received', 'withdraw'],
  suspended: ['end_special', 'request_extension', 'decide_extension', 'deferred_received', 'withdraw'],
  decided: ['complete', 'deferred_received'],
  completed: ['deliver'],
  delivered: [],
  closed: [],
};

/** What an applicant may do on their own case; everything else is staff's. */
const APPLICANT_EVENTS: readonly CaseEventType[] = ['submit', 'resubmit', 'withdraw'];

/** The events the state allows that the applicant may take (the portal's buttons). */
export function applicantEvents(state: CaseState): CaseEventType[] {
  return allowedEvents(state).filter((type) => APPLICANT_EVENTS.includes(type));
}

/** The legal extension (行政许可法 §42): at most 10 more working days. */
export const MAX_EXTENSION_WORKDAYS = 10;

export function initialState(channel: 'online' | 'window', steps: string[]): CaseState {
  return {
    status: channel === 'online' ? 'draft' : 'received',
    steps,
    currentStep: null,
    acceptedAt: null,
    correction: null,
    deferred: [],
    suspendedSince: null,
    pauses: [],
    extensionWorkdays: 0,
    pendingExtension: null,
    decision: null,
    closeResult: null,
    closeReason: null,
  };
}

function close(state: CaseState, result: CloseResult, reason: string | null): CaseState {
  return { ...state, status: 'closed', currentStep: null, closeResult: result, closeReason: reason };
}

/** Whether the current review step is the last, where the decision is taken. */
function atLastStep(state: CaseState): boolean {
  return state.currentStep !== null && state.steps.indexOf(state.currentStep) === state.steps.length - 1;
}

export function allowedEvents(state: CaseState): CaseEventType[] {
  return ADMITS[state.status].filter((type) => {
    if (type === 'complete_step') return !atLastStep(state);
    if (type === 'send_back') return state.currentStep !== null && state.steps.indexOf(state.currentStep) > 0;
    if (type === 'deferred_received') return state.deferred.some((d) => d.receivedAt === null);
    if (type === 'request_extension') return state.pendingExtension === null && state.extensionWorkdays < MAX_EXTENSION_WORKDAYS;
    if (type === 'decide_extension') return state.pendingExtension !== null;
    if (type === 'decide') return atLastStep(state) && state.pendingExtension === null;
    return true;
  });
}

/** The state after one more action, or an IllegalTransitionError saying what the state allows instead. */
export function applyAction(state: CaseState, action: CaseAction): CaseState {
  const e = action.event;
  const allowed = allowedEvents(state);
  const refuse = (detail?: string): never => {
    throw new IllegalTransitionError(state.status, e.type, allowed, detail);
  };
  if (!allowed.includes(e.type)) refuse();

  switch (e.type) {
    case 'submit':
      return { ...state, status: 'submitted', promisedDeferral: e.deferred?.length ? { deferred: e.deferred, commitment: e.commitment ?? '' } : null };
    case 'accept':
      return {
        ...state,
        status: 'in_review',
        acceptedAt: action.at,
        currentStep: state.steps[0] ?? null,
        correction: null,
        deferred: (e.deferred ?? []).map((d) => ({ ...d, receivedAt: null })),
      };
    case 'request_correction':
      if (e.items.length === 0) refuse('补齐补正告知须列出至少一项需补正的材料');
      return { ...state, status: 'awaiting_correction', correction: { items: e.items, dueDate: e.dueDate } };
    case 'resubmit':
      // Checked again, against the same notice: by the online pre-review (网上预审) when the applicant corrected
      // online, by the window that took the correction in otherwise.
      return { ...state, status: e.via === 'online' ? 'submitted' : 'received' };
    case 'correction_expired':
      return close(state, '5', '补正期限届满未补正');
    case 'refuse':
      return close(state, '6', e.reason);
    case 'deferred_received': {
      const target = state.deferred.find((d) => d.materialId === e.materialId && d.receivedAt === null);
      if (!target) refuse(`没有待补交的容缺材料 ${e.materialId}`);
      return { ...state, deferred: state.deferred.map((d) => (d === target ? { ...d, receivedAt: action.at } : d)) };
    }
    case 'complete_step': {
      if (e.stepId !== state.currentStep) refuse(`当前环节是 ${state.currentStep}，不是 ${e.stepId}`);
      const next = state.steps[state.steps.indexOf(state.currentStep!) + 1]!;
      return { ...state, currentStep: next };
    }
    case 'send_back': {
      const target = state.steps.indexOf(e.toStepId);
      if (target < 0 || target >= state.steps.indexOf(state.currentStep!)) refuse('只能退回到之前的环节');
      return { ...state, currentStep: e.toStepId };
    }
    case 'start_special':
      return { ...state, status: 'suspended', suspendedSince: action.at };
    case 'end_special':
      return { ...state, status: 'in_review', suspendedSince: null, pauses: [...state.pauses, { from: state.suspendedSince!, to: action.at }] };
    case 'request_extension':
      if (!Number.isInteger(e.workdays) || e.workdays < 1 || state.extensionWorkdays + e.workdays > MAX_EXTENSION_WORKDAYS) {
        refuse(`延期合计不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（已延期 ${state.extensionWorkdays} 个工作日）`);
      }
      return { ...state, pendingExtension: { workdays: e.workdays, reason: e.reason, requestedBy: action.actorId } };
    case 'decide_extension': {
      const pending = state.pendingExtension!;
      if (pending.requestedBy === action.actorId) refuse('延期须由申请人以外的负责人批准');
      const added = e.approve ? pending.workdays : 0;
      return { ...state, pendingExtension: null, extensionWorkdays: state.extensionWorkdays + added };
    }
    case 'decide':
      if (!e.grant && (!e.reason?.trim() || !e.remedies?.trim())) refuse('不予许可须说明理由，并告知申请复议或提起诉讼的权利');
      return { ...state, status: 'decided', currentStep: null, decision: { grant: e.grant, reason: e.reason ?? null } };
    case 'withdraw':
      return close(state, '5', e.reason);
    case 'complete':
      return { ...state, status: 'completed', closeResult: state.decision?.grant ? '0' : '1', closeReason: state.decision?.reason ?? null };
    case 'deliver':
      return { ...state, status: 'delivered' };
  }
}

/** The state of a case from its whole history. */
export function reduceCase(channel: 'online' | 'window', steps: string[], actions: CaseAction[]): CaseState {
  return actions.reduce(applyAction, initialState(channel, steps));
}
