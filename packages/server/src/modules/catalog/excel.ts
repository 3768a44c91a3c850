// The catalogue as an Excel workbook (事项清单导入导出): one layout for the import template and for exports, so an
// export can be edited and imported again. Sheet 事项 holds one row per implementation with every scalar guide field;
// the lists of a guide (材料、流程、收费项目、特别程序、常见问题) are rows of their own sheets, linked by 实施编码 and
// kept in row order; 表单 holds each application form as JSON. Code columns show labels and accept codes or labels.
// This file is the layout and the pure parsing/validation; reading and writing the database is in excel-routes.ts.
import { PassThrough } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import type ExcelJS from 'exceljs';

// exceljs is loaded on first use: most servers never touch a workbook, and it weighs ~25 MB of memory.
const loadExcel = async () => (await import('exceljs')).default;
import { Value } from 'typebox/value';
import { Compile, type Validator } from 'typebox/compile';
import {
  CASE_TYPES, COMPANY_THEMES, EXERCISE_LEVELS, HANDLING_FORMS, ITEM_TYPES, LEGAL_LIMIT_UNITS, MATERIAL_FORMS,
  MATERIAL_NECESSITY, MATERIAL_SOURCES, MATERIAL_TYPES, ONLINE_DEPTHS, PERSON_THEMES, PROMISED_LIMIT_UNITS, RESULT_TYPES,
  ROLES, SERVICE_OBJECTS, SERVICE_SCOPES, SPECIAL_PROCEDURE_TYPES, STEP_KINDS, GuideContentSchema, checkGuideQuality,
  isInRegion, type CodeEntry, type GuideContent,
} from '@onewindow/domain';
import { authorize, type Actor } from '../../platform/policy.ts';

// ---------------------------------------------------------------- layout

export interface CodeList {
  readonly title: string;
  readonly entries: readonly CodeEntry[];
}

const list = (title: string, set: { entries: readonly CodeEntry[] }): CodeList => ({ title, entries: set.entries });

export const CODE_LISTS = {
  itemType: list('事项类型', ITEM_TYPES),
  exerciseLevel: list('行使层级', EXERCISE_LEVELS),
  serviceObject: list('服务对象', SERVICE_OBJECTS),
  theme: { title: '主题', entries: [...PERSON_THEMES.entries, ...COMPANY_THEMES.entries] } as CodeList,
  legalUnit: list('法定时限单位', LEGAL_LIMIT_UNITS),
  promisedUnit: list('承诺时限单位', PROMISED_LIMIT_UNITS),
  caseType: list('办件类型', CASE_TYPES),
  handlingForm: list('办理形式', HANDLING_FORMS),
  onlineDepth: list('网上办理深度', ONLINE_DEPTHS),
  resultType: list('结果类型', RESULT_TYPES),
  serviceScope: list('通办范围', SERVICE_SCOPES),
  necessity: list('必要性', MATERIAL_NECESSITY),
  materialType: list('材料类型', MATERIAL_TYPES),
  materialForm: list('材料形式', MATERIAL_FORMS),
  source: list('来源渠道', MATERIAL_SOURCES),
  stepKind: list('环节类型', STEP_KINDS),
  role: { title: '办理岗位', entries: ROLES } as CodeList,
  specialType: list('特别程序种类', SPECIAL_PROCEDURE_TYPES),
  yesNo: { title: '是/否', entries: [{ code: 'true', label: '是' }, { code: 'false', label: '否' }] } as CodeList,
};

/**
 * How a cell turns into a guide value and back. `department` cells hold a department's USCC (the guide stores its id);
 * `lines` cells hold one entry per line; `codes` cells hold several codes or labels separated by 、.
 */
export type CellKind = 'text' | 'int' | 'optionalInt' | 'bool' | 'code' | 'codes' | 'department' | 'optionalText' | 'file' | 'lines' | 'json' | 'list';

export interface Column {
  header: string;
  /** JSON pointer into what the row builds (the guide for 事项, one list entry for the others); `#…` for row keys. */
  path: string;
  kind: CellKind;
  width: number;
  help: string;
  codes?: CodeList;
  required?: boolean;
}

export interface SheetLayout {
  name: string;
  /** The guide's list that this sheet's rows fill, in row order; '' for 事项 (one row per implementation). */
  array: '' | '/materials' | '/steps' | '/feeItems' | '/specialProcedures' | '/faqs' | '/form';
  columns: Column[];
}

export const SHEET = { items: '事项', materials: '材料', steps: '流程', fees: '收费项目', special: '特别程序', faqs: '常见问题', form: '表单', help: '说明', codes: '代码表', report: '错误报告' } as const;
const ERROR_COLUMN = '错误';
const FORM_JSON = '表单定义（JSON）';
/** Excel refuses longer cell text; a longer form definition continues on further rows. */
const CELL_TEXT_LIMIT = 32_000;

const codeColumn = (header: string, path: string, codes: CodeList, width = 14): Column => ({ header, path, kind: 'code', codes, width, help: `填写代码或名称，见“代码表”`, required: true });
const text = (header: string, path: string, width: number, help = '', required = false): Column => ({ header, path, kind: 'text', width, help, required });
const yesNo = (header: string, path: string): Column => ({ header, path, kind: 'bool', codes: CODE_LISTS.yesNo, width: 10, help: '填写“是”或“否”，空为“否”' });
const IMPL_CODE: Column = { header: '实施编码', path: '#code', kind: 'text', width: 24, help: '本行所属事项的实施编码（须在“事项”表中）', required: true };

