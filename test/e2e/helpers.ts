import { expect, type Page } from '@playwright/test';

export const PROMO = 'Combine these clips into a 60-second promo video with transitions and text overlays';

/**
 * Screenshots: steady (no animations, no caret), the size of a laptop window. They refresh docs/screenshots only when
 * asked (`VB_UPDATE_SCREENSHOTS=1 npm run test:e2e`), so an ordinary test run leaves the checkout clean.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const folder = process.env.VB_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  await page.screenshot({ path: `${folder}/${name}.png`, animations: 'disabled', caret: 'hide' });
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('');
  await expect(page.getByText('Connected')).toBeVisible({ timeout: 60_000 });
}

/** Through the Settings dialog, as a person would (the names are those of the current language). */
export async function switchLanguage(page: Page, to: 'en' | 'zh-CN'): Promise<void> {
  await page.getByRole('button', { name: to === 'en' ? '设置' : 'Settings' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(to === 'en' ? '语言' : 'Language').selectOption(to);
  await dialog.getByRole('button', { name: to === 'en' ? '保存' : 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: to === 'en' ? 'Send' : '发送' })).toBeVisible();
  // The "Settings saved" note is said in the new language; dismiss it so that it stays out of the screenshots.
  const saved = page.getByRole('status').filter({ hasText: to === 'en' ? 'Settings saved' : '设置已保存' });
  await expect(saved).toBeVisible();
  await saved.getByRole('button', { name: to === 'en' ? 'Dismiss' : '关闭' }).click();
}

export function timeline(page: Page) {
  return page.getByRole('region', { name: /^(Timeline|时间线)$/ });
}

/**
 * Waits until the newest export shows progress (or is already done). A failed job ends the wait at once with
 * the reason the person would read, rather than a bare timeout.
 */
export async function waitForExportProgress(page: Page, progressName: string, timeout = 120_000): Promise<void> {
  const job = page.locator('.job').first();
  await expect
    .poll(
      async () => {
        if (await job.locator('.job__error').count()) return `failed: ${await job.locator('.job__error').innerText()}`;
        if (await job.evaluate((el) => el.classList.contains('job--done'))) return 'progressing';
        const now = await job.getByRole('progressbar', { name: progressName }).getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null);
        return Number(now) > 0 ? 'progressing' : 'waiting';
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toBe('progressing');
}

/** Waits for the newest export to finish; a failure ends the wait with its reason. */
export async function waitForExportDone(page: Page, timeout = 300_000): Promise<void> {
  const job = page.locator('.job').first();
  await expect
    .poll(
      async () => {
        if (await job.locator('.job__error').count()) return `failed: ${await job.locator('.job__error').innerText()}`;
        return (await job.evaluate((el) => el.classList.contains('job--done'))) ? 'done' : 'running';
      },
      { timeout, intervals: [500, 1000] },
    )
    .toBe('done');
}
