// Case documents (文书): 受理通知书, 补齐补正告知书, 不予受理决定书 and 准予/不予许可决定书, each issued by one action of
// the case and drawn from data alone — the action, the case as taken in, the guide version it was applied under. They
// share one look: the issuing department's name in red over a double rule, the title and the document number (case
// number + suffix), the body, the department with the seal place (（盖章）) and the date, and a footer with the hall.
import {
  beijingToday, chineseDate, maskIdNumber, PROMISED_LIMIT_UNITS, RECEIVED_AS_LABELS, type CaseEvent, type CorrectionItem,
  type DeadlineLimit, type GuideContent, type ReceivedAs,
} from '@onewindow/domain';
import { COLOR, FONT, loadCjkFonts, openA4Document, pageFooters, PAGE, PdfWriter, qrPng, type CjkFonts } from '../../platform/pdf.ts';

export type DocumentKind = 'receipt' | 'correction' | 'refusal' | 'decision';

/** The action types that issue a document, and what each issues. */
export const DOCUMENT_KIND_OF = { accept: 'receipt', request_correction: 'correction', refuse: 'refusal', decide: 'decision' } as const satisfies Partial<Record<CaseEvent['type'], DocumentKind>>;
export type IssuingType = keyof typeof DOCUMENT_KIND_OF;
export const ISSUING_TYPES = Object.keys(DOCUMENT_KIND_OF) as IssuingType[];

/** An action that issued a document, as `case_actions` holds it. */
export interface IssuingAction {
  seq: number;
  type: string;
  event: CaseEvent;
  at: Date;
}

export interface DocumentEntry {
  seq: number;
  kind: DocumentKind;
  /** 受理通知书 … */
  title: string;
  /** The case number and a suffix for the kind: -SL 受理, -BZ1, -BZ2 … 补正, -BYSL 不予受理, -ZYXK / -BYXK 决定 */
  number: string;
  issuedAt: Date;
}

/** The title and number of the document an action issued; `correction` counts the 补正 notices so far, this one included. */
function titleAndNumber(caseNumber: string, event: CaseEvent, correction: number): Pick<DocumentEntry, 'kind' | 'title' | 'number'> | null {
  switch (event.type) {
    case 'accept':
      return { kind: 'receipt', title: '受理通知书', number: `${caseNumber}-SL` };
    case 'request_correction':
      return { kind: 'correction', title: '补齐补正告知书', number: `${caseNumber}-BZ${correction}` };
    case 'refuse':
      return { kind: 'refusal', title: '不予受理决定书', number: `${caseNumber}-BYSL` };
    case 'decide':
      return event.grant
        ? { kind: 'decision', title: '准予许可决定书', number: `${caseNumber}-ZYXK` }
        : { kind: 'decision', title: '不予许可决定书', number: `${caseNumber}-BYXK` };
    default:
      return null;
  }
}

/** The documents a case's actions issued, in action order; other actions are left out. */
export function caseDocuments(caseNumber: string, actions: IssuingAction[]): DocumentEntry[] {
  let corrections = 0;
  const entries: DocumentEntry[] = [];
  for (const a of [...actions].sort((x, y) => x.seq - y.seq)) {
    if (a.event.type === 'request_correction') corrections++;
    const issued = titleAndNumber(caseNumber, a.event, corrections);
    if (issued) entries.push({ seq: a.seq, issuedAt: a.at, ...issued });
  }
  return entries;
}

export interface ReceiptMaterial {
  name: string;
  receivedAs: ReceivedAs;
  count: number;
  /** 容缺后补: the date promised at acceptance */
  dueDate: string | null;
}

/** Everything one document shows. */
export interface DocumentSource {
  entry: DocumentEntry;
  event: CaseEvent;
  /** The opinion recorded with the action (the reviewer's 审查意见 on a decision) */
  opinion: string | null;
  /** Who took the action */
  actorName: string;
  caseNumber: string;
  trackingToken: string;
  itemCode: string;
  itemName: string;
  appliedAt: Date;
  acceptedAt: Date | null;
  limit: DeadlineLimit;
  applicant: {
    kind: 'person' | 'company';
    name: string;
    /** 111 居民身份证, 001 统一社会信用代码 */
    idType: string;
    /** In full: the document masks it. */
    idNumber: string;
    legalRepresentative: string | null;
    agentName: string | null;
  };
  guide: GuideContent;
  /** The implementing department, which issues the document */
  department: string;
  hall: { name: string; address: string; phone: string } | null;
  window: { number: string; name: string } | null;
  /** The clerk who took the case in */
  clerk: string | null;
  /** 受理通知书: the materials as received, in the guide's order */
  materials: ReceiptMaterial[];
  /** 受理通知书: the promised due date at acceptance (YYYY-MM-DD), and the time for hour limits (ISO) */
  due: { date: string; at: string | null } | null;
}

