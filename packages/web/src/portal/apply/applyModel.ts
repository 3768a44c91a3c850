// The online application as plain data: which items may be applied for here, each material slot and what it sends,
// what still stands in the way of submitting (the server's own rule, missingForSubmission), and where each of the
// server's field problems belongs (the form step or a material slot).
import {
  deferralIssues, deferredMaterials, missingForSubmission, validateMobile, validateResidentId, type GuideContent, type Material, type ReceivedAs,
} from '@onewindow/domain';
import type { FieldProblem } from '../../shared/api.ts';

/** 网上办理深度 Ⅲ (accepted and reviewed online) and Ⅳ (全程网办) are applied for on this portal. */
export function canApplyOnline(guide: Pick<GuideContent, 'onlineDepth'>): boolean {
  return guide.onlineDepth === 'III' || guide.onlineDepth === 'IV';
}

/** The item's 服务对象 include this kind of applicant (the server refuses otherwise, as /applicant/kind). */
export function servesApplicant(guide: Pick<GuideContent, 'serviceObjects'>, kind: 'person' | 'company'): boolean {
  return kind === 'person' ? guide.serviceObjects.includes('1') : guide.serviceObjects.some((object) => object !== '1');
}

export interface SlotFile {
  sha256: string;
  mime: string;
  /** The name it had on the applicant's device; files of a draft reloaded from the server have none. */
  name?: string;
  size?: number;
}

export interface SlotState {
  files: SlotFile[];
  /** 容缺后补 chosen (only where the guide allows it). */
  deferred: boolean;
}

export type Slots = Record<string, SlotState>;

/** What the draft API takes for one material. */
export interface MaterialInput {
  materialId: string;
  receivedAs: Extract<ReceivedAs, 'electronic' | 'exempt' | 'deferred' | 'missing'>;
  count: number;
  files: string[];
  checks: Record<string, boolean>;
}

/** A material as the case file gives it back (CaseDetail.materials), enough to refill a slot. */
export interface SavedMaterial {
  materialId: string;
  receivedAs: string;
  files: { sha256: string; mime: string }[];
}

export const emptySlot = (): SlotState => ({ files: [], deferred: false });

/** Slots for every material of the guide, refilled from a saved draft where there is one. */
export function slotsFrom(guide: Pick<GuideContent, 'materials'>, saved: SavedMaterial[] = []): Slots {
  const slots: Slots = {};
  for (const material of guide.materials) {
    const got = saved.find((entry) => entry.materialId === material.id);
    slots[material.id] = {
      files: (got?.files ?? []).map((file) => ({ sha256: file.sha256, mime: file.mime })),
      deferred: got?.receivedAs === 'deferred' && material.necessity === 'deferrable',
    };
  }
  return slots;
}

/** 信息免交: the department gets it from shared data; the applicant sends nothing. */
export function isExempt(material: Pick<Material, 'necessity'>): boolean {
  return material.necessity === 'exempt';
}

export function materialInput(material: Material, slot: SlotState | undefined): MaterialInput {
  const base = { materialId: material.id, checks: {} };
  if (isExempt(material)) return { ...base, receivedAs: 'exempt', count: 0, files: [] };
  const files = (slot?.files ?? []).map((file) => file.sha256);
  if (files.length > 0) return { ...base, receivedAs: 'electronic', count: 1, files };
  if (slot?.deferred && material.necessity === 'deferrable') return { ...base, receivedAs: 'deferred', count: 0, files: [] };
  return { ...base, receivedAs: 'missing', count: 0, files: [] };
}

/** Every material of the guide as the draft sends it; `only` limits it to some (a correction re-sends what was asked). */
export function materialInputs(guide: Pick<GuideContent, 'materials'>, slots: Slots, only?: readonly string[]): MaterialInput[] {
  return guide.materials.filter((material) => !only || only.includes(material.id)).map((material) => materialInput(material, slots[material.id]));
}

/** The materials the applicant chose to bring later (容缺), as the server will take them: with no file and where allowed. */
export function deferredChosen(guide: Pick<GuideContent, 'materials'>, slots: Slots): Material[] {
  return deferredMaterials(guide, materialInputs(guide, slots));
}

/**
 * The promised date of each 容缺 material as the submission sends it, and what is wrong with them (no date, not
 * after today): the server's own rule (deferralIssues), so the page says it before the server would.
 */
export function promisedDeferral(deferred: Material[], dates: Record<string, string>, today: string) {
  const promised = deferred.flatMap((m) => (dates[m.id] ? [{ materialId: m.id, dueDate: dates[m.id]! }] : []));
  return { promised, issues: deferralIssues(deferred, promised, today) };
}

