// A changed value of a guide, as a person reads it: code labels instead of codes, 是/否 instead of true/false, a
// material by its name. Pure, so the version history's table is tested without a browser.
import type { CodeSetName } from '../../catalog/messages.ts';

export interface DiffLabels {
  code: (set: CodeSetName, value: string) => string;
  role: (role: string) => string;
  yes: string;
  no: string;
  empty: string;
  limit: (amount: number, unit: string) => string;
}

const TOP_LEVEL_CODES: Record<string, CodeSetName> = {
  itemType: 'itemType',
  exerciseLevel: 'exerciseLevel',
  serviceObjects: 'serviceObject',
  themes: 'theme',
  caseType: 'caseType',
  handlingForms: 'handlingForm',
  onlineDepth: 'onlineDepth',
  resultType: 'resultType',
  serviceScope: 'serviceScope',
};
const MATERIAL_CODES: Record<string, CodeSetName> = {
  source: 'materialSource',
  necessity: 'necessity',
  type: 'materialType',
  form: 'materialForm',
};
const STEP_CODES: Record<string, CodeSetName> = { kind: 'stepKind' };

/** The code set of the field a diff path ends in (`/materials/id/necessity` → necessity), if it holds codes. */
export function codeSetOf(path: string): CodeSetName | 'role' | null {
  const segments = path.split('/').slice(1);
  const key = segments[segments.length - 1] ?? '';
  if (segments.length === 1) return TOP_LEVEL_CODES[key] ?? null;
  if (segments[0] === 'materials' && segments.length === 3) return MATERIAL_CODES[key] ?? null;
  if (segments[0] === 'steps' && segments.length === 3) return key === 'role' ? 'role' : (STEP_CODES[key] ?? null);
  return null;
}

export function formatDiffValue(path: string, value: unknown, labels: DiffLabels): string {
  if (value === undefined || value === null || value === '') return labels.empty;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  const set = codeSetOf(path);
  if (set && (typeof value === 'string' || Array.isArray(value))) {
    const codes = Array.isArray(value) ? value.map(String) : [value];
    if (codes.length === 0) return labels.empty;
    return codes.map((code) => (set === 'role' ? labels.role(code) : labels.code(set, code))).join('、');
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return labels.empty;
    return value.map((item) => summarize(item, labels)).join('；');
  }
  return summarize(value, labels);
}

/** One object of a guide in a line: a time limit as "15 工作日", a material or step by its name, a FAQ by its question. */
function summarize(value: unknown, labels: DiffLabels): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  if (typeof record.amount === 'number' && typeof record.unit === 'string') {
    const note = typeof record.note === 'string' && record.note ? `（${record.note}）` : '';
    return `${labels.limit(record.amount, record.unit)}${note}`;
  }
  for (const key of ['name', 'text', 'question', 'label']) {
    if (typeof record[key] === 'string' && record[key]) return record[key] as string;
  }
  return JSON.stringify(value);
}
