// The audit log's action codes and target types in words (审计日志). The codes are the ones the server writes: a
// route's policy action (every write, and every refused or failed attempt at one), the audit actions some routes
// name instead (logins, drafts), `case.<action>` for each action on a case, and the background jobs'. A code not
// listed here (an older row, a new route) is shown as it is. Chinese is the source; English gives every key.
import type { Locale } from '../../i18n/messages.ts';

const zhActions = {
  // Policy actions (policy.ts): what a route does, recorded when it names nothing more specific.
  public: '公开接口',
  'session.self': '本人账号操作',
  'org.public.read': '查看组织机构',
  'region.manage': '管理行政区划',
  'department.manage': '管理部门',
  'service_domain.manage': '管理业务领域',
  'hall.manage': '管理大厅与窗口',
  'staff.read': '查看工作人员',
  'staff.manage': '管理工作人员',
  'applicant.search': '查询申请人',
  'applicant.personal_data.read': '查看申请人信息',
  'sms_outbox.read': '查看短信发件箱',
  'calendar.manage': '维护工作日历',
  'catalog.read': '查看事项',
  'catalog.edit': '编辑事项',
  'catalog.publish': '发布或退回事项',
  'audit.read': '查看审计日志',
  'case.create': '新建办件',
  'case.read': '查看办件',
  'case.own': '本人办件',
  'case.edit_own': '修改本人申请',
  'case.worklist': '查看待办',
  'case.act': '办理办件',
  'case.apply': '提交申请',
  'case.intake': '窗口收件',
  'case.step': '办理环节',
  'case.approve_extension': '审批延期',
  'message.self': '阅读站内消息',
  'file.upload': '上传文件',
  // The route also records signing out of a window under this code.
  'window.sign_in': '登录窗口',
  'window.sign_out': '退出窗口',

  // Audit actions named by the routes themselves.
  'auth.staff_login': '工作人员登录',
  'auth.applicant_login': '申请人登录',
  'auth.sms_code': '发送短信验证码',
  'auth.applicant_register': '申请人注册',
  'auth.logout': '退出登录',
  'auth.totp_setup': '生成动态口令密钥',
  'auth.totp_enable': '绑定动态口令',
  'personal_data.read': '查看完整个人信息',
  'intake_draft.save': '保存收件草稿',
  'intake_draft.discard': '放弃收件草稿',
  'case.draft_save': '保存网上申请草稿',
  'case.draft_discard': '放弃网上申请草稿',
  'case.delivery_set': '选择送达方式',

  // The actions on a case (办件), one code each.
  'case.submit': '提交申请',
  'case.accept': '受理',
  'case.request_correction': '补正告知',
  'case.resubmit': '收取补正材料',
  'case.refuse': '不予受理',
  'case.deferred_received': '收取容缺材料',
  'case.complete_step': '审查通过',
  'case.send_back': '退回',
  'case.start_special': '启动特别程序',
  'case.end_special': '结束特别程序',
  'case.request_extension': '申请延期',
  'case.decide_extension': '审批延期申请',
  'case.decide': '作出决定',
  'case.withdraw': '撤回申请',
  'case.complete': '办结',
  'case.deliver': '送达',

  // Background jobs.
  'case.deadline_watch': '办理时限预警',
  'upload.sweep': '清理过期上传',
};

export type AuditActionCode = keyof typeof zhActions;