export function sheetLayouts(domains: CodeList): SheetLayout[] {
  return [
    {
      name: SHEET.items,
      array: '',
      columns: [
        { ...IMPL_CODE, help: '6–60 位字母、数字或连字符；已存在的编码更新其草稿，新编码新建事项' },
        { header: '区划代码', path: '#regionCode', kind: 'text', width: 12, help: '实施区划代码（2/4/6/9 位）', required: true },
        { header: '部门统一社会信用代码', path: '#departmentUscc', kind: 'text', width: 22, help: '实施部门的统一社会信用代码，部门须在该区划内', required: true },
        text('事项名称', '/name', 30, '', true),
        text('基本编码', '/basicCode', 16, '大写字母、数字或连字符，6–40 位；已有事项不能修改', true),
        codeColumn('事项类型', '/itemType', CODE_LISTS.itemType),
        codeColumn('行使层级', '/exerciseLevel', CODE_LISTS.exerciseLevel),
        text('设定依据', '/legalBasis', 40),
        { header: '服务对象', path: '/serviceObjects', kind: 'codes', codes: CODE_LISTS.serviceObject, width: 16, help: '可填多个，用“、”分隔', required: true },
        { header: '主题', path: '/themes', kind: 'codes', codes: CODE_LISTS.theme, width: 16, help: '可填多个，用“、”分隔' },
        text('实施主体', '/implementingBody', 24),
        text('实施主体统一社会信用代码', '/implementingBodyCode', 22, '空则使用实施部门的代码'),
        text('实施主体性质', '/implementingBodyNature', 14, '如：法定机关、授权组织、受委托组织'),
        text('共同实施部门', '/jointDepartments', 20),
        text('承办机构', '/handlingAgency', 20),
        text('中介服务', '/intermediaryServices', 16),
        text('数量限制', '/quantityLimit', 16),
        { header: '法定办结时限', path: '/legalLimit/amount', kind: 'int', width: 12, help: '整数，0 表示无法定时限', required: true },
        codeColumn('法定时限单位', '/legalLimit/unit', CODE_LISTS.legalUnit, 12),
        text('法定时限说明', '/legalLimit/note', 16),
        { header: '承诺办结时限', path: '/promisedLimit/amount', kind: 'int', width: 12, help: '整数，0 表示即办', required: true },
        codeColumn('承诺时限单位', '/promisedLimit/unit', CODE_LISTS.promisedUnit, 12),
        text('承诺时限说明', '/promisedLimit/note', 16),
        codeColumn('办件类型', '/caseType', CODE_LISTS.caseType, 10),
        { header: '办理形式', path: '/handlingForms', kind: 'codes', codes: CODE_LISTS.handlingForm, width: 22, help: '可填多个，用“、”分隔', required: true },
        codeColumn('网上办理深度', '/onlineDepth', CODE_LISTS.onlineDepth, 20),
        text('网办地址', '/onlineUrl', 24),
        yesNo('是否支持预约', '/supportsAppointment'),
        yesNo('是否支持网上支付', '/supportsOnlinePayment'),
        yesNo('是否支持物流快递', '/supportsDelivery'),
        { header: '到现场次数', path: '/visits', kind: 'int', width: 10, help: '整数 0–10', required: true },
        text('到现场原因', '/visitsReason', 20, '到现场次数大于 0 时必填'),
        yesNo('是否收费', '/charged'),
        text('收费依据', '/feeBasis', 20, '收费项目在“收费项目”表中逐项填写'),
        text('受理条件', '/acceptanceConditions', 40),
        text('结果名称', '/resultName', 20),
        codeColumn('结果类型', '/resultType', CODE_LISTS.resultType, 10),
        { header: '结果样本', path: '/resultSample', kind: 'file', width: 20, help: '已上传文件的 SHA-256，可空' },
        codeColumn('通办范围', '/serviceScope', CODE_LISTS.serviceScope, 12),
        text('办理地点', '/location', 24),
        text('办理时间', '/hours', 20),
        text('咨询电话', '/consultPhone', 14),
        text('监督电话', '/supervisePhone', 14),
        { header: '业务领域', path: '/domainCode', kind: 'code', codes: domains, width: 14, help: '分领域窗口据此受理；填写代码或名称' },
        yesNo('是否进驻大厅', '/inHall'),
        { header: '划转至部门统一社会信用代码', path: '/transferredToDepartmentId', kind: 'department', width: 22, help: '相对集中许可划转的承接部门，可空' },
        { header: '赋权乡镇（街道）', path: '/delegatedToRegions', kind: 'list', width: 20, help: '9 位乡镇（街道）区划代码，多个用“、”分隔' },
      ],
    },
    {
      name: SHEET.materials,
      array: '/materials',
      columns: [
        IMPL_CODE,
        { header: '材料标识', path: '/id', kind: 'optionalText', width: 14, help: '小写字母、数字或连字符；空则自动生成。修改已有材料时请保留原标识' },
        text('材料名称', '/name', 28, '', true),
        codeColumn('必要性', '/necessity', CODE_LISTS.necessity, 12),
        codeColumn('材料类型', '/type', CODE_LISTS.materialType, 12),
        codeColumn('材料形式', '/form', CODE_LISTS.materialForm, 12),
        { header: '原件份数', path: '/originalCount', kind: 'int', width: 10, help: '整数', required: true },
        { header: '复印件份数', path: '/copyCount', kind: 'int', width: 10, help: '整数', required: true },
        codeColumn('来源渠道', '/source', CODE_LISTS.source, 14),
        text('出具机构', '/issuer', 20),
        text('填报说明', '/fillingNotes', 24),
        text('受理标准', '/acceptanceStandard', 30),
        text('依据', '/basis', 20),
        { header: '空白表格', path: '/blankForm', kind: 'file', width: 20, help: '已上传文件的 SHA-256，可空' },
        { header: '示例样表', path: '/sample', kind: 'file', width: 20, help: '已上传文件的 SHA-256，可空' },
        { header: '电子证照类型', path: '/licenceTypeCode', kind: 'optionalText', width: 14, help: '可替代本材料的电子证照类型代码，可空' },
        { header: '审查要点', path: '/reviewPoints', kind: 'lines', width: 40, help: '每行一条（单元格内换行：Alt+Enter）' },
      ],
    },
    {
      name: SHEET.steps,
      array: '/steps',
      columns: [
        IMPL_CODE,
        { header: '环节标识', path: '/id', kind: 'optionalText', width: 12, help: '小写字母、数字或连字符；空则自动生成' },
        text('环节名称', '/name', 14, '', true),
        codeColumn('环节类型', '/kind', CODE_LISTS.stepKind, 14),
        codeColumn('办理岗位', '/role', CODE_LISTS.role, 12),
        { header: '办理部门统一社会信用代码', path: '/departmentId', kind: 'department', width: 22, help: '空为实施部门' },
        { header: '时限（工作日）', path: '/timeLimitDays', kind: 'optionalInt', width: 12, help: '整数，可空' },
        text('说明', '/description', 30),
      ],
    },
    {
      name: SHEET.fees,
      array: '/feeItems',
      columns: [IMPL_CODE, text('收费项目名称', '/name', 20, '', true), text('收费标准', '/standard', 24), text('收费依据', '/basis', 30)],
    },
    {
      name: SHEET.special,
      array: '/specialProcedures',
      columns: [IMPL_CODE, codeColumn('特别程序种类', '/type', CODE_LISTS.specialType, 20), text('名称', '/name', 16, '', true), text('时限', '/timeLimit', 14), text('说明', '/note', 30)],
    },
    {
      name: SHEET.faqs,
      array: '/faqs',
      columns: [IMPL_CODE, text('问题', '/question', 30, '', true), text('解答', '/answer', 50)],
    },
    {
      name: SHEET.form,
      array: '/form',
      columns: [IMPL_CODE, { header: FORM_JSON, path: '', kind: 'json', width: 80, help: '申请表单定义 {"fields":[…]}，一个事项一行；过长时接续在下一行（同一实施编码），按行顺序拼接。可空' }],
    },
  ];
}

