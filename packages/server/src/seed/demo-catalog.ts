// The demo service catalogue (演示事项目录): real items of a Hebei city hall (石家庄市) and county hall (正定县), some
// also at districts and, delegated (赋权), at townships. Each item is declared once with builder helpers; each
// placement turns it into one implementation (实施清单) whose guide passes the publication rules (checkGuideQuality).
// Departments are named as in seed/demo.ts DEPARTMENTS; the seeder resolves names to ids and fills the USCCs.
import type {
  COMPANY_THEMES, DEFAULT_SERVICE_DOMAINS, FieldCondition, FieldType, FormField, GuideContent, GuideStep, Material,
  PERSON_THEMES,
} from '@onewindow/domain';

export interface DemoImplementation {
  /** 实施编码: `${basicCode}-${regionCode}` — the implementing body's code is not known before seeding. */
  implementationCode: string;
  regionCode: string;
  /** One of the demo departments (seed/demo.ts DEPARTMENTS), by exact name. */
  departmentName: string;
  /** 划转: the approval bureau that now handles the item, by exact name. */
  transferredToDepartmentName: string | null;
  /** Applications per month, for search ranking. */
  popularity: number;
  content: GuideContent;
}

type Domain = (typeof DEFAULT_SERVICE_DOMAINS)[number]['code'];
type Theme = (typeof PERSON_THEMES.codes)[number] | (typeof COMPANY_THEMES.codes)[number];
type StepKind = GuideStep['kind'];
type FeeItem = GuideContent['feeItems'][number];

// ---------------------------------------------------------------------------------------------------------------
// Organisation: departments, places, halls, phones

const DEPT = {
  approval: '石家庄市行政审批局',
  medical: '石家庄市医疗保障局',
  hrss: '石家庄市人力资源和社会保障局',
  land: '石家庄市自然资源和规划局（不动产登记中心）',
  tax: '国家税务总局石家庄市税务局',
  market: '石家庄市市场监督管理局',
  health: '石家庄市卫生健康委员会',
  police: '石家庄市公安局',
  fund: '石家庄住房公积金管理中心',
  zdApproval: '正定县行政审批局',
  zdMedical: '正定县医疗保障局',
} as const;
type Dept = keyof typeof DEPT;

/** 实施主体性质: the housing fund centre is a public institution authorised by regulation, the rest are state organs. */
const DEPT_NATURE: Partial<Record<Dept, string>> = { fund: '法律法规授权组织' };

const PLACE_NAMES: Record<string, string> = {
  '1301': '石家庄市',
  '130102': '石家庄市长安区',
  '130104': '石家庄市桥西区',
  '130105': '石家庄市新华区',
  '130123': '正定县',
  '130102001': '建北街道',
  '130102002': '青园街道',
  '130104001': '东里街道',
  '130123100': '正定镇',
  '130123101': '诸福屯镇',
};

function placeName(code: string): string {
  const name = PLACE_NAMES[code];
  if (name === undefined) throw new Error(`demo catalogue: unknown region ${code}`);
  return name;
}

interface Venue {
  location: string;
  hours: string;
  phone: string;
}

const CITY_HOURS = '工作日 9:00–12:00，13:30–17:00（法定节假日除外）';
const COUNTY_HOURS = '工作日 8:30–12:00，14:00–17:30（法定节假日除外）';

/** The hall that serves a region: the city and county halls of the demo seed, a district hall, a township centre. */
function venueOf(code: string): Venue {
  if (code === '1301') return { location: '石家庄市政务服务中心（石家庄市长安区中山东路 39 号）', hours: CITY_HOURS, phone: '0311-12345' };
  const countyPhone = code.startsWith('130123') ? '0311-88012345' : '0311-12345';
  if (code === '130123') return { location: '正定县政务服务中心（正定县常山西路 1 号）', hours: COUNTY_HOURS, phone: countyPhone };
  const county = placeName(code.slice(0, 6));
  if (code.length === 6) return { location: `${county}政务服务中心`, hours: CITY_HOURS, phone: countyPhone };
  return { location: `${county}${placeName(code)}便民服务中心`, hours: COUNTY_HOURS, phone: countyPhone };
}

const HOTLINES: Partial<Record<Domain, string>> = {
  medical_insurance: '医保服务热线 12393',
  social_security: '人社服务热线 12333',
  tax: '纳税缴费服务热线 12366',
  market_regulation: '市场监管热线 12315',
  housing_fund: '住房公积金服务热线 12329',
};

const PORTAL = 'https://www.hbzwfw.gov.cn/';
const SITES = {
  medical: 'https://fuwu.nhsa.gov.cn/',
  socialSecurity: 'https://si.12333.gov.cn/',
  etax: 'https://etax.hebei.chinatax.gov.cn/',
  iit: 'https://etax.chinatax.gov.cn/',
};

// ---------------------------------------------------------------------------------------------------------------
// Materials and their review points (审查要点)

/** Review points that recur across items; each is one sentence a window clerk can check. */
const RP = {
  idValid: '身份证在有效期内',
  idMatches: '证件姓名、号码与申请表填写一致',
  signed: '申请表须由申请人本人签字（网上申请须完成电子签名）',
  sealed: '申请表须经法定代表人签字并加盖公章',
  complete: '申请表各栏目填写完整，无漏项、无涂改',
  proxy: '授权委托书载明委托事项和权限，并由委托人签字或盖章',
  proxyId: '受托人身份证在有效期内',
  ssCard: '社会保障卡为本人卡且金融账户已激活',
  titleDeed: '不动产权证书记载的权利人、坐落与申请一致，且未被查封',
};

interface MaterialSpec {
  name: string;
  issuer?: string;
  source?: Material['source'];
  need?: Material['necessity'];
  type?: Material['type'];
  form?: Material['form'];
  originals?: number;
  copies?: number;
  notes?: string;
  standard?: string;
  basis?: string;
  points?: string[];
}

const COUNTS: Record<Material['type'], [originals: number, copies: number]> = {
  original: [1, 0],
  copy: [0, 1],
  both: [1, 1],
  either: [1, 0],
};

/** One material; copies follow the type, the acceptance standard defaults to its review points. */
function material(id: string, s: MaterialSpec): Material {
  const exempt = s.need === 'exempt';
  const type = s.type ?? (exempt ? 'either' : 'original');
  const [originals, copies] = exempt ? [0, 0] : COUNTS[type];
  const points = s.points ?? [];
  return {
    id,
    name: s.name,
    issuer: s.issuer ?? '申请人',
    source: s.source ?? '1',
    necessity: s.need ?? 'required',
    type,
    form: s.form ?? (exempt ? 'electronic' : 'either'),
    originalCount: s.originals ?? originals,
    copyCount: s.copies ?? copies,
    blankForm: null,
    sample: null,
    fillingNotes: s.notes ?? '',
    acceptanceStandard: s.standard ?? (points.length > 0 ? `${points.join('；')}。` : '材料真实、完整、有效。'),
    basis: s.basis ?? '',
    licenceTypeCode: null,
    reviewPoints: points.map((text, i) => ({ id: `p${i + 1}`, text })),
  };
}

/** 信息免交: obtained from another agency through data sharing, so the applicant brings nothing. */
function shared(id: string, name: string, issuer: string, basis = ''): Material {
  return material(id, {
    name, issuer, source: '2', need: 'exempt', basis,
    notes: '通过政务数据共享或电子证照库调取，申请人无需提交',
    standard: '共享数据可正常调取且状态有效；无法调取的，由申请人提交原件核验',
  });
}

/** Materials that recur across items. */
const M = {
  idCard: (who = '申请人', id = 'id-card', extra: Partial<MaterialSpec> = {}): Material =>
    material(id, {
      name: `${who}居民身份证`, issuer: '公安机关', source: '2', form: 'either',
      notes: '交验原件，窗口扫描留存；可出示电子身份证（电子证照）代替实体证件',
      basis: '《中华人民共和国居民身份证法》第十四条', points: [RP.idValid, RP.idMatches], ...extra,
    }),
  householdBook: (need: Material['necessity'] = 'required'): Material =>
    material('household-book', {
      name: '居民户口簿', issuer: '公安机关', source: '2', need, type: 'original', form: 'paper',
      basis: '《中华人民共和国户口登记条例》', points: ['户口簿首页和本人页齐全，户主与成员关系清楚', '户口簿登记信息与身份证一致'],
    }),
  form: (name: string, points: string[], extra: Partial<MaterialSpec> = {}): Material =>
    material('application', { name, notes: '可在网上填写后打印或电子签名，也可到窗口领取空白表格填写', points, ...extra }),
  licence: (): Material => shared('business-licence', '营业执照', '市场监督管理部门', '《中华人民共和国市场主体登记管理条例》第二十二条'),
  ssCard: (need: Material['necessity'] = 'required'): Material =>
    material('ss-card', { name: '社会保障卡', issuer: '人力资源社会保障部门', source: '2', need, type: 'either', points: [RP.ssCard] }),
  proxy: (): Material =>
    material('proxy', {
      name: '授权委托书及受托人身份证', need: 'optional', type: 'original', form: 'paper',
      notes: '委托他人代为办理的提供', points: [RP.proxy, RP.proxyId],
    }),
};

/** The 容缺受理 terms a guide must state when any material is deferrable. */
const deferTerms = (days: number) =>
  `标注“容缺后补”的材料可容缺受理：申请人签署容缺受理承诺书，承诺在${days}个工作日内补交；逾期未补交的，按申请人撤回申请处理。`;

// ---------------------------------------------------------------------------------------------------------------
// Steps (办理流程)

type StepPlan = 'licensing' | 'confirm' | 'service';

const PLAN_KINDS: Record<StepPlan, StepKind[]> = {
  licensing: ['accept', 'review', 'decide', 'complete', 'deliver'],
  confirm: ['accept', 'review', 'decide', 'complete'],
  service: ['accept', 'review', 'complete'],
};

const STEP_DEFAULTS: Partial<Record<StepKind, [name: string, role: GuideStep['role'], description: string]>> = {
  accept: ['受理', 'clerk', '窗口核验申请材料：齐全且符合法定形式的当场受理并出具受理凭证；不齐全的一次性告知需补正的全部内容'],
  review: ['审核', 'reviewer', '审查申请材料的实质内容，需要核实的组织现场核查或调取共享数据比对'],
  decide: ['决定', 'reviewer', '作出准予或不予的决定；不予准予的，书面说明理由并告知申请行政复议或提起行政诉讼的权利'],
  complete: ['办结', 'clerk', '制作办理结果，办结并将办件信息归集至省一体化政务服务平台'],
  deliver: ['送达', 'clerk', '在统一出件窗口发放，或按申请人选择邮寄送达'],
};

/** Splits a promised limit (working days) over the steps: a day each to accept and deliver when there is room. */
function splitDays(total: number, kinds: StepKind[]): Record<string, number> {
  const days: Record<string, number> = Object.fromEntries(kinds.map((k) => [k, 0]));
  if (total === 0) return days;
  days.accept = total >= 3 ? 1 : 0;
  if (kinds.includes('deliver')) days.deliver = total >= 5 ? 1 : 0;
  const rest = total - (days.accept ?? 0) - (days.deliver ?? 0);
  const decide = kinds.includes('decide') && rest >= 2 ? Math.max(1, Math.floor(rest / 3)) : 0;
  if (kinds.includes('decide')) days.decide = decide;
  days.review = rest - decide;
  return days;
}