/**
 * The 必要 materials still missing, which the server refuses a submission without; 容缺后补 ones may be outstanding
 * (the pre-review decides on 容缺受理 or a correction).
 */
export function outstandingMaterials(guide: Pick<GuideContent, 'materials'>, slots: Slots): Material[] {
  return missingForSubmission(guide, materialInputs(guide, slots));
}

/** 经办人: the person a company account applies through, and the company's authorisation (授权委托书) as a slot. */
export interface Handler {
  name: string;
  idNumber: string;
  phone: string;
  authorisation: SlotState;
}

export const emptyHandler = (): Handler => ({ name: '', idNumber: '', phone: '', authorisation: emptySlot() });

/** The handler as the draft keeps it (`agent`), the letter's file shown again. */
export function handlerFrom(saved: { name: string; idNumber: string; phone: string; authorisation: string | null } | null, mime = 'application/pdf'): Handler {
  if (!saved) return emptyHandler();
  return { name: saved.name, idNumber: saved.idNumber, phone: saved.phone, authorisation: { files: saved.authorisation ? [{ sha256: saved.authorisation, mime }] : [], deferred: false } };
}

export type HandlerField = 'name' | 'idNumber' | 'phone' | 'authorisation';

/** What the handler still lacks, by field: the server's own checks (resident ID, mobile number) and the letter. */
export function handlerIssues(handler: Handler): { field: HandlerField; message: string }[] {
  const issues: { field: HandlerField; message: string }[] = [];
  if (!handler.name.trim()) issues.push({ field: 'name', message: '请填写经办人姓名' });
  const id = validateResidentId(handler.idNumber.trim().toUpperCase());
  if (!handler.idNumber.trim()) issues.push({ field: 'idNumber', message: '请填写经办人身份证号码' });
  else if (!id.ok) issues.push({ field: 'idNumber', message: id.reason });
  const mobile = validateMobile(handler.phone.trim());
  if (!handler.phone.trim()) issues.push({ field: 'phone', message: '请填写经办人手机号码' });
  else if (!mobile.ok) issues.push({ field: 'phone', message: mobile.reason });
  if (handler.authorisation.files.length === 0) issues.push({ field: 'authorisation', message: '请上传单位出具的授权委托书' });
  return issues;
}

/**
 * The handler as the draft sends it: only once name, ID and phone are right (the server refuses a draft with a wrong
 * one, and a half-typed number must not stop the rest from being saved); the letter may still come.
 */
export function handlerInput(handler: Handler): { name: string; idNumber: string; phone: string; authorisation: string | null } | undefined {
  if (handlerIssues(handler).some((issue) => issue.field !== 'authorisation')) return undefined;
  return { name: handler.name.trim(), idNumber: handler.idNumber.trim().toUpperCase(), phone: handler.phone.trim(), authorisation: handler.authorisation.files[0]?.sha256 ?? null };
}

/** Where the server's field problems belong. */
export interface PlacedProblems {
  /** Paths relative to the form data (`/name`, `/rows/0/x`), for ApplicationForm. */
  form: FieldProblem[];
  /** Material id → messages. */
  materials: Record<string, string[]>;
  /** Anything else, shown above the step. */
  other: string[];
}

/**
 * Sorts `errors[]` of a problem: `/formData/…` goes to the form, `/materials/<id>` or `/materials/<index>/…` (the
 * index of `sent`) to its slot, everything else stays general.
 */
export function placeProblems(errors: FieldProblem[], sent: readonly { materialId: string }[] = []): PlacedProblems {
  const placed: PlacedProblems = { form: [], materials: {}, other: [] };
  for (const problem of errors) {
    if (problem.path.startsWith('/formData/')) {
      placed.form.push({ path: problem.path.slice('/formData'.length), message: problem.message });
      continue;
    }
    const material = /^\/materials\/([^/]+)/.exec(problem.path)?.[1];
    const id = material === undefined ? undefined : /^\d+$/.test(material) ? (sent[Number(material)]?.materialId ?? undefined) : material;
    if (id) {
      placed.materials[id] = [...(placed.materials[id] ?? []), problem.message];
      continue;
    }
    placed.other.push(problem.message);
  }
  return placed;
}

export type ApplyStep = 'form' | 'materials' | 'confirm';

/** The step to show for a refused submission: the first one with something to fix. */
export function stepToFix(placed: PlacedProblems): ApplyStep | null {
  if (placed.form.length > 0) return 'form';
  if (Object.keys(placed.materials).length > 0) return 'materials';
  return null;
}

/** Bytes in words for a file list: 812 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
