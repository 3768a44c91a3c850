import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCjkFonts, openA4Document, pageFooters } from './pdf.ts';

const FONT_PATH = process.env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('page footers', () => {
  it('keep a footer too long for its share of the line on that line, cut short with an ellipsis, beside the page number', async () => {
    const { doc, finished } = await openA4Document({
      fonts: loadCjkFonts(FONT_PATH), fontPath: FONT_PATH, what: 'PDF 测试', title: '页脚', author: '测试', subject: '页脚', created: new Date('2026-01-05T00:00:00Z'),
    });
    doc.text('正文');
    const footer = `石家庄市医疗保障局　石家庄市政务服务中心（石家庄市长安区中山东路 39 号）　电话：0311-12345；医保服务热线 12393${'，另有说明'.repeat(5)}`;
    pageFooters(doc, footer, 0.8);
    doc.end();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ow-pdf-')), 'footer.pdf');
    fs.writeFileSync(file, await finished);
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
    const last = lines.at(-1)!;
    expect(last).toMatch(/^石家庄市医疗保障局.*…\s+第 ?1 ?页 ?\/ ?共 ?1 ?页$/);
    expect(lines.some((l) => l.includes('另有说明') && !l.includes('…'))).toBe(false);
  });
});