// ---------------------------------------------------------------- writing

export interface WorkbookRow {
  code: string;
  regionCode: string;
  departmentUscc: string;
  content: GuideContent;
}

export interface WriteContext {
  /** department id → USCC, for the columns that name a department */
  departmentUscc: Map<string, string>;
  domains: CodeList;
}

function getAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('/').slice(1);
  let current = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
  current[keys[keys.length - 1]!] = value;
}

const labelOf = (codes: CodeList, code: string) => codes.entries.find((e) => e.code === code)?.label ?? code;

/** The cell for a value; null (no cell at all) for nothing, which keeps big exports small. */
function formatCell(column: Column, value: unknown, ctx: WriteContext): string | number | null {
  const cell = cellFor(column, value, ctx);
  return cell === '' ? null : cell;
}

function cellFor(column: Column, value: unknown, ctx: WriteContext): string | number {
  switch (column.kind) {
    case 'int':
      return typeof value === 'number' ? value : '';
    case 'optionalInt':
      return typeof value === 'number' ? value : '';
    case 'bool':
      return value === true ? '是' : '否';
    case 'code':
      return typeof value === 'string' && value ? labelOf(column.codes!, value) : '';
    case 'codes':
      return Array.isArray(value) ? value.map((v) => labelOf(column.codes!, String(v))).join('、') : '';
    case 'list':
      return Array.isArray(value) ? value.join('、') : '';
    case 'department':
      return typeof value === 'string' ? (ctx.departmentUscc.get(value) ?? value) : '';
    case 'lines':
      return Array.isArray(value) ? value.map((p: { text: string }) => p.text).join('\n') : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

type ListValidation = { type: 'list'; allowBlank: boolean; formulae: string[]; showErrorMessage: boolean; errorStyle: 'warning'; errorTitle: string; error: string };
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ListValidation): void } };

function styleHeader(sheet: ExcelJS.Worksheet, columns: Column[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  columns.forEach((c, i) => {
    // Codes such as 01 or a 20-digit 实施编码 must stay text, not become numbers.
    if (c.kind !== 'int' && c.kind !== 'optionalInt') sheet.getColumn(i + 1).numFmt = '@';
    if (c.kind === 'lines' || c.kind === 'json') sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7EEF8' } };
    if (c.help) cell.note = c.help;
  });
  header.commit();
}

/** Drop-down lists from the 代码表 sheet; a warning (not a refusal) so a code typed by hand is still accepted. */
function addValidations(sheet: ExcelJS.Worksheet, columns: Column[], codeRanges: Map<CodeList, string>, lastRow: number): void {
  const withValidations = sheet as WithValidations;
  columns.forEach((c, i) => {
    const range = c.codes && (c.kind === 'code' || c.kind === 'bool') ? codeRanges.get(c.codes) : undefined;
    if (!range) return;
    const letter = sheet.getColumn(i + 1).letter;
    withValidations.dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning',
      errorTitle: c.header, error: `请从列表中选择，或填写代码（见“${SHEET.codes}”表）`,
    });
  });
}

/** Where each code list sits on the 代码表 sheet: a label column and a code column per list. */
function codeRanges(lists: CodeList[]): Map<CodeList, string> {
  return new Map(lists.map((l, i) => {
    const letter = columnLetter(i * 2 + 1);
    return [l, `'${SHEET.codes}'!$${letter}$2:$${letter}$${Math.max(2, l.entries.length + 1)}`];
  }));
}

function columnLetter(n: number): string {
  let letters = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return letters;
}

function writeCodeSheet(workbook: ExcelJS.Workbook, lists: CodeList[]): void {
  const sheet = workbook.addWorksheet(SHEET.codes, { views: [{ state: 'frozen', ySplit: 1 }] });
  lists.forEach((l, i) => {
    const col = i * 2 + 1;
    sheet.getColumn(col).width = Math.min(40, Math.max(10, ...l.entries.map((e) => e.label.length * 2)));
    sheet.getColumn(col + 1).width = 10;
    sheet.getCell(1, col).value = l.title;
    sheet.getCell(1, col + 1).value = '代码';
    sheet.getCell(1, col).font = { bold: true };
    sheet.getCell(1, col + 1).font = { bold: true };
    l.entries.forEach((e, r) => {
      sheet.getCell(r + 2, col).value = e.label;
      sheet.getCell(r + 2, col + 1).value = e.code;
    });
  });
  sheet.commit();
}

