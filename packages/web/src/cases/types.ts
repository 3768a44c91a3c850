// Shapes of the case API's JSON answers (packages/server/src/modules/cases): worklists, the case file, public
// tracking and the applicant's own cases.
import type { CaseEventType, CaseState, CaseStatus, ClockColour, DeliveryPreference, FormDefinition, ReceivedAs, Role } from '@onewindow/domain';

/** One row of GET /api/cases (a worklist); ID numbers come masked. */
export interface WorklistRow {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  applicantIdNumber: string;
  channel: string;
  status: CaseStatus;
  /** The id of the review step now due (`review`), not its name. */
  currentStep: string | null;
  pendingRole: Role | null;
  appliedAt: string;
  acceptedAt: string | null;
  dueDate: string | null;
  clock: ClockColour | null;
  version: number;
}

export interface CaseMaterial {
  materialId: string;
  name: string;
  necessity: string;
  reviewPoints: { id: string; text: string }[];
  receivedAs: ReceivedAs;
  receivedAsLabel: string;
  count: number;
  files: { sha256: string; mime: string }[];
  /** review point id → passed */
  checks: Record<string, boolean>;
  /** 材料可信等级 A–D, null when nothing was received */
  trustLevel: 'A' | 'B' | 'C' | 'D' | null;
  note: string;
}

export interface TimelineEntry {
  seq: number;
  /** an event type, or `create` for 收件 */
  type: CaseEventType | 'create';
  /** the server's Chinese label (收件、受理、审查 …) */
  label: string;
  at: string;
  actorKind: 'staff' | 'applicant' | 'system';
  actorName: string;
  /** the name of the review step the action was taken in */
  step: string | null;
  opinion: string | null;
  /** the event as stored: reason, remedies, correction items, delivery method … */
  event: Record<string, unknown> & { type: string };
}

export interface CaseStep {
  id: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

/** GET /api/cases/:id — for staff in the case's scope and for the applicant who owns it. */
export interface CaseDetail {
  id: string;
  number: string;
  version: number;
  trackingToken: string;
  item: { code: string; name: string; guideVersionId: string; promisedLimit: { amount: number; unit: string; note: string }; caseType: string; resultName: string };
  regionCode: string;
  department: { id: string; name: string };
  channel: string;
  applicant: {
    kind: 'person' | 'company';
    name: string;
    idType: string;
    idNumber: string;
    phone: string;
    legalRepresentative: string | null;
    hasAccount: boolean;
  };
  agent: { name: string; idNumber: string; phone: string; authorisation: string | null } | null;
  formData: Record<string, unknown>;
  form: FormDefinition;
  materials: CaseMaterial[];
  status: CaseStatus;
  statusLabel: string;
  state: CaseState;
  steps: CaseStep[];
  currentStep: { id: string; name: string | null } | null;
  pendingRole: Role | null;
  /** Event types the case's state admits now, whoever may take them (for the applicant: those they may take). */
  allowedActions: CaseEventType[];
  /** How the applicant wants the result delivered, once chosen (结果送达方式). */
  delivery?: DeliveryPreference | null;
  appliedAt: string;
  acceptedAt: string | null;
  dueDate: string | null;
  dueAt: string | null;
  clock: ClockColour | null;
  remainingWorkdays: number | null;
  timeline: TimelineEntry[];
}

/** GET /api/cases/:id/applicant — audited. */
export interface ApplicantFull {
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  agent: { name: string; idNumber: string; phone: string } | null;
  /** The application form as entered (the case file masks its ID and mobile numbers for staff). */
  formData: Record<string, unknown>;
}

/** GET /api/track and /api/track/t/:token: no names, no opinions. */
export interface PublicCase {
  number: string;
  itemName: string;
  department: string;
  status: CaseStatus;
  statusLabel: string;
  appliedAt: string;
  acceptedAt: string | null;
  dueDate: string | null;
  timeline: { label: string; at: string; step: string | null }[];
}

/** One row of GET /api/my/cases. */
export interface MyCaseRow {
  id: string;
  number: string;
  /** The item's code: a draft continues at /portal/apply/:code. */
  itemCode: string;
  itemName: string;
  channel: string;
  status: CaseStatus;
  statusLabel: string;
  appliedAt: string;
  dueDate: string | null;
  version: number;
}

/** POST /api/cases/:id/actions */
export interface ActionResult {
  id: string;
  number: string;
  status: CaseStatus;
  version: number;
  dueDate: string | null;
  clock: ClockColour | null;
}

export function caseFileUrl(caseId: string, sha256: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(sha256)}`;
}

/** GET /api/cases/:id/documents — the 文书 the case's actions issued (receipt, correction notice, refusal, decision). */
export interface CaseDocument {
  seq: number;
  kind: 'receipt' | 'correction' | 'refusal' | 'decision';
  title: string;
  number: string;
  issuedAt: string;
  url: string;
}
