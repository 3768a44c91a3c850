// Steps in the back office (工作台) that several journeys take on their way to something else.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ApprovalOpinions {
  /** 审查意见, recorded with 审查通过. */
  review: string;
  /** The opinion that goes with the 准予 decision. */
  decision: string;
}

/**
 * 审核, then 决定 准予, on the case `page` shows in the workbench at its review step, as its reviewer would; returns once
 * the case shows 已决定.
 */
export async function approveCase(page: Page, opinions: ApprovalOpinions): Promise<void> {
  await page.getByTestId('case-action-complete_step').click();
  const review = page.getByRole('dialog');
  await review.locator('#caseAction_opinion').fill(opinions.review);
  await review.getByRole('button', { name: '审查通过' }).click();
  await review.waitFor({ state: 'hidden' });

  await page.getByTestId('case-action-decide').click();
  const decide = page.getByRole('dialog');
  await decide.getByText('准予', { exact: true }).waitFor();
  // 准予 is the default choice: the reviewer only writes the opinion.
  expect(await decide.getByRole('radio', { name: '准予' }).isChecked()).toBe(true);
  await decide.locator('#caseAction_opinion').fill(opinions.decision);
  await decide.getByRole('button', { name: '作出决定' }).click();
  await decide.waitFor({ state: 'hidden' });
  await page.getByTestId('case-status').getByText('已决定').waitFor();
}
