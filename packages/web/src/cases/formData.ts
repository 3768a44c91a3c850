// Form data as a reader sees it: each value in words, by the form definition the case was applied under.
import { isFieldVisible, type FormField } from '@onewindow/domain';

export interface ValueWords {
  /** Region code → its name, when known. */
  regionName: (code: string) => string | undefined;
  /** YYYY-MM-DD → the date as the language writes it. */
  formatDate: (iso: string) => string;
}

/** A value in words; null when nothing was entered. Tables are shown row by row elsewhere. */
export function formatFieldValue(field: FormField, value: unknown, words: ValueWords): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.map(String).join('、');
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'select':
      return field.options?.find((option) => option.value === raw)?.label ?? raw;
    case 'region':
      return words.regionName(raw) ?? raw;
    case 'date':
      return words.formatDate(raw);
    case 'number':
      return isYuanField(field) && typeof value === 'number' ? formatYuan(value) : raw;
    default:
      return raw;
  }
}

/** A number field is an amount of money in 元 when its label gives 元 as the unit: 金额（元）, not 注册资本（万元）. */
export function isYuanField(field: FormField): boolean {
  return field.type === 'number' && /[（(]元[）)]/.test(field.label);
}

/**
 * An amount of money in 元 with the 角 and 分 written out: 356.5 → 356.50. More decimals than two are kept as
 * entered rather than rounded, so the record never says less than the applicant sent.
 */
export function formatYuan(amount: number): string {
  const text = String(amount);
  if (!Number.isFinite(amount) || /e/i.test(text)) return text;
  const [whole, fraction = ''] = text.split('.');
  return fraction.length >= 2 ? text : `${whole}.${fraction.padEnd(2, '0')}`;
}

/** The fields shown for these values: those a condition hides were not asked for. */
export function visibleFields(fields: FormField[], values: Record<string, unknown>): FormField[] {
  return fields.filter((field) => isFieldVisible(field, values));
}

/** The rows of a table field, each a record (anything else the applicant could not have sent is dropped). */
export function tableRows(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row));
}
