// The guide editor's form state and the guide document the API takes. The form holds a GuideContent as it is, but
// antd leaves `undefined` for emptied inputs and `null` for emptied numbers, and new list rows need stable ids:
// these pure functions turn the form's values back into a document the server's strict schema accepts.
import type { FieldCondition, FormDefinition, FormField, GuideContent, GuideStep, Material } from '@onewindow/domain';

export type EditorTab = 'basic' | 'implementation' | 'materials' | 'steps' | 'form' | 'preview' | 'versions' | 'quality';

const TAB_OF_FIELD: Record<string, EditorTab> = {
  legalLimit: 'implementation',
  promisedLimit: 'implementation',
  caseType: 'implementation',
  handlingForms: 'implementation',
  onlineDepth: 'implementation',
  onlineUrl: 'implementation',
  supportsAppointment: 'implementation',
  supportsOnlinePayment: 'implementation',
  supportsDelivery: 'implementation',
  visits: 'implementation',
  visitsReason: 'implementation',
  charged: 'implementation',
  feeBasis: 'implementation',
  feeItems: 'implementation',
  serviceScope: 'implementation',
  location: 'implementation',
  hours: 'implementation',
  consultPhone: 'implementation',
  supervisePhone: 'implementation',
  domainCode: 'implementation',
  inHall: 'implementation',
  transferredToDepartmentId: 'implementation',
  delegatedToRegions: 'implementation',
  materials: 'materials',
  steps: 'steps',
  specialProcedures: 'steps',
  form: 'form',
};

/** The tab that edits the guide field a JSON Pointer names (`/materials/2/name` → materials); 基本信息 by default. */
export function tabOfPath(pointer: string): EditorTab {
  const top = pointer.split('/')[1] ?? '';
  return TAB_OF_FIELD[top] ?? 'basic';
}

/** Problems of a request body `{ content }` point at `/content/…`; the editor's form holds the content itself. */
export function withoutContentPrefix<P extends { path: string }>(problems: P[]): P[] {
  return problems.map((problem) => ({ ...problem, path: problem.path.replace(/^\/content(?=\/|$)/, '') || '/' }));
}

/** An id for a new material, step or review point: unique enough inside one guide, and matching the schema's pattern. */
export function newId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function emptyMaterial(): Material {
  return {
    id: newId('m'),
    name: '',
    issuer: '',
    source: '1',
    necessity: 'required',
    type: 'original',
    form: 'paper',
    originalCount: 1,
    copyCount: 0,
    blankForm: null,
    sample: null,
    fillingNotes: '',
    acceptanceStandard: '',
    basis: '',
    licenceTypeCode: null,
    reviewPoints: [],
  };
}

export function emptyStep(overrides: Partial<GuideStep> = {}): GuideStep {
  return { id: newId('s'), name: '', kind: 'other', role: 'clerk', departmentId: null, timeLimitDays: null, description: '', ...overrides };
}

export function emptyFormField(): FormField {
  return { key: '', label: '', type: 'text', required: false };
}

/** The five steps a licensing item must have (受理、审核、审批（决定）、办结、送达), names only: what happens is the admin's to write. */
function standardSteps(licensing: boolean): GuideStep[] {
  const accept = emptyStep({ id: 'accept', name: '受理', kind: 'accept', role: 'clerk' });
  const complete = emptyStep({ id: 'complete', name: '办结', kind: 'complete', role: 'clerk' });
  if (!licensing) return [accept, complete];
  return [
    accept,
    emptyStep({ id: 'review', name: '审核', kind: 'review', role: 'reviewer' }),
    emptyStep({ id: 'decide', name: '决定', kind: 'decide', role: 'reviewer' }),
    complete,
    emptyStep({ id: 'deliver', name: '送达', kind: 'deliver', role: 'clerk' }),
  ];
}

/** 行使层级 that fits an implementing region: province 省级, city 市级, county 县级, township 乡镇（街道）级. */
const LEVEL_BY_REGION_LENGTH: Record<number, GuideContent['exerciseLevel']> = { 2: '2', 4: '3', 6: '4', 9: '5' };

