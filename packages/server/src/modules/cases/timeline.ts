// How each action reads on a timeline, for staff and (redacted) for the public tracking page.
import type { CaseEventType } from '@onewindow/domain';

export const ACTION_LABELS: Record<CaseEventType | 'create', string> = {
  create: '收件',
  submit: '网上提交',
  accept: '受理',
  request_correction: '补齐补正告知',
  resubmit: '补正材料',
  correction_expired: '补正逾期退件',
  refuse: '不予受理',
  deferred_received: '容缺材料补交',
  complete_step: '审查',
  send_back: '退回',
  start_special: '特别程序开始',
  end_special: '特别程序结束',
  request_extension: '申请延期',
  decide_extension: '延期审批',
  decide: '决定',
  withdraw: '撤回',
  complete: '办结',
  deliver: '送达',
};

/** A case begun online: its first action is the applicant starting the application, not a window's 收件. */
const ONLINE_CREATE_LABEL = '开始网上申请';

/** How an action of a case on `channel` reads. */
export function actionLabel(type: string, channel: string): string {
  if (type === 'create' && (channel === 'online' || channel === 'mobile')) return ONLINE_CREATE_LABEL;
  return ACTION_LABELS[type as keyof typeof ACTION_LABELS] ?? type;
}

/** Actions the public tracking page shows; internal ones (延期申请 before approval, 退回) stay inside. */
export const PUBLIC_ACTIONS = new Set<string>([
  'create', 'submit', 'accept', 'request_correction', 'resubmit', 'correction_expired', 'refuse', 'deferred_received', 'complete_step',
  'start_special', 'end_special', 'decide_extension', 'decide', 'withdraw', 'complete', 'deliver',
]);

/** Back-office steps (审查、决定、特别程序、延期): done by the implementing department, not by a named person. */
const BACK_OFFICE_ACTIONS = new Set<string>(['complete_step', 'send_back', 'decide', 'start_special', 'end_special', 'request_extension', 'decide_extension']);

/** How the applicant sees the staff member who took a window step (受理、补正告知、办结、送达 …). */
export const WINDOW_STAFF = '窗口工作人员';

export interface TimelineEntry {
  type: string;
  actorKind: string;
  actorName: string;
  opinion: string | null;
  event: unknown;
}

/**
 * A timeline entry as the applicant sees it: what was done and when, the decision's reason and remedies and the
 * correction items (they are in the event), but no staff member's name — window steps are the window's, back-office
 * steps the department's — and no staff opinion, which is the reviewers' working record. Entries not shown to the
 * public (退回, a 延期 not yet approved) are left out before this by PUBLIC_ACTIONS.
 */
export function applicantTimelineEntry<E extends TimelineEntry>(entry: E, departmentName: string): E {
  if (entry.actorKind !== 'staff') return entry;
  const event = { ...(entry.event as Record<string, unknown>) };
  delete event.opinion;
  return { ...entry, actorName: BACK_OFFICE_ACTIONS.has(entry.type) ? departmentName : WINDOW_STAFF, opinion: null, event };
}
