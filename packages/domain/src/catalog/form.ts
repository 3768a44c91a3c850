// Declarative application forms (申请表) stored with each guide version, and the one validator that both the
// server and the web app run over what an applicant typed — so a form accepted in the browser is accepted by the API.
import { validateMobile, validateResidentId, validateUscc, regionLevel } from '../identifiers.ts';
import { maskIdNumber, maskPhone } from '../mask.ts';

export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'region' | 'idNumber' | 'uscc' | 'phone' | 'address' | 'table';
export const FIELD_TYPES: readonly FieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'region', 'idNumber', 'uscc', 'phone', 'address', 'table'];
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '单行文本', textarea: '多行文本', number: '数字', date: '日期', select: '下拉选择', region: '行政区划',
  idNumber: '身份证号码', uscc: '统一社会信用代码', phone: '手机号码', address: '地址', table: '表格（多行）',
};

/** Shows a field (or makes it required) when another field has one of the given values. */
export interface FieldCondition {
  field: string;
  in: (string | number | boolean)[];
}

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  requiredWhen?: FieldCondition;
  visibleWhen?: FieldCondition;
  help?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** Columns of a table field; a column is any field type but a table. */
  columns?: FormField[];
  minRows?: number;
  maxRows?: number;
}

export interface FormDefinition {
  fields: FormField[];
}

export interface FormIssue {
  path: string;
  message: string;
}

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 200, textarea: 2000, address: 300 };

/** Checks that a form definition is well-formed; each problem names the definition path. */
export function validateFormDefinition(def: FormDefinition): FormIssue[] {
  const issues: FormIssue[] = [];
  checkFields(def.fields, '/fields', issues, true);
  return issues;
}

