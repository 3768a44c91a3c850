// The printable service guide (办事指南 PDF): A4, Chinese, with the Noto CJK font embedded (subset) so the text prints
// and extracts anywhere, and a QR code to the online guide. A published version never changes, so its PDF is generated
// once, stored in the file store and recorded in `guide_pdfs`; later requests are served from there.
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import {
  CASE_TYPES, EXERCISE_LEVELS, HANDLING_FORMS, ITEM_TYPES, LEGAL_LIMIT_UNITS, MATERIAL_FORMS, MATERIAL_NECESSITY,
  MATERIAL_SOURCES, MATERIAL_TYPES, ONLINE_DEPTHS, PROMISED_LIMIT_UNITS, RESULT_TYPES, SERVICE_OBJECTS, SERVICE_SCOPES,
  SPECIAL_PROCEDURE_TYPES, STEP_KINDS, roleLabel, type GuideContent, type PublishedGuide,
} from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import type { FileStore } from '../../platform/files.ts';
import { AppError } from '../../platform/problem.ts';

/** What the PDF shows: the guide and where and when it applies. */
export type GuidePdfSource = Pick<PublishedGuide, 'code' | 'regionName' | 'departmentName' | 'versionId' | 'version' | 'effectiveFrom' | 'publishedAt' | 'guide'>;

export interface GuidePdfOptions {
  /** Noto Sans CJK collection (or any CJK font file); the bold face is looked up beside it. */
  fontPath: string;
  /** Where the public web app runs; the QR code points at `${publicBaseUrl}/guide/${code}`. */
  publicBaseUrl: string;
}

interface Fonts {
  regular: Buffer;
  bold: Buffer;
  regularName: string;
  boldName: string;
}

const REGULAR_FACE = 'NotoSansCJKsc-Regular';
const BOLD_FACE = 'NotoSansCJKsc-Bold';

export function fontMissingError(fontPath: string): AppError {
  return new AppError(500, 'PDF_FONT_MISSING', '服务器缺少中文字体，暂时无法生成 PDF 办事指南，请联系系统管理员', {
    detail: `找不到中文字体文件 ${fontPath}：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk），或用环境变量 CJK_FONT_PATH 指定 Noto Sans CJK 字体文件`,
  });
}

function loadFonts(fontPath: string): Fonts {
  if (!fs.existsSync(fontPath)) throw fontMissingError(fontPath);
  const regular = fs.readFileSync(fontPath);
  const boldPath = fontPath.replace(/Regular/g, 'Bold');
  const hasBold = boldPath !== fontPath && fs.existsSync(boldPath);
  return {
    regular,
    bold: hasBold ? fs.readFileSync(boldPath) : regular,
    regularName: REGULAR_FACE,
    boldName: hasBold ? BOLD_FACE : REGULAR_FACE,
  };
}

