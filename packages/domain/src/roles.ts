// Staff roles (岗位角色) and the applicant kinds. Codes are stable API values; labels are what people read.

export const ROLES = [
  { code: 'clerk', label: '窗口人员' },
  { code: 'reviewer', label: '审批人员' },
  { code: 'hall_manager', label: '大厅管理员' },
  { code: 'catalog_admin', label: '事项管理员' },
  { code: 'supervisor', label: '监察' },
  { code: 'system_admin', label: '系统管理员' },
] as const;

export type Role = (typeof ROLES)[number]['code'];

export const ROLE_CODES: readonly Role[] = ROLES.map((r) => r.code);

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.code === role)?.label ?? role;
}

/** Roles whose work belongs to one department (a reviewer decides for their bureau); others are scoped by region only. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['reviewer', 'catalog_admin'];

export const APPLICANT_TYPES = [
  { code: 'person', label: '自然人' },
  { code: 'company', label: '法人' },
] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number]['code'];

/** The managed list of service domains (业务领域) that domain windows serve; administrators may add more. */
export const DEFAULT_SERVICE_DOMAINS = [
  { code: 'medical_insurance', name: '医保' },
  { code: 'social_security', name: '社保' },
  { code: 'real_estate', name: '不动产' },
  { code: 'tax', name: '税务' },
  { code: 'market_regulation', name: '市场监管' },
  { code: 'public_security', name: '公安' },
  { code: 'health', name: '卫生健康' },
  { code: 'housing_fund', name: '住房公积金' },
  { code: 'planning_construction', name: '规划建设' },
  { code: 'civil_affairs', name: '民政' },
] as const;
