// Text of the case views staff and applicants share (status, clock, timeline, materials, tracking), loaded with those
// pages. Chinese labels of code sets come from the domain (CASE_STATUS_LABELS, RECEIVED_AS_LABELS), the one source.
import { CASE_STATUS_LABELS, RECEIVED_AS_LABELS, type CaseEventType } from '@onewindow/domain';
import type { Dictionary } from '../i18n/I18nProvider.tsx';

function prefixed<const P extends string, const C extends string>(prefix: P, labels: Record<C, string>) {
  return Object.fromEntries(Object.entries(labels).map(([code, label]) => [`${prefix}.${code}`, label])) as Record<`${P}.${C}`, string>;
}

const zh = {
  ...prefixed('status', CASE_STATUS_LABELS),
  ...prefixed('receivedAs', RECEIVED_AS_LABELS),

  'clock.green': '正常',
  'clock.yellow': '即将超期',
  'clock.red': '已超期',
  'clock.paused': '暂停计时',
  'clock.daysLeft': '剩{days}个工作日',
  'clock.dueToday': '今日到期',
  'clock.overdueDays': '超期{days}个工作日',

  'field.number': '办件编号',
  'field.item': '办理事项',
  'field.applicant': '申请人',
  'field.status': '办理状态',
  'field.dueDate': '承诺办结日期',
  'field.appliedAt': '申请时间',
  'field.acceptedAt': '受理时间',
  'field.department': '办理部门',
  'field.currentStep': '当前环节',

  'documents.title': '文书',
  'documents.empty': '暂无文书',
  'documents.download': '查看 / 下载 PDF',
  'timeline.title': '办理过程',
  'timeline.step': '环节：{step}',
  'timeline.opinion': '意见：{text}',
  'timeline.reason': '理由：{text}',
  'timeline.remedies': '救济途径：{text}',
  'timeline.empty': '暂无办理记录',

  'correction.title': '请补齐补正以下材料',
  'correction.due': '补正期限：{date}前。逾期未补正的，视为撤回申请。',
  'correction.material': '材料',
  'correction.problem': '存在问题',
  'correction.fix': '补正要求',

  'form.title': '申请表',
  'form.empty': '未填写',

  'materials.title': '申请材料',
  'materials.name': '材料名称',
  'materials.receivedAs': '收取方式',
  'materials.count': '份数',
  'materials.trust': '可信等级',
  'materials.checks': '审查要点',
  'materials.files': '文件',
  'materials.noFiles': '无',
  'materials.pdf': '查看PDF',
  'materials.download': '下载',
  'materials.passed': '符合',
  'materials.failed': '不符合',
  'materials.unchecked': '未核验',
  'trust.A': 'A 共享调取',
  'trust.B': 'B 原件核验',
  'trust.C': 'C 复印件/电子件已核',
  'trust.D': 'D 未核验',

  'track.title': '办件查询',
  'track.intro': '输入办件编号和申请人证件号码（身份证号码或统一社会信用代码）的后六位，查询办理进度。受理通知书上的二维码也可直接查询。',
  'track.number': '办件编号',
  'track.numberPlaceholder': '受理通知书或短信中的办件编号',
  'track.numberRequired': '请输入办件编号',
  'track.idSuffix': '证件号码后六位',
  'track.idSuffixFormat': '请输入证件号码的后六位（数字或字母）',
  'track.submit': '查询',
  'track.again': '查询其他办件',
  'track.notFound': '没有找到该办件，请核对办件编号和证件号码后六位',
  'track.tokenNotFound': '查询码无效或已失效，请使用办件编号查询',

  'my.title': '我的办件',
  'my.empty': '您还没有办件',
  'my.open': '查看',
  'my.back': '我的办件',
  'my.notFound': '办件不存在，或不是您的办件',
} as const;

export type CaseTextKey = keyof typeof zh;

