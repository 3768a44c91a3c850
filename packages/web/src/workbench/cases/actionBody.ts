// From an action dialog's form values to the body of POST /api/cases/:id/actions (CaseActionBody on the server).
import { materialProblems, type CorrectionItem, type Material, type ReceivedAs, type ReceivedMaterial } from '@onewindow/domain';
import type { CaseMaterial } from '../../cases/types.ts';
import type { StaffAction } from './actions.ts';

export interface MaterialValues {
  materialId: string;
  receivedAs: ReceivedAs;
  count: number;
  /** review point id → met (a ticked box) */
  checks?: Record<string, boolean | undefined>;
  /** Scans already on file, kept as they are. */
  files?: string[];
}

export interface ActionValues {
  opinion?: string;
  reason?: string;
  remedies?: string;
  commitment?: string;
  /** materialId → promised date (YYYY-MM-DD) of a 容缺 material */
  deferred?: Record<string, string | undefined>;
  items?: Partial<CorrectionItem>[];
  kind?: '1' | '2';
  result?: string;
  workdays?: number;
  approve?: boolean;
  grant?: boolean;
  toStepId?: string;
  method?: 'pickup' | 'mail' | 'electronic';
  reference?: string;
  collectorIdNumber?: string;
  signature?: string;
  materials?: MaterialValues[];
  material?: MaterialValues;
}

export type ActionBody = { type: StaffAction } & Record<string, unknown>;

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function received(values: MaterialValues) {
  const checks = Object.fromEntries(Object.entries(values.checks ?? {}).map(([point, met]) => [point, met === true]));
  return { materialId: values.materialId, receivedAs: values.receivedAs, count: values.count ?? 0, files: values.files ?? [], checks };
}

/** Leaves out what is empty, so the server's rules (required, or listed by the server) apply and not an empty string. */
export function actionBody(type: StaffAction, values: ActionValues): ActionBody {
  const opinion = trimmed(values.opinion);
  switch (type) {
    case 'accept': {
      const deferred = Object.entries(values.deferred ?? {})
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([materialId, dueDate]) => ({ materialId, dueDate }));
      return { type, ...(deferred.length > 0 ? { deferred, commitment: trimmed(values.commitment) } : {}), ...(opinion ? { opinion } : {}) };
    }
    case 'request_correction': {
      // Rows left blank are dropped; with none left the server lists the defects itself.
      const items = (values.items ?? [])
        .map((item) => ({ materialId: item.materialId ?? '', problem: trimmed(item.problem) ?? '', fix: trimmed(item.fix) ?? '' }))
        .filter((item) => item.materialId !== '' || item.problem !== '' || item.fix !== '');
      return { type, ...(items.length > 0 ? { items } : {}), ...(opinion ? { opinion } : {}) };
    }
    case 'refuse':
      return { type, reason: trimmed(values.reason) ?? '', remedies: trimmed(values.remedies) ?? '' };
    case 'resubmit':
      return { type, materials: (values.materials ?? []).map(received) };
    case 'deferred_received':
      return { type, material: values.material ? received(values.material) : undefined };
    case 'complete_step':
      return { type, opinion: opinion ?? '' };
    case 'send_back':
      return { type, toStepId: values.toStepId ?? '', opinion: opinion ?? '' };
    case 'start_special':
      return { type, kind: values.kind, reason: trimmed(values.reason) ?? '' };
    case 'end_special':
      return { type, result: trimmed(values.result) ?? '' };
    case 'request_extension':
      return { type, workdays: values.workdays, reason: trimmed(values.reason) ?? '' };
    case 'decide_extension':
      return { type, approve: values.approve === true, opinion: opinion ?? '' };
    case 'decide':
      if (values.grant !== false) return { type, grant: true, opinion: opinion ?? '' };
      return { type, grant: false, opinion: opinion ?? '', reason: trimmed(values.reason) ?? '', remedies: trimmed(values.remedies) ?? '' };
    case 'withdraw':
      return { type, reason: trimmed(values.reason) ?? '' };
    case 'complete':
      return { type };
    case 'deliver':
      if (values.method === 'mail') return { type, method: 'mail', reference: trimmed(values.reference) ?? '' };
      if (values.method === 'pickup') return { type, method: 'pickup', collectorIdNumber: trimmed(values.collectorIdNumber)?.toUpperCase() ?? '', signature: values.signature ?? '' };
      return { type, method: 'electronic' };
  }
}

/**
 * The 补正 items to start the notice from: what the shared rule (materialProblems, the one the server applies on
 * 受理) finds missing or failed in the materials as received. Staff edit them before sending.
 */
export function correctionDraft(materials: CaseMaterial[]): CorrectionItem[] {
  // The case file carries what the rule reads of each guide material; the acceptance standard falls back to its
  // review points, as the rule does when a guide has none.
  const guide = materials.map((m) => ({ id: m.materialId, name: m.name, necessity: m.necessity, reviewPoints: m.reviewPoints, acceptanceStandard: '' }) as unknown as Material);
  const got: ReceivedMaterial[] = materials.map((m) => ({ materialId: m.materialId, receivedAs: m.receivedAs, count: m.count, files: m.files.map((f) => f.sha256), checks: m.checks }));
  return materialProblems({ materials: guide }, got).map(({ materialId, problem, fix }) => ({ materialId, problem, fix }));
}

/** The materials as received now, as the starting values of a 收取补正材料 form. */
export function materialValues(materials: CaseMaterial[]): MaterialValues[] {
  return materials.map((m) => ({
    materialId: m.materialId,
    receivedAs: m.receivedAs,
    count: m.count,
    checks: Object.fromEntries(m.reviewPoints.map((point) => [point.id, m.checks[point.id] === true])),
    files: m.files.map((f) => f.sha256),
  }));
}