export function guidePageUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/guide/${encodeURIComponent(code)}`;
}

/** `20 个工作日`, `即办`, with the note in brackets when there is one. */
function limitText(amount: number, unitLabel: string, note: string, immediateWhenZero: boolean): string {
  const main = amount === 0 ? (immediateWhenZero ? '即办' : '无法定时限') : `${amount} 个${unitLabel}`;
  return note.trim() ? `${main}（${note.trim()}）` : main;
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const orNone = (s: string) => (s.trim() ? s.trim() : '无');
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

type Doc = PDFKit.PDFDocument;

const PAGE = { margin: 50, bottom: 60 };
const COLOR = { text: '#1f1f1f', muted: '#595959', line: '#bfbfbf', headFill: '#eef3fb', heading: '#0b4a8b' };

/** Draws the guide; each helper keeps the cursor below what it drew. */
class GuideWriter {
  private sectionIndex = 0;
  constructor(
    private readonly doc: Doc,
    private readonly fonts: { regular: string; bold: string },
  ) {}

  private get width(): number {
    return this.doc.page.width - PAGE.margin * 2;
  }

  private get pageBottom(): number {
    return this.doc.page.height - PAGE.bottom;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.pageBottom) this.doc.addPage();
  }

  heading(title: string): void {
    this.ensureSpace(60);
    this.doc.moveDown(0.6);
    const label = `${CHINESE_NUMERALS[this.sectionIndex++] ?? this.sectionIndex}、${title}`;
    this.doc.font(this.fonts.bold).fontSize(13).fillColor(COLOR.heading).text(label, PAGE.margin, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + this.width, y).lineWidth(0.8).strokeColor(COLOR.heading).stroke();
    this.doc.y = y + 6;
    this.doc.fillColor(COLOR.text);
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; indent?: number; color?: string } = {}): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(options.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? COLOR.text)
      .text(text, PAGE.margin + indent, this.doc.y, { width: this.width - indent, lineGap: 2 });
    this.doc.fillColor(COLOR.text);
  }

  /** A bordered table; rows move to the next page whole, repeating the header row there. */
  table(columns: { header: string; width: number }[], rows: string[][], options: { firstColumnBold?: boolean } = {}): void {
    const doc = this.doc;
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const cellHeight = (text: string, w: number, bold: boolean) => {
      doc.font(bold ? this.fonts.bold : this.fonts.regular).fontSize(9);
      return doc.heightOfString(text || ' ', { width: w - pad * 2, lineGap: 1 }) + pad * 2;
    };
    const drawRow = (cells: string[], header: boolean) => {
      const height = Math.max(...cells.map((c, i) => cellHeight(c, widths[i]!, header || (options.firstColumnBold === true && i === 0))));
      if (doc.y + height > this.pageBottom && !header) {
        doc.addPage();
        if (showHeader) drawRow(columns.map((c) => c.header), true);
      }
      const top = doc.y;
      let x = PAGE.margin;
      cells.forEach((text, i) => {
        const w = widths[i]!;
        const bold = header || (options.firstColumnBold === true && i === 0);
        if (header || (options.firstColumnBold === true && i === 0)) doc.rect(x, top, w, height).fill(COLOR.headFill);
        doc.rect(x, top, w, height).lineWidth(0.5).strokeColor(COLOR.line).stroke();
        doc.font(bold ? this.fonts.bold : this.fonts.regular).fontSize(9).fillColor(COLOR.text);
        doc.text(text, x + pad, top + pad, { width: w - pad * 2, lineGap: 1 });
        x += w;
      });
      doc.y = top + height;
    };
    const showHeader = columns.some((c) => c.header);
    if (showHeader) {
      this.ensureSpace(60);
      drawRow(columns.map((c) => c.header), true);
    }
    for (const row of rows) drawRow(row, false);
    doc.x = PAGE.margin;
    doc.moveDown(0.4);
  }

  /** Key–value rows of the basic information (基本信息). */
  facts(rows: [string, string][]): void {
    this.table([{ header: '', width: 28 }, { header: '', width: 72 }], rows, { firstColumnBold: true });
  }
}

function basicFacts(g: GuideContent, src: GuidePdfSource): [string, string][] {
  const rows: [string, string][] = [
    ['事项类型', ITEM_TYPES.label(g.itemType)],
    ['基本编码', g.basicCode],
    ['实施主体', g.implementingBody.trim() || src.departmentName],
    ['行使层级', EXERCISE_LEVELS.label(g.exerciseLevel)],
    ['服务对象', g.serviceObjects.map((s) => SERVICE_OBJECTS.label(s)).join('、')],
    ['办件类型', CASE_TYPES.label(g.caseType)],
    ['法定办结时限', limitText(g.legalLimit.amount, LEGAL_LIMIT_UNITS.label(g.legalLimit.unit), g.legalLimit.note, false)],
    ['承诺办结时限', limitText(g.promisedLimit.amount, PROMISED_LIMIT_UNITS.label(g.promisedLimit.unit), g.promisedLimit.note, true)],
    ['办理形式', g.handlingForms.map((f) => HANDLING_FORMS.label(f)).join('、')],
    ['网上办理深度', ONLINE_DEPTHS.label(g.onlineDepth)],
  ];
  if (g.onlineUrl.trim()) rows.push(['网办地址', g.onlineUrl.trim()]);
  rows.push(['到办事现场次数', g.visits > 0 && g.visitsReason.trim() ? `${g.visits} 次（${g.visitsReason.trim()}）` : `${g.visits} 次`]);
  rows.push(['是否收费', yesNo(g.charged)]);
  if (g.charged) {
    rows.push(['收费依据', orNone(g.feeBasis)]);
    rows.push(['收费项目', g.feeItems.length ? g.feeItems.map((f) => `${f.name}：${f.standard}${f.basis.trim() ? `（${f.basis.trim()}）` : ''}`).join('\n') : '无']);
  }
  if (g.handlingAgency.trim()) rows.push(['承办机构', g.handlingAgency.trim()]);
  if (g.jointDepartments.trim()) rows.push(['共同实施部门', g.jointDepartments.trim()]);
  if (g.intermediaryServices.trim()) rows.push(['中介服务', g.intermediaryServices.trim()]);
  if (g.quantityLimit.trim()) rows.push(['数量限制', g.quantityLimit.trim()]);
  rows.push(
    ['通办范围', SERVICE_SCOPES.label(g.serviceScope)],
    ['是否支持预约', yesNo(g.supportsAppointment)],
    ['是否支持物流快递', yesNo(g.supportsDelivery)],
    ['办理地点', orNone(g.location)],
    ['办理时间', orNone(g.hours)],
    ['咨询电话', orNone(g.consultPhone)],
    ['监督电话', orNone(g.supervisePhone)],
  );
  return rows;
}

function copies(m: GuideContent['materials'][number]): string {
  const parts: string[] = [];
  if (m.originalCount > 0) parts.push(`原件 ${m.originalCount} 份`);
  if (m.copyCount > 0) parts.push(`复印件 ${m.copyCount} 份`);
  return parts.join('\n') || '—';
}

export async function renderGuidePdf(src: GuidePdfSource, options: GuidePdfOptions, fonts: Fonts = loadFonts(options.fontPath), stepDepartments: Map<string, string> = new Map()): Promise<Buffer> {
  const g = src.guide;
  const url = guidePageUrl(options.publicBaseUrl, src.code);
  // Loaded on first use: pdfkit and its font engine weigh ~20 MB, and most servers print rarely.
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  // A fixed creation date (the publication time) keeps the bytes, and so the stored file, the same on every run.
  const created = src.publishedAt ? new Date(src.publishedAt) : new Date(`${src.effectiveFrom ?? '2000-01-01'}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${g.name} 办事指南`, Author: src.departmentName, Subject: `实施编码 ${src.code} 第 ${src.version} 版`, Creator: 'OneWindow 一窗通办', Producer: 'OneWindow 一窗通办', CreationDate: created, ModDate: created },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    doc.registerFont('cjk', fonts.regular, fonts.regularName);
    doc.registerFont('cjk-bold', fonts.bold, fonts.boldName);
  } catch (error) {
    throw new AppError(500, 'PDF_FONT_INVALID', '服务器的中文字体无法使用，暂时无法生成 PDF 办事指南，请联系系统管理员', {
      detail: `字体文件 ${options.fontPath} 中没有 ${fonts.regularName}：请使用 fonts-noto-cjk 的 NotoSansCJK-Regular.ttc（${String(error)}）`,
    });
  }
  const w = new GuideWriter(doc, { regular: 'cjk', bold: 'cjk-bold' });
  const contentWidth = doc.page.width - PAGE.margin * 2;
  const qrSize = 88;

  // Title block, with the QR code to the online guide at the top right.
  const top = PAGE.margin;
  doc.image(qr, PAGE.margin + contentWidth - qrSize, top, { width: qrSize, height: qrSize });
  doc.font('cjk').fontSize(7.5).fillColor(COLOR.muted).text('扫码查看在线办事指南', PAGE.margin + contentWidth - qrSize - 10, top + qrSize + 2, { width: qrSize + 20, align: 'center' });
  const titleWidth = contentWidth - qrSize - 16;
  doc.font('cjk').fontSize(10).fillColor(COLOR.muted).text('办事指南', PAGE.margin, top, { width: titleWidth });
  doc.font('cjk-bold').fontSize(19).fillColor(COLOR.text).text(g.name, PAGE.margin, doc.y + 2, { width: titleWidth, lineGap: 2 });
  doc.moveDown(0.3);
  const meta = [
    `实施编码：${src.code}`,
    `版本：第 ${src.version} 版　　生效日期：${src.effectiveFrom ?? '—'}`,
    `实施部门：${src.departmentName}　　区划：${src.regionName}`,
  ];
  doc.font('cjk').fontSize(9.5).fillColor(COLOR.muted);
  for (const line of meta) doc.text(line, PAGE.margin, doc.y, { width: titleWidth, lineGap: 2 });
  doc.fillColor(COLOR.text);
  doc.y = Math.max(doc.y, top + qrSize + 16);

  w.heading('基本信息');
  w.facts(basicFacts(g, src));

  w.heading('设定依据');
  w.paragraph(orNone(g.legalBasis));

  w.heading('受理条件');
  w.paragraph(orNone(g.acceptanceConditions));

  w.heading('申请材料');
  if (g.materials.length === 0) {
    w.paragraph('无需提交材料。');
  } else {
    w.table(
      [
        { header: '序号', width: 6 }, { header: '材料名称', width: 26 }, { header: '必要性', width: 9 }, { header: '类型', width: 10 },
        { header: '形式', width: 9 }, { header: '份数', width: 11 }, { header: '来源', width: 11 }, { header: '出具机构', width: 18 },
      ],
      g.materials.map((m, i) => [
        String(i + 1), m.name, MATERIAL_NECESSITY.label(m.necessity), MATERIAL_TYPES.label(m.type), MATERIAL_FORMS.label(m.form),
        copies(m), MATERIAL_SOURCES.label(m.source), m.issuer.trim() || '—',
      ]),
    );
    w.paragraph('材料受理标准与审查要点', { bold: true, size: 10.5 });
    doc.moveDown(0.2);
    g.materials.forEach((m, i) => {
      doc.moveDown(0.2);
      w.paragraph(`${i + 1}. ${m.name}`, { bold: true });
      w.paragraph(`受理标准：${orNone(m.acceptanceStandard)}`, { indent: 12 });
      if (m.reviewPoints.length > 0) {
        w.paragraph('审查要点：', { indent: 12 });
        m.reviewPoints.forEach((p, j) => w.paragraph(`（${j + 1}）${p.text}`, { indent: 24 }));
      }
      if (m.fillingNotes.trim()) w.paragraph(`填报说明：${m.fillingNotes.trim()}`, { indent: 12, color: COLOR.muted });
      if (m.basis.trim()) w.paragraph(`依据：${m.basis.trim()}`, { indent: 12, color: COLOR.muted });
    });
  }

  w.heading('办理流程');
  if (g.steps.length === 0) {
    w.paragraph('无');
  } else {
    w.table(
      [{ header: '序号', width: 5 }, { header: '环节', width: 13 }, { header: '环节类型', width: 11 }, { header: '办理岗位', width: 10 }, { header: '办理部门', width: 21 }, { header: '时限', width: 10 }, { header: '说明', width: 30 }],
      g.steps.map((s, i) => [
        String(i + 1), s.name, STEP_KINDS.label(s.kind), roleLabel(s.role),
        s.departmentId ? (stepDepartments.get(s.departmentId) ?? '—') : src.departmentName,
        s.timeLimitDays === null ? '—' : `${s.timeLimitDays} 个工作日`, s.description.trim() || '—',
      ]),
    );
  }

  w.heading('特别程序');
  if (g.specialProcedures.length === 0) {
    w.paragraph('无');
  } else {
    w.table(
      [{ header: '种类', width: 24 }, { header: '名称', width: 22 }, { header: '时限', width: 16 }, { header: '说明', width: 38 }],
      g.specialProcedures.map((p) => [SPECIAL_PROCEDURE_TYPES.label(p.type), p.name, p.timeLimit.trim() || '—', p.note.trim() || '—']),
    );
  }

  w.heading('办理结果');
  w.facts([
    ['结果名称', orNone(g.resultName)],
    ['结果类型', RESULT_TYPES.label(g.resultType)],
  ]);

  w.heading('常见问题');
  if (g.faqs.length === 0) {
    w.paragraph('无');
  } else {
    g.faqs.forEach((f, i) => {
      doc.moveDown(0.2);
      w.paragraph(`问${i + 1}：${f.question}`, { bold: true });
      w.paragraph(`答：${f.answer}`, { indent: 12 });
    });
  }

  // Page numbers, written once every page exists; the bottom margin is lifted so the footer does not break the page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PAGE.bottom + 22;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.margin + contentWidth, y - 6).lineWidth(0.5).strokeColor(COLOR.line).stroke();
    doc.font('cjk').fontSize(8).fillColor(COLOR.muted);
    doc.text(`${g.name}　实施编码 ${src.code}　第 ${src.version} 版`, PAGE.margin, y, { width: contentWidth * 0.7, lineBreak: false, ellipsis: true });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, PAGE.margin, y, { width: contentWidth, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}

/**
 * Generates each published version's PDF once and serves the stored bytes after that. Two first requests at the same
 * time may both render; the database keeps the first row (ON CONFLICT DO NOTHING) and both answer with its bytes.
 */
export class GuidePdfService {
  private fonts: Fonts | null = null;
  private readonly inflight = new Map<string, Promise<{ sha256: string; bytes: Buffer }>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly files: FileStore,
    private readonly options: GuidePdfOptions,
  ) {}

  private loadedFonts(): Fonts {
    this.fonts ??= loadFonts(this.options.fontPath);
    return this.fonts;
  }

  async get(src: GuidePdfSource): Promise<{ sha256: string; bytes: Buffer }> {
    const cached = await this.db.selectFrom('guide_pdfs').select('sha256').where('version_id', '=', src.versionId).executeTakeFirst();
    if (cached) {
      const bytes = await this.files.get(cached.sha256);
      if (bytes) return { sha256: cached.sha256, bytes };
    }
    const running = this.inflight.get(src.versionId);
    if (running) return running;
    const job = this.generate(src, cached?.sha256 ?? null).finally(() => this.inflight.delete(src.versionId));
    this.inflight.set(src.versionId, job);
    return job;
  }

  async render(src: GuidePdfSource): Promise<Buffer> {
    const ids = [...new Set(src.guide.steps.map((s) => s.departmentId).filter((id): id is string => id !== null))];
    const names = ids.length ? await this.db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute() : [];
    return renderGuidePdf(src, this.options, this.loadedFonts(), new Map(names.map((d) => [d.id, d.name])));
  }

  private async generate(src: GuidePdfSource, staleSha: string | null): Promise<{ sha256: string; bytes: Buffer }> {
    const bytes = await this.render(src);
    const sha256 = await this.files.put(bytes);
    const winner = await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('files').values({ sha256, size: bytes.length, mime: 'application/pdf' }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      // A cached row whose file went missing (a wiped file store) is pointed at the new bytes.
      if (staleSha) await trx.updateTable('guide_pdfs').set({ sha256 }).where('version_id', '=', src.versionId).where('sha256', '=', staleSha).execute();
      await trx.insertInto('guide_pdfs').values({ version_id: src.versionId, sha256 }).onConflict((oc) => oc.column('version_id').doNothing()).execute();
      return (await trx.selectFrom('guide_pdfs').select('sha256').where('version_id', '=', src.versionId).executeTakeFirstOrThrow()).sha256;
    });
    if (winner === sha256) return { sha256, bytes };
    const stored = await this.files.get(winner);
    return stored ? { sha256: winner, bytes: stored } : { sha256, bytes };
  }
}

/** `inline; filename*=UTF-8''…` with an ASCII fallback for old clients. */
export function pdfDisposition(code: string, name: string, version: number): string {
  const filename = `${name}-办事指南-第${version}版.pdf`;
  return `inline; filename="guide-${code}-v${version}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
