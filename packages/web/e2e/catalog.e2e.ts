// The catalogue's journey end to end: one 事项管理员 revises a guide and submits it, another publishes it (four eyes),
// and a visitor finds the new name by pinyin initials, reads the guide and downloads it as a PDF that says the same.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loginStaff, useE2E } from './server.ts';

const e2e = useE2E();

const ITEM_NAME = '个体工商户设立登记';
// The implementation in 石家庄市 (1301); the counties' ones share the name and the initials.
const ITEM_CODE = '000201001000-1301';
const NEW_NAME = `${ITEM_NAME}（试点）`;

async function pdfText(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout;
}

describe('事项发布', () => {
  it('a revised item name, submitted by one catalogue admin and published by another, is what visitors find, read and download', async () => {
    // 事项管理员 catalog: finds the item, starts a revision, renames it, saves and submits.
    const editor = await e2e.newPage();
    await loginStaff(editor, 'catalog');
    await editor.getByRole('menuitem', { name: '事项管理' }).click();
    const search = editor.getByPlaceholder('事项名称或实施编码');
    await search.fill(ITEM_NAME);
    await search.press('Enter');
    const row = editor.getByRole('row').filter({ has: editor.getByText(ITEM_CODE, { exact: true }) });
    await row.getByRole('link', { name: ITEM_NAME }).click();
    await editor.waitForURL(/\/workbench\/catalog\/[^/]+$/);
    const itemUrl = new URL(editor.url()).pathname;

    await editor.getByTestId('draft-start').click();
    await editor.getByText(/正在编辑第 \d+ 版草稿/).waitFor();
    const nameInput = editor.locator('#guide_name');
    expect(await nameInput.isEditable()).toBe(true);
    expect(await nameInput.inputValue()).toBe(ITEM_NAME);
    await nameInput.fill(NEW_NAME);
    const unsaved = editor.getByText('有未保存的修改');
    await unsaved.waitFor();
    await editor.getByTestId('draft-save').click();
    await editor.getByText('草稿已保存').waitFor();
    // The editor reloads the saved draft; submitting before that would send the old draft's timestamp.
    await unsaved.waitFor({ state: 'hidden' });
    expect(await nameInput.inputValue()).toBe(NEW_NAME);
    await editor.getByTestId('draft-submit').click();
    await editor.getByText('已提交，待另一名事项管理员发布').waitFor();

    // 事项管理员 catalog2: publishes it, in force from today (the date the dialog offers).
    const publisher = await e2e.newPage();
    await loginStaff(publisher, 'catalog2');
    await publisher.goto(itemUrl);
    await publisher.getByTestId('draft-publish').click();
    const dialog = publisher.getByRole('dialog');
    await dialog.getByText(/发布第 \d+ 版/).waitFor();
    await dialog.getByRole('button', { name: '发布', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // With only published versions left, the editor offers a new revision again, under the new name.
    await publisher.getByTestId('draft-start').waitFor();
    await publisher.locator('.ant-card-head-title').getByText(NEW_NAME, { exact: true }).waitFor();

    // A visitor: searches by the pinyin initials on the home page, opens the guide, downloads the PDF.
    const visitor = await e2e.newPage();
    await visitor.goto('/');
    await visitor.locator('#portal-search').fill('gtgshsldj');
    await visitor.locator('#portal-search').press('Enter');
    await visitor.waitForURL('**/search?q=gtgshsldj');
    const result = visitor.getByTestId('search-result').filter({ hasText: NEW_NAME });
    await result.waitFor();
    await result.click();
    await visitor.waitForURL(`**/guide/${ITEM_CODE}`);
    await visitor.getByRole('heading', { level: 1, name: NEW_NAME, exact: true }).waitFor();
    expect(await visitor.locator('h1').allInnerTexts()).toEqual([NEW_NAME]);

    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByTestId('guide-pdf').click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-e2e-pdf-'));
    try {
      const file = path.join(dir, download.suggestedFilename() || 'guide.pdf');
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await pdfText(file)).toContain(NEW_NAME);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