export interface NewItemInit {
  name: string;
  basicCode: string;
  itemType: GuideContent['itemType'];
  serviceObjects: GuideContent['serviceObjects'];
  domainCode: string;
  regionCode: string;
  department: { name: string; uscc: string };
  legalLimit: Pick<GuideContent['legalLimit'], 'amount' | 'unit'>;
  promisedLimit: Pick<GuideContent['promisedLimit'], 'amount' | 'unit'>;
}

/**
 * The first draft of a new item: what the 新建 dialog asked for, and nothing invented. Every text the applicant will
 * read starts empty (not from the sample guide), so the publication check lists each one still to be written instead
 * of letting a plausible sample slip through; structure that has a standard answer (the licensing steps, the level
 * that fits the region) is filled in.
 */
export function blankGuide(init: NewItemInit): GuideContent {
  return {
    name: init.name,
    basicCode: init.basicCode,
    itemType: init.itemType,
    exerciseLevel: LEVEL_BY_REGION_LENGTH[init.regionCode.length] ?? '7',
    legalBasis: '',
    serviceObjects: init.serviceObjects,
    themes: [],
    implementingBody: init.department.name,
    implementingBodyCode: init.department.uscc,
    implementingBodyNature: '',
    jointDepartments: '',
    handlingAgency: '',
    intermediaryServices: '',
    quantityLimit: '',
    legalLimit: { ...init.legalLimit, note: '' },
    promisedLimit: { ...init.promisedLimit, note: '' },
    caseType: init.promisedLimit.amount === 0 ? '1' : '2',
    handlingForms: ['1'],
    onlineDepth: 'I',
    onlineUrl: '',
    supportsAppointment: false,
    supportsOnlinePayment: false,
    supportsDelivery: false,
    visits: 1,
    visitsReason: '',
    charged: false,
    feeBasis: '',
    feeItems: [],
    acceptanceConditions: '',
    steps: standardSteps(init.itemType === '01'),
    specialProcedures: [],
    resultName: '',
    resultType: init.itemType === '01' ? 'licence' : 'other',
    resultSample: null,
    serviceScope: 'local',
    location: '',
    hours: '',
    consultPhone: '',
    supervisePhone: '',
    faqs: [],
    domainCode: init.domainCode,
    inHall: true,
    transferredToDepartmentId: null,
    delegatedToRegions: [],
    materials: [],
    form: { fields: [] },
  };
}

type Loose<T> = { [K in keyof T]?: T[K] | null };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const orNull = <T>(value: T | null | undefined | ''): T | null => (value === undefined || value === '' ? null : value);
const list = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value.filter((item) => item != null) : []);

/** The form's values as a complete guide: every key present, emptied inputs as '' / 0 / null as the schema wants. */
export function toGuideContent(values: Loose<GuideContent>, base: GuideContent): GuideContent {
  const merged = { ...base, ...stripUndefined(values) } as GuideContent;
  return {
    ...merged,
    name: text(merged.name).trim(),
    legalLimit: { amount: count(merged.legalLimit?.amount), unit: merged.legalLimit?.unit ?? 'G', note: text(merged.legalLimit?.note) },
    promisedLimit: {
      amount: count(merged.promisedLimit?.amount),
      unit: merged.promisedLimit?.unit ?? 'workday',
      note: text(merged.promisedLimit?.note),
    },
    visits: count(merged.visits),
    serviceObjects: list(merged.serviceObjects),
    themes: list(merged.themes),
    handlingForms: list(merged.handlingForms),
    feeItems: list(merged.feeItems).map((fee) => ({ name: text(fee.name), standard: text(fee.standard), basis: text(fee.basis) })),
    steps: list(merged.steps).map(toStep),
    specialProcedures: list(merged.specialProcedures).map((procedure) => ({
      type: procedure.type ?? '1',
      name: text(procedure.name),
      timeLimit: text(procedure.timeLimit),
      note: text(procedure.note),
    })),
    faqs: list(merged.faqs).map((faq) => ({ question: text(faq.question), answer: text(faq.answer) })),
    resultSample: orNull(merged.resultSample),
    transferredToDepartmentId: orNull(merged.transferredToDepartmentId),
    delegatedToRegions: list(merged.delegatedToRegions),
    materials: list(merged.materials).map(toMaterial),
    form: toFormDefinition(merged.form),
    ...textFields(merged),
  };
}