function writeHelpSheet(workbook: ExcelJS.Workbook, layouts: SheetLayout[]): void {
  const sheet = workbook.addWorksheet(SHEET.help, { views: [{ state: 'frozen', ySplit: HELP_NOTES.length + 2 }] });
  sheet.columns = [{ width: 14 }, { width: 26 }, { width: 8 }, { width: 90 }];
  HELP_NOTES.forEach((n, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = n;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const start = HELP_NOTES.length + 2;
  const header = sheet.getRow(start);
  header.values = ['工作表', '列', '必填', '说明'];
  header.font = { bold: true };
  let r = start + 1;
  for (const layout of layouts) {
    for (const c of layout.columns) {
      const allowed = c.codes && c.codes !== CODE_LISTS.yesNo ? `可选：${c.codes.entries.map((e) => `${e.code} ${e.label}`).join('；')}` : '';
      sheet.getRow(r).values = [layout.name, c.header, c.required ? '是' : '', [c.help, allowed].filter(Boolean).join('。')];
      sheet.getRow(r).alignment = { wrapText: true, vertical: 'top' };
      r++;
    }
  }
  sheet.commit();
}

const HELP_NOTES = [
    '事项清单导入模板',
    '1. “事项”表每行一个实施清单；材料、流程、收费项目、特别程序、常见问题、表单各表的行用“实施编码”归属到事项，按行的先后排序。',
    '2. 代码类的列可填写代码或名称（如事项类型填“行政许可”或“01”），允许的取值见“代码表”；可多选的列用“、”分隔。',
    '3. 导入是全部或全不：任何一行有错误时不导入任何事项，并提供标出错误的工作簿供修改后重新上传。',
    '4. 新的实施编码新建事项（第1版草稿）；已有实施编码替换其未提交的草稿，没有草稿时以导入内容开始新草稿；内容未变化的事项不产生新版本。已提交待发布的草稿不能被导入覆盖。',
    '5. 导入只形成草稿，须经提交、由另一名事项管理员发布后才对外生效；发布检查的问题在导入结果中作为提示列出。',
    '6. 标题行（第1行）不要修改；列的顺序可以调整，多余的列会被忽略。',
];

/**
 * The template (no rows) or an export: data sheets, then 说明 and 代码表. Written as a stream, row by row: an export
 * of 10,000 implementations is over a million cells.
 */
export async function writeCatalogWorkbook(rows: WorkbookRow[], ctx: WriteContext): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const Excel = await loadExcel();
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'OneWindow 一窗通办';
  workbook.created = new Date();
  const layouts = sheetLayouts(ctx.domains);
  const codeLists = [...new Set(layouts.flatMap((l) => l.columns.map((c) => c.codes).filter((c): c is CodeList => c !== undefined)))];
  const ranges = codeRanges(codeLists);

  for (const layout of layouts) {
    const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    styleHeader(sheet, layout.columns);
    let count = 1;
    const add = (values: (string | number | null)[]) => {
      sheet.addRow(values).commit();
      count++;
    };
    for (const row of rows) {
      if (layout.array === '/form') {
        for (const part of formParts(row.content)) add([row.code, part]);
        continue;
      }
      for (const entry of entriesOf(layout, row.content)) {
        add(layout.columns.map((c) => (c.path.startsWith('#') ? metaCell(row, c.path) : formatCell(c, getAt(entry, c.path), ctx))));
      }
    }
    addValidations(sheet, layout.columns, ranges, Math.max(count, 1000));
    sheet.commit();
  }
  writeHelpSheet(workbook, layouts);
  writeCodeSheet(workbook, codeLists);
  await workbook.commit();
  return Buffer.concat(chunks);
}

function metaCell(row: WorkbookRow, path: string): string {
  if (path === '#code') return row.code;
  if (path === '#regionCode') return row.regionCode;
  return row.departmentUscc;
}

/** The values one implementation contributes to a list sheet, one per sheet row. */
function entriesOf(layout: SheetLayout, content: GuideContent): unknown[] {
  return layout.array === '' ? [content] : (getAt(content, layout.array) as unknown[]);
}

/** The form definition as JSON, cut into pieces a cell can hold (joined again on import); none for an empty form. */
function formParts(content: GuideContent): string[] {
  if (content.form.fields.length === 0) return [];
  const json = JSON.stringify(content.form);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += CELL_TEXT_LIMIT) parts.push(json.slice(i, i + CELL_TEXT_LIMIT));
  return parts;
}

// ---------------------------------------------------------------- reading

export interface ImportIssue {
  sheet: string;
  /** Excel row number (1 is the header row); 0 when the problem is the sheet itself */
  row: number;
  column: string;
  message: string;
}

export interface ImportWarning extends ImportIssue {
  code: string;
  rule: string;
}

interface RowRef {
  sheet: string;
  row: number;
}

interface ParsedEntry {
  ref: RowRef;
  value: Record<string, unknown>;
  /** USCCs of `department` cells, resolved to ids once departments are known */
  departments: { path: string; uscc: string; column: string }[];
}

export interface ParsedImplementation {
  ref: RowRef;
  code: string;
  regionCode: string;
  departmentUscc: string;
  main: ParsedEntry;
  lists: Record<Exclude<SheetLayout['array'], '' | '/form'>, ParsedEntry[]>;
  formParts: { ref: RowRef; text: string }[];
}

export interface ParsedWorkbook {
  implementations: ParsedImplementation[];
  issues: ImportIssue[];
}

export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').replace(/\r\n?/g, '\n').trim();
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      return result === undefined || result === null || typeof result === 'object' ? '' : String(result).trim();
    }
    if ('text' in v) return String((v as { text: unknown }).text).trim();
  }
  return '';
}

const SEPARATORS = /[、,，;；\n]+/;

/** The code for a cell that holds a code, a label, or a label's short form (the part before its bracket). */
export function parseCode(codes: CodeList, raw: string): string | null {
  const value = raw.trim();
  const byCode = codes.entries.find((e) => e.code === value || e.code.toLowerCase() === value.toLowerCase());
  if (byCode) return byCode.code;
  const byLabel = codes.entries.find((e) => e.label === value);
  if (byLabel) return byLabel.code;
  // Excel turns a typed 01 into the number 1; match it back when the set has one code that pads to it.
  if (/^\d+$/.test(value)) {
    const padded = codes.entries.filter((e) => /^\d+$/.test(e.code) && Number(e.code) === Number(value));
    if (padded.length === 1) return padded[0]!.code;
  }
  const short = codes.entries.filter((e) => e.label.split('（')[0] === value);
  return short.length === 1 ? short[0]!.code : null;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '']);

