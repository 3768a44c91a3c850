// The printable documents' common ground (办事指南, 受理通知书, 决定书 …): A4 pages with the Noto Sans CJK collection
// embedded as a subset, so the Chinese text prints and extracts anywhere; numbered headings, paragraphs and bordered
// tables that move to the next page whole; QR codes; page footers. Each document module draws its own content.
import fs from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FileStore } from './files.ts';
import { AppError } from './problem.ts';

export type Doc = PDFKit.PDFDocument;

/** The regular and bold faces, as font file bytes and the PostScript name of the face inside the collection. */
export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
  regularName: string;
  boldName: string;
}

const REGULAR_FACE = 'NotoSansCJKsc-Regular';
const BOLD_FACE = 'NotoSansCJKsc-Bold';

/** The names the fonts are registered under in every document. */
export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;

export const PAGE = { margin: 50, bottom: 60 };
export const COLOR = { text: '#1f1f1f', muted: '#595959', line: '#bfbfbf', headFill: '#eef3fb', heading: '#0b4a8b' };

/** `what` names the document for the user, e.g. `PDF 办事指南`. */
export function fontMissingError(fontPath: string, what = 'PDF 文件'): AppError {
  return new AppError(500, 'PDF_FONT_MISSING', `服务器缺少中文字体，暂时无法生成${what}，请联系系统管理员`, {
    detail: `找不到中文字体文件 ${fontPath}：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk），或用环境变量 CJK_FONT_PATH 指定 Noto Sans CJK 字体文件`,
  });
}

// The collection weighs ~40 MB with its bold face: read once per process and shared by every kind of document.
const loaded = new Map<string, CjkFonts>();

/** Noto Sans CJK (or any CJK font file) at `fontPath`, with the bold face looked up beside it. */
export function loadCjkFonts(fontPath: string, what?: string): CjkFonts {
  const cached = loaded.get(fontPath);
  if (cached) return cached;
  if (!fs.existsSync(fontPath)) throw fontMissingError(fontPath, what);
  const regular = fs.readFileSync(fontPath);
  const boldPath = fontPath.replace(/Regular/g, 'Bold');
  const hasBold = boldPath !== fontPath && fs.existsSync(boldPath);
  const fonts = {
    regular,
    bold: hasBold ? fs.readFileSync(boldPath) : regular,
    regularName: REGULAR_FACE,
    boldName: hasBold ? BOLD_FACE : REGULAR_FACE,
  };
  loaded.set(fontPath, fonts);
  return fonts;
}

export interface A4Options {
  fonts: CjkFonts;
  /** For the error message when the font file holds no Noto Sans CJK face. */
  fontPath: string;
  /** The document's name for the user, e.g. `PDF 办事指南`. */
  what: string;
  title: string;
  author: string;
  subject: string;
  /** A fixed date keeps the bytes, and so the stored file, the same on every run. */
  created: Date;
}

type Face = object;

// fontkit keeps a face's glyphs and shaping results on the face object. Parsed once per process and handed to every
// document (pdfkit accepts a fontkit face), a receipt lays out in a fraction of the time a fresh parse of the collection
// takes; pdfkit still embeds a new subset per document.
const faces = new Map<string, Face>();

async function faceOf(bytes: Buffer, name: string): Promise<Face> {
  const key = `${name}:${bytes.length}`;
  const cached = faces.get(key);
  if (cached) return cached;
  const fontkit = await import('fontkit');
  const face = fontkit.create(bytes, name);
  faces.set(key, face);
  return face;
}

/** A new A4 document with the CJK fonts registered as FONT.regular and FONT.bold, and its bytes once `doc.end()` runs. */
export async function openA4Document(options: A4Options): Promise<{ doc: Doc; finished: Promise<Buffer> }> {
  // Loaded on first use: pdfkit and its font engine weigh ~20 MB, and most servers print rarely.
  const { default: PDFDocument } = await import('pdfkit');
  const { fonts, created } = options;
  let regular: Face;
  let bold: Face;
  try {
    [regular, bold] = [await faceOf(fonts.regular, fonts.regularName), await faceOf(fonts.bold, fonts.boldName)];
  } catch (error) {
    throw fontInvalid(options, error);
  }
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Subject: options.subject, Creator: 'OneWindow 一窗通办', Producer: 'OneWindow 一窗通办', CreationDate: created, ModDate: created },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(FONT.regular, regular as PDFKit.Mixins.PDFFontSource);
    doc.registerFont(FONT.bold, bold as PDFKit.Mixins.PDFFontSource);
    // pdfkit opens a registered font lazily; opening both here turns a bad font file into PDF_FONT_INVALID at once.
    doc.font(FONT.bold).font(FONT.regular);
  } catch (error) {
    throw fontInvalid(options, error);
  }
  return { doc, finished };
}