function checkFields(fields: FormField[], base: string, issues: FormIssue[], allowTables: boolean): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${base}/${i}`;
    if (!KEY.test(f.key)) issues.push({ path: `${at}/key`, message: '字段标识应以字母开头，只含字母、数字、下划线，最长40位' });
    else if (seen.has(f.key)) issues.push({ path: `${at}/key`, message: `字段标识 ${f.key} 重复` });
    seen.add(f.key);
    if (!f.label?.trim()) issues.push({ path: `${at}/label`, message: '字段名称不能为空' });
    if (!FIELD_TYPES.includes(f.type)) issues.push({ path: `${at}/type`, message: `未知的字段类型 ${String(f.type)}` });
    if (f.type === 'select') {
      const values = (f.options ?? []).map((o) => o.value);
      if (values.length === 0) issues.push({ path: `${at}/options`, message: '下拉选择至少需要一个选项' });
      if (new Set(values).size !== values.length) issues.push({ path: `${at}/options`, message: '选项值不能重复' });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) issues.push({ path: `${at}/min`, message: '最小值不能大于最大值' });
    if (f.type === 'table') {
      if (!allowTables) issues.push({ path: `${at}/type`, message: '表格的列不能再是表格' });
      if (!f.columns || f.columns.length === 0) issues.push({ path: `${at}/columns`, message: '表格至少需要一列' });
      else checkFields(f.columns, `${at}/columns`, issues, false);
    }
    for (const rule of ['visibleWhen', 'requiredWhen'] as const) {
      const cond = f[rule];
      if (!cond) continue;
      // Conditions look back only, so a form can be filled top to bottom and never loops.
      const target = fields.slice(0, i).find((g) => g.key === cond.field);
      if (!target) issues.push({ path: `${at}/${rule}/field`, message: `条件引用的字段 ${cond.field} 不存在或不在本字段之前` });
      else if (target.type === 'table') issues.push({ path: `${at}/${rule}/field`, message: '条件不能引用表格字段' });
      if (!cond.in || cond.in.length === 0) issues.push({ path: `${at}/${rule}/in`, message: '条件至少需要一个取值' });
    }
  });
}

type FormValues = Record<string, unknown>;

function matches(cond: FieldCondition | undefined, values: FormValues): boolean {
  return cond === undefined || cond.in.includes(values[cond.field] as string | number | boolean);
}

export function isFieldVisible(field: FormField, values: FormValues): boolean {
  return matches(field.visibleWhen, values);
}

export function isFieldRequired(field: FormField, values: FormValues): boolean {
  if (!isFieldVisible(field, values)) return false;
  return Boolean(field.required) || (field.requiredWhen !== undefined && matches(field.requiredWhen, values));
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

const PERSONAL_FIELD_MASKS: Partial<Record<FieldType, (value: string) => string>> = { idNumber: maskIdNumber, phone: maskPhone };

/** The form data as staff see it in a case file: resident ID and mobile numbers masked, in tables too. */
export function maskFormData(def: FormDefinition, values: FormValues): FormValues {
  const maskFields = (fields: FormField[], row: FormValues): FormValues =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        const field = fields.find((f) => f.key === key);
        const mask = field && PERSONAL_FIELD_MASKS[field.type];
        if (mask && typeof value === 'string') return [key, mask(value)];
        if (field?.type === 'table' && Array.isArray(value)) {
          return [key, value.map((r) => (r !== null && typeof r === 'object' ? maskFields(field.columns ?? [], r as FormValues) : r))];
        }
        return [key, value];
      }),
    );
  return maskFields(def.fields, values);
}

/** Whether the form holds personal data staff see masked (a resident ID or mobile number field, in a table too). */
export function hasPersonalFields(def: FormDefinition): boolean {
  const personal = (fields: FormField[]): boolean => fields.some((f) => PERSONAL_FIELD_MASKS[f.type] !== undefined || personal(f.columns ?? []));
  return personal(def.fields);
}

/** Validates what an applicant entered; returns every problem at once, with the path of the field (and row). */
export function validateFormData(def: FormDefinition, values: FormValues, today: Date = new Date()): FormIssue[] {
  const issues: FormIssue[] = [];
  const known = new Set(def.fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ path: `/${key}`, message: '表单中没有此字段' });
  for (const field of def.fields) {
    const value = values[field.key];
    if (!isFieldVisible(field, values)) {
      if (!isBlank(value)) issues.push({ path: `/${field.key}`, message: `根据已填内容，“${field.label}”无需填写` });
      continue;
    }
    checkValue(field, value, `/${field.key}`, isFieldRequired(field, values), issues, today);
  }
  return issues;
}

function checkValue(field: FormField, value: unknown, path: string, required: boolean, issues: FormIssue[], today: Date): void {
  if (isBlank(value)) {
    if (required) issues.push({ path, message: `请填写“${field.label}”` });
    return;
  }
  const fail = (message: string): void => {
    issues.push({ path, message });
  };
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`“${field.label}”应为数字`);
      if (field.min !== undefined && value < field.min) return fail(`“${field.label}”不能小于 ${field.min}`);
      if (field.max !== undefined && value > field.max) return fail(`“${field.label}”不能大于 ${field.max}`);
      return;
    }
    case 'table': {
      if (!Array.isArray(value)) return fail(`“${field.label}”应为多行表格`);
      if (field.minRows !== undefined && value.length < field.minRows) fail(`“${field.label}”至少填写 ${field.minRows} 行`);
      if (field.maxRows !== undefined && value.length > field.maxRows) fail(`“${field.label}”最多 ${field.maxRows} 行`);
      value.forEach((row: unknown, r) => {
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
          issues.push({ path: `${path}/${r}`, message: '表格行格式不正确' });
          return;
        }
        const rowValues = row as FormValues;
        for (const col of field.columns ?? []) {
          checkValue(col, rowValues[col.key], `${path}/${r}/${col.key}`, isFieldRequired(col, rowValues), issues, today);
        }
      });
      return;
    }
    default:
      if (typeof value !== 'string') return fail(`“${field.label}”应为文本`);
      checkText(field, value.trim(), fail, today);
  }
}

function checkText(field: FormField, text: string, fail: (m: string) => void, today: Date): void {
  const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type] ?? 100;
  if (text.length > maxLength) return fail(`“${field.label}”不能超过 ${maxLength} 个字`);
  switch (field.type) {
    case 'date': {
      const d = new Date(`${text}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
        return fail(`“${field.label}”应为有效日期（如 2026-01-31）`);
      }
      return;
    }
    case 'select':
      if (!(field.options ?? []).some((o) => o.value === text)) fail(`“${field.label}”的选项无效`);
      return;
    case 'region':
      if (regionLevel(text) === null) fail(`“${field.label}”应为行政区划代码`);
      return;
    case 'idNumber': {
      const r = validateResidentId(text, today);
      if (!r.ok) fail(r.reason);
      return;
    }
    case 'uscc': {
      const r = validateUscc(text);
      if (!r.ok) fail(r.reason);
      return;
    }
    case 'phone': {
      const r = validateMobile(text);
      if (!r.ok) fail(r.reason);
      return;
    }
    default:
      return;
  }
}