type Parsed = { value: unknown; department?: string } | { error: string };

function parseCell(column: Column, raw: string): Parsed {
  const empty = raw === '';
  if (empty && column.required && column.kind !== 'codes') return { error: `请填写“${column.header}”` };
  switch (column.kind) {
    case 'int':
    case 'optionalInt': {
      if (empty) return { value: null };
      const n = Number(raw);
      return Number.isInteger(n) && n >= 0 ? { value: n } : { error: `“${column.header}”应为非负整数，实际为“${raw}”` };
    }
    case 'bool': {
      const v = raw.toLowerCase();
      if (YES.has(v)) return { value: true };
      if (NO.has(v)) return { value: false };
      return { error: `“${column.header}”应填写“是”或“否”，实际为“${raw}”` };
    }
    case 'code': {
      if (empty) return { value: '' };
      const code = parseCode(column.codes!, raw);
      return code === null ? { error: `未知的${column.codes!.title}“${raw}”，可选：${column.codes!.entries.map((e) => e.label).join('、')}` } : { value: code };
    }
    case 'codes': {
      const parts = raw.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
      const codes: string[] = [];
      for (const part of parts) {
        const code = parseCode(column.codes!, part);
        if (code === null) return { error: `未知的${column.codes!.title}“${part}”，可选：${column.codes!.entries.map((e) => e.label).join('、')}` };
        if (!codes.includes(code)) codes.push(code);
      }
      if (codes.length === 0 && column.required) return { error: `请填写“${column.header}”` };
      return { value: codes };
    }
    case 'list':
      return { value: raw.split(SEPARATORS).map((p) => p.trim()).filter(Boolean) };
    case 'department':
      return empty ? { value: null } : { value: null, department: raw.toUpperCase() };
    case 'optionalText':
    case 'file':
      return { value: empty ? null : raw };
    case 'lines':
      return { value: raw.split('\n').map((l) => l.trim()).filter(Boolean) };
    case 'json':
      return { value: raw };
    default:
      return { value: raw };
  }
}

interface HeaderMap {
  columns: Map<string, number>;
  errorColumn: number | null;
}

const normaliseHeader = (h: string) => h.replace(/^\*/, '').replace(/\s+/g, '');

/** Header text → column number (1-based); the 错误 column of an earlier error report is set apart. */
function headerMap(cells: string[]): HeaderMap {
  const columns = new Map<string, number>();
  let errorColumn: number | null = null;
  cells.forEach((text, i) => {
    const h = normaliseHeader(text ?? '');
    if (h === ERROR_COLUMN) errorColumn = i + 1;
    else if (h && !columns.has(h)) columns.set(h, i + 1);
  });
  return { columns, errorColumn };
}

function readHeader(sheet: ExcelJS.Worksheet): HeaderMap {
  return headerMap(rowCells(sheet.getRow(1)));
}

/** One sheet row as text, by column (index 0 is column A); blank cells are undefined. */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** The rows of each sheet, by sheet name. */
export type SheetRows = Map<string, SheetRow[]>;

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells[col - 1] = cellText(cell);
  });
  return cells;
}

export function sheetRowsOf(workbook: ExcelJS.Workbook): SheetRows {
  const sheets: SheetRows = new Map();
  workbook.eachSheet((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, cells: rowCells(row) }));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

type ListKey = keyof ParsedImplementation['lists'];

/** Reads one data row into the guide value it describes; cell problems become issues. */
function parseRow(layout: SheetLayout, raw: string[], ref: RowRef, issues: ImportIssue[]): { entry: ParsedEntry; meta: Record<string, string> } {
  const entry: ParsedEntry = { ref, value: {}, departments: [] };
  const meta: Record<string, string> = {};
  layout.columns.forEach((c, i) => {
    const text = raw[i]!;
    if (c.path.startsWith('#')) {
      meta[c.path] = text;
      if (!text) issues.push({ ...ref, column: c.header, message: `请填写“${c.header}”` });
      return;
    }
    if (layout.array === '/form') return;
    const parsed = parseCell(c, text);
    if ('error' in parsed) {
      issues.push({ ...ref, column: c.header, message: parsed.error });
      return;
    }
    setAt(entry.value, c.path, parsed.value);
    if (parsed.department) entry.departments.push({ path: c.path, uscc: parsed.department, column: c.header });
  });
  return { entry, meta };
}

/** Reads every data sheet into rows per implementation; cell-level problems are issues. */
export function parseCatalogWorkbook(sheets: SheetRows, domains: CodeList): ParsedWorkbook {
  const issues: ImportIssue[] = [];
  const byCode = new Map<string, ParsedImplementation>();
  const implementations: ParsedImplementation[] = [];

  for (const layout of sheetLayouts(domains)) {
    const rows = sheets.get(layout.name);
    if (!rows) {
      issues.push({ sheet: layout.name, row: 0, column: '', message: `缺少工作表“${layout.name}”（请使用导入模板或导出的工作簿）` });
      continue;
    }
    const header = headerMap(rows.find((r) => r.number === 1)?.cells ?? []);
    const missing = layout.columns.filter((c) => !header.columns.has(normaliseHeader(c.header)));
    for (const c of missing) issues.push({ sheet: layout.name, row: 1, column: c.header, message: `缺少列“${c.header}”` });
    if (missing.length > 0) continue;
    const positions = layout.columns.map((c) => header.columns.get(normaliseHeader(c.header))! - 1);

    for (const row of rows) {
      if (row.number === 1) continue;
      const raw = positions.map((p) => row.cells[p] ?? '');
      if (raw.every((v) => v === '')) continue;
      const ref = { sheet: layout.name, row: row.number };
      const { entry, meta } = parseRow(layout, raw, ref, issues);
      const code = meta['#code'] ?? '';
      if (!code) continue;

      if (layout.array === '') {
        if (!/^[0-9A-Za-z-]{6,60}$/.test(code)) {
          issues.push({ ...ref, column: '实施编码', message: '实施编码应为 6–60 位字母、数字或连字符' });
          continue;
        }
        const first = byCode.get(code);
        if (first) {
          issues.push({ ...ref, column: '实施编码', message: `实施编码 ${code} 与第 ${first.ref.row} 行重复` });
          continue;
        }
        const impl: ParsedImplementation = {
          ref, code, regionCode: meta['#regionCode'] ?? '', departmentUscc: (meta['#departmentUscc'] ?? '').toUpperCase(), main: entry,
          lists: { '/materials': [], '/steps': [], '/feeItems': [], '/specialProcedures': [], '/faqs': [] }, formParts: [],
        };
        byCode.set(code, impl);
        implementations.push(impl);
        continue;
      }
      const impl = byCode.get(code);
      if (!impl) issues.push({ ...ref, column: '实施编码', message: `“${SHEET.items}”表中没有实施编码 ${code}` });
      else if (layout.array === '/form') impl.formParts.push({ ref, text: raw[1]! });
      else impl.lists[layout.array as ListKey].push(entry);
    }
  }
  return { implementations, issues };
}

