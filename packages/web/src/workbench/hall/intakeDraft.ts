// The intake a window clerk is filling in (收件), as plain data: kept on the server as a draft until the decision,
// turned into the POST /api/cases body, and checked with the same domain rules the server applies.
import {
  materialProblems, validateResidentId, validateUscc, type GuideContent, type Material, type MaterialProblem, type ReceivedAs, type ReceivedMaterial,
} from '@onewindow/domain';

/** What the checklist shows of a guide material (a case file carries this much of it too). */
export type ChecklistMaterial = Pick<Material, 'id' | 'name' | 'necessity' | 'acceptanceStandard' | 'reviewPoints' | 'form' | 'originalCount' | 'copyCount'>;

export interface ScanFile {
  sha256: string;
  mime: string;
  name: string;
}

export interface MaterialEntry {
  receivedAs: ReceivedAs;
  count: number;
  /** review point id → passed (true), failed (false); unticked points are absent */
  checks: Record<string, boolean>;
  files: ScanFile[];
  /** 容缺: the date the applicant commits to bring it */
  dueDate?: string;
}

export interface PartyEntry {
  kind: 'person' | 'company';
  idNumber: string;
  name: string;
  phone: string;
  legalRepresentative: string;
}

export interface AgentEntry {
  name: string;
  idNumber: string;
  phone: string;
  authorisation: ScanFile | null;
}

export interface IntakeDraft {
  itemCode: string | null;
  itemName: string;
  applicant: PartyEntry;
  agent: AgentEntry | null;
  materials: Record<string, MaterialEntry>;
  formData: Record<string, unknown>;
  commitment: string;
}

export const EMPTY_DRAFT: IntakeDraft = {
  itemCode: null,
  itemName: '',
  applicant: { kind: 'person', idNumber: '', name: '', phone: '', legalRepresentative: '' },
  agent: null,
  materials: {},
  formData: {},
  commitment: '',
};

/** How a material is usually received: as the guide asks for it (原件 when originals are asked, else 复印件 or 电子件). */
export function defaultEntry(material: ChecklistMaterial): MaterialEntry {
  const receivedAs: ReceivedAs = material.necessity === 'exempt' ? 'exempt' : material.form === 'electronic' ? 'electronic' : material.originalCount > 0 ? 'original' : 'copy';
  return { receivedAs, count: Math.max(1, material.originalCount || material.copyCount), checks: {}, files: [] };
}

/** A fresh checklist for a chosen item: every material not yet received, nothing ticked. */
export function startItem(draft: IntakeDraft, itemCode: string, itemName: string, guide: { materials: ChecklistMaterial[]; serviceObjects?: string[] }): IntakeDraft {
  const materials: Record<string, MaterialEntry> = {};
  for (const m of guide.materials) materials[m.id] = { ...defaultEntry(m), receivedAs: m.necessity === 'exempt' ? 'exempt' : 'missing', count: 0 };
  // An item only for organisations (服务对象 without 1 自然人) starts with a company applicant.
  const kind = guide.serviceObjects && !guide.serviceObjects.includes('1') ? 'company' : draft.applicant.kind;
  return { ...draft, itemCode, itemName, materials, formData: {}, commitment: '', applicant: { ...draft.applicant, kind } };
}

/**
 * Received as the guide asks, with every review point ticked as passed: the quick path for a complete application.
 * A 非必要 material (an authorisation when nobody acts for the applicant …) counts only if the clerk marked it as
 * handed in: the receipt must not list what the applicant never brought.
 */
export function receiveAll(draft: IntakeDraft, guide: { materials: ChecklistMaterial[] }): IntakeDraft {
  const materials = { ...draft.materials };
  for (const m of guide.materials) {
    const current = materials[m.id];
    const inHand = current !== undefined && current.receivedAs !== 'missing';
    if (!inHand && m.necessity === 'optional') continue;
    const entry = inHand ? current : { ...defaultEntry(m), files: current?.files ?? [] };
    materials[m.id] = { ...entry, checks: Object.fromEntries(m.reviewPoints.map((p) => [p.id, true])) };
  }
  return { ...draft, materials };
}

/**
 * The materials as the server will record them. A review point of a material in hand counts as met only when the
 * clerk ticked it: an unticked one is sent as not met, so it lands on the 补正 notice rather than passing unseen.
 */
export function receivedMaterials(draft: IntakeDraft, guide: { materials: Pick<Material, 'id' | 'reviewPoints'>[] }): ReceivedMaterial[] {
  return guide.materials.flatMap((m) => {
    const e = draft.materials[m.id];
    if (!e || e.receivedAs === 'missing') return [];
    const inHand = e.receivedAs !== 'exempt' && e.receivedAs !== 'deferred';
    const checks = inHand ? Object.fromEntries(m.reviewPoints.map((p) => [p.id, e.checks[p.id] === true])) : {};
    return [{ materialId: m.id, receivedAs: e.receivedAs, count: e.count, files: e.files.map((f) => f.sha256), checks }];
  });
}

/** What stands in the way of 受理 now (the content of a 补齐补正告知书), by the domain's own rule. */
export function intakeProblems(draft: IntakeDraft, guide: GuideContent): MaterialProblem[] {
  return materialProblems(guide, receivedMaterials(draft, guide));
}

/** The applicant's ID number checked as the server will (check digit), or null when it is fine. */
export function idNumberProblem(party: Pick<PartyEntry, 'kind' | 'idNumber'>): string | null {
  if (!party.idNumber.trim()) return null;
  const check = party.kind === 'person' ? validateResidentId(party.idNumber) : validateUscc(party.idNumber);
  return check.ok ? null : check.reason;
}

export type Decision =
  | { type: 'accept'; deferred?: { materialId: string; dueDate: string }[]; commitment?: string }
  | { type: 'request_correction' }
  | { type: 'refuse'; reason: string; remedies: string };

/** The POST /api/cases body for the decision taken on the spot. */
export function createBody(draft: IntakeDraft, guide: GuideContent, decision: Decision) {
  const a = draft.applicant;
  return {
    itemCode: draft.itemCode,
    channel: 'window' as const,
    applicant: {
      kind: a.kind, name: a.name.trim(), idNumber: a.idNumber.trim().toUpperCase(), phone: a.phone.trim(),
      ...(a.kind === 'company' ? { legalRepresentative: a.legalRepresentative.trim() } : {}),
    },
    ...(draft.agent ? { agent: { name: draft.agent.name.trim(), idNumber: draft.agent.idNumber.trim().toUpperCase(), phone: draft.agent.phone.trim(), authorisation: draft.agent.authorisation?.sha256 ?? null } } : {}),
    formData: draft.formData,
    materials: receivedMaterials(draft, guide),
    decision,
  };
}

/** The 容缺 part of an accept: each deferred material with its promised date, and the applicant's commitment. */
export function acceptDecision(draft: IntakeDraft): Decision {
  const deferred = Object.entries(draft.materials)
    .filter(([, e]) => e.receivedAs === 'deferred')
    .map(([materialId, e]) => ({ materialId, dueDate: e.dueDate ?? '' }));
  return deferred.length > 0 ? { type: 'accept', deferred, commitment: draft.commitment } : { type: 'accept' };
}