const en: Record<CaseTextKey, string> = {
  'status.draft': 'Draft',
  'status.submitted': 'Awaiting pre-review',
  'status.received': 'Received',
  'status.awaiting_correction': 'Awaiting correction',
  'status.in_review': 'In review',
  'status.suspended': 'Special procedure',
  'status.decided': 'Decided',
  'status.completed': 'Completed, awaiting delivery',
  'status.delivered': 'Delivered',
  'status.closed': 'Closed',
  'receivedAs.original': 'Original',
  'receivedAs.copy': 'Copy',
  'receivedAs.electronic': 'Electronic',
  'receivedAs.exempt': 'Not required (shared data)',
  'receivedAs.deferred': 'To follow',
  'receivedAs.missing': 'Not submitted',

  'clock.green': 'On time',
  'clock.yellow': 'Due soon',
  'clock.red': 'Overdue',
  'clock.paused': 'Clock paused',
  'clock.daysLeft': '{days} working days left',
  'clock.dueToday': 'Due today',
  'clock.overdueDays': '{days} working days overdue',

  'field.number': 'Case number',
  'field.item': 'Service',
  'field.applicant': 'Applicant',
  'field.status': 'Status',
  'field.dueDate': 'Due date',
  'field.appliedAt': 'Applied',
  'field.acceptedAt': 'Accepted',
  'field.department': 'Department',
  'field.currentStep': 'Current step',

  'documents.title': 'Documents',
  'documents.empty': 'No documents yet',
  'documents.download': 'View / download PDF',
  'timeline.title': 'History',
  'timeline.step': 'Step: {step}',
  'timeline.opinion': 'Opinion: {text}',
  'timeline.reason': 'Reason: {text}',
  'timeline.remedies': 'Remedies: {text}',
  'timeline.empty': 'Nothing recorded yet',

  'correction.title': 'Please complete or correct these materials',
  'correction.due': 'Due by {date}. Without a correction by then the application counts as withdrawn.',
  'correction.material': 'Material',
  'correction.problem': 'Problem',
  'correction.fix': 'What to do',

  'form.title': 'Application form',
  'form.empty': 'Not filled in',

  'materials.title': 'Materials',
  'materials.name': 'Material',
  'materials.receivedAs': 'Received as',
  'materials.count': 'Copies',
  'materials.trust': 'Trust level',
  'materials.checks': 'Review points',
  'materials.files': 'Files',
  'materials.noFiles': 'None',
  'materials.pdf': 'View PDF',
  'materials.download': 'Download',
  'materials.passed': 'Passed',
  'materials.failed': 'Failed',
  'materials.unchecked': 'Not checked',
  'trust.A': 'A shared data',
  'trust.B': 'B original seen',
  'trust.C': 'C copy/file checked',
  'trust.D': 'D unchecked',

  'track.title': 'Track an application',
  'track.intro': 'Enter the case number and the last 6 characters of the applicant’s ID number or USCC to see how the application stands. The QR code on the acceptance notice opens this page directly.',
  'track.number': 'Case number',
  'track.numberPlaceholder': 'From the acceptance notice or the SMS',
  'track.numberRequired': 'Enter the case number',
  'track.idSuffix': 'Last 6 of ID number',
  'track.idSuffixFormat': 'Enter the last 6 characters of the ID number (digits or letters)',
  'track.submit': 'Search',
  'track.again': 'Track another case',
  'track.notFound': 'No such case. Check the case number and the last 6 characters of the ID number.',
  'track.tokenNotFound': 'This tracking code is not valid. Search with the case number instead.',

  'my.title': 'My applications',
  'my.empty': 'You have no applications yet',
  'my.open': 'Open',
  'my.back': 'My applications',
  'my.notFound': 'The case does not exist or is not yours',
};

export const caseMessages: Dictionary<CaseTextKey> = { zh, en };

export function isCaseTextKey(key: string): key is CaseTextKey {
  return Object.hasOwn(zh, key);
}

/**
 * English names of timeline entries. In Chinese the server's own label is shown (its ACTION_LABELS), so the two
 * cannot drift; English falls back to that label for a type added later.
 */
/** The first entry of a case begun online (the server's 开始网上申请): the applicant started it, nobody received it. */
export const CREATE_ONLINE_EN = 'Application started online';

export const EVENT_LABELS_EN: Record<CaseEventType | 'create', string> = {
  create: 'Received',
  submit: 'Submitted online',
  accept: 'Accepted',
  request_correction: 'Correction requested',
  resubmit: 'Corrected materials received',
  correction_expired: 'Returned: correction overdue',
  refuse: 'Not accepted',
  deferred_received: 'Outstanding material received',
  complete_step: 'Reviewed',
  send_back: 'Sent back',
  start_special: 'Special procedure started',
  end_special: 'Special procedure ended',
  request_extension: 'Extension requested',
  decide_extension: 'Extension decided',
  decide: 'Decided',
  withdraw: 'Withdrawn',
  complete: 'Completed',
  deliver: 'Delivered',
};