// ---------------------------------------------------------------- validation against the database state

export interface DepartmentRef {
  id: string;
  uscc: string;
  regionCode: string;
}

/** What an implementation code already is in the catalogue. */
export interface ExistingImplementation {
  id: string;
  regionCode: string;
  departmentId: string;
  basicCode: string;
  latestVersion: number;
  latestContent: GuideContent;
  openVersion: { id: string; status: 'draft' | 'submitted'; version: number } | null;
}

export interface ImportLookups {
  actor: Actor;
  regions: Set<string>;
  departmentsByUscc: Map<string, DepartmentRef>;
  existing: Map<string, ExistingImplementation>;
  knownFiles: Set<string>;
  knownDomains: string[];
}

export type PlannedChange =
  | { kind: 'create'; code: string; regionCode: string; departmentId: string; basicCode: string; content: GuideContent }
  | { kind: 'replaceDraft'; code: string; implementationId: string; versionId: string; version: number; content: GuideContent }
  | { kind: 'newDraft'; code: string; implementationId: string; version: number; content: GuideContent };

export interface ImportPlan {
  changes: PlannedChange[];
  unchanged: string[];
  issues: ImportIssue[];
  warnings: ImportWarning[];
}

/** SHA-256s of files the workbook references, to check they were uploaded as catalogue files. */
export function referencedFiles(parsed: ParsedWorkbook): string[] {
  const shas = new Set<string>();
  for (const impl of parsed.implementations) {
    const sample = impl.main.value.resultSample;
    if (typeof sample === 'string') shas.add(sample);
    for (const m of impl.lists['/materials']) {
      for (const key of ['blankForm', 'sample']) if (typeof m.value[key] === 'string') shas.add(m.value[key] as string);
    }
  }
  return [...shas].filter((s) => /^[0-9a-f]{64}$/.test(s));
}

const TYPE_NAMES: Record<string, string> = { string: '文本', integer: '整数', number: '数字', boolean: '是/否', array: '列表', object: '对象', null: '空' };

/** A Chinese reason for a schema error (TypeBox reports the same keywords and parameters as Ajv). */
function schemaMessage(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'minLength': return Number(params.limit) === 1 ? '不能为空' : `长度不能少于 ${String(params.limit)} 个字符`;
    case 'maxLength': return `长度不能超过 ${String(params.limit)} 个字符`;
    case 'pattern': return '格式不正确';
    case 'format': return params.format === 'uuid' ? '应为部门统一社会信用代码' : '格式不正确';
    case 'enum': return `取值应为以下之一：${(params.allowedValues as unknown[]).join('、')}`;
    case 'minimum': return `不能小于 ${String(params.limit)}`;
    case 'maximum': return `不能大于 ${String(params.limit)}`;
    case 'minItems': return `至少需要 ${String(params.limit)} 项`;
    case 'maxItems': return `最多 ${String(params.limit)} 项`;
    case 'type': return `类型应为${TYPE_NAMES[String(params.type)] ?? String(params.type)}`;
    case 'required': return `缺少：${(params.requiredProperties as string[] | undefined)?.join('、') ?? ''}`;
    case 'additionalProperties': return `不允许的字段：${(params.additionalProperties as string[] | undefined)?.join('、') ?? ''}`;
    default: return '取值无效';
  }
}

/** Turns a JSON pointer into the guide into the sheet, row and column it came from. */
function locator(impl: ParsedImplementation, layouts: SheetLayout[]) {
  const columnFor = (layout: SheetLayout, rest: string) =>
    layout.columns.find((c) => !c.path.startsWith('#') && c.path && (rest === c.path || rest.startsWith(`${c.path}/`)))?.header ??
    layout.columns.find((c) => !c.path.startsWith('#') && c.path.startsWith(rest))?.header ?? '';
  return (path: string): Omit<ImportIssue, 'message'> => {
    for (const layout of layouts) {
      if (layout.array === '' || !(path === layout.array || path.startsWith(`${layout.array}/`))) continue;
      if (layout.array === '/form') {
        const ref = impl.formParts[0]?.ref ?? impl.ref;
        return { sheet: impl.formParts[0] ? SHEET.form : SHEET.items, row: ref.row, column: impl.formParts[0] ? FORM_JSON : '实施编码' };
      }
      const rest = path.slice(layout.array.length);
      const index = Number(rest.split('/')[1]);
      const entry = impl.lists[layout.array][index];
      // A rule about the whole list (e.g. no steps at all) belongs to the implementation's own row.
      if (!entry) return { sheet: SHEET.items, row: impl.ref.row, column: '实施编码' };
      return { sheet: layout.name, row: entry.ref.row, column: columnFor(layout, rest.slice(`/${index}`.length)) };
    }
    return { sheet: SHEET.items, row: impl.ref.row, column: columnFor(layouts[0]!, path) };
  };
}

/**
 * Schema errors where the cells are; a field missing because its cell could not be read is not reported twice.
 */