function buildSteps(plan: StepPlan, promisedDays: number, notes: Partial<Record<StepKind, string>>): GuideStep[] {
  const kinds = PLAN_KINDS[plan];
  const days = splitDays(promisedDays, kinds);
  return kinds.map((kind) => {
    const [name, role, description] = STEP_DEFAULTS[kind] ?? [kind, 'clerk', ''];
    return { id: kind, name, kind, role, departmentId: null, timeLimitDays: days[kind] ?? null, description: notes[kind] ?? description };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Application forms (申请表)

type FieldExtra = Partial<Omit<FormField, 'key' | 'label' | 'type'>>;
const fieldOf =
  (type: FieldType) =>
  (key: string, label: string, extra: FieldExtra = {}): FormField => ({ key, label, type, required: true, ...extra });

const text = fieldOf('text');
const textarea = fieldOf('textarea');
const number = fieldOf('number');
const date = fieldOf('date');
const region = fieldOf('region');
const idNumber = fieldOf('idNumber');
const uscc = fieldOf('uscc');
const phone = fieldOf('phone');
const address = fieldOf('address');

function select(key: string, label: string, options: Record<string, string>, extra: FieldExtra = {}): FormField {
  return { key, label, type: 'select', required: true, options: Object.entries(options).map(([value, l]) => ({ value, label: l })), ...extra };
}

function table(key: string, label: string, columns: FormField[], extra: FieldExtra = {}): FormField {
  return { key, label, type: 'table', required: true, columns, minRows: 1, maxRows: 50, ...extra };
}

const OPTIONAL: FieldExtra = { required: false };
const when = (field: string, ...values: string[]): FieldCondition => ({ field, in: values });
/** Shown, and then required, only when an earlier field has one of the values. */
const onlyIf = (field: string, ...values: string[]): FieldExtra => ({ visibleWhen: when(field, ...values) });

/** Name and ID number of a natural person; `key` prefixes the field keys. */
const personFields = (who = '申请人', key = 'applicant'): FormField[] => [text(`${key}Name`, `${who}姓名`), idNumber(`${key}Id`, `${who}身份证号码`)];
const companyFields = (who = '单位'): FormField[] => [
  text('companyName', `${who}名称`),
  uscc('uscc', '统一社会信用代码'),
  text('legalRep', '法定代表人（负责人）'),
];
const contactPhone = (label = '联系电话') => phone('phone', label);
const YES_NO = { no: '否', yes: '是' };
const DELIVERY = { window: '窗口领取', mail: '邮寄送达' };

// ---------------------------------------------------------------------------------------------------------------
// Items and their placements

type LegalLimit = [amount: number, unit: GuideContent['legalLimit']['unit'], note?: string];
type PromisedLimit = [amount: number, unit?: GuideContent['promisedLimit']['unit'], note?: string];
const NO_LEGAL_LIMIT: LegalLimit = [0, 'G', '法律法规未规定办结时限'];

interface ItemSpec {
  name: string;
  basicCode: string;
  itemType: GuideContent['itemType'];
  domain: Domain;
  legalBasis: string;
  objects: GuideContent['serviceObjects'];
  themes: Theme[];
  legal: LegalLimit;
  promised: PromisedLimit;
  depth: GuideContent['onlineDepth'];
  visits?: number;
  visitsReason?: string;
  forms?: GuideContent['handlingForms'];
  url?: string;
  appointment?: boolean;
  delivery?: boolean;
  fees?: FeeItem[];
  feeNote?: string;
  conditions: string;
  result: string;
  resultType?: GuideContent['resultType'];
  plan?: StepPlan;
  stepNotes?: Partial<Record<StepKind, string>>;
  special?: GuideContent['specialProcedures'];
  joint?: string;
  intermediary?: string;
  quantityLimit?: string;
  inHall?: boolean;
  location?: string;
  faqs?: [question: string, answer: string][];
  materials: Material[];
  form: FormField[];
}

interface Placement {
  region: string;
  dept: Dept;
  popularity: number;
  scope?: GuideContent['serviceScope'];
  /** 承办机构, when it is not the department itself (a district branch, a township centre). */
  agency?: string;
  transferTo?: Dept;
  delegatedTo?: string[];
  /** Local differences from the item declaration (a shorter promise, another depth). */
  tweak?: Partial<ItemSpec>;
}

const DEPTH_DEFAULTS: Record<GuideContent['onlineDepth'], { forms: GuideContent['handlingForms']; visits: number; reason: string }> = {
  I: { forms: ['1'], visits: 1, reason: '须到窗口提交纸质材料、核验原件并领取办理结果' },
  II: { forms: ['1', '2'], visits: 1, reason: '网上预审通过后，须携材料原件到窗口核验一次' },
  III: { forms: ['1', '2', '3'], visits: 1, reason: '网上受理、审核，须到窗口领取纸质结果（选择邮寄送达的除外）' },
  IV: { forms: ['1', '2', '3'], visits: 0, reason: '' },
};

const EXERCISE_LEVEL_BY_CODE_LENGTH: Record<number, GuideContent['exerciseLevel']> = { 2: '2', 4: '3', 6: '4', 9: '5' };

/** One implementation of the item per placement. */
function implement(base: ItemSpec, ...placements: Placement[]): DemoImplementation[] {
  return placements.map((p) => {
    const item: ItemSpec = { ...base, ...p.tweak };
    const venue = venueOf(p.region);
    const depth = DEPTH_DEFAULTS[item.depth];
    const handlingForms = item.forms ?? depth.forms;
    const online = handlingForms.includes('2') || handlingForms.includes('3');
    const visits = item.visits ?? depth.visits;
    const fees = item.fees ?? [];
    const charged = fees.length > 0;
    const [legalAmount, legalUnit, legalNote = ''] = item.legal;
    const [promisedAmount, promisedUnit = 'workday', promisedNote = ''] = item.promised;
    const materialBasis = item.legalBasis.split('；')[0] ?? '';
    const departmentName = DEPT[p.dept];
    const content: GuideContent = {
      name: item.name,
      basicCode: item.basicCode,
      itemType: item.itemType,
      exerciseLevel: EXERCISE_LEVEL_BY_CODE_LENGTH[p.region.length] ?? '7',
      legalBasis: item.legalBasis,
      serviceObjects: item.objects,
      themes: item.themes,
      implementingBody: departmentName,
      implementingBodyCode: '',
      implementingBodyNature: DEPT_NATURE[p.dept] ?? '法定机关',
      jointDepartments: item.joint ?? '',
      handlingAgency: p.agency ?? DEPT[p.transferTo ?? p.dept],
      intermediaryServices: item.intermediary ?? '无',
      quantityLimit: item.quantityLimit ?? '无数量限制',
      legalLimit: { amount: legalAmount, unit: legalUnit, note: legalNote },
      promisedLimit: { amount: promisedAmount, unit: promisedUnit, note: promisedNote || (promisedAmount === 0 ? '材料齐全、符合法定形式的当场办结' : '') },
      caseType: promisedAmount === 0 ? '1' : '2',
      handlingForms,
      onlineDepth: item.depth,
      onlineUrl: online ? (item.url ?? PORTAL) : '',
      supportsAppointment: item.appointment ?? true,
      supportsOnlinePayment: charged && online,
      supportsDelivery: item.delivery ?? (item.depth === 'III' || item.depth === 'IV'),
      visits,
      visitsReason: visits > 0 ? (item.visitsReason ?? depth.reason) : '',
      charged,
      feeBasis: charged ? [...new Set(fees.map((f) => f.basis)), item.feeNote ?? ''].filter(Boolean).join('；') : '',
      feeItems: fees,
      acceptanceConditions: item.conditions,
      steps: buildSteps(item.plan ?? (item.itemType === '01' ? 'licensing' : 'confirm'), promisedAmount, item.stepNotes ?? {}),
      specialProcedures: item.special ?? [],
      resultName: item.result,
      resultType: item.resultType ?? 'other',
      resultSample: null,
      serviceScope: p.scope ?? 'local',
      location: item.location ?? venue.location,
      hours: venue.hours,
      consultPhone: [venue.phone, HOTLINES[item.domain]].filter(Boolean).join('；'),
      supervisePhone: p.region === '1301' ? '0311-12345' : '12345',
      faqs: (item.faqs ?? []).map(([question, answer]) => ({ question, answer })),
      domainCode: item.domain,
      inHall: item.inHall ?? true,
      transferredToDepartmentId: null,
      delegatedToRegions: p.delegatedTo ?? [],
      materials: item.materials.map((m) => (m.basis ? m : { ...m, basis: materialBasis })),
      form: { fields: item.form },
    };
    return {
      implementationCode: `${item.basicCode}-${p.region}`,
      regionCode: p.region,
      departmentName,
      transferredToDepartmentName: p.transferTo ? DEPT[p.transferTo] : null,
      popularity: p.popularity,
      content,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 市场监管 market regulation

const MARKET_REGISTRATION = '《中华人民共和国市场主体登记管理条例》';
const REGISTRATION_LIMIT: LegalLimit = [3, 'G', '材料齐全、符合法定形式的当场登记；不能当场登记的，3个工作日内予以登记（《中华人民共和国市场主体登记管理条例》第十九条）'];

const individualBusiness: ItemSpec = {
  name: '个体工商户设立登记',
  basicCode: '000201001000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: `${MARKET_REGISTRATION}第三条；《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例实施细则》`,
  objects: ['1'],
  themes: ['employment'],
  legal: REGISTRATION_LIMIT,
  promised: [0],
  depth: 'IV',
  conditions: `有经营能力的自然人或家庭，经营场所合法，经营范围不属于禁止或须先取得许可的项目。${deferTerms(5)}`,
  result: '营业执照（个体工商户）',
  resultType: 'licence',
  faqs: [
    ['个体工商户必须起字号名称吗？', '不是必须。个体工商户可以不使用名称，营业执照名称栏以“***”标注；使用名称的，须符合企业名称登记管理规定。'],
    ['可以用住宅作为经营场所吗？', '可以，但须符合法律法规和管理规约，并取得有利害关系业主的同意；餐饮、娱乐等项目不得在住宅内经营。'],
  ],
  materials: [
    M.form('个体工商户登记（备案）申请书', [RP.signed, '经营范围按《经营范围登记规范表述目录》规范表述', '家庭经营的，参加经营的家庭成员均已签字']),
    M.idCard('经营者'),
    material('premises', {
      name: '经营场所使用证明或住所申报承诺书', type: 'copy', need: 'deferrable',
      notes: '自有房屋提供不动产权证书复印件，租赁房屋提供租赁合同复印件；实行住所申报承诺制的，签署承诺书代替',
      points: ['经营场所地址与申请书填写一致', '租赁合同在有效期内'],
    }),
    M.proxy(),
  ],
  form: [
    ...personFields('经营者', 'operator'),
    contactPhone(),
    text('tradeName', '个体工商户名称', { ...OPTIONAL, help: '不使用名称的可不填' }),
    select('organisation', '组成形式', { individual: '个人经营', family: '家庭经营' }),
    table('familyMembers', '参加经营的家庭成员', [text('name', '姓名'), idNumber('idNumber', '身份证号码'), text('relation', '与经营者关系')], onlyIf('organisation', 'family')),
    address('premises', '经营场所'),
    textarea('scope', '经营范围'),
    number('capital', '资金数额（万元）', { min: 0, max: 100000 }),
  ],
};

const companySetup: ItemSpec = {
  name: '企业设立登记',
  basicCode: '000201002000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: `${MARKET_REGISTRATION}第三条、第十六条；《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例实施细则》`,
  objects: ['2', '6'],
  themes: ['establishment'],
  legal: REGISTRATION_LIMIT,
  promised: [1, 'workday', '企业开办（设立登记、刻制印章、申领发票、社保登记）1个工作日内办结'],
  depth: 'IV',
  conditions: `申请人为公司股东（发起人）或其委托的代理人；企业名称经自主申报且不与同行业企业名称相同；住所真实合法；注册资本认缴期限符合《中华人民共和国公司法》第四十七条。${deferTerms(5)}`,
  result: '营业执照',
  resultType: 'licence',
  faqs: [
    ['注册资本必须实缴吗？', '有限责任公司注册资本实行认缴制，但全体股东认缴的出资额应当自公司成立之日起五年内缴足（《中华人民共和国公司法》第四十七条）。'],
    ['可以只领电子营业执照吗？', '可以。电子营业执照与纸质营业执照具有同等法律效力，可在“电子营业执照”小程序下载使用；需要纸质执照的可选择邮寄。'],
    ['开办企业一次要跑几次？', '全程网办不用跑。设立登记、公章刻制、发票申领、社保和公积金登记在“企业开办一网通办”平台一次提交。'],
  ],
  materials: [
    M.form('公司登记（备案）申请书', ['申请书须经拟任法定代表人签字', '企业名称已通过自主申报且未被占用', RP.complete]),
    material('articles', {
      name: '公司章程', notes: '可使用章程参考范本；股东为自然人的由本人签字，为法人的加盖公章',
      basis: '《中华人民共和国公司法》第四十六条',
      points: ['章程须由全体股东签署', '认缴出资期限不超过公司成立之日起五年', '章程载明的注册资本与申请书一致'],
    }),
    material('shareholders', {
      name: '股东主体资格证明', type: 'copy', notes: '自然人股东提供身份证复印件；法人股东提供营业执照复印件并加盖公章（本市企业可免交）',
      points: ['自然人股东身份证在有效期内', '法人股东营业执照复印件加盖公章'],
    }),
    material('officers', { name: '法定代表人、董事、监事和经理的任职文件', points: ['任职文件由股东签署或经股东会决议', '任职人员不属于《中华人民共和国公司法》第一百七十八条规定的不得担任情形'] }),
    material('premises', {
      name: '住所使用证明', type: 'copy', need: 'deferrable', notes: '实行住所申报承诺制的，签署住所申报承诺书代替',
      points: ['住所地址与申请书一致', '租赁合同在有效期内'],
    }),
    M.proxy(),
  ],
  form: [
    text('companyName', '企业名称'),
    select('companyType', '企业类型', { llc: '有限责任公司', sole: '有限责任公司（自然人独资）', jsc: '股份有限公司' }),
    number('capital', '注册资本（万元）', { min: 0.01, max: 10000000 }),
    region('district', '住所所在区划'),
    address('domicile', '住所'),
    textarea('scope', '经营范围'),
    ...personFields('法定代表人', 'legalRep'),
    contactPhone(),
    table('shareholders', '股东信息', [
      text('name', '股东名称或姓名'),
      select('idType', '证件类型', { id: '居民身份证', uscc: '统一社会信用代码' }),
      text('idNo', '证件号码'),
      number('subscribed', '认缴出资额（万元）', { min: 0 }),
      select('method', '出资方式', { cash: '货币', kind: '实物', ip: '知识产权', land: '土地使用权' }),
    ]),
  ],
};

const companyChange: ItemSpec = {
  name: '企业变更登记',
  basicCode: '000201003000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: `${MARKET_REGISTRATION}第二十四条；《中华人民共和国公司法》`,
  objects: ['2', '6'],
  themes: ['establishment'],
  legal: REGISTRATION_LIMIT,
  promised: [0],
  depth: 'III',
  visitsReason: '换发纸质营业执照须到出件窗口领取（选择邮寄或仅使用电子营业执照的除外）',
  conditions: '企业自作出变更决议、决定或者法定变更事项发生之日起30日内申请；变更后的登记事项符合法律法规规定。',
  result: '营业执照（换发）或准予变更登记通知书',
  resultType: 'licence',
  faqs: [
    ['变更经营范围需要换营业执照吗？', '需要。经营范围是营业执照记载事项，变更后换发营业执照；电子营业执照同步更新。'],
    ['变更住所到其他区怎么办？', '迁入地与迁出地均在本市的，直接向迁入地登记机关申请，无需办理迁出手续。'],
  ],
  materials: [
    M.form('公司变更登记（备案）申请书', [RP.sealed, '变更事项、变更前后内容填写清楚']),
    material('resolution', {
      name: '股东会决议或股东决定',
      points: ['修改章程、增减注册资本的决议经代表三分之二以上表决权的股东通过', '决议由出席会议的股东签字或盖章'],
    }),
    material('articles-amendment', { name: '章程修正案或修改后的章程', need: 'optional', notes: '变更事项涉及章程的提供', points: ['章程修正案由法定代表人签署并加盖公章'] }),
    material('old-licence', { name: '原营业执照正、副本', form: 'paper', notes: '换照时缴回', points: ['缴回的营业执照正、副本齐全'] }),
    M.proxy(),
  ],
  form: [
    ...companyFields('企业'),
    select('changeItem', '变更事项', { name: '名称', domicile: '住所', legalRep: '法定代表人', capital: '注册资本', scope: '经营范围' }),
    textarea('after', '变更后内容'),
    ...personFields('新任法定代表人', 'newRep').map((f) => ({ ...f, ...onlyIf('changeItem', 'legalRep') })),
    select('delivery', '执照领取方式', DELIVERY),
    contactPhone(),
  ],
};

const companyDeregistration: ItemSpec = {
  name: '企业注销登记',
  basicCode: '000201004000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: `${MARKET_REGISTRATION}第三十一条、第三十三条；《中华人民共和国公司法》`,
  objects: ['2', '6'],
  themes: ['cancellation'],
  legal: REGISTRATION_LIMIT,
  promised: [1],
  depth: 'IV',
  conditions: '企业已依法清算完毕，或未发生债权债务、已将债权债务清偿完结，清偿职工工资、社会保险费用、法定补偿金和应缴纳税款。选择简易注销的，须经全体投资人书面承诺并公示满20日。',
  result: '准予注销登记通知书',
  special: [{ type: '2', name: '简易注销公示', timeLimit: '20日', note: '通过国家企业信用信息公示系统公示，公示期内无异议的方可申请注销；公示时间不计入办理时限' }],
  materials: [
    M.form('注销登记申请书', [RP.sealed, '注销方式、注销原因填写明确']),
    material('liquidation', { name: '清算报告', need: 'optional', notes: '一般注销提供，简易注销免交', points: ['清算报告经股东会确认并由全体股东签字'] }),
    material('pledge', { name: '全体投资人承诺书', need: 'optional', notes: '简易注销提供', points: ['全体投资人均已签字或盖章'] }),
    shared('tax-clearance', '清税证明', '税务机关', '《国家税务总局关于进一步优化办理企业税务注销程序的通知》（税总发〔2018〕149号）'),
    material('old-licence', { name: '营业执照正、副本', form: 'paper', points: ['缴回的营业执照正、副本齐全；遗失的已在公示系统发布遗失公告'] }),
  ],
  form: [
    ...companyFields('企业'),
    select('method', '注销方式', { general: '一般注销', simple: '简易注销' }),
    text('liquidationLead', '清算组负责人', onlyIf('method', 'general')),
    table('liquidationGroup', '清算组成员', [text('name', '姓名'), idNumber('idNumber', '身份证号码')], onlyIf('method', 'general')),
    select('reason', '注销原因', { dissolved: '章程规定的营业期限届满或解散事由出现', resolution: '股东会决议解散', revoked: '依法被吊销营业执照' }),
    contactPhone(),
  ],
};

const foodBusiness: ItemSpec = {
  name: '食品经营许可',
  basicCode: '000201005000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
  objects: ['1', '2', '6'],
  themes: ['operation_permits'],
  legal: [10, 'G', '特殊原因需要延长的，经本行政机关负责人批准可延长5个工作日'],
  promised: [5, 'workday', '选择告知承诺方式的当场发证'],
  depth: 'III',
  conditions: `具有与经营的食品品种、数量相适应的经营场所、设备设施和食品安全管理制度，配备食品安全管理人员。仅销售预包装食品的办理备案，无需许可。${deferTerms(10)}`,
  result: '食品经营许可证',
  resultType: 'licence',
  special: [{ type: '2', name: '现场核查', timeLimit: '5个工作日', note: '核查人员不少于2人；现场核查时间计入办理时限' }],
  faqs: [
    ['只卖预包装食品还要办许可证吗？', '不需要。仅销售预包装食品的，办理食品经营备案即可（《食品经营许可和备案管理办法》）。'],
    ['许可证有效期多久？', '食品经营许可证有效期为5年，需要延续的应在有效期届满前90个工作日至15个工作日期间提出申请。'],
  ],
  materials: [
    M.form('食品经营许可申请书', [RP.sealed, '主体业态和经营项目按规定分类填写']),
    M.licence(),
    M.idCard('法定代表人（负责人）'),
    material('layout', {
      name: '经营场所和设备布局、操作流程等文件',
      points: ['平面图标明操作间、库房及主要设备设施位置', '食品处理区与非食品处理区分开设置'],
    }),
    material('rules', {
      name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度',
      need: 'deferrable', points: ['制度文本加盖公章或经营者签字'],
    }),
  ],
  form: [
    ...companyFields('经营者'),
    address('premises', '经营场所'),
    select('format', '主体业态', { seller: '食品销售经营者', catering: '餐饮服务经营者', canteen: '单位食堂' }),
    textarea('items', '经营项目'),
    table('staff', '从业人员', [text('name', '姓名'), text('healthCertificate', '健康证明编号'), text('post', '岗位')]),
    contactPhone(),
  ],
};

const pharmacy: ItemSpec = {
  name: '药品零售企业许可',
  basicCode: '000201006000',
  itemType: '01',
  domain: 'market_regulation',
  legalBasis: '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）',
  objects: ['2', '6'],
  themes: ['operation_permits', 'qualification'],
  legal: [20, 'G', '现场检查时间不计入办理时限'],
  promised: [15],
  depth: 'II',
  conditions: `有依法经过资格认定的药师或者其他药学技术人员；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；有保证药品质量的规章制度，符合药品经营质量管理规范。${deferTerms(10)}`,
  result: '药品经营许可证（零售）',
  resultType: 'licence',
  special: [{ type: '2', name: '现场检查', timeLimit: '10个工作日', note: '按药品经营质量管理规范现场检查，时间不计入办理时限' }],
  materials: [
    M.form('药品经营许可证申请表', [RP.sealed, '经营范围在零售企业可经营的类别之内']),
    M.licence(),
    material('pharmacist', {
      name: '执业药师注册证', issuer: '药品监督管理部门', source: '2', type: 'copy',
      points: ['执业药师注册单位与申请企业一致', '注册证在有效期内'],
    }),
    material('premises', { name: '营业场所、仓库平面布置图及使用证明', type: 'copy', points: ['营业场所面积符合本省药品零售企业开办标准'] }),
    material('quality-docs', { name: '质量管理文件及主要设施设备目录', need: 'deferrable', points: ['质量管理制度覆盖采购、验收、储存、销售全过程'] }),
  ],
  form: [
    ...companyFields('企业'),
    text('qualityLead', '质量负责人'),
    address('premises', '经营地址'),
    select('mode', '经营方式', { single: '单体药店', chain: '连锁门店' }),
    text('chainHq', '连锁总部名称', onlyIf('mode', 'chain')),
    textarea('scope', '经营范围'),
    table('pharmacists', '执业药师', [text('name', '姓名'), idNumber('idNumber', '身份证号码'), text('registration', '注册证编号')]),
    contactPhone(),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 卫生健康 health

const publicPlaceHygiene: ItemSpec = {
  name: '公共场所卫生许可',
  basicCode: '000161001000',
  itemType: '01',
  domain: 'health',
  legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》',
  objects: ['1', '2', '6'],
  themes: ['operation_permits'],
  legal: [20, 'G'],
  promised: [5, 'workday', '选择告知承诺方式的当场发证'],
  depth: 'IV',
  conditions: `经营住宿、沐浴、美容美发、文化娱乐、体育健身等公共场所，场所选址、设计、卫生设施和卫生管理制度符合卫生标准和规范。${deferTerms(20)}`,
  result: '公共场所卫生许可证',
  resultType: 'licence',
  materials: [
    M.form('公共场所卫生许可申请表', [RP.sealed, '场所类别、营业面积与实际一致']),
    M.licence(),
    M.idCard('法定代表人（负责人）'),
    material('plans', { name: '公共场所地址方位示意图、平面图和卫生设施平面布局图', points: ['平面图标明消毒间、布草间等卫生设施位置'] }),
    material('test-report', {
      name: '公共场所卫生检测或评价报告', issuer: '具备资质的检测机构', source: '9', need: 'deferrable',
      points: ['检测报告加盖检验检测专用章', '检测项目覆盖空气、水质、公共用品用具'],
    }),
  ],
  form: [
    ...companyFields('单位'),
    address('premises', '经营地址'),
    select('category', '场所类别', { hotel: '住宿场所', bath: '沐浴场所', beauty: '美容美发场所', entertainment: '文化娱乐场所', gym: '体育健身场所' }),
    number('area', '营业面积（平方米）', { min: 1, max: 1000000 }),
    number('staffCount', '从业人员数', { min: 1, max: 10000 }),
    contactPhone(),
  ],
};

const birthCertificate: ItemSpec = {
  name: '出生医学证明办理',
  basicCode: '000161002000',
  itemType: '20',
  domain: 'health',
  legalBasis: '《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》',
  objects: ['1'],
  themes: ['birth_adoption', 'medical'],
  legal: NO_LEGAL_LIMIT,
  promised: [0, 'workday', '新生儿信息核对无误后当场签发'],
  depth: 'II',
  visitsReason: '新生儿父母须持身份证到助产机构现场核对信息并领取证件',
  inHall: false,
  location: '新生儿出生的助产机构出生医学证明签发窗口',
  plan: 'service',
  conditions: '在本市依法取得助产技术服务资质的医疗机构内出生的新生儿，由其父母或监护人申请首次签发。',
  result: '出生医学证明',
  resultType: 'licence',
  faqs: [
    ['出生医学证明信息填错了怎么办？', '签发后发现错误的，由原签发机构核实后办理换发，须交回原证。'],
    ['父亲不在场能办理吗？', '可以。由母亲持本人身份证办理，父亲信息可凭父亲身份证复印件填写。'],
  ],
  materials: [
    M.idCard('新生儿母亲', 'mother-id'),
    M.idCard('新生儿父亲', 'father-id', { need: 'optional', type: 'either' }),
    material('birth-record', { name: '新生儿出生医学记录', issuer: '助产机构', source: '9', need: 'exempt', type: 'either', form: 'electronic', notes: '由助产机构从病案系统调取' }),
    M.form('出生医学证明首次签发登记表', ['新生儿姓名、性别、出生时间与出生医学记录一致', '父母签字确认登记信息']),
  ],
  form: [
    text('babyName', '新生儿姓名'),
    select('sex', '性别', { m: '男', f: '女' }),
    date('birthDate', '出生日期'),
    region('birthPlace', '出生地'),
    ...personFields('母亲', 'mother'),
    select('withFather', '是否填写父亲信息', YES_NO),
    ...personFields('父亲', 'father').map((f) => ({ ...f, ...onlyIf('withFather', 'yes') })),
    contactPhone(),
  ],
};

const physicianRegistration: ItemSpec = {
  name: '医师执业注册',
  basicCode: '000161003000',
  itemType: '01',
  domain: 'health',
  legalBasis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》（国家卫生和计划生育委员会令第13号）',
  objects: ['1'],
  themes: ['medical', 'employment'],
  legal: [20, 'G', '《中华人民共和国医师法》第十三条'],
  promised: [5],
  depth: 'IV',
  url: 'https://zhiye.nhc.gov.cn/',
  conditions: '取得医师资格，拟在本市医疗卫生机构执业，且不存在《中华人民共和国医师法》第十六条规定的不予注册情形。',
  result: '医师执业证书（电子证照）',
  resultType: 'licence',
  materials: [
    M.form('医师执业注册申请审核表', ['拟执业机构已签署意见并加盖公章', '执业类别、执业范围与医师资格类别相符']),
    shared('qualification', '医师资格证书', '卫生健康主管部门'),
    material('medical-exam', {
      name: '近6个月内的健康体检证明', issuer: '县级以上医疗机构', source: '9',
      points: ['体检日期在申请之日前6个月内', '体检结论为适合从事医师执业'],
    }),
    material('employment', { name: '拟执业机构的聘用证明', need: 'optional', points: ['聘用证明加盖机构公章'] }),
  ],
  form: [
    ...personFields(),
    text('qualificationNo', '医师资格证书编码'),
    select('category', '执业类别', { clinical: '临床', tcm: '中医', dental: '口腔', publicHealth: '公共卫生' }),
    text('scope', '执业范围'),
    text('institution', '主要执业机构'),
    contactPhone(),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 医疗保障 medical insurance

const residentMedicalEnrolment: ItemSpec = {
  name: '城乡居民基本医疗保险参保登记',
  basicCode: '000158001000',
  itemType: '20',
  domain: 'medical_insurance',
  legalBasis: '《中华人民共和国社会保险法》第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
  objects: ['1'],
  themes: ['medical', 'social_security'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.medical,
  plan: 'service',
  conditions: '本市户籍或持本市居住证、未参加职工基本医疗保险的城乡居民，以及在本市就读的学生和新生儿；一般以家庭为单位参保。',
  result: '参保登记信息（可查询打印参保凭证）',
  faqs: [
    ['每年什么时候缴费？', '集中缴费期一般为每年9月至12月，缴纳次年的城乡居民医保费；新生儿、退役军人等可在规定时间内随时参保。'],
    ['外地户口可以在本市参保吗？', '持有本市居住证的可以在居住地参保，但不得重复参保。'],
  ],
  materials: [
    M.idCard('参保人', 'id-card', { type: 'either', notes: '未成年人可提供户口簿，由监护人代办' }),
    material('residence-permit', { name: '居住证', issuer: '公安机关', source: '2', need: 'optional', notes: '非本市户籍人员提供', points: ['居住证在有效期内且居住地在本统筹区'] }),
  ],
  form: [
    ...personFields('户主'),
    contactPhone(),
    select('status', '参保身份', { local: '本市户籍居民', resident: '持本市居住证人员', student: '在校学生', newborn: '新生儿' }),
    text('residencePermitNo', '居住证号码', onlyIf('status', 'resident')),
    text('school', '就读学校', onlyIf('status', 'student')),
    region('place', '户籍地或居住地'),
    table('members', '同户参保人员', [
      text('name', '姓名'),
      idNumber('idNumber', '身份证号码'),
      select('relation', '与户主关系', { spouse: '配偶', child: '子女', parent: '父母', other: '其他' }),
    ], { ...OPTIONAL, minRows: 0 }),
  ],
};

const manualReimbursement: ItemSpec = {
  name: '医疗费用手工（零星）报销',
  basicCode: '000158002000',
  itemType: '20',
  domain: 'medical_insurance',
  legalBasis: '《中华人民共和国社会保险法》第二十九条；《医疗保障基金使用监督管理条例》',
  objects: ['1'],
  themes: ['medical'],
  legal: NO_LEGAL_LIMIT,
  promised: [20, 'workday', '材料齐全之日起20个工作日内审核并拨付至本人社会保障卡金融账户'],
  depth: 'III',
  url: SITES.medical,
  visitsReason: '须提交医疗费用原始票据原件（可到窗口提交或邮寄）',
  delivery: true,
  plan: 'confirm',
  conditions: '参保人员因急诊抢救、异地就医未能直接结算等原因全额垫付了应由医保基金支付的医疗费用，且在规定时限内申请。',
  result: '医疗费用报销结算单',
  faqs: [
    ['多长时间内必须申请报销？', '一般应在费用发生次年的12月31日前申请，逾期不予受理；具体以本统筹区规定为准。'],
    ['异地就医没备案能报销吗？', '可以，但跨省临时外出就医未备案的，报销比例按规定降低。'],
  ],
  materials: [
    M.ssCard(),
    material('invoices', {
      name: '医疗费用收费票据', issuer: '医疗机构', source: '9', form: 'paper',
      points: ['票据为财政部门监制的医疗收费票据或电子票据', '票据姓名与参保人一致', '票据日期在申请时限内'],
    }),
    material('cost-list', { name: '费用明细清单', issuer: '医疗机构', source: '9', points: ['清单加盖医疗机构收费专用章', '清单合计金额与票据一致'] }),
    material('diagnosis', { name: '出院记录或诊断证明', issuer: '医疗机构', source: '9', type: 'copy', points: ['加盖医疗机构病案或医务专用章'] }),
  ],
  form: [
    ...personFields('参保人'),
    contactPhone(),
    select('careType', '就医类型', { outpatient: '门诊', inpatient: '住院', maternity: '生育' }),
    select('where', '就医地', { local: '本统筹区', province: '省内异地', crossProvince: '跨省异地' }),
    select('filed', '是否已办理异地就医备案', YES_NO, onlyIf('where', 'province', 'crossProvince')),
    table('bills', '费用明细', [text('invoiceNo', '票据号'), date('date', '就诊日期'), text('hospital', '医疗机构'), number('amount', '金额（元）', { min: 0 })]),
  ],
};

const crossRegionFiling: ItemSpec = {
  name: '异地就医备案',
  basicCode: '000158003000',
  itemType: '20',
  domain: 'medical_insurance',
  legalBasis: '《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）',
  objects: ['1'],
  themes: ['medical'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.medical,
  plan: 'service',
  conditions: '本统筹区基本医疗保险参保人员，属于异地长期居住、常驻异地工作、异地转诊就医或临时外出就医情形。',
  result: '异地就医备案登记信息',
  faqs: [
    ['备案后多久生效？', '备案即时生效，可在国家医保服务平台APP查询备案状态。'],
    ['临时外出就医备案有效期多长？', '临时外出就医人员备案有效期原则上不少于6个月，有效期内可多次就诊。'],
    ['备案后还能在参保地就医吗？', '可以。备案有效期内，参保人可在备案地和参保地双向享受医保待遇。'],
  ],
  materials: [
    M.idCard('参保人', 'id-card', { form: 'electronic', notes: '网上办理的通过人脸识别核验身份' }),
    material('pledge', { name: '跨省异地就医备案个人承诺书', form: 'electronic', points: ['承诺书由参保人本人或代办人签名', '承诺内容与备案类型一致'] }),
    material('residence-proof', { name: '异地长期居住或工作证明', need: 'optional', notes: '可提供居住证、工作证明，或以个人承诺代替', points: ['证明载明的居住或工作地点与备案地一致'] }),
  ],
  form: [
    ...personFields('参保人'),
    contactPhone(),
    select('kind', '备案类型', { resident: '异地长期居住', work: '常驻异地工作', referral: '异地转诊就医', temporary: '临时外出就医' }),
    region('destination', '就医地'),
    text('referralHospital', '转诊医疗机构', onlyIf('kind', 'referral')),
    date('startDate', '备案开始日期'),
    textarea('note', '备注', OPTIONAL),
  ],
};

const chronicDisease: ItemSpec = {
  name: '门诊慢特病待遇认定',
  basicCode: '000158004000',
  itemType: '07',
  domain: 'medical_insurance',
  legalBasis: '《中华人民共和国社会保险法》第二十八条；《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号）',
  objects: ['1'],
  themes: ['medical'],
  legal: NO_LEGAL_LIMIT,
  promised: [15],
  depth: 'III',
  url: SITES.medical,
  conditions: '本统筹区参保人员，经二级及以上定点医疗机构确诊患有本统筹区规定的门诊慢特病病种。',
  result: '门诊慢特病待遇认定结果',
  special: [{ type: '2', name: '专家评审', timeLimit: '10个工作日', note: '病历资料不足以认定的，组织专家评审，时间不计入办理时限' }],
  materials: [
    M.ssCard(),
    material('diagnosis', {
      name: '诊断证明及病历资料', issuer: '定点医疗机构', source: '9', type: 'copy',
      points: ['由二级及以上定点医疗机构出具', '诊断结论与申请病种一致'],
    }),
    material('test-reports', { name: '相关检查检验报告', issuer: '定点医疗机构', source: '9', type: 'copy', points: ['报告日期在申请前6个月内'] }),
    M.form('门诊慢特病待遇认定申请表', [RP.signed]),
  ],
  form: [
    ...personFields('参保人'),
    contactPhone(),
    select('disease', '申请病种', { hypertension: '高血压', diabetes: '糖尿病', cancer: '恶性肿瘤门诊放化疗', uremia: '尿毒症透析', transplant: '器官移植抗排异治疗' }),
    text('hospital', '选定的定点医疗机构'),
    date('diagnosedOn', '确诊日期'),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 人力资源社会保障 social security

const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';

const pensionTransfer: ItemSpec = {
  name: '职工基本养老保险关系转移接续',
  basicCode: '000137001000',
  itemType: '20',
  domain: 'social_security',
  legalBasis: `${SOCIAL_INSURANCE_LAW}第十九条；《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）`,
  objects: ['1'],
  themes: ['social_security', 'employment'],
  legal: [45, 'G', '转入地发函、转出地转出、转入地接续各15个工作日（国办发〔2009〕66号）'],
  promised: [30],
  depth: 'IV',
  url: SITES.socialSecurity,
  plan: 'service',
  conditions: '参加职工基本养老保险的人员跨省、跨统筹区流动就业，已在新就业地参保缴费。',
  result: '基本养老保险关系转移接续信息',
  faqs: [['转移时个人账户的钱会少吗？', '个人账户储存额全额转移；统筹基金按本人1998年以后各年度实际缴费工资的12%转移。']],
  materials: [
    M.form('基本养老保险关系转移接续申请表', [RP.signed, '转出地、转入地参保信息填写完整'], { form: 'electronic' }),
    shared('contribution-record', '基本养老保险参保缴费凭证', '转出地社会保险经办机构'),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    region('fromRegion', '转出地'),
    region('toRegion', '转入地'),
    text('fromAgency', '转出地社会保险经办机构'),
    select('reason', '转移原因', { job: '跨统筹区流动就业', settle: '到待遇领取地接续' }),
  ],
};

const unemploymentBenefit: ItemSpec = {
  name: '失业保险金申领',
  basicCode: '000137002000',
  itemType: '05',
  domain: 'social_security',
  legalBasis: `${SOCIAL_INSURANCE_LAW}第四十五条、第五十条；《失业保险条例》第十四条、第十六条；《失业保险金申领发放办法》`,
  objects: ['1'],
  themes: ['employment', 'social_security'],
  legal: [10, 'Z', '经办机构自受理之日起10日内审核认定（《失业保险金申领发放办法》）'],
  promised: [3],
  depth: 'IV',
  url: SITES.socialSecurity,
  conditions: '失业前用人单位和本人已缴纳失业保险费满1年，非因本人意愿中断就业，已进行失业登记并有求职要求。',
  result: '失业保险待遇核定结果，按月发放至社会保障卡',
  resultType: 'approval',
  faqs: [
    ['主动辞职能领失业保险金吗？', '不能。失业保险金发放给非因本人意愿中断就业的人员；因用人单位过错被迫解除劳动合同的除外。'],
    ['能领多长时间？', '缴费满1年不足5年的最长12个月，满5年不足10年的最长18个月，10年以上的最长24个月（《失业保险条例》第十七条）。'],
  ],
  materials: [
    M.idCard(),
    shared('termination', '终止或解除劳动合同证明', '原用人单位（经社会保险经办系统报送）', '《失业保险条例》第十六条'),
    M.ssCard(),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    text('employer', '原工作单位'),
    date('terminatedOn', '终止或解除劳动关系日期'),
    select('reason', '失业原因', { expired: '劳动合同期满终止', dismissed: '用人单位解除劳动合同', forced: '因用人单位过错本人解除劳动合同', bankrupt: '用人单位破产或注销' }),
    region('registeredAt', '失业登记地'),
  ],
};

const ssCardApplication: ItemSpec = {
  name: '社会保障卡申领',
  basicCode: '000137003000',
  itemType: '20',
  domain: 'social_security',
  legalBasis: `${SOCIAL_INSURANCE_LAW}第五十八条；《人力资源社会保障部关于推进全国统一的社会保障卡发行应用工作的意见》`,
  objects: ['1'],
  themes: ['social_security'],
  legal: NO_LEGAL_LIMIT,
  promised: [10, 'workday', '制卡完成后可到合作银行网点领取或选择邮寄'],
  depth: 'III',
  url: SITES.socialSecurity,
  plan: 'service',
  conditions: '在本市参加社会保险的人员，或本市户籍、常住人员（含未成年人，由监护人代办）。',
  result: '社会保障卡（第三代）及电子社会保障卡',
  resultType: 'licence',
  faqs: [
    ['没有照片怎么办？', '可在网上申领时上传符合要求的电子照片，或到窗口现场免费拍照采集。'],
    ['未成年人怎么申领？', '由监护人持双方身份证（或户口簿）代办；16周岁以下的可不开通金融功能。'],
  ],
  materials: [
    M.idCard(),
    material('photo', { name: '近期免冠证件照片', need: 'optional', form: 'electronic', notes: '窗口可现场采集，无需自备', points: ['白色背景、不戴帽、露双耳'] }),
    material('guardian-id', { name: '监护人居民身份证', issuer: '公安机关', source: '2', need: 'optional', notes: '未成年人申领时提供', points: [RP.idValid] }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    select('bank', '合作银行', { icbc: '中国工商银行', abc: '中国农业银行', boc: '中国银行', ccb: '中国建设银行', hebei: '河北银行' }),
    select('minor', '是否未满16周岁', YES_NO),
    text('guardianName', '监护人姓名', onlyIf('minor', 'yes')),
    select('delivery', '领取方式', DELIVERY),
    address('mailAddress', '邮寄地址', onlyIf('delivery', 'mail')),
  ],
};

const ssCardReplacement: ItemSpec = {
  name: '社会保障卡补换',
  basicCode: '000137004000',
  itemType: '20',
  domain: 'social_security',
  legalBasis: `${SOCIAL_INSURANCE_LAW}第五十八条`,
  objects: ['1'],
  themes: ['social_security'],
  legal: NO_LEGAL_LIMIT,
  promised: [0, 'workday', '即时制卡窗口当场领卡'],
  depth: 'I',
  visitsReason: '即时制卡须本人到窗口核验身份、现场领卡',
  plan: 'service',
  conditions: '社会保障卡丢失、损坏、到期或换发新一代卡的持卡人；丢失的须先办理挂失。',
  result: '社会保障卡',
  resultType: 'licence',
  materials: [
    M.idCard(),
    material('old-card', { name: '原社会保障卡', need: 'optional', notes: '损坏换卡、到期换卡时交回', points: ['交回的卡片为本人卡'] }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    select('reason', '补换原因', { lost: '丢失补卡', damaged: '损坏换卡', expired: '到期换卡', upgrade: '换发第三代卡' }),
    select('reported', '是否已挂失', YES_NO, { ...onlyIf('reason', 'lost'), help: '未挂失的，窗口先办理正式挂失' }),
  ],
};

const retirement: ItemSpec = {
  name: '退休核准',
  basicCode: '000137005000',
  itemType: '07',
  domain: 'social_security',
  legalBasis: '《国务院关于工人退休、退职的暂行办法》（国发〔1978〕104号）；《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》；《中华人民共和国社会保险法》第十六条',
  objects: ['1', '2'],
  themes: ['retirement', 'employment_company'],
  legal: NO_LEGAL_LIMIT,
  promised: [10],
  depth: 'II',
  conditions: '参加职工基本养老保险、达到法定退休年龄（含按规定弹性提前或延迟），累计缴费年限达到规定的最低缴费年限。',
  result: '职工退休核准表',
  resultType: 'approval',
  materials: [
    M.form('职工退休申报表', ['申报表须经用人单位盖章', '退休类型与申请人年龄、工种相符'], { issuer: '用人单位' }),
    M.idCard('职工'),
    material('personnel-file', {
      name: '职工人事档案', issuer: '档案保管机构', source: '9', form: 'paper',
      points: ['档案中出生时间前后记载一致', '特殊工种提前退休的，档案有特殊工种从业记录'],
    }),
  ],
  form: [
    ...personFields('职工', 'worker'),
    contactPhone(),
    text('employer', '单位名称'),
    uscc('employerUscc', '单位统一社会信用代码'),
    select('kind', '退休类型', { normal: '正常退休', earlier: '弹性提前退休', later: '弹性延迟退休', special: '特殊工种提前退休' }),
    text('specialJob', '特殊工种名称', onlyIf('kind', 'special')),
    date('retireOn', '申请退休日期'),
  ],
};

const residentPensionEnrolment: ItemSpec = {
  name: '城乡居民基本养老保险参保登记',
  basicCode: '000137006000',
  itemType: '20',
  domain: 'social_security',
  legalBasis: `${SOCIAL_INSURANCE_LAW}第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）`,
  objects: ['1'],
  themes: ['social_security', 'retirement'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.socialSecurity,
  plan: 'service',
  conditions: '年满16周岁（不含在校学生）、非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的本地户籍城乡居民。',
  result: '城乡居民基本养老保险参保登记信息',
  materials: [
    M.idCard('参保人', 'id-card', { type: 'either', notes: '可提供户口簿代替' }),
    M.form('城乡居民基本养老保险参保登记表', [RP.signed, '选择的缴费档次在当年公布的档次范围内']),
  ],
  form: [
    ...personFields('参保人'),
    contactPhone(),
    region('household', '户籍所在地'),
    select('level', '缴费档次', { l200: '200元/年', l500: '500元/年', l1000: '1000元/年', l2000: '2000元/年', l5000: '5000元/年' }),
    select('subsidy', '政府代缴对象', { none: '不属于', lowIncome: '低保对象、特困人员', disabled: '重度残疾人' }),
  ],
};

const employmentCard: ItemSpec = {
  name: '就业创业证申领',
  basicCode: '000137007000',
  itemType: '20',
  domain: 'social_security',
  legalBasis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》（劳动和社会保障部令第28号）',
  objects: ['1'],
  themes: ['employment'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.socialSecurity,
  plan: 'service',
  conditions: '法定劳动年龄内、有劳动能力和就业要求的城乡劳动者，或自主创业、灵活就业人员。',
  result: '就业创业证（电子证）',
  resultType: 'licence',
  materials: [M.idCard()],
  form: [
    ...personFields(),
    contactPhone(),
    select('status', '就业状态', { unemployed: '失业', employed: '就业', founder: '创业' }),
    text('venture', '创业实体名称', onlyIf('status', 'founder')),
    region('residence', '常住地'),
    select('education', '学历', { middle: '初中及以下', high: '高中（中专）', college: '大专', bachelor: '本科及以上' }),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 不动产登记 real estate

const REGISTRATION_REGULATION = '《不动产登记暂行条例》';
const REAL_ESTATE_LIMIT: LegalLimit = [30, 'G', '自受理登记申请之日起30个工作日内办结（《不动产登记暂行条例》第二十条）'];
const REAL_ESTATE_FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';
const REAL_ESTATE_FEES: FeeItem[] = [
  { name: '不动产登记费（住宅类）', standard: '80元/件', basis: REAL_ESTATE_FEE_BASIS },
  { name: '不动产登记费（非住宅类）', standard: '550元/件', basis: REAL_ESTATE_FEE_BASIS },
  { name: '不动产权属证书工本费', standard: '核发一本证书免收；每增加一本加收10元', basis: REAL_ESTATE_FEE_BASIS },
];
const SMALL_BUSINESS_FEE_NOTE = '小微企业（含个体工商户）申请不动产登记的免收登记费（《财政部 国家发展改革委关于减免部分行政事业性收费有关政策的通知》财税〔2019〕45号）';
const titleDeed = (): Material =>
  material('title-deed', { name: '不动产权证书', issuer: '不动产登记机构', source: '2', form: 'paper', points: [RP.titleDeed] });

const realEstateFirst: ItemSpec = {
  name: '不动产首次登记',
  basicCode: '000132001000',
  itemType: '07',
  domain: 'real_estate',
  legalBasis: `${REGISTRATION_REGULATION}第三条、第十四条；《不动产登记暂行条例实施细则》`,
  objects: ['2', '6'],
  themes: ['construction'],
  legal: REAL_ESTATE_LIMIT,
  promised: [5],
  depth: 'II',
  visitsReason: '须到窗口核验申请人身份和材料原件，领取不动产权证书（可选择邮寄）',
  delivery: true,
  fees: REAL_ESTATE_FEES,
  feeNote: SMALL_BUSINESS_FEE_NOTE,
  conditions: '国有建设用地使用权已登记，房屋已竣工并通过规划核实和竣工验收备案，由建设单位申请房屋所有权首次登记。',
  result: '不动产权证书或不动产登记证明',
  resultType: 'licence',
  materials: [
    M.form('不动产登记申请书', [RP.sealed, '不动产单元号、坐落与测绘成果一致']),
    M.licence(),
    material('land-title', { name: '国有建设用地使用权不动产权证书', issuer: '不动产登记机构', source: '2', points: ['土地用途、使用期限与项目一致'] }),
    shared('planning-check', '建设工程规划核实意见', '自然资源和规划部门'),
    shared('completion', '房屋竣工验收备案证明', '住房和城乡建设部门'),
    material('survey', {
      name: '不动产测绘报告', issuer: '测绘机构', source: '9',
      points: ['测绘单位具有相应测绘资质', '房屋面积与规划核实面积一致'],
    }),
  ],
  form: [
    ...companyFields('申请单位'),
    address('location', '不动产坐落'),
    text('unitNo', '不动产单元号'),
    select('use', '用途', { residential: '住宅', commercial: '商业', office: '办公', industrial: '工业' }),
    number('area', '建筑面积（平方米）', { min: 0 }),
    contactPhone(),
  ],
};

const realEstateTransfer: ItemSpec = {
  name: '不动产转移登记',
  basicCode: '000132002000',
  itemType: '07',
  domain: 'real_estate',
  legalBasis: `${REGISTRATION_REGULATION}第三条、第十四条；《中华人民共和国民法典》第二百零九条；《不动产登记暂行条例实施细则》`,
  objects: ['1', '2'],
  themes: ['real_estate'],
  legal: REAL_ESTATE_LIMIT,
  promised: [3, 'workday', '交易、缴税、登记“一窗受理、并行办理”'],
  depth: 'II',
  visitsReason: '买卖双方须到窗口现场核验身份并签署申请书（已开通远程视频签约的除外）',
  delivery: true,
  fees: REAL_ESTATE_FEES,
  feeNote: SMALL_BUSINESS_FEE_NOTE,
  joint: '国家税务总局石家庄市税务局（契税、个人所得税等税费征收）；石家庄市住房和城乡建设局（房屋交易）',
  conditions: '不动产已办理登记，因买卖、赠与、继承、离婚析产等原因导致权利发生转移，相关税费已缴纳，且不动产未被查封。',
  result: '不动产权证书',
  resultType: 'licence',
  faqs: [
    ['二手房过户要多长时间？', '材料齐全的，交易、缴税、登记在一个窗口受理，3个工作日内办结。'],
    ['过户要交哪些费用？', '登记费住宅类80元/件、非住宅类550元/件；另需按规定缴纳契税等税费，由税务部门在同一窗口征收。'],
    ['继承房产需要公证吗？', '不强制公证。可提交继承权公证书，也可由全部法定继承人到场签署材料，登记机构查验后办理。'],
  ],
  materials: [
    M.form('不动产登记申请书', ['买卖双方均已签字或盖章', '转移原因、成交价格与合同一致']),
    M.idCard('转让方和受让方', 'id-card', { originals: 2 }),
    titleDeed(),
    material('transfer-proof', {
      name: '不动产转移原因证明', notes: '买卖提供网签买卖合同；赠与提供赠与合同；继承提供继承权公证书或全部继承人的证明材料',
      points: ['合同已完成网签备案', '合同当事人与申请人一致'],
    }),
    shared('tax-receipt', '税费缴纳凭证', '税务机关'),
    material('marital', { name: '婚姻状况证明', issuer: '婚姻登记机关', source: '2', need: 'optional', type: 'copy', notes: '房屋为夫妻共有的提供', points: ['结婚证载明的双方与共有人一致'] }),
  ],
  form: [
    ...personFields('转让方', 'seller'),
    ...personFields('受让方', 'buyer'),
    select('reason', '转移原因', { sale: '买卖', gift: '赠与', inheritance: '继承', divorce: '离婚析产' }),
    number('price', '成交价格（万元）', { min: 0, ...onlyIf('reason', 'sale') }),
    address('location', '不动产坐落'),
    table('coOwners', '共有人', [
      text('name', '姓名'),
      idNumber('idNumber', '身份证号码'),
      select('mode', '共有方式', { joint: '共同共有', shares: '按份共有' }),
      number('share', '份额（%）', { min: 0, max: 100, required: false }),
    ], { ...OPTIONAL, minRows: 0 }),
    contactPhone(),
  ],
};

const realEstateMortgage: ItemSpec = {
  name: '不动产抵押登记',
  basicCode: '000132003000',
  itemType: '07',
  domain: 'real_estate',
  legalBasis: `《中华人民共和国民法典》第四百零二条；${REGISTRATION_REGULATION}；《不动产登记暂行条例实施细则》`,
  objects: ['1', '2'],
  themes: ['real_estate'],
  legal: REAL_ESTATE_LIMIT,
  promised: [1, 'workday', '银行端“不动产登记+金融服务”网上申请的，1个工作日内办结'],
  depth: 'IV',
  fees: REAL_ESTATE_FEES.slice(0, 2),
  feeNote: SMALL_BUSINESS_FEE_NOTE,
  conditions: '抵押人以已登记的不动产设定抵押，抵押合同已签订，抵押权人为依法设立的金融机构或其他债权人。',
  result: '不动产登记证明（抵押权）',
  resultType: 'licence',
  faqs: [['抵押登记需要本人到场吗？', '通过合作银行网上申请的无需到场，银行代为提交，登记证明以电子证照形式推送。']],
  materials: [
    M.form('不动产登记申请书', ['抵押人、抵押权人双方签字或盖章', '被担保债权数额与主债权合同一致']),
    M.idCard('抵押人'),
    titleDeed(),
    material('contracts', {
      name: '主债权合同及抵押合同', form: 'electronic',
      points: ['抵押合同载明被担保债权数额、债务履行期限', '合同由双方签字或加盖公章'],
    }),
    shared('mortgagee-licence', '抵押权人营业执照或金融许可证', '市场监督管理部门、金融监管部门'),
  ],
  form: [
    ...personFields('抵押人', 'mortgagor'),
    text('mortgagee', '抵押权人名称'),
    uscc('mortgageeUscc', '抵押权人统一社会信用代码'),
    select('kind', '抵押方式', { general: '一般抵押', ceiling: '最高额抵押' }),
    number('principal', '被担保主债权数额（万元）', { min: 0, ...onlyIf('kind', 'general') }),
    number('ceiling', '最高债权额（万元）', { min: 0, ...onlyIf('kind', 'ceiling') }),
    date('debtFrom', '债务履行期限起'),
    date('debtTo', '债务履行期限止'),
    address('location', '不动产坐落'),
  ],
};

const realEstateQuery: ItemSpec = {
  name: '不动产登记资料查询',
  basicCode: '000132004000',
  itemType: '20',
  domain: 'real_estate',
  legalBasis: `${REGISTRATION_REGULATION}第二十七条；《不动产登记资料查询暂行办法》`,
  objects: ['1', '2', '6'],
  themes: ['real_estate'],
  legal: [5, 'G', '不能当场提供查询的，自受理之日起5个工作日内提供（《不动产登记资料查询暂行办法》）'],
  promised: [0],
  depth: 'IV',
  plan: 'service',
  conditions: '不动产权利人、利害关系人可以依法查询、复制不动产登记资料；受委托的律师可凭律师执业证和律师事务所证明查询。',
  result: '不动产登记资料查询结果证明',
  faqs: [
    ['可以查询别人名下的房产吗？', '不能以姓名查询他人名下房产。利害关系人只能按不动产坐落等查询与其利害关系相关的登记结果。'],
    ['自助查询机能打印吗？', '可以。本人持身份证在自助查询机刷证并人脸识别后，可打印本人名下不动产登记信息。'],
  ],
  materials: [
    M.idCard('查询人'),
    M.form('不动产登记资料查询申请书', ['查询目的、查询内容填写明确', '查询人签字']),
    material('interest-proof', {
      name: '利害关系证明材料', need: 'optional', type: 'copy', notes: '利害关系人查询时提供，如买卖意向合同、诉讼材料',
      points: ['证明材料能证明与所查询不动产存在利害关系'],
    }),
  ],
  form: [
    ...personFields('查询人', 'requester'),
    contactPhone(),
    select('role', '查询人类型', { owner: '权利人', interested: '利害关系人', lawyer: '受托律师' }),
    textarea('interest', '利害关系说明', onlyIf('role', 'interested')),
    select('purpose', '查询目的', { trade: '房屋交易', lawsuit: '诉讼', loan: '贷款', other: '其他' }),
    address('location', '不动产坐落', OPTIONAL),
  ],
};

const realEstateChange: ItemSpec = {
  name: '不动产变更登记',
  basicCode: '000132005000',
  itemType: '07',
  domain: 'real_estate',
  legalBasis: `${REGISTRATION_REGULATION}第三条、第十四条；《不动产登记暂行条例实施细则》第二十六条`,
  objects: ['1', '2'],
  themes: ['real_estate'],
  legal: REAL_ESTATE_LIMIT,
  promised: [1],
  depth: 'III',
  conditions: '权利人的姓名或名称、身份证明类型或号码，或不动产坐落、界址、用途、面积等状况发生变更。权利人姓名、名称等变更的不收取登记费。',
  result: '不动产权证书（变更）',
  resultType: 'licence',
  materials: [
    M.form('不动产登记申请书', [RP.signed, '变更事项及变更前后内容填写清楚']),
    M.idCard('权利人'),
    titleDeed(),
    material('change-proof', { name: '变更事实证明材料', type: 'copy', notes: '如姓名变更的户籍证明、名称变更的市场监管部门核准通知书', points: ['证明材料载明的变更前后内容与申请一致'] }),
  ],
  form: [
    ...personFields('权利人', 'owner'),
    contactPhone(),
    select('changeItem', '变更事项', { name: '权利人姓名或名称', idNo: '身份证明号码', address: '不动产坐落', use: '用途' }),
    textarea('after', '变更后内容'),
    address('location', '不动产坐落'),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 税务 tax

const taxRegistration: ItemSpec = {
  name: '税务登记信息确认',
  basicCode: '000142001000',
  itemType: '07',
  domain: 'tax',
  legalBasis: '《中华人民共和国税收征收管理法》第十五条；《税务登记管理办法》',
  objects: ['1', '2', '6'],
  themes: ['tax', 'establishment'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.etax,
  plan: 'service',
  conditions: '已领取加载统一社会信用代码营业执照的新办纳税人，首次办理涉税事项时确认登记信息。',
  result: '税务登记信息确认结果',
  faqs: [
    ['新办企业还要单独办税务登记证吗？', '不需要。“多证合一”后营业执照即具有税务登记证作用，只需在电子税务局确认登记信息。'],
    ['财务负责人可以由法定代表人兼任吗？', '可以，但需分别填写并完成实名认证。'],
  ],
  materials: [
    M.idCard('经办人', 'agent-id', { form: 'electronic', notes: '电子税务局通过实名认证核验' }),
    M.licence(),
  ],
  form: [
    ...companyFields('纳税人'),
    text('financeLead', '财务负责人'),
    phone('financePhone', '财务负责人手机号码'),
    table('taxOfficers', '办税人员', [text('name', '姓名'), idNumber('idNumber', '身份证号码'), phone('mobile', '手机号码')]),
    select('accounting', '会计核算方式', { independent: '独立核算', dependent: '非独立核算' }),
    address('premises', '生产经营地址'),
  ],
};

const invoiceIssue: ItemSpec = {
  name: '发票领用',
  basicCode: '000142002000',
  itemType: '20',
  domain: 'tax',
  legalBasis: '《中华人民共和国发票管理办法》第十五条；《中华人民共和国发票管理办法实施细则》',
  objects: ['1', '2', '6'],
  themes: ['tax'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  url: SITES.etax,
  plan: 'service',
  conditions: '已办理税务登记信息确认、有开具发票需求的纳税人；使用全面数字化电子发票的，由税务机关按纳税信用等授予开票额度。',
  result: '发票（纸质发票或数电发票开票额度）',
  faqs: [['纸质发票可以邮寄吗？', '可以。在电子税务局申请领用时选择邮寄配送，邮寄费用由税务机关承担。']],
  materials: [
    M.idCard('经办人', 'agent-id'),
    material('seal-impression', { name: '发票专用章印模', need: 'optional', notes: '首次领用纸质发票时提供', points: ['印模清晰，名称与纳税人一致并含统一社会信用代码'] }),
  ],
  form: [
    ...companyFields('纳税人'),
    select('kind', '发票种类', { special: '增值税专用发票（纸质）', normal: '增值税普通发票（纸质）', digital: '全面数字化的电子发票' }),
    number('quantity', '领用数量（份）', { min: 1, max: 1000, ...onlyIf('kind', 'special', 'normal') }),
    select('delivery', '领取方式', DELIVERY, onlyIf('kind', 'special', 'normal')),
    address('mailAddress', '邮寄地址', onlyIf('delivery', 'mail')),
    contactPhone('经办人手机号码'),
  ],
};

const individualIncomeTax: ItemSpec = {
  name: '个人所得税综合所得汇算清缴',
  basicCode: '000142003000',
  itemType: '20',
  domain: 'tax',
  legalBasis: '《中华人民共和国个人所得税法》第十条、第十一条；《中华人民共和国个人所得税法实施条例》第二十五条',
  objects: ['1'],
  themes: ['employment'],
  legal: NO_LEGAL_LIMIT,
  promised: [0, 'workday', '申报提交即时受理；申请退税的，税务机关审核后办理退库'],
  depth: 'IV',
  url: SITES.iit,
  plan: 'service',
  conditions: '取得综合所得且需要补税或申请退税的居民个人，在取得所得的次年3月1日至6月30日内办理。',
  result: '个人所得税年度自行纳税申报表（申报成功回执）',
  faqs: [
    ['哪些人不需要办理汇算？', '年度综合所得收入不超过12万元且需要补税的，或年度汇算补税金额不超过400元的，以及已预缴税额与年度应纳税额一致的，无需办理。'],
    ['退税多久到账？', '税务机关审核通过后办理退库，一般在提交申请后的数个工作日内到账，可在个人所得税APP查询进度。'],
  ],
  materials: [
    M.idCard('纳税人', 'id-card', { form: 'electronic', notes: '个人所得税APP通过人脸识别完成实名注册' }),
    material('deduction-proofs', { name: '专项附加扣除相关资料', need: 'optional', form: 'electronic', notes: '留存备查，无需提交', points: ['扣除信息与留存资料一致'] }),
  ],
  form: [
    ...personFields('纳税人', 'taxpayer'),
    contactPhone(),
    text('employer', '任职受雇单位', OPTIONAL),
    select('outcome', '汇算结果', { refund: '申请退税', pay: '需要补税', none: '无需退补' }),
    text('refundAccount', '退税银行账户', onlyIf('outcome', 'refund')),
    table('deductions', '专项附加扣除', [
      select('item', '扣除项目', { child: '子女教育', infant: '3岁以下婴幼儿照护', education: '继续教育', loan: '住房贷款利息', rent: '住房租金', elderly: '赡养老人', illness: '大病医疗' }),
      number('amount', '扣除金额（元）', { min: 0 }),
    ], { ...OPTIONAL, minRows: 0 }),
  ],
};

const deedTax: ItemSpec = {
  name: '契税申报',
  basicCode: '000142004000',
  itemType: '04',
  domain: 'tax',
  legalBasis: '《中华人民共和国契税法》第九条、第十条；《中华人民共和国税收征收管理法》',
  objects: ['1', '2'],
  themes: ['tax', 'real_estate'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'II',
  visitsReason: '与不动产转移登记在同一窗口一并办理，须现场核验身份',
  joint: '石家庄市自然资源和规划局（不动产登记中心）',
  plan: 'service',
  conditions: '在本市承受土地、房屋权属的单位和个人，在依法办理土地、房屋权属登记手续前申报缴纳契税。',
  result: '契税完税凭证',
  materials: [
    M.idCard('纳税人'),
    material('contract', { name: '房屋买卖合同或其他权属转移合同', type: 'copy', points: ['合同已网签备案', '成交价格与申报计税价格一致'] }),
    shared('family-housing', '家庭住房情况查询结果', '不动产登记机构'),
  ],
  form: [
    ...personFields('纳税人', 'taxpayer'),
    contactPhone(),
    address('location', '房屋坐落'),
    number('price', '成交价格（万元）', { min: 0 }),
    number('area', '建筑面积（平方米）', { min: 0 }),
    select('familyHome', '家庭住房情况', { first: '家庭唯一住房', second: '家庭第二套住房', other: '其他' }),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 住房公积金 housing fund

const HOUSING_FUND_REGULATION = '《住房公积金管理条例》';

const fundWithdrawal: ItemSpec = {
  name: '住房公积金提取',
  basicCode: '000172001000',
  itemType: '20',
  domain: 'housing_fund',
  legalBasis: `${HOUSING_FUND_REGULATION}第二十四条、第二十五条`,
  objects: ['1'],
  themes: ['housing'],
  legal: [3, 'Z', '自受理申请之日起3日内作出准予提取或者不准提取的决定（《住房公积金管理条例》第二十五条）'],
  promised: [0, 'workday', '符合条件的当场办结，资金实时转入本人银行账户'],
  depth: 'IV',
  plan: 'service',
  conditions: '购买、建造、翻建、大修自住住房，偿还购房贷款本息，租赁自住住房，离休、退休，或与单位终止劳动关系且户口迁出本市等情形。',
  result: '住房公积金提取审批结果及转账凭证',
  faqs: [
    ['租房提取每月能取多少？', '按本市规定的租房提取额度提取，无需提供租赁合同；有租赁备案合同的可按实际房租提取，不超过月缴存额。'],
    ['提取后多久到账？', '网上或窗口办结后实时转账，具体以银行入账时间为准。'],
  ],
  materials: [
    M.idCard('缴存职工'),
    material('withdraw-proof', {
      name: '提取原因证明材料', type: 'copy', notes: '购房提供网签合同和购房发票；租房无需提供；退休提供退休证明（可共享）',
      points: ['证明材料载明的当事人为职工本人或其配偶', '购房发票开具时间在规定期限内'],
    }),
    material('bank-card', { name: '本人一类银行卡', type: 'either', points: ['银行卡户名与职工姓名一致'] }),
  ],
  form: [
    ...personFields('缴存职工', 'depositor'),
    contactPhone(),
    select('reason', '提取原因', { buy: '购买自住住房', repay: '偿还住房贷款本息', rent: '租赁自住住房', retire: '离休、退休', leave: '终止劳动关系且户口迁出本市' }),
    text('purchaseContract', '购房合同编号', onlyIf('reason', 'buy')),
    text('loanContract', '贷款合同编号', onlyIf('reason', 'repay')),
    number('monthlyRent', '月租金（元）', { min: 0, ...onlyIf('reason', 'rent') }),
    number('amount', '提取金额（元）', { min: 0.01 }),
    text('bankAccount', '收款银行卡号'),
  ],
};

const fundLoan: ItemSpec = {
  name: '住房公积金贷款申请',
  basicCode: '000172002000',
  itemType: '20',
  domain: 'housing_fund',
  legalBasis: `${HOUSING_FUND_REGULATION}第二十六条`,
  objects: ['1'],
  themes: ['housing'],
  legal: [15, 'Z', '自受理申请之日起15日内作出准予贷款或者不准贷款的决定（《住房公积金管理条例》第二十六条）'],
  promised: [7],
  depth: 'II',
  visitsReason: '借款人及配偶须到窗口面签借款合同',
  conditions: '连续足额缴存住房公积金满6个月，购买本市自住住房，且无未结清的住房公积金贷款。',
  result: '住房公积金个人住房贷款审批结果',
  resultType: 'approval',
  faqs: [['公积金贷款最多能贷多少？', '按缴存余额倍数、还款能力和本市最高贷款额度三者中的低者确定，具体以中心公布的政策为准。']],
  materials: [
    M.form('住房公积金借款申请表', ['借款人及配偶签字', '申请金额、期限在政策允许范围内']),
    M.idCard('借款人及配偶', 'id-card', { originals: 2, notes: '未婚的仅提供借款人本人身份证' }),
    shared('marital', '婚姻状况证明', '婚姻登记机关'),
    material('purchase-contract', { name: '购房合同', type: 'both', points: ['合同已网签备案', '买受人为借款人或其配偶'] }),
    material('down-payment', { name: '首付款凭证', type: 'copy', points: ['首付款金额不低于规定比例'] }),
  ],
  form: [
    ...personFields('借款人', 'borrower'),
    contactPhone(),
    select('marital', '婚姻状况', { single: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' }),
    ...personFields('配偶', 'spouse').map((f) => ({ ...f, ...onlyIf('marital', 'married') })),
    address('location', '所购房屋坐落'),
    number('price', '购房总价（万元）', { min: 0 }),
    number('loanAmount', '申请贷款金额（万元）', { min: 0 }),
    number('years', '贷款期限（年）', { min: 1, max: 30 }),
  ],
};

const fundEmployerRegistration: ItemSpec = {
  name: '住房公积金单位缴存登记',
  basicCode: '000172003000',
  itemType: '20',
  domain: 'housing_fund',
  legalBasis: `${HOUSING_FUND_REGULATION}第十三条、第十四条`,
  objects: ['2', '3', '4', '6'],
  themes: ['employment_company', 'establishment'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  plan: 'service',
  conditions: '本市行政区域内的国家机关、事业单位、企业、社会团体、民办非企业单位等，新设立的自设立之日起30日内办理。',
  result: '住房公积金单位缴存登记信息',
  materials: [
    M.form('住房公积金单位缴存登记表', [RP.sealed, '缴存比例在5%至12%之间']),
    M.licence(),
    M.idCard('经办人', 'agent-id'),
  ],
  form: [
    ...companyFields('单位'),
    address('address', '单位地址'),
    contactPhone('经办人手机号码'),
    select('rate', '缴存比例', { r5: '5%', r8: '8%', r10: '10%', r12: '12%' }),
    table('employees', '职工名单', [text('name', '姓名'), idNumber('idNumber', '身份证号码'), number('base', '月缴存基数（元）', { min: 0 })]),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 规划建设 planning and construction

const projectFields = (): FormField[] => [
  ...companyFields('建设单位'),
  text('projectName', '项目名称'),
  text('projectCode', '投资项目代码'),
  address('site', '建设地点'),
];

const buildingPlanningPermit: ItemSpec = {
  name: '建设工程规划许可证核发',
  basicCode: '000133001000',
  itemType: '01',
  domain: 'planning_construction',
  legalBasis: '《中华人民共和国城乡规划法》第四十条；《河北省城乡规划条例》',
  objects: ['2', '3', '6'],
  themes: ['construction'],
  legal: [20, 'G'],
  promised: [5],
  depth: 'III',
  conditions: '已取得建设用地使用权，建设工程设计方案符合控制性详细规划和规划条件。',
  result: '建设工程规划许可证',
  resultType: 'licence',
  special: [{ type: '2', name: '批前公示', timeLimit: '7日', note: '设计方案在项目现场和网站公示，公示时间不计入办理时限' }],
  materials: [
    M.form('建设工程规划许可申请表', [RP.sealed, '项目代码与投资项目在线审批监管平台一致']),
    material('land-right', { name: '建设用地使用权证明', issuer: '不动产登记机构', source: '2', type: 'copy', points: ['用地范围、用途与设计方案一致'] }),
    material('design', {
      name: '建设工程设计方案', issuer: '设计单位', source: '9', form: 'electronic',
      points: ['总平面图标明建筑退线、间距', '容积率、建筑密度、绿地率等技术经济指标符合规划条件'],
    }),
  ],
  form: [
    ...projectFields(),
    number('floorArea', '总建筑面积（平方米）', { min: 0 }),
    select('landUse', '用地性质', { residential: '居住用地', commercial: '商业服务业用地', industrial: '工业用地', public: '公共管理与公共服务用地' }),
    contactPhone('联系人手机号码'),
  ],
};

const constructionPermit: ItemSpec = {
  name: '建筑工程施工许可证核发',
  basicCode: '000133002000',
  itemType: '01',
  domain: 'planning_construction',
  legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
  objects: ['2', '3', '6'],
  themes: ['construction'],
  legal: [7, 'Z', '自收到申请之日起7日内（《建筑工程施工许可管理办法》）'],
  promised: [3],
  depth: 'IV',
  conditions: `已办理用地批准手续，已取得建设工程规划许可证，施工场地已基本具备施工条件，已确定施工企业，有满足施工需要的施工图纸及技术资料，建设资金已落实。${deferTerms(10)}`,
  result: '建筑工程施工许可证',
  resultType: 'licence',
  materials: [
    M.form('建筑工程施工许可证申请表', [RP.sealed, '建设单位、施工单位项目负责人签字']),
    shared('planning-permit', '建设工程规划许可证', '自然资源和规划部门'),
    material('contract', { name: '施工合同', type: 'copy', points: ['合同已在监管平台备案', '合同价格、工期与申请表一致'] }),
    material('drawings-review', { name: '施工图设计文件审查合格书', issuer: '施工图审查机构', source: '9', need: 'deferrable', points: ['审查合格书与项目名称一致'] }),
    material('funding', { name: '建设资金已经落实承诺书', points: ['承诺书经法定代表人签字并加盖公章'] }),
  ],
  form: [
    ...projectFields(),
    number('contractPrice', '合同价格（万元）', { min: 0 }),
    number('duration', '合同工期（日历天）', { min: 1 }),
    table('parties', '参建单位', [
      select('role', '单位类型', { builder: '施工单位', supervisor: '监理单位', designer: '设计单位', surveyor: '勘察单位' }),
      text('name', '单位名称'),
      uscc('uscc', '统一社会信用代码'),
      text('lead', '项目负责人'),
    ]),
  ],
};

const landPlanningPermit: ItemSpec = {
  name: '建设用地规划许可证核发',
  basicCode: '000133003000',
  itemType: '01',
  domain: 'planning_construction',
  legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条',
  objects: ['2', '3', '6'],
  themes: ['construction'],
  legal: [20, 'G'],
  promised: [5],
  depth: 'III',
  conditions: '以出让方式取得国有土地使用权的建设项目已签订国有土地使用权出让合同；以划拨方式取得的已经有关部门批准、核准或备案。',
  result: '建设用地规划许可证',
  resultType: 'licence',
  materials: [
    M.form('建设用地规划许可申请表', [RP.sealed]),
    material('land-contract', { name: '国有建设用地使用权出让合同或划拨决定书', issuer: '自然资源主管部门', source: '2', type: 'copy', points: ['合同附规划条件', '用地位置、面积与申请一致'] }),
  ],
  form: [...projectFields(), number('landArea', '用地面积（平方米）', { min: 0 }), contactPhone('联系人手机号码')],
};

// ---------------------------------------------------------------------------------------------------------------
// 公安 public security

const RESIDENCE_PERMIT_REGULATION = '《居住证暂行条例》（国务院令第663号）';
const rentalProof = (): Material =>
  material('residence-proof', {
    name: '居住地住址证明', type: 'copy', notes: '租赁房屋的提供租赁合同，自有房屋的提供不动产权证书，单位宿舍的提供单位证明',
    points: ['租赁合同在有效期内', '证明载明的地址与申请填写一致'],
  });

const residencePermit: ItemSpec = {
  name: '居住证申领',
  basicCode: '000111001000',
  itemType: '07',
  domain: 'public_security',
  legalBasis: `${RESIDENCE_PERMIT_REGULATION}第二条`,
  objects: ['1'],
  themes: ['household'],
  legal: [15, 'Z', '自受理之日起15日内制作发放（《居住证暂行条例》）'],
  promised: [5],
  depth: 'III',
  conditions: '离开常住户口所在地到本市居住半年以上，且符合有合法稳定就业、合法稳定住所、连续就读条件之一。',
  result: '居住证',
  resultType: 'licence',
  faqs: [
    ['居住证有什么用？', '持证人在居住地享有义务教育、基本公共就业服务、基本公共卫生服务等权利，并可按规定申请落户。'],
    ['居住证需要每年办理吗？', '居住证不设有效期，但须每年签注一次；逾期未签注的，居住年限不连续计算。'],
  ],
  materials: [
    M.idCard(),
    material('photo', { name: '近期免冠证件照片', need: 'exempt', type: 'either', form: 'electronic', notes: '派出所现场免费采集' }),
    rentalProof(),
    material('job-proof', { name: '就业或就读证明', need: 'optional', type: 'copy', notes: '以就业、就读为事由申领的提供', points: ['证明加盖单位或学校公章'] }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    address('residence', '居住地址'),
    select('basis', '申领事由', { work: '就业', study: '就读', live: '合法稳定住所' }),
    text('employer', '就业单位', onlyIf('basis', 'work')),
    text('school', '就读学校', onlyIf('basis', 'study')),
    date('arrivedOn', '来本市居住日期'),
  ],
};

const residencePermitEndorsement: ItemSpec = {
  name: '居住证签注',
  basicCode: '000111002000',
  itemType: '07',
  domain: 'public_security',
  legalBasis: RESIDENCE_PERMIT_REGULATION,
  objects: ['1'],
  themes: ['household'],
  legal: NO_LEGAL_LIMIT,
  promised: [0],
  depth: 'IV',
  plan: 'service',
  conditions: '居住证持证人在居住地连续居住，在居住每满一年之日前一个月内申请签注。',
  result: '居住证签注信息',
  materials: [
    shared('permit', '居住证', '公安机关'),
    rentalProof(),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    text('permitNo', '居住证号码'),
    address('residence', '现居住地址'),
    select('moved', '居住地址是否变更', YES_NO),
    address('newResidence', '变更后居住地址', onlyIf('moved', 'yes')),
  ],
};

const idCardRenewal: ItemSpec = {
  name: '身份证换领',
  basicCode: '000111003000',
  itemType: '07',
  domain: 'public_security',
  legalBasis: '《中华人民共和国居民身份证法》第十一条、第十二条',
  objects: ['1'],
  themes: ['household'],
  legal: [60, 'Z', '自提交申领登记表之日起60日内发放；交通不便地区可延长，但不超过30日（《中华人民共和国居民身份证法》第十二条）'],
  promised: [15],
  depth: 'II',
  visitsReason: '须本人到场采集人像和指纹信息',
  delivery: true,
  fees: [{ name: '居民身份证工本费（换领）', standard: '20元/证', basis: '《国家发展改革委 财政部关于第二代居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' }],
  conditions: '居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的公民；可在全国任一受理点异地办理。',
  result: '居民身份证',
  resultType: 'licence',
  faqs: [
    ['身份证到期前多久可以换？', '有效期满前3个月内即可申请换领。'],
    ['办理期间急用怎么办？', '可同时申领临时居民身份证，工本费10元，一般当场或3日内领取。'],
  ],
  materials: [
    material('old-id', { name: '原居民身份证', issuer: '公安机关', source: '2', form: 'paper', notes: '换领时交回', points: ['交回证件为本人证件'] }),
    M.householdBook('optional'),
    material('photo', { name: '符合标准的证件照片', need: 'exempt', type: 'either', form: 'electronic', notes: '受理点现场采集，或使用经认证机构拍摄的数码照片回执' }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    select('reason', '换领原因', { expired: '有效期满', changed: '登记项目变更', damaged: '证件严重损坏' }),
    select('delivery', '领取方式', DELIVERY),
    address('mailAddress', '邮寄地址', onlyIf('delivery', 'mail')),
  ],
};

const householdMove: ItemSpec = {
  name: '户口迁移',
  basicCode: '000111004000',
  itemType: '07',
  domain: 'public_security',
  legalBasis: '《中华人民共和国户口登记条例》第十条、第十三条；《河北省人民政府关于深化户籍制度改革的实施意见》',
  objects: ['1'],
  themes: ['household'],
  legal: NO_LEGAL_LIMIT,
  promised: [5, 'workday', '跨省迁移实行“一站式”办理，迁入地受理后5个工作日内办结'],
  depth: 'II',
  visitsReason: '须本人到迁入地派出所或户政窗口核验并领取户口簿',
  conditions: '符合本市落户条件（购房、就业、投靠亲属、入学等），迁入地有合法稳定住所。',
  result: '准予迁入证明及户口簿迁入页',
  resultType: 'licence',
  materials: [
    M.householdBook(),
    M.idCard(),
    shared('housing', '迁入地合法稳定住所证明', '不动产登记机构'),
    material('relation-proof', { name: '随迁人员关系证明', need: 'optional', type: 'copy', notes: '有随迁配偶、子女的提供结婚证、出生医学证明等', points: ['证明载明的关系与申请填写一致'] }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    select('kind', '迁移类型', { house: '购房落户', job: '就业落户', family: '投靠亲属', study: '学生入学' }),
    region('from', '迁出地'),
    address('to', '迁入地址'),
    text('deedNo', '不动产权证书号', onlyIf('kind', 'house')),
    table('companions', '随迁人员', [
      text('name', '姓名'),
      idNumber('idNumber', '身份证号码'),
      select('relation', '与申请人关系', { spouse: '配偶', child: '子女', parent: '父母' }),
    ], { ...OPTIONAL, minRows: 0 }),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// 民政 civil affairs

const marriage: ItemSpec = {
  name: '结婚登记',
  basicCode: '000113001000',
  itemType: '07',
  domain: 'civil_affairs',
  legalBasis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》（国务院令第804号）',
  objects: ['1'],
  themes: ['marriage'],
  legal: [0, 'G', '符合结婚条件的当场予以登记，发给结婚证'],
  promised: [0],
  depth: 'II',
  visitsReason: '男女双方须亲自到婚姻登记机关现场办理',
  conditions: '男女双方完全自愿，男方年满22周岁、女方年满20周岁，双方均无配偶，且不属于直系血亲或三代以内旁系血亲。自2025年5月10日起全国通办，不再需要户口簿。',
  result: '结婚证',
  resultType: 'licence',
  faqs: [
    ['结婚登记还需要户口本吗？', '不需要。自2025年5月10日起，内地居民办理结婚登记只需本人居民身份证和签字声明。'],
    ['可以在外地登记吗？', '可以。婚姻登记实行全国通办，可在全国任一内地居民婚姻登记机关申请。'],
  ],
  materials: [
    M.idCard('男女双方', 'id-card', { originals: 2 }),
    material('declaration', {
      name: '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', form: 'paper', notes: '在登记员面前当场签署',
      points: ['双方当场亲笔签字并按指印'],
    }),
    material('photo', { name: '双方近期半身免冠合影照片', need: 'optional', originals: 3, notes: '2寸合影3张；登记机关可现场拍摄', points: ['双人合影、红色背景'] }),
  ],
  form: [
    ...personFields('男方', 'groom'),
    select('groomStatus', '男方婚姻状况', { unmarried: '未婚', divorced: '离婚', widowed: '丧偶' }),
    ...personFields('女方', 'bride'),
    select('brideStatus', '女方婚姻状况', { unmarried: '未婚', divorced: '离婚', widowed: '丧偶' }),
    date('appointment', '预约登记日期'),
    contactPhone(),
  ],
};

const minimumLiving: ItemSpec = {
  name: '最低生活保障申请',
  basicCode: '000113002000',
  itemType: '05',
  domain: 'civil_affairs',
  legalBasis: '《社会救助暂行办法》（国务院令第649号）；《最低生活保障审核确认办法》（民发〔2021〕57号）',
  objects: ['1'],
  themes: ['civil_affairs'],
  legal: [30, 'G', '自受理之日起30个工作日内完成审核确认，特殊情况可延长至45个工作日（《最低生活保障审核确认办法》）'],
  promised: [20],
  depth: 'III',
  conditions: '共同生活的家庭成员人均收入低于本地最低生活保障标准，且家庭财产状况符合规定，以家庭为单位提出申请。',
  result: '最低生活保障审核确认决定',
  resultType: 'approval',
  special: [{ type: '2', name: '家庭经济状况调查和公示', timeLimit: '10个工作日', note: '入户调查、信息核对并在村（居）公示7天，时间计入办理时限' }],
  materials: [
    M.form('最低生活保障申请书', [RP.signed, '申请原因填写具体']),
    M.idCard('申请人'),
    material('authorization', {
      name: '家庭经济状况核对授权书',
      points: ['所有共同生活家庭成员均已签字', '授权书载明的成员与申请表一致'],
    }),
    material('income-proof', { name: '收入及困难情况证明', need: 'optional', type: 'copy', notes: '如残疾证、诊断证明等', points: ['证明材料由有权机构出具'] }),
  ],
  form: [
    ...personFields(),
    contactPhone(),
    region('household', '户籍地'),
    address('residence', '居住地址'),
    select('reason', '申请原因', { illness: '因病', disability: '因残', unemployment: '失业', other: '其他' }),
    textarea('reasonDetail', '申请原因说明', onlyIf('reason', 'other')),
    table('family', '共同生活家庭成员', [
      text('name', '姓名'),
      idNumber('idNumber', '身份证号码'),
      select('relation', '与申请人关系', { spouse: '配偶', child: '子女', parent: '父母', other: '其他' }),
      number('income', '月收入（元）', { min: 0 }),
    ]),
  ],
};

const oldAgeAllowance: ItemSpec = {
  name: '高龄津贴申领',
  basicCode: '000113003000',
  itemType: '05',
  domain: 'civil_affairs',
  legalBasis: '《中华人民共和国老年人权益保障法》第三十三条；《河北省老年人权益保障条例》',
  objects: ['1'],
  themes: ['retirement', 'civil_affairs'],
  legal: NO_LEGAL_LIMIT,
  promised: [10, 'workday', '审核通过后次月起按月发放至本人社会保障卡'],
  depth: 'III',
  conditions: '具有本县户籍、年满80周岁的老年人，由本人或其委托的代办人申请。',
  result: '高龄津贴享受资格确认',
  resultType: 'approval',
  materials: [
    M.idCard('老年人'),
    M.householdBook(),
    M.ssCard(),
    M.proxy(),
  ],
  form: [
    ...personFields('老年人', 'elder'),
    region('household', '户籍地'),
    select('byProxy', '是否委托代办', YES_NO),
    ...personFields('代办人', 'proxy').map((f) => ({ ...f, ...onlyIf('byProxy', 'yes') })),
    contactPhone(),
  ],
};

const disabilitySubsidies: ItemSpec = {
  name: '残疾人两项补贴申请',
  basicCode: '000113004000',
  itemType: '05',
  domain: 'civil_affairs',
  legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
  objects: ['1'],
  themes: ['civil_affairs', 'social_security'],
  legal: NO_LEGAL_LIMIT,
  promised: [20],
  depth: 'III',
  conditions: '持有第二代残疾人证：生活补贴面向低保家庭中的残疾人，护理补贴面向残疾等级为一、二级且需长期照护的重度残疾人。',
  result: '残疾人两项补贴审核确认结果',
  resultType: 'approval',
  materials: [
    M.form('残疾人两项补贴申请审批表', [RP.signed, '申请补贴类型与残疾等级相符']),
    M.idCard('残疾人'),
    material('disability-card', {
      name: '第二代中华人民共和国残疾人证', issuer: '残疾人联合会', source: '2',
      points: ['残疾人证在有效期内', '护理补贴申请人残疾等级为一级或二级'],
    }),
  ],
  form: [
    ...personFields('残疾人', 'disabled'),
    contactPhone(),
    text('cardNo', '残疾人证号'),
    select('category', '残疾类别', { visual: '视力', hearing: '听力', speech: '言语', physical: '肢体', intellectual: '智力', mental: '精神' }),
    select('grade', '残疾等级', { g1: '一级', g2: '二级', g3: '三级', g4: '四级' }),
    select('subsidy', '申请补贴类型', { living: '困难残疾人生活补贴', nursing: '重度残疾人护理补贴', both: '两项补贴' }),
    text('guardian', '监护人姓名', OPTIONAL),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// The catalogue: where each item is implemented

const ZD_TOWNS = ['130123100', '130123101'];

export const DEMO_CATALOG: DemoImplementation[] = [
  // 市场监管
  ...implement(individualBusiness,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 420, scope: 'subtree' },
    { region: '130102', dept: 'market', agency: '石家庄市市场监督管理局长安分局', popularity: 260 },
    { region: '130123', dept: 'zdApproval', popularity: 180 }),
  ...implement(companySetup,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 350, scope: 'subtree' },
    { region: '130123', dept: 'zdApproval', popularity: 90 }),
  ...implement(companyChange,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 280, scope: 'subtree' },
    { region: '130123', dept: 'zdApproval', popularity: 70 }),
  ...implement(companyDeregistration,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 160, scope: 'subtree' },
    { region: '130123', dept: 'zdApproval', popularity: 40 }),
  ...implement(foodBusiness,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 210, scope: 'subtree' },
    { region: '130104', dept: 'market', agency: '石家庄市市场监督管理局桥西分局', popularity: 120 },
    { region: '130123', dept: 'zdApproval', popularity: 85, tweak: { promised: [3] } }),
  ...implement(pharmacy,
    { region: '1301', dept: 'market', transferTo: 'approval', popularity: 25 },
    { region: '130123', dept: 'zdApproval', popularity: 8 }),
  // 卫生健康
  ...implement(publicPlaceHygiene,
    { region: '1301', dept: 'health', transferTo: 'approval', popularity: 60 },
    { region: '130123', dept: 'zdApproval', popularity: 20 }),
  ...implement(birthCertificate, { region: '1301', dept: 'health', agency: '各助产机构（石家庄市卫生健康委员会监管）', popularity: 640 }),
  ...implement(physicianRegistration, { region: '1301', dept: 'health', transferTo: 'approval', popularity: 45, scope: 'subtree' }),
  // 医疗保障
  ...implement(residentMedicalEnrolment,
    { region: '1301', dept: 'medical', popularity: 1500, scope: 'subtree' },
    { region: '130102', dept: 'medical', agency: '石家庄市医疗保障局长安区分局', popularity: 600, delegatedTo: ['130102002'] },
    { region: '130102002', dept: 'medical', agency: '长安区青园街道便民服务中心', popularity: 150, tweak: { depth: 'II' } },
    { region: '130123', dept: 'zdMedical', popularity: 400 }),
  ...implement(manualReimbursement,
    { region: '1301', dept: 'medical', popularity: 700, scope: 'subtree' },
    { region: '130123', dept: 'zdMedical', popularity: 160, tweak: { promised: [15] } }),
  ...implement(crossRegionFiling,
    { region: '1301', dept: 'medical', popularity: 2600, scope: 'nation' },
    { region: '130123', dept: 'zdMedical', popularity: 500, scope: 'nation' }),
  ...implement(chronicDisease, { region: '1301', dept: 'medical', popularity: 300, scope: 'subtree' }),
  // 人力资源社会保障
  ...implement(pensionTransfer, { region: '1301', dept: 'hrss', popularity: 650, scope: 'nation' }),
  ...implement(unemploymentBenefit, { region: '1301', dept: 'hrss', popularity: 480, scope: 'province' }),
  ...implement(ssCardApplication, { region: '1301', dept: 'hrss', popularity: 1200, scope: 'subtree' }),
  ...implement(ssCardReplacement, { region: '1301', dept: 'hrss', popularity: 800, scope: 'province' }),
  ...implement(retirement, { region: '1301', dept: 'hrss', popularity: 520 }),
  ...implement(residentPensionEnrolment,
    { region: '130102', dept: 'hrss', agency: '长安区社会保险事业服务中心', popularity: 120, delegatedTo: ['130102001'] },
    { region: '130102001', dept: 'hrss', agency: '长安区建北街道便民服务中心', popularity: 40, tweak: { depth: 'I' } },
    { region: '130123', dept: 'zdApproval', agency: '正定县社会保险事业服务中心', popularity: 150, delegatedTo: ['130123100'] },
    { region: '130123100', dept: 'zdApproval', agency: '正定县正定镇人民政府（便民服务中心）', popularity: 60, tweak: { depth: 'II' } }),
  ...implement(employmentCard, { region: '1301', dept: 'hrss', popularity: 210, scope: 'subtree' }),
  // 不动产登记
  ...implement(realEstateFirst, { region: '1301', dept: 'land', popularity: 140 }),
  ...implement(realEstateTransfer,
    { region: '1301', dept: 'land', popularity: 1300, scope: 'subtree' },
    { region: '130105', dept: 'land', agency: '石家庄市不动产登记中心新华区分中心', popularity: 420 }),
  ...implement(realEstateMortgage, { region: '1301', dept: 'land', popularity: 900, scope: 'subtree' }),
  ...implement(realEstateQuery,
    { region: '1301', dept: 'land', popularity: 1100, scope: 'province' },
    { region: '130102', dept: 'land', agency: '石家庄市不动产登记中心长安区分中心', popularity: 300 }),
  ...implement(realEstateChange, { region: '1301', dept: 'land', popularity: 200, scope: 'subtree' }),
  // 税务
  ...implement(taxRegistration, { region: '1301', dept: 'tax', popularity: 380, scope: 'subtree' }),
  ...implement(invoiceIssue,
    { region: '1301', dept: 'tax', popularity: 950, scope: 'subtree' },
    { region: '130123', dept: 'tax', agency: '国家税务总局正定县税务局', popularity: 260 }),
  ...implement(individualIncomeTax, { region: '1301', dept: 'tax', popularity: 3000, scope: 'province' }),
  ...implement(deedTax, { region: '1301', dept: 'tax', popularity: 1000, scope: 'subtree' }),
  // 住房公积金
  ...implement(fundWithdrawal,
    { region: '1301', dept: 'fund', popularity: 2200, scope: 'subtree' },
    { region: '130123', dept: 'fund', agency: '石家庄住房公积金管理中心正定县管理部', popularity: 380 }),
  ...implement(fundLoan, { region: '1301', dept: 'fund', popularity: 420, scope: 'subtree' }),
  ...implement(fundEmployerRegistration, { region: '1301', dept: 'fund', popularity: 150, scope: 'subtree' }),
  // 规划建设
  ...implement(buildingPlanningPermit,
    { region: '1301', dept: 'land', transferTo: 'approval', popularity: 30 },
    { region: '130123', dept: 'zdApproval', popularity: 12 }),
  ...implement(constructionPermit,
    { region: '1301', dept: 'approval', popularity: 40 },
    { region: '130123', dept: 'zdApproval', popularity: 15 }),
  ...implement(landPlanningPermit, { region: '1301', dept: 'land', transferTo: 'approval', popularity: 10 }),
  // 公安
  ...implement(residencePermit,
    { region: '130104', dept: 'police', agency: '石家庄市公安局桥西分局', popularity: 260 },
    { region: '130105', dept: 'police', agency: '石家庄市公安局新华分局', popularity: 240 }),
  ...implement(residencePermitEndorsement,
    { region: '130104', dept: 'police', agency: '石家庄市公安局桥西分局', popularity: 180 },
    { region: '130105', dept: 'police', agency: '石家庄市公安局新华分局', popularity: 150 }),
  ...implement(idCardRenewal,
    { region: '1301', dept: 'police', agency: '石家庄市公安局人口管理支队（市政务服务中心户政窗口）', popularity: 900, scope: 'province' },
    { region: '130102', dept: 'police', agency: '石家庄市公安局长安分局', popularity: 500, scope: 'province' },
    { region: '130123', dept: 'police', agency: '正定县公安局', popularity: 300, scope: 'province' }),
  ...implement(householdMove,
    { region: '1301', dept: 'police', popularity: 350, scope: 'subtree' },
    { region: '130105', dept: 'police', agency: '石家庄市公安局新华分局', popularity: 120 }),
  // 民政
  ...implement(marriage, { region: '130123', dept: 'zdApproval', agency: '正定县民政局婚姻登记处', popularity: 110, scope: 'nation' }),
  ...implement(minimumLiving, { region: '130123', dept: 'zdApproval', agency: '正定县民政局', popularity: 45 }),
  ...implement(oldAgeAllowance,
    { region: '130123', dept: 'zdApproval', agency: '正定县民政局', popularity: 70, scope: 'subtree', delegatedTo: ZD_TOWNS },
    ...ZD_TOWNS.map((town, i): Placement => ({
      region: town, dept: 'zdApproval', agency: `正定县${placeName(town)}人民政府（便民服务中心）`, popularity: 30 - 10 * i, tweak: { depth: 'I' },
    }))),
  ...implement(disabilitySubsidies, { region: '130123', dept: 'zdApproval', agency: '正定县民政局', popularity: 35, scope: 'province' }),
];