const TEXT_FIELDS = [
  'legalBasis', 'implementingBody', 'implementingBodyCode', 'implementingBodyNature', 'jointDepartments', 'handlingAgency',
  'intermediaryServices', 'quantityLimit', 'onlineUrl', 'visitsReason', 'feeBasis', 'acceptanceConditions', 'resultName',
  'location', 'hours', 'consultPhone', 'supervisePhone', 'domainCode',
] as const;

function textFields(guide: GuideContent): Pick<GuideContent, (typeof TEXT_FIELDS)[number]> {
  return Object.fromEntries(TEXT_FIELDS.map((key) => [key, text(guide[key])])) as Pick<GuideContent, (typeof TEXT_FIELDS)[number]>;
}

function toStep(step: Loose<GuideStep>): GuideStep {
  const timeLimit = step.timeLimitDays;
  return {
    id: text(step.id) || newId('s'),
    name: text(step.name),
    kind: step.kind ?? 'other',
    role: step.role ?? 'clerk',
    departmentId: orNull(step.departmentId),
    timeLimitDays: typeof timeLimit === 'number' && Number.isFinite(timeLimit) ? timeLimit : null,
    description: text(step.description),
  };
}

function toMaterial(material: Loose<Material>): Material {
  return {
    id: text(material.id) || newId('m'),
    name: text(material.name),
    issuer: text(material.issuer),
    source: material.source ?? '1',
    necessity: material.necessity ?? 'required',
    type: material.type ?? 'original',
    form: material.form ?? 'paper',
    originalCount: count(material.originalCount),
    copyCount: count(material.copyCount),
    blankForm: orNull(material.blankForm),
    sample: orNull(material.sample),
    fillingNotes: text(material.fillingNotes),
    acceptanceStandard: text(material.acceptanceStandard),
    basis: text(material.basis),
    licenceTypeCode: orNull(text(material.licenceTypeCode).trim()),
    reviewPoints: list(material.reviewPoints)
      .map((point) => ({ id: text(point.id) || newId('p'), text: text(point.text) }))
      .filter((point) => point.text.trim() !== ''),
  };
}

/** A form definition as the schema takes it: options only on selects, columns only on tables, no half-set conditions. */
export function toFormDefinition(definition: Loose<FormDefinition> | null | undefined): FormDefinition {
  return { fields: list(definition?.fields).map((field) => toFormField(field, true)) };
}

function toFormField(field: Loose<FormField>, allowColumns: boolean): FormField {
  const type = field.type ?? 'text';
  const result: FormField = { key: text(field.key).trim(), label: text(field.label), type };
  if (field.required) result.required = true;
  const help = text(field.help).trim();
  if (help) result.help = help;
  const visibleWhen = toCondition(field.visibleWhen);
  if (visibleWhen) result.visibleWhen = visibleWhen;
  const requiredWhen = toCondition(field.requiredWhen);
  if (requiredWhen) result.requiredWhen = requiredWhen;
  if (type === 'select') {
    result.options = list(field.options)
      .map((option) => ({ value: text(option.value).trim(), label: text(option.label).trim() }))
      .filter((option) => option.value !== '' || option.label !== '')
      .map((option) => ({ value: option.value || option.label, label: option.label || option.value }));
  }
  if (type === 'number') {
    if (isNumber(field.min)) result.min = field.min;
    if (isNumber(field.max)) result.max = field.max;
  }
  if (['text', 'textarea', 'address'].includes(type) && isNumber(field.maxLength)) result.maxLength = field.maxLength;
  if (type === 'table' && allowColumns) {
    result.columns = list(field.columns).map((column) => toFormField(column, false));
    if (isNumber(field.minRows)) result.minRows = field.minRows;
    if (isNumber(field.maxRows)) result.maxRows = field.maxRows;
  }
  return result;
}

function toCondition(condition: Loose<FieldCondition> | null | undefined): FieldCondition | undefined {
  const field = text(condition?.field);
  if (!field) return undefined;
  return { field, in: list(condition?.in) };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function stripUndefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
