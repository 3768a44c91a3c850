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

/** Actions the public tracking page shows; internal ones (延期申请 before approval, 退回) stay inside. */
export const PUBLIC_ACTIONS = new Set<string>([
  'create', 'submit', 'accept', 'request_correction', 'resubmit', 'correction_expired', 'refuse', 'deferred_received', 'complete_step',
  'start_special', 'end_special', 'decide_extension', 'decide', 'withdraw', 'complete', 'deliver',
]);
