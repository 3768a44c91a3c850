// The foundation's journeys: a hall manager sets up a window, and an applicant registers (refused with a wrong ID
// check digit, then accepted with a valid one and an SMS code).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginStaff, residentId, useE2E } from './server.ts';

const e2e = useE2E();

const NEW_PHONE = '13800000009';

/** The error antd shows under one form field. */
function fieldError(page: Page, inputId: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`#${inputId}`) }).locator('.ant-form-item-explain-error');
}

describe('大厅与窗口', () => {
  it('a hall manager adds a comprehensive window E07 to the city service centre and sees it listed', async () => {
    const page = await e2e.newPage();
    await loginStaff(page, 'hallmgr');

    await page.getByRole('menuitem', { name: '大厅与窗口' }).click();
    await page.getByRole('row').filter({ hasText: '石家庄市政务服务中心' }).getByRole('cell').first().click();
    const windowsCard = page.locator('.ant-card').filter({ hasText: '石家庄市政务服务中心 · 窗口' });
    await windowsCard.getByRole('row').filter({ hasText: 'A01' }).waitFor();

    await windowsCard.getByRole('button', { name: '新增窗口' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#window_number').fill('E07');
    await dialog.locator('#window_name').fill('企业开办综合窗口');
    await dialog.getByLabel('综合窗口').check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = windowsCard.getByRole('row').filter({ hasText: 'E07' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['E07', '企业开办综合窗口', '综合窗口', '全部事项']));
  });
});

describe('申请人注册', () => {
  it('a resident ID number with a wrong check digit is refused beside the field, and nothing is sent', async () => {
    const page = await e2e.newPage();
    const registerRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/applicant/register')) registerRequests.push(request.url());
    });
    await page.goto('/');
    await page.getByRole('link').filter({ has: page.getByRole('heading', { name: '注册', exact: true }) }).click();
    await page.waitForURL('**/register');

    await page.getByText('个人', { exact: true }).click();
    await page.locator('#register_name').fill('王小明');
    await page.locator('#register_idNumber').fill('130102199003075315');
    await page.locator('#register_phone').click();
    await fieldError(page, 'register_idNumber').getByText('身份证号码校验位不正确，请核对后重新输入').waitFor();

    await page.locator('#register_phone').fill(NEW_PHONE);
    await page.locator('#register_smsCode').fill('123456');
    await page.locator('#register_password').fill('Demo@2026');
    await page.locator('#register_confirm').fill('Demo@2026');
    await page.getByRole('button', { name: '注册', exact: true }).click();

    // Form validation refuses the click at once; give a request that should not happen time to show up.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/register');
    expect(await fieldError(page, 'register_idNumber').innerText()).toContain('身份证号码校验位不正确，请核对后重新输入');
    expect(registerRequests).toEqual([]);
  });

  it('with a valid ID number and the SMS code, the applicant is registered and sees the masked ID at /portal', async () => {
    const page = await e2e.newPage();
    const idNumber = residentId('13010519880512123');
    await page.goto('/register');

    await page.locator('#register_name').fill('王小明');
    await page.locator('#register_idNumber').fill(idNumber);
    // The same phone as above: registering it now also shows the refused attempt created no account.
    await page.locator('#register_phone').fill(NEW_PHONE);
    const logMark = e2e.server().output().length;
    await page.locator('#register_sendSms').click();
    await page.getByText('验证码已发送，请注意查收短信').waitFor();
    const code = await e2e.server().waitForSmsCode(NEW_PHONE, logMark);
    await page.locator('#register_smsCode').fill(code);
    await page.locator('#register_password').fill('Demo@2026');
    await page.locator('#register_confirm').fill('Demo@2026');
    await page.getByRole('button', { name: '注册', exact: true }).click();

    await page.waitForURL('**/portal');
    await page.getByText('欢迎您，王小明').waitFor();
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    await page.getByText(masked, { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(idNumber);
  });
});