export interface DocumentOptions {
  fontPath: string;
  /** Where the public web app runs; the QR code opens `${publicBaseUrl}/track/t/<token>`. */
  publicBaseUrl: string;
}

const WHAT = 'PDF 文书';
const SEAL_RED = '#c00000';
const BODY = { size: 11, lineGap: 4 };

export function trackingUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/track/t/${encodeURIComponent(token)}`;
}

/** 2026年11月27日, the Beijing day of an instant. */
const dayOf = (at: Date) => chineseDate(beijingToday(at));

const ID_LABELS: Record<string, string> = { '111': '居民身份证号码', '001': '统一社会信用代码' };

function limitText(limit: DeadlineLimit): string {
  if (limit.amount === 0) return '即办件，受理当日办结';
  return `${limit.amount}个${PROMISED_LIMIT_UNITS.label(limit.unit)}`;
}

/** The applicant as the body addresses them: 你 (a person) or 你单位 (a company). */
const you = (src: Pick<DocumentSource, 'applicant'>) => (src.applicant.kind === 'person' ? '你' : '你单位');

/** Text as a sentence: ends with a full stop unless it ends with punctuation already. */
function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；：.!?;:）)」”]$/.test(t) ? t : `${t}。`;
}

/** 行政许可 items cite the 行政许可法 articles; other items their own legal basis only. */
const isLicensing = (guide: GuideContent) => guide.itemType === '01';

const REVIEW_WITHIN = /行政复议/;
const REVIEW_LIMIT = /(六十|60)\s*(日|天)/;
const LAWSUIT_WITHIN = /行政诉讼/;
const LAWSUIT_LIMIT = /(六|6)\s*个月/;

/**
 * The applicant's remedies (救济途径): the text given with the action, and the two routes with their time limits
 * (行政复议 within 60 days of receipt, 行政诉讼 within 6 months) unless that text already states both.
 */
export function remedyParagraphs(src: Pick<DocumentSource, 'applicant'>, given: string | undefined): string[] {
  const standard = `如不服本决定，${you(src)}可以自收到本决定书之日起六十日内依法申请行政复议，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。`;
  const text = given?.trim() ? sentence(given) : '';
  if (!text) return [standard];
  const statesBoth = REVIEW_WITHIN.test(text) && REVIEW_LIMIT.test(text) && LAWSUIT_WITHIN.test(text) && LAWSUIT_LIMIT.test(text);
  return statesBoth ? [text] : [text, standard];
}

/** Draws one document; the helpers keep the cursor below what they drew. */
class DocumentWriter extends PdfWriter {
  /** The red department name over a double rule, the title, and the document number. */
  header(department: string, title: string, number: string): void {
    const doc = this.doc;
    doc.font(FONT.bold).fontSize(20).fillColor(SEAL_RED).text(department, PAGE.margin, PAGE.margin, { width: this.width, align: 'center', characterSpacing: 2 });
    const y = doc.y + 6;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + this.width, y).lineWidth(2).strokeColor(SEAL_RED).stroke();
    doc.moveTo(PAGE.margin, y + 4).lineTo(PAGE.margin + this.width, y + 4).lineWidth(0.6).strokeColor(SEAL_RED).stroke();
    doc.font(FONT.bold).fontSize(22).fillColor(COLOR.text).text(title, PAGE.margin, y + 14, { width: this.width, align: 'center', characterSpacing: 4 });
    doc.moveDown(0.2);
    doc.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(`文书编号：${number}`, PAGE.margin, doc.y, { width: this.width, align: 'right' });
    doc.fillColor(COLOR.text);
    doc.moveDown(0.8);
  }

  salutation(name: string): void {
    this.paragraph(`${name}：`, { size: BODY.size, lineGap: BODY.lineGap });
  }

  /** Prose, each paragraph's first line indented by two characters. */
  prose(text: string): void {
    this.paragraph(text, { size: BODY.size, lineGap: BODY.lineGap, firstLine: BODY.size * 2, align: 'justify' });
  }

  /** The tracking QR code, with the URL, how to look the case up by number and ID suffix, and `more` lines below. */
  tracking(url: string, qr: Buffer, publicBaseUrl: string, caseNumber: string, more: string[] = []): void {
    const size = 84;
    const top = this.doc.y + 2;
    this.doc.image(qr, PAGE.margin, top, { width: size, height: size });
    const x = PAGE.margin + size + 14;
    const width = this.width - size - 14;
    const line = (text: string, color: string = COLOR.text) => this.doc.font(FONT.regular).fontSize(9.5).fillColor(color).text(text, x, this.doc.y, { width, lineGap: 2.5 });
    this.doc.y = top;
    line('扫描左侧二维码，可随时查看办理进度和结果。');
    line(`查询网址：${url}`, COLOR.muted);
    line(`也可访问 ${publicBaseUrl.replace(/\/+$/, '')}/track，输入办件编号 ${caseNumber} 和申请人证件号码后6位查询。`);
    for (const text of more) line(text);
    this.doc.fillColor(COLOR.text);
    this.doc.y = Math.max(this.doc.y, top + size) + 6;
    this.doc.x = PAGE.margin;
  }

  /** The department, the seal place (（盖章）) and the date, at the bottom right of the body. */
  signOff(department: string, date: Date): void {
    const width = 240;
    this.doc.font(FONT.regular).fontSize(BODY.size).fillColor(COLOR.text);
    // The gap and both lines must fit, or the seal block moves to the next page whole (never half of it).
    const gap = this.doc.currentLineHeight(true) * 0.6;
    this.ensureSpace(gap + 2 * this.doc.currentLineHeight(true) + 12);
    this.doc.y += gap;
    const x = PAGE.margin + this.width - width;
    this.doc.text(`${department}（盖章）`, x, this.doc.y, { width, align: 'center', lineGap: 4 });
    this.doc.text(dayOf(date), x, this.doc.y + 4, { width, align: 'center' });
    this.doc.x = PAGE.margin;
  }
}

/** Who applied for what, as key–value pairs for a grid. */
function applicantPairs(src: DocumentSource): [string, string][] {
  const a = src.applicant;
  const pairs: [string, string][] = [
    ['办件编号', src.caseNumber],
    ['事项编码', src.itemCode],
    ['事项名称', src.itemName],
    ['申请人', a.name],
    [ID_LABELS[a.idType] ?? '证件号码', maskIdNumber(a.idNumber)],
  ];
  if (a.legalRepresentative) pairs.push(['法定代表人', a.legalRepresentative]);
  if (a.agentName) pairs.push(['代理人', a.agentName]);
  pairs.push(['申请日期', dayOf(src.appliedAt)]);
  return pairs;
}

/** Where the case was taken in and who handled it, as lines beside the tracking QR code. */
function placeLines(src: DocumentSource, handler: [label: string, name: string]): string[] {
  const lines: string[] = [];
  if (src.hall) lines.push(`受理地点：${src.hall.address ? `${src.hall.name}（${src.hall.address}）` : src.hall.name}`);
  else if (src.guide.location.trim()) lines.push(`受理地点：${src.guide.location.trim()}`);
  const desk = [src.window && `受理窗口：${`${src.window.number} ${src.window.name}`.trim()}`, `${handler[0]}：${handler[1]}`];
  const phone = src.hall?.phone || src.guide.consultPhone.trim();
  if (phone) desk.push(`咨询电话：${phone}`);
  lines.push(desk.filter(Boolean).join('　'));
  return lines;
}

function receivedText(m: ReceiptMaterial): string {
  if (m.receivedAs === 'deferred' && m.dueDate) return `${RECEIVED_AS_LABELS.deferred}（${chineseDate(m.dueDate)}前补交）`;
  return RECEIVED_AS_LABELS[m.receivedAs];
}

function dueText(src: DocumentSource): string {
  if (!src.due) return '—';
  if (!src.due.at) return chineseDate(src.due.date);
  // hh:mm in Beijing time (UTC+8)
  const time = new Date(new Date(src.due.at).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return `${chineseDate(src.due.date)} ${time}`;
}

function drawReceipt(w: DocumentWriter, src: DocumentSource, qr: Buffer, options: DocumentOptions): void {
  const basis = isLicensing(src.guide) ? '根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，' : '';
  const deferred = src.materials.some((m) => m.receivedAs === 'deferred');
  w.salutation(src.applicant.name);
  w.prose(
    `${you(src)}于${dayOf(src.appliedAt)}提出的“${src.itemName}”申请，经审查，申请材料齐全、符合法定形式，${basis}本机关决定予以受理。` +
      `本事项承诺办结时限为${limitText(src.limit)}，承诺办结日期为${dueText(src)}（依法需要听证、检验、检测、鉴定、专家评审等特别程序的，所需时间不计算在内）。` +
      (deferred ? '标明“容缺后补”的材料，请按书面承诺在所列日期前补交。' : ''),
  );

  w.heading('申请信息');
  w.factGrid([...applicantPairs(src), ['受理日期', dayOf(src.entry.issuedAt)], ['承诺办结日期', `${dueText(src)}（${limitText(src.limit)}）`]]);

  w.heading('收取材料');
  if (src.materials.length === 0) w.paragraph('本事项无需提交材料。');
  else {
    w.table(
      [{ header: '序号', width: 8 }, { header: '材料名称', width: 46 }, { header: '收取方式', width: 36 }, { header: '份数', width: 10 }],
      src.materials.map((m, i) => [String(i + 1), m.name, receivedText(m), m.count > 0 ? String(m.count) : '—']),
    );
  }

  w.heading('办件查询和受理地点', 90);
  w.tracking(trackingUrl(options.publicBaseUrl, src.trackingToken), qr, options.publicBaseUrl, src.caseNumber, placeLines(src, ['受理人', src.clerk ?? src.actorName]));
}

function drawCorrection(w: DocumentWriter, src: DocumentSource, event: { items: CorrectionItem[]; dueDate: string }, qr: Buffer, options: DocumentOptions): void {
  const basis = isLicensing(src.guide) ? '根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，' : '';
  const nameOf = (id: string) => src.guide.materials.find((m) => m.id === id)?.name ?? id;
  w.salutation(src.applicant.name);
  w.prose(
    `${you(src)}于${dayOf(src.appliedAt)}提出的“${src.itemName}”申请，经审查，申请材料不齐全或者不符合法定形式。` +
      `${basis}现一次性告知${you(src)}需要补齐补正的全部内容如下：`,
  );

  w.heading('需要补齐补正的材料');
  w.table(
    [{ header: '序号', width: 7 }, { header: '材料名称', width: 25 }, { header: '存在问题', width: 26 }, { header: '补正要求', width: 42 }],
    event.items.map((item, i) => [String(i + 1), nameOf(item.materialId), item.problem, item.fix]),
  );

  w.heading('补正期限');
  const where = src.hall ? `${src.hall.name}${src.window ? ` ${src.window.number} 窗口` : ''}` : '原受理窗口或网上办事大厅';
  w.prose(`请于${chineseDate(event.dueDate)}前（含当日）一次性补齐补正上述全部材料，并携带本告知书到${where}提交。补齐补正后，本机关将重新审查。`);
  w.prose(`逾期未补齐补正的，视为${you(src)}放弃本次申请，本机关将作退件处理。`);

  w.heading('申请信息');
  w.factGrid(applicantPairs(src));

  w.heading('办件查询和补正地点', 90);
  w.tracking(trackingUrl(options.publicBaseUrl, src.trackingToken), qr, options.publicBaseUrl, src.caseNumber, placeLines(src, ['经办人', src.actorName]));
}

/** 法律依据: the 行政许可法 article (for 行政许可 items), then the item's own legal basis from its guide. */
function legalBasis(w: DocumentWriter, src: DocumentSource, licensingArticle: string): void {
  if (isLicensing(src.guide)) w.prose(`《中华人民共和国行政许可法》${licensingArticle}。`);
  const basis = src.guide.legalBasis.trim().replace(/[。；;]+$/, '');
  w.prose(`本事项的设定依据：${basis || '见本事项办事指南'}。`);
}

function remedies(w: DocumentWriter, src: DocumentSource, given: string | undefined): void {
  for (const p of remedyParagraphs(src, given)) w.prose(p);
}

function drawRefusal(w: DocumentWriter, src: DocumentSource, event: { reason: string; remedies: string }): void {
  w.salutation(src.applicant.name);
  w.prose(`${you(src)}于${dayOf(src.appliedAt)}提出的“${src.itemName}”申请，经审查，本机关决定不予受理。理由和依据如下：`);
  w.heading('不予受理的理由');
  w.prose(sentence(event.reason));
  w.heading('法律依据');
  legalBasis(w, src, '第三十二条第一款');
  w.heading('救济途径');
  remedies(w, src, event.remedies);
  w.heading('申请信息');
  w.factGrid([...applicantPairs(src), ['经办人', src.actorName], ['决定日期', dayOf(src.entry.issuedAt)]]);
}

function drawDecision(w: DocumentWriter, src: DocumentSource, event: { grant: boolean; reason?: string; remedies?: string }): void {
  const accepted = src.acceptedAt ? `，本机关于${dayOf(src.acceptedAt)}受理` : '';
  const reason = event.reason?.trim() || src.opinion?.trim() || '';
  w.salutation(src.applicant.name);
  if (event.grant) {
    w.prose(`${you(src)}于${dayOf(src.appliedAt)}提出的“${src.itemName}”申请${accepted}。经审查，该申请符合法定条件、标准，本机关决定准予许可。`);
    if (reason) {
      w.heading('审查意见');
      w.prose(sentence(reason));
    }
    w.heading('法律依据');
    legalBasis(w, src, '第三十八条第一款');
    w.heading('办理结果');
    const result = src.guide.resultName.trim() || '办理结果';
    w.prose(`本机关将自作出本决定之日起十日内向${you(src)}颁发、送达${result}。请携带本决定书和有效身份证件到${src.hall?.name ?? '受理窗口'}统一出件窗口领取，或按申请时选择的方式送达。`);
  } else {
    w.prose(`${you(src)}于${dayOf(src.appliedAt)}提出的“${src.itemName}”申请${accepted}。经审查，该申请不符合法定条件、标准，本机关决定不予许可。理由和依据如下：`);
    w.heading('不予许可的理由');
    w.prose(reason ? sentence(reason) : '—');
    w.heading('法律依据');
    legalBasis(w, src, '第三十八条第二款');
    w.heading('救济途径');
    remedies(w, src, event.remedies);
  }
  w.heading('申请信息');
  w.factGrid([...applicantPairs(src), ['受理日期', src.acceptedAt ? dayOf(src.acceptedAt) : '—'], ['决定日期', dayOf(src.entry.issuedAt)]]);
}

function footerText(src: DocumentSource): string {
  const hall = src.hall;
  if (!hall) return [src.department, src.guide.location.trim(), src.guide.consultPhone.trim() && `电话：${src.guide.consultPhone.trim()}`].filter(Boolean).join('　');
  return [hall.name, hall.address && `地址：${hall.address}`, hall.phone && `电话：${hall.phone}`].filter(Boolean).join('　');
}

/** The document as an A4 PDF. Its bytes depend on the source alone (the creation date is the action's time). */
export async function renderCaseDocument(src: DocumentSource, options: DocumentOptions, fonts: CjkFonts = loadCjkFonts(options.fontPath, WHAT)): Promise<Buffer> {
  const { entry, event } = src;
  const tracked = entry.kind === 'receipt' || entry.kind === 'correction';
  const qr = tracked ? await qrPng(trackingUrl(options.publicBaseUrl, src.trackingToken)) : null;
  const { doc, finished } = await openA4Document({
    fonts, fontPath: options.fontPath, what: WHAT, created: entry.issuedAt,
    title: `${entry.title} ${entry.number}`, author: src.department, subject: `${src.itemName} 办件编号 ${src.caseNumber}`,
  });
  const w = new DocumentWriter(doc);
  w.header(src.department, entry.title, entry.number);
  if (event.type === 'accept') drawReceipt(w, src, qr!, options);
  if (event.type === 'request_correction') drawCorrection(w, src, event, qr!, options);
  if (event.type === 'refuse') drawRefusal(w, src, event);
  if (event.type === 'decide') drawDecision(w, src, event);
  w.signOff(src.department, entry.issuedAt);
  pageFooters(doc, footerText(src), 0.8);
  doc.end();
  return finished;
}
