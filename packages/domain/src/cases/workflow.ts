// How a published guide drives a case: which of its 办理流程 steps the back office works through, who is to act next,
// and whether the materials received allow 受理 on the spot. Pure, shared by the server and the web app.
import type { GuideContent, GuideStep, Material } from '../catalog/guide.ts';
import type { Role } from '../roles.ts';
import { chineseDate } from '../dates.ts';
import type { CaseState, CorrectionItem, DeferredPromise } from './lifecycle.ts';

/** The back-office steps (审核、决定 …): 受理, 办结 and 送达 are the window's, driven by the case's own actions. */
export function reviewSteps(steps: GuideStep[]): GuideStep[] {
  const review = steps.filter((s) => s.kind === 'review' || s.kind === 'decide' || s.kind === 'other');
  if (review.length > 0) return review;
  // A guide without a back-office step (most 即办件): the accepting role decides, as one 决定 step.
  const accept = steps.find((s) => s.kind === 'accept');
  return [{ id: 'decide', name: '决定', kind: 'decide', role: accept?.role ?? 'clerk', departmentId: accept?.departmentId ?? null, timeLimitDays: null, description: '' }];
}

export interface NextActor {
  role: Role;
  /** null: the case's implementing department */
  departmentId: string | null;
  /** the guide step the actor works on, when it is a back-office step */
  stepId: string | null;
}

function windowStep(steps: GuideStep[], kind: GuideStep['kind']): NextActor {
  const step = steps.find((s) => s.kind === kind);
  return { role: step?.role ?? 'clerk', departmentId: step?.departmentId ?? null, stepId: null };
}

/** Who acts next on the case (a role in a department), or null while the applicant or nobody is to act. */
export function nextActor(state: CaseState, steps: GuideStep[]): NextActor | null {
  switch (state.status) {
    case 'submitted': // 网上预审
    case 'received':
      return windowStep(steps, 'accept');
    case 'in_review':
    case 'suspended': {
      const step = reviewSteps(steps).find((s) => s.id === state.currentStep);
      return step ? { role: step.role, departmentId: step.departmentId, stepId: step.id } : null;
    }
    case 'decided':
      return windowStep(steps, 'complete');
    case 'completed': // 统一窗口出件
      return windowStep(steps, 'deliver');
    default:
      return null;
  }
}

export type ReceivedAs = 'original' | 'copy' | 'electronic' | 'exempt' | 'deferred' | 'missing';

export const RECEIVED_AS_LABELS: Record<ReceivedAs, string> = {
  original: '原件', copy: '复印件', electronic: '电子件', exempt: '免提交', deferred: '容缺后补', missing: '未提交',
};

export interface ReceivedMaterial {
  materialId: string;
  receivedAs: ReceivedAs;
  count: number;
  /** SHA-256 of stored scans or uploads */
  files: string[];
  /** review point id → passed */
  checks: Record<string, boolean>;
  note?: string;
}

/**
 * 材料可信等级: A comes from a government source (免提交 via data sharing or an e-licence), B is an original seen at
 * the window, C a copy or an electronic file checked by staff, D an upload nobody has checked yet.
 */
export function trustLevel(material: ReceivedMaterial, checkedByStaff: boolean): 'A' | 'B' | 'C' | 'D' | null {
  switch (material.receivedAs) {
    case 'exempt': return 'A';
    case 'original': return checkedByStaff ? 'B' : 'D';
    case 'copy':
    case 'electronic': return checkedByStaff ? 'C' : 'D';
    default: return null;
  }
}

export interface MaterialProblem extends CorrectionItem {
  materialName: string;
}

/**
 * What stands in the way of 受理: each required material missing, or received with a review point not passed, with
 * the fix drawn from that review point — the content of a 补齐补正告知书. 容缺后补 materials may be left outstanding
 * when `allowDeferred`; materials the guide calls 信息免交 are never asked for.
 */
export function materialProblems(guide: Pick<GuideContent, 'materials'>, received: ReceivedMaterial[], allowDeferred = true): MaterialProblem[] {
  const byId = new Map(received.map((r) => [r.materialId, r]));
  const problems: MaterialProblem[] = [];
  for (const material of guide.materials) {
    const got = byId.get(material.id);
    const outstanding = !got || got.receivedAs === 'missing' || (got.receivedAs === 'deferred' && !(allowDeferred && material.necessity === 'deferrable'));
    if (outstanding) {
      if (material.necessity === 'required' || material.necessity === 'deferrable') problems.push(missing(material));
      continue;
    }
    for (const point of material.reviewPoints) {
      if (got.receivedAs !== 'exempt' && got.receivedAs !== 'deferred' && got.checks[point.id] === false) {
        problems.push({ materialId: material.id, materialName: material.name, problem: `不符合：${point.text}`, fix: `请按要求补正：${point.text}` });
      }
    }
  }
  return problems;
}