function schemaIssues(content: Record<string, unknown>, where: (path: string) => Omit<ImportIssue, 'message'>, known: ImportIssue[]): ImportIssue[] {
  const errors = Value.Errors(GuideContentSchema, content);
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const seen = new Set(known.map((i) => `${i.sheet}:${i.row}:${i.column}`));
  const out: ImportIssue[] = [];
  const add = (path: string, message: string) => {
    const loc = where(path);
    const key = `${loc.sheet}:${loc.row}:${loc.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Inside the form definition the column is the whole JSON: say where in it.
    out.push({ ...loc, message: loc.column === FORM_JSON ? `${path.slice('/form'.length) || '/'}：${message}` : message });
  };
  for (const e of useful.length > 0 ? useful : errors) {
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') {
      for (const property of (params.requiredProperties as string[] | undefined) ?? []) add(`${e.instancePath}/${property}`, '此项为必填项');
    } else {
      add(e.instancePath, schemaMessage(e.keyword, params));
    }
  }
  return out;
}

/** Ids for list entries left blank, unique within their list: m1, m2 … */
function fillIds(entries: Record<string, unknown>[], prefix: string): void {
  const used = new Set(entries.map((e) => e.id).filter((id): id is string => typeof id === 'string'));
  let n = 1;
  for (const e of entries) {
    if (typeof e.id === 'string') continue;
    while (used.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    e.id = id;
    used.add(id);
  }
}

/** Review points are one text per line; a line the base version already had keeps its id (cases refer to it). */
function reviewPoints(lines: string[], base: GuideContent['materials'][number] | undefined): { id: string; text: string }[] {
  const available = [...(base?.reviewPoints ?? [])];
  const used = new Set<string>();
  const points = lines.map((text) => {
    const index = available.findIndex((p) => p.text === text && !used.has(p.id));
    if (index < 0) return { id: '', text };
    const id = available[index]!.id;
    used.add(id);
    return { id, text };
  });
  let n = 1;
  for (const p of points) {
    if (p.id) continue;
    while (used.has(`p${n}`) || available.some((a) => a.id === `p${n}`)) n++;
    p.id = `p${n}`;
    used.add(p.id);
  }
  return points;
}

function buildContent(impl: ParsedImplementation, base: GuideContent | undefined, issues: ImportIssue[], lookups: ImportLookups): Record<string, unknown> {
  const resolveDepartments = (entry: ParsedEntry) => {
    for (const d of entry.departments) {
      const dept = lookups.departmentsByUscc.get(d.uscc);
      if (!dept) issues.push({ ...entry.ref, column: d.column, message: `找不到统一社会信用代码为 ${d.uscc} 的部门` });
      else setAt(entry.value, d.path, dept.id);
    }
  };
  resolveDepartments(impl.main);
  const content: Record<string, unknown> = { ...impl.main.value };
  for (const key of Object.keys(impl.lists) as (keyof ParsedImplementation['lists'])[]) {
    impl.lists[key].forEach(resolveDepartments);
    content[key.slice(1)] = impl.lists[key].map((e) => ({ ...e.value }));
  }
  fillIds(content.materials as Record<string, unknown>[], 'm');
  fillIds(content.steps as Record<string, unknown>[], 's');
  for (const m of content.materials as Record<string, unknown>[]) {
    const baseMaterial = base?.materials.find((b) => b.id === m.id);
    m.reviewPoints = reviewPoints((m.reviewPoints as string[] | undefined) ?? [], baseMaterial);
  }
  content.form = { fields: [] };
  if (impl.formParts.length > 0) {
    const json = impl.formParts.map((p) => p.text).join('');
    if (json.trim()) {
      try {
        content.form = JSON.parse(json);
      } catch {
        const ref = impl.formParts[0]!.ref;
        issues.push({ ...ref, column: FORM_JSON, message: '表单定义不是有效的 JSON' });
      }
    }
  }
  return content;
}

function checkFiles(content: Record<string, unknown>, where: (path: string) => Omit<ImportIssue, 'message'>, lookups: ImportLookups, issues: ImportIssue[]): void {
  const check = (path: string, sha: unknown) => {
    if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && !lookups.knownFiles.has(sha)) issues.push({ ...where(path), message: '未找到该附件，请先在事项库上传空白表格、示例样表或结果样本，再填写其 SHA-256' });
  };
  check('/resultSample', content.resultSample);
  (content.materials as Record<string, unknown>[]).forEach((m, i) => {
    check(`/materials/${i}/blankForm`, m.blankForm);
    check(`/materials/${i}/sample`, m.sample);
  });
}

let compiled: Validator | null = null;
/** The guide schema compiled once: checking 10,000 guides with Value.Check alone takes seconds. */
function guideValidator(): Validator {
  compiled ??= Compile(GuideContentSchema) as unknown as Validator;
  return compiled;
}

/** Blank space around text and an empty 电子证照类型 do not survive a spreadsheet; they are not a change. */
function comparable(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'licenceTypeCode' && v === '' ? null : comparable(v)]));
}

function sameGuide(a: GuideContent, b: GuideContent): boolean {
  return isDeepStrictEqual(comparable(a), comparable(b));
}

/**
 * Decides, for every implementation in the workbook, what the import does, or why it cannot: the guide must match the
 * schema, the region and department must exist and be in the actor's scope, and an existing item must not be awaiting
 * publication. Quality issues (the publication checks) are warnings: a draft may be incomplete.
 */
export function planImport(parsed: ParsedWorkbook, lookups: ImportLookups, domains: CodeList): ImportPlan {
  const layouts = sheetLayouts(domains);
  const issues: ImportIssue[] = [...parsed.issues];
  const warnings: ImportWarning[] = [];
  const changes: PlannedChange[] = [];
  const unchanged: string[] = [];
  const failedRows = new Set(parsed.issues.map((i) => `${i.sheet}:${i.row}`));

  for (const impl of parsed.implementations) {
    const before = issues.length;
    const at = (column: string) => ({ sheet: SHEET.items, row: impl.ref.row, column });
    const existing = lookups.existing.get(impl.code);
    const dept = lookups.departmentsByUscc.get(impl.departmentUscc);

    if (!lookups.regions.has(impl.regionCode)) issues.push({ ...at('区划代码'), message: `区划 ${impl.regionCode} 不存在` });
    if (!dept) issues.push({ ...at('部门统一社会信用代码'), message: `找不到统一社会信用代码为 ${impl.departmentUscc} 的部门` });
    else if (lookups.regions.has(impl.regionCode) && !isInRegion(impl.regionCode, dept.regionCode)) {
      // A department implements items in its own region and the regions below it (a county bureau for its towns).
      issues.push({ ...at('部门统一社会信用代码'), message: `实施区划 ${impl.regionCode} 不在该部门所属区划 ${dept.regionCode} 的范围内` });
    }
    if (dept && lookups.regions.has(impl.regionCode) && authorize(lookups.actor, 'catalog.edit', { regionCode: impl.regionCode, departmentId: dept.id }) !== 'allow') {
      issues.push({ ...at('区划代码'), message: '该区划或部门的事项不在您的管理范围内' });
    }
    if (existing) {
      if (existing.regionCode !== impl.regionCode) issues.push({ ...at('区划代码'), message: `实施编码 ${impl.code} 已登记在区划 ${existing.regionCode}，导入不能更改实施区划` });
      if (dept && existing.departmentId !== dept.id) issues.push({ ...at('部门统一社会信用代码'), message: `实施编码 ${impl.code} 已登记在其他部门，导入不能更改实施部门` });
      if (impl.main.value.basicCode !== existing.basicCode) issues.push({ ...at('基本编码'), message: `基本编码不能修改（原为 ${existing.basicCode}）；事项变化请新建实施清单` });
    }

    const where = locator(impl, layouts);
    const content = buildContent(impl, existing?.latestContent, issues, lookups);
    const valid = guideValidator().Check(content);
    if (!valid) issues.push(...schemaIssues(content, where, issues));
    checkFiles(content, where, lookups, issues);
    const rowFailed = failedRows.has(`${impl.ref.sheet}:${impl.ref.row}`) || Object.values(impl.lists).some((l) => l.some((e) => failedRows.has(`${e.ref.sheet}:${e.ref.row}`)));
    if (!valid || rowFailed || issues.length > before || !dept) continue;

    const guide = content as GuideContent;
    for (const q of checkGuideQuality(guide, { knownDomains: lookups.knownDomains })) {
      warnings.push({ ...where(q.path), code: impl.code, rule: q.rule, message: q.message });
    }
    if (!existing) {
      changes.push({ kind: 'create', code: impl.code, regionCode: impl.regionCode, departmentId: dept.id, basicCode: guide.basicCode, content: guide });
    } else if (sameGuide(guide, existing.latestContent)) {
      unchanged.push(impl.code);
    } else if (existing.openVersion?.status === 'submitted') {
      issues.push({ ...at('实施编码'), message: `第 ${existing.openVersion.version} 版已提交待发布，不能被导入覆盖；如需修改请先由发布人退回` });
    } else if (existing.openVersion) {
      changes.push({ kind: 'replaceDraft', code: impl.code, implementationId: existing.id, versionId: existing.openVersion.id, version: existing.openVersion.version, content: guide });
    } else {
      changes.push({ kind: 'newDraft', code: impl.code, implementationId: existing.id, version: existing.latestVersion + 1, content: guide });
    }
  }
  return { changes, unchanged, issues, warnings };
}

// ---------------------------------------------------------------- the error report

const RED_ARGB = 'FFFFC7CE';
const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED_ARGB } };

/**
 * The uploaded workbook marked up: each failing cell red, an 错误 column on each sheet with the row's messages, and a
 * 错误报告 sheet listing every problem. Fix it and upload it again: the marks are ignored on import.
 */
export async function writeErrorReport(workbook: ExcelJS.Workbook, issues: ImportIssue[]): Promise<Buffer> {
  const old = workbook.getWorksheet(SHEET.report);
  if (old) workbook.removeWorksheet(old.id);
  const bySheet = new Map<string, ImportIssue[]>();
  for (const issue of issues) bySheet.set(issue.sheet, [...(bySheet.get(issue.sheet) ?? []), issue]);

  workbook.eachSheet((sheet) => {
    const header = readHeader(sheet);
    if (header.errorColumn === null && !bySheet.has(sheet.name)) return;
    const errorColumn = header.errorColumn ?? Math.max(sheet.columnCount, 1) + 1;
    // Clear the marks of an earlier report, so fixed rows do not stay red.
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const mark = row.getCell(errorColumn);
      if (cellText(mark)) {
        row.eachCell((cell) => {
          if (cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === RED_ARGB) cell.fill = { type: 'pattern', pattern: 'none' };
        });
        mark.value = null;
      }
    });
    const headCell = sheet.getRow(1).getCell(errorColumn);
    headCell.value = ERROR_COLUMN;
    headCell.font = { bold: true, color: { argb: 'FFC00000' } };
    sheet.getColumn(errorColumn).width = 50;
    const messages = new Map<number, string[]>();
    for (const issue of bySheet.get(sheet.name) ?? []) {
      if (issue.row < 1) continue;
      const col = header.columns.get(normaliseHeader(issue.column));
      if (col) sheet.getRow(issue.row).getCell(col).fill = RED_FILL;
      if (issue.row > 1) messages.set(issue.row, [...(messages.get(issue.row) ?? []), issue.column ? `${issue.column}：${issue.message}` : issue.message]);
    }
    for (const [rowNumber, list] of messages) {
      const cell = sheet.getRow(rowNumber).getCell(errorColumn);
      cell.value = list.join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { color: { argb: 'FFC00000' } };
    }
  });

  const report = workbook.addWorksheet(SHEET.report, { properties: { tabColor: { argb: 'FFC00000' } } });
  report.columns = [
    { header: '工作表', width: 12 },
    { header: '行', width: 8 },
    { header: '列', width: 22 },
    { header: '错误', width: 80 },
  ];
  report.getRow(1).font = { bold: true };
  report.views = [{ state: 'frozen', ySplit: 1 }];
  for (const issue of issues) report.addRow([issue.sheet, issue.row || '', issue.column, issue.message]);
  const index = workbook.worksheets.indexOf(report);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Loads an uploaded workbook whole. (exceljs's streaming reader is faster but splits multi-byte characters at chunk
 * boundaries, corrupting Chinese text: do not use it.)
 */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcel()).Workbook();
  // Drop-down lists are re-created by the template; reading them back would expand every range cell by cell.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] } as never);
  return workbook;
}