const enActions: Record<AuditActionCode, string> = {
  public: 'Public endpoint',
  'session.self': 'Own account',
  'org.public.read': 'View organisation',
  'region.manage': 'Manage regions',
  'department.manage': 'Manage departments',
  'service_domain.manage': 'Manage service domains',
  'hall.manage': 'Manage halls & windows',
  'staff.read': 'View staff',
  'staff.manage': 'Manage staff',
  'applicant.search': 'Search applicants',
  'applicant.personal_data.read': 'View applicant details',
  'sms_outbox.read': 'View SMS outbox',
  'calendar.manage': 'Maintain working calendar',
  'catalog.read': 'View catalogue',
  'catalog.edit': 'Edit catalogue',
  'catalog.publish': 'Publish or return catalogue item',
  'audit.read': 'View audit log',
  'case.create': 'Create case',
  'case.read': 'View case',
  'case.own': 'Own case',
  'case.edit_own': 'Edit own application',
  'case.worklist': 'View worklist',
  'case.act': 'Act on case',
  'case.apply': 'Submit application',
  'case.intake': 'Window intake',
  'case.step': 'Case step',
  'case.approve_extension': 'Approve extension',
  'message.self': 'Read message',
  'file.upload': 'Upload file',
  'window.sign_in': 'Window sign-in',
  'window.sign_out': 'Window sign-out',

  'auth.staff_login': 'Staff sign-in',
  'auth.applicant_login': 'Applicant sign-in',
  'auth.sms_code': 'Send SMS code',
  'auth.applicant_register': 'Applicant registration',
  'auth.logout': 'Sign out',
  'auth.totp_setup': 'Generate authenticator key',
  'auth.totp_enable': 'Enable authenticator',
  'personal_data.read': 'View full personal data',
  'intake_draft.save': 'Save intake draft',
  'intake_draft.discard': 'Discard intake draft',
  'case.draft_save': 'Save application draft',
  'case.draft_discard': 'Discard application draft',
  'case.delivery_set': 'Choose delivery method',

  'case.submit': 'Submit application',
  'case.accept': 'Accept',
  'case.request_correction': 'Request correction',
  'case.resubmit': 'Receive corrected materials',
  'case.refuse': 'Refuse to accept',
  'case.deferred_received': 'Receive outstanding material',
  'case.complete_step': 'Approve step',
  'case.send_back': 'Send back',
  'case.start_special': 'Start special procedure',
  'case.end_special': 'End special procedure',
  'case.request_extension': 'Request extension',
  'case.decide_extension': 'Decide extension',
  'case.decide': 'Decide',
  'case.withdraw': 'Withdraw application',
  'case.complete': 'Complete',
  'case.deliver': 'Deliver',

  'case.deadline_watch': 'Deadline warnings',
  'upload.sweep': 'Expired uploads swept',
};

const zhTargets = {
  case: '办件',
  staff: '工作人员',
  applicant: '申请人',
  window: '窗口',
  hall: '大厅',
  region: '行政区划',
  department: '部门',
  service_domain: '业务领域',
  calendar_year: '工作日历',
  catalog_implementation: '事项',
  guide_version: '办事指南版本',
  catalog_import: '事项导入',
  file: '文件',
  upload: '上传',
  message: '站内消息',
  phone: '手机号码',
  intake_draft: '收件草稿',
};

export type AuditTargetType = keyof typeof zhTargets;

const enTargets: Record<AuditTargetType, string> = {
  case: 'Case',
  staff: 'Staff member',
  applicant: 'Applicant',
  window: 'Window',
  hall: 'Hall',
  region: 'Region',
  department: 'Department',
  service_domain: 'Service domain',
  calendar_year: 'Calendar year',
  catalog_implementation: 'Catalogue item',
  guide_version: 'Guide version',
  catalog_import: 'Catalogue import',
  file: 'File',
  upload: 'Upload',
  message: 'Message',
  phone: 'Mobile number',
  intake_draft: 'Intake draft',
};

const ACTIONS: Record<Locale, Record<AuditActionCode, string>> = { zh: zhActions, en: enActions };
const TARGETS: Record<Locale, Record<AuditTargetType, string>> = { zh: zhTargets, en: enTargets };

/** Longer ids (UUIDs, file hashes) are shown by their first characters; codes, years and masked numbers in full. */
const SHORT_ID_LENGTH = 8;
const LONGEST_SHOWN_IN_FULL = 12;

/** The action in words, or null for a code this page does not know. */
export function auditActionLabel(code: string, locale: Locale): string | null {
  return Object.hasOwn(ACTIONS[locale], code) ? ACTIONS[locale][code as AuditActionCode] : null;
}

export interface AuditTarget {
  /** The target type in words, or the type code if unknown. */
  typeLabel: string;
  /** The full id ('' when the record has none). */
  id: string;
  /** The id as shown in the table. */
  shortId: string;
}

/** What the server sends as `type:id` (the id may be empty), in words. */
export function auditTarget(target: string, locale: Locale): AuditTarget {
  const colon = target.indexOf(':');
  const type = colon < 0 ? target : target.slice(0, colon);
  const id = colon < 0 ? '' : target.slice(colon + 1);
  const typeLabel = Object.hasOwn(TARGETS[locale], type) ? TARGETS[locale][type as AuditTargetType] : type;
  const shortId = id.length > LONGEST_SHOWN_IN_FULL ? id.slice(0, SHORT_ID_LENGTH) : id;
  return { typeLabel, id, shortId };
}