function missing(material: Material): MaterialProblem {
  const points = material.reviewPoints.map((p) => p.text).join('；');
  const standard = material.acceptanceStandard || points;
  return { materialId: material.id, materialName: material.name, problem: '未提交', fix: standard ? `请提交${material.name}（${standard}）` : `请提交${material.name}` };
}

/** Materials a case accepts with 容缺, outstanding until received. */
export function deferredMaterials(guide: Pick<GuideContent, 'materials'>, received: ReceivedMaterial[]): Material[] {
  const deferred = new Set(received.filter((r) => r.receivedAs === 'deferred').map((r) => r.materialId));
  return guide.materials.filter((m) => deferred.has(m.id) && m.necessity === 'deferrable');
}

/** Where a 容缺 material lacks a promised date, or has one that is not after today (both YYYY-MM-DD). */
export function deferralIssues(deferred: Pick<Material, 'id' | 'name'>[], promised: readonly DeferredPromise[], today: string): { materialId: string; message: string }[] {
  return deferred.flatMap((m) => {
    const given = promised.find((p) => p.materialId === m.id);
    if (!given) return [{ materialId: m.id, message: `请填写“${m.name}”的承诺补交日期` }];
    if (given.dueDate <= today) return [{ materialId: m.id, message: `“${m.name}”的承诺补交日期应晚于今天` }];
    return [];
  });
}

/** The written commitment (容缺承诺) an applicant agrees to online for the materials they will bring later. */
export function deferralCommitment(items: { name: string; dueDate: string }[]): string {
  const dates = items.map((i) => `“${i.name}”于${chineseDate(i.dueDate)}前`).join('；');
  return `本人承诺补交容缺材料：${dates}。逾期未补交的，本人自愿承担由此产生的后果，包括不予许可或者依法撤销已作出的决定。`;
}

/** The declaration of truth (承诺) an applicant confirms before submitting online; the submission records this text. */
export const SUBMIT_DECLARATION =
  '本人承诺：所填报的信息和提交的材料真实、准确、完整、有效，与原件一致；如有虚假，本人愿承担由此产生的一切法律责任。';

/** How an applicant may provide a material online: no paper original or copy can cross the internet. */
export const APPLICANT_RECEIVED_AS: readonly ReceivedAs[] = ['electronic', 'exempt', 'deferred', 'missing'];

export interface MaterialIssue {
  /** index of the material in the list given */
  index: number;
  /** the failing property of that material */
  field: 'materialId' | 'receivedAs' | 'checks';
  message: string;
}

/**
 * What an applicant may not claim about the materials they provide online: a paper original or copy, 免提交 for a
 * material that is neither 信息免交 nor replaced by an e-licence, or review points ticked (staff check those).
 * Material ids, duplicates and 容缺 allowed by the guide are checked with every intake, staff's included.
 */
export function applicantMaterialIssues(guide: Pick<GuideContent, 'materials'>, materials: Pick<ReceivedMaterial, 'materialId' | 'receivedAs' | 'checks'>[]): MaterialIssue[] {
  const issues: MaterialIssue[] = [];
  materials.forEach((m, index) => {
    const material = guide.materials.find((g) => g.id === m.materialId);
    if (!material) return;
    if (!APPLICANT_RECEIVED_AS.includes(m.receivedAs)) {
      issues.push({ index, field: 'receivedAs', message: `网上申请请上传“${material.name}”的电子件` });
    } else if (m.receivedAs === 'exempt' && material.necessity !== 'exempt' && !material.licenceTypeCode) {
      issues.push({ index, field: 'receivedAs', message: `“${material.name}”不属于免提交材料，请上传电子件` });
    }
    if (Object.keys(m.checks).length > 0) issues.push({ index, field: 'checks', message: '审查要点由工作人员核验，申请时无需填写' });
  });
  return issues;
}

/**
 * Required materials an online submission lacks: each 必要 material must be there (as an electronic file, or 免提交
 * where allowed). 容缺后补 materials may still be outstanding: the pre-review decides on 容缺受理 or a correction.
 */
export function missingForSubmission(guide: Pick<GuideContent, 'materials'>, received: Pick<ReceivedMaterial, 'materialId' | 'receivedAs'>[]): Material[] {
  const provided = new Set(received.filter((r) => r.receivedAs !== 'missing' && r.receivedAs !== 'deferred').map((r) => r.materialId));
  return guide.materials.filter((m) => m.necessity === 'required' && !provided.has(m.id));
}
