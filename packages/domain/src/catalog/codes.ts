// Code sets for items and service guides, with their official codes (GB/T 39046-2020 appendix A) where one exists.
// Labels are what people read; codes are what is stored and exchanged.

export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

function codeSet<const T extends readonly CodeEntry[]>(entries: T) {
  const codes = entries.map((e) => e.code) as T[number]['code'][];
  return {
    entries,
    codes,
    label: (code: string): string => entries.find((e) => e.code === code)?.label ?? code,
    has: (code: string): code is T[number]['code'] => codes.includes(code as T[number]['code']),
  };
}

/** 事项类型 */
export const ITEM_TYPES = codeSet([
  { code: '01', label: '行政许可' },
  { code: '02', label: '行政处罚' },
  { code: '03', label: '行政强制' },
  { code: '04', label: '行政征收' },
  { code: '05', label: '行政给付' },
  { code: '06', label: '行政检查' },
  { code: '07', label: '行政确认' },
  { code: '08', label: '行政奖励' },
  { code: '09', label: '行政裁决' },
  { code: '10', label: '其他行政权力' },
  { code: '20', label: '公共服务' },
] as const);

/** 行使层级 */
export const EXERCISE_LEVELS = codeSet([
  { code: '1', label: '国家级' },
  { code: '2', label: '省级' },
  { code: '3', label: '市级' },
  { code: '4', label: '县级' },
  { code: '5', label: '乡镇（街道）级' },
  { code: '6', label: '村（社区）级' },
  { code: '7', label: '分级管理' },
] as const);

/** 服务对象 */
export const SERVICE_OBJECTS = codeSet([
  { code: '1', label: '自然人' },
  { code: '2', label: '企业法人' },
  { code: '3', label: '事业法人' },
  { code: '4', label: '社会组织法人' },
  { code: '5', label: '行政机关' },
  { code: '6', label: '其他组织' },
] as const);

/** 办理形式 */
export const HANDLING_FORMS = codeSet([
  { code: '1', label: '窗口办理' },
  { code: '2', label: '网上办理（电脑端）' },
  { code: '3', label: '网上办理（移动端）' },
  { code: '4', label: '快递申请' },
  { code: '9', label: '其他' },
] as const);

/** 办件类型 */
export const CASE_TYPES = codeSet([
  { code: '1', label: '即办件' },
  { code: '2', label: '承诺件' },
] as const);

/** 特别程序种类 */
export const SPECIAL_PROCEDURE_TYPES = codeSet([
  { code: '1', label: '延长审批' },
  { code: '2', label: '其他（听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审等）' },
] as const);

/** 法定办结时限单位: G 工作日 / Z 自然日 */
export const LEGAL_LIMIT_UNITS = codeSet([
  { code: 'G', label: '工作日' },
  { code: 'Z', label: '自然日' },
] as const);

/** 承诺办结时限单位 */
export const PROMISED_LIMIT_UNITS = codeSet([
  { code: 'workday', label: '工作日' },
  { code: 'day', label: '自然日' },
  { code: 'hour', label: '小时' },
] as const);

/** 网上办理深度: IV = 全程网办, no visit needed */
export const ONLINE_DEPTHS = codeSet([
  { code: 'I', label: 'Ⅰ级（网上咨询、下载表格）' },
  { code: 'II', label: 'Ⅱ级（网上预审）' },
  { code: 'III', label: 'Ⅲ级（网上受理、审核，现场取件）' },
  { code: 'IV', label: 'Ⅳ级（全程网办）' },
] as const);

/** 材料来源渠道 */
export const MATERIAL_SOURCES = codeSet([
  { code: '1', label: '申请人自备' },
  { code: '2', label: '政府部门核发' },
  { code: '9', label: '其他' },
] as const);

/** 材料必要性 */
export const MATERIAL_NECESSITY = codeSet([
  { code: 'required', label: '必要' },
  { code: 'optional', label: '非必要' },
  { code: 'deferrable', label: '容缺后补' },
  { code: 'exempt', label: '信息免交' },
] as const);

/** 材料类型 */
export const MATERIAL_TYPES = codeSet([
  { code: 'original', label: '原件' },
  { code: 'copy', label: '复印件' },
  { code: 'both', label: '原件和复印件' },
  { code: 'either', label: '原件或复印件' },
] as const);

/** 材料形式 */
export const MATERIAL_FORMS = codeSet([
  { code: 'paper', label: '纸质' },
  { code: 'electronic', label: '电子' },
  { code: 'either', label: '纸质或电子' },
] as const);

/** 结果类型 */
export const RESULT_TYPES = codeSet([
  { code: 'licence', label: '证照' },
  { code: 'approval', label: '批文' },
  { code: 'other', label: '其他' },
] as const);

/** 通办范围: how far from its own region an implementation may be applied for */
export const SERVICE_SCOPES = codeSet([
  { code: 'local', label: '本级办理' },
  { code: 'subtree', label: '辖区通办' },
  { code: 'province', label: '全省通办' },
  { code: 'nation', label: '跨省通办' },
] as const);

/** 办理流程环节类型: what a step does in the case engine */
export const STEP_KINDS = codeSet([
  { code: 'accept', label: '受理' },
  { code: 'review', label: '审核' },
  { code: 'decide', label: '审批（决定）' },
  { code: 'complete', label: '办结' },
  { code: 'deliver', label: '送达' },
  { code: 'other', label: '其他' },
] as const);

/** 主题 for persons and for companies, as the portal browses them */
export const PERSON_THEMES = codeSet([
  { code: 'birth_adoption', label: '生育收养' },
  { code: 'household', label: '户籍办理' },
  { code: 'education', label: '教育科研' },
  { code: 'employment', label: '就业创业' },
  { code: 'social_security', label: '社会保障' },
  { code: 'medical', label: '医疗卫生' },
  { code: 'housing', label: '住房保障' },
  { code: 'real_estate', label: '不动产' },
  { code: 'marriage', label: '婚姻登记' },
  { code: 'retirement', label: '退休养老' },
  { code: 'transport', label: '交通出行' },
  { code: 'civil_affairs', label: '民政事务' },
] as const);

export const COMPANY_THEMES = codeSet([
  { code: 'establishment', label: '设立变更' },
  { code: 'operation_permits', label: '准营准办' },
  { code: 'tax', label: '税费办理' },
  { code: 'construction', label: '工程建设' },
  { code: 'employment_company', label: '用工社保' },
  { code: 'qualification', label: '资质认证' },
  { code: 'cancellation', label: '注销退出' },
] as const);

export const THEME_CODES: readonly string[] = [...PERSON_THEMES.codes, ...COMPANY_THEMES.codes];
export function themeLabel(code: string): string {
  return PERSON_THEMES.has(code) ? PERSON_THEMES.label(code) : COMPANY_THEMES.label(code);
}
