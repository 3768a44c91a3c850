// The rules a guide must pass before it is published: the checks that real catalogue checkers enforce (FACTS.md)
// plus completeness, so a window clerk can accept any item from the guide alone. Each failure names the field.
import type { GuideContent } from './guide.ts';
import { validateFormDefinition } from './form.ts';

export interface QualityIssue {
  path: string;
  rule: string;
  message: string;
}

const LICENSING_STEPS = [
  ['accept', '受理'],
  ['review', '审核'],
  ['decide', '审批（决定）'],
  ['complete', '办结'],
  ['deliver', '送达'],
] as const;

const ONLINE_FORMS = ['2', '3'];

/** Comparable length of a time limit in working days (a natural day counts as 5/7 of one; hours as 1/8). */
function approximateWorkdays(amount: number, unit: string): number {
  if (unit === 'hour') return amount / 8;
  if (unit === 'day' || unit === 'Z') return (amount * 5) / 7;
  return amount;
}

export interface QualityContext {
  knownDomains?: string[];
  /** Ids of the departments there are: a guide may hand its cases, or a step, only to one of them. */
  knownDepartments?: string[];
  /** The implementation's region: delegation (赋权) goes to townships inside it, and the exercise level must fit it. */
  regionCode?: string;
}

/** 行使层级 expected for a region code's length: province 2, city 3, county 4, township 5 (7 分级管理 fits any). */
const LEVEL_BY_REGION_LENGTH: Record<number, string> = { 2: '2', 4: '3', 6: '4', 9: '5' };