function fontInvalid(options: A4Options, error: unknown): AppError {
  return new AppError(500, 'PDF_FONT_INVALID', `服务器的中文字体无法使用，暂时无法生成${options.what}，请联系系统管理员`, {
    detail: `字体文件 ${options.fontPath} 中没有 ${options.fonts.regularName}：请使用 fonts-noto-cjk 的 NotoSansCJK-Regular.ttc（${String(error)}）`,
  });
}

/**
 * Loads pdfkit and the fonts and lays out one line of CJK text, so that the first real document (a receipt printed
 * while the applicant waits) does not pay ~1 s of loading. Called in the background when a window desk opens.
 */
export async function warmUpPdf(fontPath: string): Promise<void> {
  const fonts = loadCjkFonts(fontPath);
  const { doc, finished } = await openA4Document({ fonts, fontPath, what: 'PDF', title: '', author: '', subject: '', created: new Date(0) });
  doc.font(FONT.regular).text('受理通知书').font(FONT.bold).text('补齐补正告知书');
  doc.end();
  await finished;
}

/** A QR code as PNG bytes. */
export async function qrPng(url: string, width = 240): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width });
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the content width in proportion. */
  width: number;
}

/** Draws on the document's pages within the margins; each helper keeps the cursor below what it drew. */
export class PdfWriter {
  private sectionIndex = 0;
  constructor(readonly doc: Doc) {}

  get width(): number {
    return this.doc.page.width - PAGE.margin * 2;
  }

  get pageBottom(): number {
    return this.doc.page.height - PAGE.bottom;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.pageBottom) this.doc.addPage();
  }

  /** `一、title`, numbered in order, underlined; moved to the next page with at least `keepWith` points of what follows. */
  heading(title: string, keepWith = 0): void {
    this.ensureSpace(60 + keepWith);
    this.doc.moveDown(0.6);
    const label = `${CHINESE_NUMERALS[this.sectionIndex++] ?? this.sectionIndex}、${title}`;
    this.doc.font(FONT.bold).fontSize(13).fillColor(COLOR.heading).text(label, PAGE.margin, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + this.width, y).lineWidth(0.8).strokeColor(COLOR.heading).stroke();
    this.doc.y = y + 6;
    this.doc.fillColor(COLOR.text);
  }

  /** `firstLine` indents the first line of each paragraph (two characters in Chinese prose). */
  paragraph(text: string, options: { bold?: boolean; size?: number; indent?: number; firstLine?: number; lineGap?: number; color?: string; align?: 'left' | 'right' | 'center' | 'justify' } = {}): void {
    const indent = options.indent ?? 0;
    const layout: PDFKit.Mixins.TextOptions = { width: this.width - indent, lineGap: options.lineGap ?? 2 };
    if (options.align) layout.align = options.align;
    if (options.firstLine) layout.indent = options.firstLine;
    this.doc
      .font(options.bold ? FONT.bold : FONT.regular)
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? COLOR.text)
      .text(text, PAGE.margin + indent, this.doc.y, layout);
    this.doc.fillColor(COLOR.text);
  }

  /** A bordered table; rows move to the next page whole, repeating the header row there. */
  table(columns: TableColumn[], rows: string[][], options: { firstColumnBold?: boolean; boldColumns?: number[] } = {}): void {
    const doc = this.doc;
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const showHeader = columns.some((c) => c.header);
    const isBold = (header: boolean, i: number) => header || (options.firstColumnBold === true && i === 0) || (options.boldColumns?.includes(i) ?? false);
    const cellHeight = (text: string, w: number, bold: boolean) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(9);
      return doc.heightOfString(text || ' ', { width: w - pad * 2, lineGap: 1 }) + pad * 2;
    };
    const drawRow = (cells: string[], header: boolean) => {
      const height = Math.max(...cells.map((c, i) => cellHeight(c, widths[i]!, isBold(header, i))));
      if (doc.y + height > this.pageBottom && !header) {
        doc.addPage();
        if (showHeader) drawRow(columns.map((c) => c.header), true);
      }
      const top = doc.y;
      let x = PAGE.margin;
      cells.forEach((text, i) => {
        const w = widths[i]!;
        const bold = isBold(header, i);
        if (bold) doc.rect(x, top, w, height).fill(COLOR.headFill);
        doc.rect(x, top, w, height).lineWidth(0.5).strokeColor(COLOR.line).stroke();
        doc.font(bold ? FONT.bold : FONT.regular).fontSize(9).fillColor(COLOR.text);
        doc.text(text, x + pad, top + pad, { width: w - pad * 2, lineGap: 1 });
        x += w;
      });
      doc.y = top + height;
    };
    if (showHeader) {
      this.ensureSpace(60);
      drawRow(columns.map((c) => c.header), true);
    }
    for (const row of rows) drawRow(row, false);
    doc.x = PAGE.margin;
    doc.moveDown(0.4);
  }

  /** Key–value rows, the keys shaded. */
  facts(rows: [string, string][]): void {
    this.table([{ header: '', width: 28 }, { header: '', width: 72 }], rows, { firstColumnBold: true });
  }

  /** Key–value pairs two to a row, the keys shaded: half the height of `facts` for short values. */
  factGrid(pairs: [string, string][]): void {
    const rows: string[][] = [];
    for (let i = 0; i < pairs.length; i += 2) rows.push([...pairs[i]!, ...(pairs[i + 1] ?? ['', ''])]);
    this.table([{ header: '', width: 17 }, { header: '', width: 33 }, { header: '', width: 17 }, { header: '', width: 33 }], rows, { boldColumns: [0, 2] });
  }
}

