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
    default:
      return raw;
  }
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