export function checkGuideQuality(g: GuideContent, context: QualityContext = {}): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const add = (path: string, rule: string, message: string) => issues.push({ path, rule, message });

  const immediate = g.promisedLimit.amount === 0;
  if (immediate !== (g.caseType === '1')) {
    add('/caseType', 'IMMEDIATE_MATCHES_CASE_TYPE', immediate ? '承诺时限为即办，办件类型应为“即办件”' : '办件类型为“即办件”时，承诺时限应为即办（0）');
  }
  if (g.visits > 0 && !g.visitsReason.trim()) add('/visitsReason', 'VISITS_NEED_REASON', '到现场次数大于0，须说明到现场的原因');
  const online = g.handlingForms.some((f) => ONLINE_FORMS.includes(f));
  if (g.visits === 0 && !online && !g.supportsDelivery) {
    add('/supportsDelivery', 'ZERO_VISITS_NEEDS_DELIVERY', '不见面办理但不支持网上办理的事项，须提供物流快递');
  }
  if (g.onlineDepth === 'IV' && g.visits !== 0) add('/visits', 'DEPTH_IV_ZERO_VISITS', '网上办理深度为Ⅳ级（全程网办），到现场次数应为0');
  if ((g.onlineDepth === 'III' || g.onlineDepth === 'IV') && !online) {
    add('/handlingForms', 'DEPTH_NEEDS_ONLINE_FORM', '网上办理深度为Ⅲ级及以上，办理形式须包含网上办理');
  }
  if (online && !g.onlineUrl.trim()) add('/onlineUrl', 'ONLINE_NEEDS_URL', '支持网上办理的事项须填写网办地址');
  if (g.charged && !g.feeBasis.trim()) add('/feeBasis', 'FEE_NEEDS_BASIS', '收费事项须填写收费依据');
  if (g.charged && g.feeItems.length === 0) add('/feeItems', 'FEE_NEEDS_ITEMS', '收费事项须列明收费项目及标准');
  if (!g.charged && g.supportsOnlinePayment) add('/supportsOnlinePayment', 'NO_FEE_NO_PAYMENT', '不收费事项不应支持网上支付');
  if (!g.charged && g.feeItems.length > 0) add('/feeItems', 'NO_FEE_NO_ITEMS', '不收费事项不应列收费项目');

  if (g.itemType === '01') {
    const missing = LICENSING_STEPS.filter(([kind]) => !g.steps.some((s) => s.kind === kind)).map(([, label]) => label);
    if (missing.length > 0) add('/steps', 'LICENSING_STEPS', `行政许可事项的办理流程至少包括受理、审核、审批（决定）、办结、送达，缺少：${missing.join('、')}`);
  }
  if (g.steps.length === 0) add('/steps', 'STEPS_REQUIRED', '须填写办理流程');
  const stepIds = g.steps.map((s) => s.id);
  if (new Set(stepIds).size !== stepIds.length) add('/steps', 'UNIQUE_IDS', '办理环节标识不能重复');
  const departments = context.knownDepartments;
  if (departments) {
    if (g.transferredToDepartmentId && !departments.includes(g.transferredToDepartmentId)) {
      add('/transferredToDepartmentId', 'UNKNOWN_DEPARTMENT', '划转的承接部门不存在，请重新选择');
    }
    g.steps.forEach((s, i) => {
      if (s.departmentId && !departments.includes(s.departmentId)) add(`/steps/${i}/departmentId`, 'UNKNOWN_DEPARTMENT', `“${s.name}”环节的办理部门不存在，请重新选择`);
    });
  }

  if (g.legalLimit.amount > 0 && approximateWorkdays(g.promisedLimit.amount, g.promisedLimit.unit) > approximateWorkdays(g.legalLimit.amount, g.legalLimit.unit)) {
    add('/promisedLimit/amount', 'PROMISED_WITHIN_LEGAL', '承诺办结时限不能长于法定办结时限');
  }
  if (!g.legalBasis.trim()) add('/legalBasis', 'REQUIRED', '须填写设定依据');
  if (!g.acceptanceConditions.trim()) add('/acceptanceConditions', 'REQUIRED', '须填写受理条件');
  if (!g.resultName.trim()) add('/resultName', 'REQUIRED', '须填写结果名称');
  if (!g.location.trim() && g.handlingForms.includes('1')) add('/location', 'REQUIRED', '窗口办理事项须填写办理地点');
  if (!g.hours.trim() && g.handlingForms.includes('1')) add('/hours', 'REQUIRED', '窗口办理事项须填写办理时间');
  if (!g.consultPhone.trim()) add('/consultPhone', 'REQUIRED', '须填写咨询电话');
  if (!g.supervisePhone.trim()) add('/supervisePhone', 'REQUIRED', '须填写监督电话');
  if (!g.domainCode.trim()) add('/domainCode', 'REQUIRED', '须选择业务领域（用于窗口分派）');
  else if (context.knownDomains && !context.knownDomains.includes(g.domainCode)) add('/domainCode', 'UNKNOWN_DOMAIN', `未知的业务领域 ${g.domainCode}`);

  const materialIds = g.materials.map((m) => m.id);
  if (new Set(materialIds).size !== materialIds.length) add('/materials', 'UNIQUE_IDS', '材料标识不能重复');
  g.materials.forEach((m, i) => {
    const at = `/materials/${i}`;
    if (!m.name.trim()) add(`${at}/name`, 'REQUIRED', `第 ${i + 1} 项材料缺少名称`);
    if ((m.necessity === 'required' || m.necessity === 'deferrable') && m.reviewPoints.length === 0) {
      add(`${at}/reviewPoints`, 'MATERIAL_NEEDS_REVIEW_POINT', `材料“${m.name}”是必要材料，至少需要一条审查要点`);
    }
    // An exempt material (信息免交) is fetched by the agency itself: nothing is handed in, so no counts apply.
    const handedIn = m.necessity !== 'exempt';
    if (handedIn && (m.type === 'original' || m.type === 'both') && m.originalCount === 0) add(`${at}/originalCount`, 'COPIES_MATCH_TYPE', `材料“${m.name}”要求原件，原件份数应至少为1`);
    if (handedIn && (m.type === 'copy' || m.type === 'both') && m.copyCount === 0) add(`${at}/copyCount`, 'COPIES_MATCH_TYPE', `材料“${m.name}”要求复印件，复印件份数应至少为1`);
    if (m.source === '2' && !m.issuer.trim()) add(`${at}/issuer`, 'ISSUER_REQUIRED', `材料“${m.name}”由政府部门核发，须填写出具机构`);
    if (!m.acceptanceStandard.trim()) add(`${at}/acceptanceStandard`, 'REQUIRED', `材料“${m.name}”须填写受理标准`);
    const pointIds = m.reviewPoints.map((p) => p.id);
    if (new Set(pointIds).size !== pointIds.length) add(`${at}/reviewPoints`, 'UNIQUE_IDS', '审查要点标识不能重复');
  });
  if (g.materials.some((m) => m.necessity === 'deferrable') && !g.acceptanceConditions.includes('容缺')) {
    // 容缺受理 is lawful only where the guide tells applicants the commitment it needs.
    add('/acceptanceConditions', 'DEFERRABLE_NEEDS_TERMS', '含容缺后补材料的事项，受理条件中须写明容缺受理的承诺与补交时限');
  }
  if (context.regionCode) {
    const region = context.regionCode;
    const expected = LEVEL_BY_REGION_LENGTH[region.length];
    if (expected && g.exerciseLevel !== expected && g.exerciseLevel !== '7' && g.exerciseLevel !== '1') {
      add('/exerciseLevel', 'LEVEL_MATCHES_REGION', `实施区划为${region}，行使层级应为${['', '国家级', '省级', '市级', '县级', '乡镇（街道）级'][Number(expected)]}`);
    }
    g.delegatedToRegions.forEach((code, i) => {
      if (!code.startsWith(region) || code === region) add(`/delegatedToRegions/${i}`, 'DELEGATION_INSIDE_REGION', `赋权的乡镇（街道）${code} 不在实施区划 ${region} 内`);
    });
  }
  for (const f of validateFormDefinition(g.form)) add(`/form${f.path}`, 'FORM_DEFINITION', f.message);
  return issues;
}