/** `text` cut short with an ellipsis so that it fits `width` on one line in the current font (pdfkit would wrap it). */
function fittedToWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Writes a footer on every page once all pages exist: a rule, `left` (cut short with an ellipsis, in `leftShare` of the
 * width) and `第 n 页 / 共 m 页` on the right. The bottom margin is lifted meanwhile so the footer does not break the page.
 */
export function pageFooters(doc: Doc, left: string, leftShare = 0.7): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - PAGE.margin * 2;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PAGE.bottom + 22;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.margin + width, y - 6).lineWidth(0.5).strokeColor(COLOR.line).stroke();
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
    doc.text(fittedToWidth(doc, left, width * leftShare), PAGE.margin, y, { lineBreak: false });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, PAGE.margin, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** `inline; filename="<ascii>"; filename*=UTF-8''<name>`: the Chinese name, with an ASCII fallback for old clients. */
export function inlinePdfDisposition(filename: string, asciiFallback: string): string {
  return `inline; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface StoredPdf {
  sha256: string;
  bytes: Buffer;
}

/** How one kind of generated PDF is found, drawn and recorded (`guide_pdfs`, `case_documents` …). */
export interface PdfRecord {
  /** The SHA-256 recorded for the document, if any. */
  find(db: Kysely<DB>): Promise<string | undefined>;
  render(): Promise<Buffer>;
  /**
   * Records `sha256` unless a record exists (ON CONFLICT DO NOTHING), re-pointing a record at `staleSha` (whose file
   * went missing, e.g. a wiped file store) to it; returns the SHA-256 recorded now.
   */
  record(trx: Transaction<DB>, sha256: string, staleSha: string | null): Promise<string>;
}

/**
 * PDFs whose content never changes once their sources exist: drawn on the first request, put in the file store and
 * recorded, then served from the store. Two first requests in this process share one rendering; two in different
 * processes may both render, the database keeps the first record and both answer with its bytes.
 */
export class StoredPdfs {
  private readonly inflight = new Map<string, Promise<StoredPdf>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly files: FileStore,
  ) {}

  /** `key` names the document among all that this store serves. */
  async get(key: string, pdf: PdfRecord): Promise<StoredPdf> {
    const recorded = await pdf.find(this.db);
    if (recorded) {
      const bytes = await this.files.get(recorded);
      if (bytes) return { sha256: recorded, bytes };
    }
    const running = this.inflight.get(key);
    if (running) return running;
    const job = this.generate(pdf, recorded ?? null).finally(() => this.inflight.delete(key));
    this.inflight.set(key, job);
    return job;
  }

  private async generate(pdf: PdfRecord, staleSha: string | null): Promise<StoredPdf> {
    const bytes = await pdf.render();
    const sha256 = await this.files.put(bytes);
    const winner = await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('files').values({ sha256, size: bytes.length, mime: 'application/pdf' }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      return pdf.record(trx, sha256, staleSha);
    });
    if (winner === sha256) return { sha256, bytes };
    const stored = await this.files.get(winner);
    return stored ? { sha256: winner, bytes: stored } : { sha256, bytes };
  }
}
