// The printable service guide (办事指南 PDF): A4, Chinese, with the Noto CJK font embedded (subset) so the text prints
// and extracts anywhere, and a QR code to the online guide. A published version never changes, so its PDF is generated
// once, stored in the file store and recorded in `guide_pdfs`; later requests are served from there.
import type { Kysely } from 'kysely';
import {
  CASE_TYPES, EXERCISE_LEVELS, HANDLING_FORMS, ITEM_TYPES, LEGAL_LIMIT_UNITS, MATERIAL_FORMS, MATERIAL_NECESSITY,
  MATERIAL_SOURCES, MATERIAL_TYPES, ONLINE_DEPTHS, PROMISED_LIMIT_UNITS, RESULT_TYPES, SERVICE_OBJECTS, SERVICE_SCOPES,
  SPECIAL_PROCEDURE_TYPES, STEP_KINDS, roleLabel, type GuideContent, type PublishedGuide,
} from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import type { FileStore } from '../../platform/files.ts';
import {
  COLOR, FONT, inlinePdfDisposition, loadCjkFonts, openA4Document, pageFooters, PAGE, PdfWriter, qrPng, StoredPdfs, type CjkFonts, type StoredPdf,
} from '../../platform/pdf.ts';

/** What the PDF shows: the guide and where and when it applies. */
export type GuidePdfSource = Pick<PublishedGuide, 'code' | 'regionName' | 'departmentName' | 'versionId' | 'version' | 'effectiveFrom' | 'publishedAt' | 'guide'>;

export interface GuidePdfOptions {
  /** Noto Sans CJK collection (or any CJK font file); the bold face is looked up beside it. */
  fontPath: string;
  /** Where the public web app runs; the QR code points at `${publicBaseUrl}/guide/${code}`. */
  publicBaseUrl: string;
}

const WHAT = 'PDF 办事指南';

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

export async function renderGuidePdf(src: GuidePdfSource, options: GuidePdfOptions, fonts: CjkFonts = loadCjkFonts(options.fontPath, WHAT), stepDepartments: Map<string, string> = new Map()): Promise<Buffer> {
  const g = src.guide;
  const qr = await qrPng(guidePageUrl(options.publicBaseUrl, src.code));
  // The publication time as the creation date keeps the bytes, and so the stored file, the same on every run.
  const created = src.publishedAt ? new Date(src.publishedAt) : new Date(`${src.effectiveFrom ?? '2000-01-01'}T00:00:00+08:00`);
  const { doc, finished } = await openA4Document({
    fonts, fontPath: options.fontPath, what: WHAT, created,
    title: `${g.name} 办事指南`, author: src.departmentName, subject: `实施编码 ${src.code} 第 ${src.version} 版`,
  });
  const w = new PdfWriter(doc);
  const contentWidth = doc.page.width - PAGE.margin * 2;
  const qrSize = 88;

  // Title block, with the QR code to the online guide at the top right.
  const top = PAGE.margin;
  doc.image(qr, PAGE.margin + contentWidth - qrSize, top, { width: qrSize, height: qrSize });
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted).text('扫码查看在线办事指南', PAGE.margin + contentWidth - qrSize - 10, top + qrSize + 2, { width: qrSize + 20, align: 'center' });
  const titleWidth = contentWidth - qrSize - 16;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text('办事指南', PAGE.margin, top, { width: titleWidth });
  doc.font(FONT.bold).fontSize(19).fillColor(COLOR.text).text(g.name, PAGE.margin, doc.y + 2, { width: titleWidth, lineGap: 2 });
  doc.moveDown(0.3);
  const meta = [
    `实施编码：${src.code}`,
    `版本：第 ${src.version} 版　　生效日期：${src.effectiveFrom ?? '—'}`,
    `实施部门：${src.departmentName}　　区划：${src.regionName}`,
  ];
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.muted);
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

  pageFooters(doc, `${g.name}　实施编码 ${src.code}　第 ${src.version} 版`);
  doc.end();
  return finished;
}

/** Each published version's PDF, generated once and served from the file store after that (`guide_pdfs`). */
export class GuidePdfService {
  private readonly stored: StoredPdfs;

  constructor(
    private readonly db: Kysely<DB>,
    files: FileStore,
    private readonly options: GuidePdfOptions,
  ) {
    this.stored = new StoredPdfs(db, files);
  }

  get(src: GuidePdfSource): Promise<StoredPdf> {
    const versionId = src.versionId;
    return this.stored.get(versionId, {
      find: async (db) => (await db.selectFrom('guide_pdfs').select('sha256').where('version_id', '=', versionId).executeTakeFirst())?.sha256,
      render: () => this.render(src),
      record: async (trx, sha256, staleSha) => {
        if (staleSha) await trx.updateTable('guide_pdfs').set({ sha256 }).where('version_id', '=', versionId).where('sha256', '=', staleSha).execute();
        await trx.insertInto('guide_pdfs').values({ version_id: versionId, sha256 }).onConflict((oc) => oc.column('version_id').doNothing()).execute();
        return (await trx.selectFrom('guide_pdfs').select('sha256').where('version_id', '=', versionId).executeTakeFirstOrThrow()).sha256;
      },
    });
  }

  async render(src: GuidePdfSource): Promise<Buffer> {
    const ids = [...new Set(src.guide.steps.map((s) => s.departmentId).filter((id): id is string => id !== null))];
    const names = ids.length ? await this.db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute() : [];
    return renderGuidePdf(src, this.options, loadCjkFonts(this.options.fontPath, WHAT), new Map(names.map((d) => [d.id, d.name])));
  }
}

/** `inline; filename*=UTF-8''…` with an ASCII fallback for old clients. */
export function pdfDisposition(code: string, name: string, version: number): string {
  return inlinePdfDisposition(`${name}-办事指南-第${version}版.pdf`, `guide-${code}-v${version}.pdf`);
}
