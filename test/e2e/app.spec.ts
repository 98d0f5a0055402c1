import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CLIPS, IMAGES, MUSIC, UNSUPPORTED, mediaPath } from './media';
import { PROMO, openApp, shot, switchLanguage, timeline, waitForExportDone, waitForExportProgress } from './helpers';
import { probe } from './probe';

// The flows build on one project, as a person's session would: first run → media → edit → export.
test.describe.configure({ mode: 'serial' });

test('first run shows "Setting things up…", then connects', async ({ page }) => {
  // Hold main's replies back a moment so the connecting state can be seen, as it is on a slow first start.
  await page.routeWebSocket(/\/bridge/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => void new Promise((r) => setTimeout(r, 1500)).then(() => ws.send(message)));
  });
  await page.goto('');
  await expect(page.getByText('Setting things up…')).toBeVisible();
  await expect(page.getByText('Connected')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Local engine: free')).toBeVisible();
  await expect(timeline(page).getByRole('listitem')).toHaveCount(0);
  await shot(page, 'empty-en');
  await switchLanguage(page, 'zh-CN');
  await shot(page, 'empty-zh-CN');
  await switchLanguage(page, 'en');
});

test('an unsupported file is refused before upload, with the reason', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Add media').setInputFiles(mediaPath(UNSUPPORTED));
  await expect(page.getByRole('alert').filter({ hasText: UNSUPPORTED })).toContainText('isn’t supported');
  await expect(page.locator('.media-card')).toHaveCount(0);
});

test('media in, the promo made from a chat, undo and redo, export to a real MP4', async ({ page }) => {
  await openApp(page);
  const files = [...CLIPS, ...IMAGES, MUSIC].map(mediaPath);
  await page.getByLabel('Add media').setInputFiles(files);
  await expect(page.locator('.media-card--ready')).toHaveCount(6, { timeout: 90_000 });
  const before = await timeline(page).getByRole('listitem').count();

  const message = page.getByLabel('Message');
  await message.fill(PROMO);
  await message.press('Enter');
  const region = timeline(page);
  await expect(region.getByRole('list', { name: 'Video track' }).getByRole('listitem')).toHaveCount(5, { timeout: 90_000 });
  await expect(region.getByRole('list', { name: 'Music track' }).getByRole('listitem')).toHaveCount(1);
  await expect(region.getByRole('list', { name: /^(Title|Text) track$/ }).first().getByRole('listitem').first()).toBeVisible();
  await expect(region.getByRole('img', { name: /transition/ }).first()).toBeVisible();
  await expect(page.getByText('Working…')).toHaveCount(0, { timeout: 60_000 });
  const after = await region.getByRole('listitem').count();
  expect(after).toBeGreaterThan(before);
  await shot(page, 'editing-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'editing-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await region.getByRole('button', { name: 'Undo' }).click();
  await expect(region.getByRole('listitem')).toHaveCount(before);
  await region.getByRole('button', { name: 'Redo' }).click();
  await expect(region.getByRole('listitem')).toHaveCount(after);

  await page.getByText('1080p 16:9', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /1080p 16:9/ })).toBeChecked();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await waitForExportProgress(page, 'Export progress');
  await shot(page, 'exporting-en');

  await waitForExportDone(page);
  await expect(page.getByRole('link', { name: 'Open' }).first()).toBeVisible();
  const outPath = await page.locator('.job--done .job__name').first().getAttribute('title');
  expect(outPath).toBeTruthy();
  expect(existsSync(outPath ?? '')).toBe(true);
  const result = probe(outPath ?? '');
  expect(result).toMatchObject({ width: 1920, height: 1080, videoCodec: 'h264', audioCodec: 'aac' });
  expect(result.durationS).toBeGreaterThan(59.5);
  expect(result.durationS).toBeLessThan(60.5);
  await expect(page.locator('video.job__player')).toHaveCount(1);
  await shot(page, 'done-en');
});

test('a refresh during an export shows the same job still running, which then finishes', async ({ page }) => {
  await openApp(page);
  await expect(timeline(page).getByRole('listitem').first()).toBeVisible();
  await page.getByText('Vertical 9:16', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /Vertical 9:16/ })).toBeChecked();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  const running = page.locator('.job').filter({ has: page.getByRole('progressbar') });
  const jobPath = await running.locator('.job__name').getAttribute('title');

  await page.reload();
  await expect(page.getByText('Connected')).toBeVisible({ timeout: 60_000 });
  const again = page.locator('.job').filter({ has: page.getByRole('progressbar', { name: 'Export progress' }) });
  await expect(again.locator('.job__name')).toHaveAttribute('title', jobPath ?? '');

  await waitForExportDone(page);
  const done = page.locator('.job--done').filter({ has: page.locator(`.job__name[title="${jobPath}"]`) });
  await expect(done.getByRole('link', { name: 'Open' })).toBeVisible();
  const result = probe(jobPath ?? '');
  expect(result).toMatchObject({ width: 1080, height: 1920, videoCodec: 'h264' });
});

test('the same states in Simplified Chinese, for the screenshots', async ({ page }) => {
  await openApp(page);
  await switchLanguage(page, 'zh-CN');
  await expect(timeline(page).getByRole('listitem').first()).toBeVisible();
  await shot(page, 'editing-zh-CN');
  await page.getByText('方形 1:1', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /方形 1:1/ })).toBeChecked();
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await waitForExportProgress(page, '导出进度');
  await shot(page, 'exporting-zh-CN');
  await waitForExportDone(page);
  await expect(page.getByRole('link', { name: '打开' }).first()).toBeVisible();
  await shot(page, 'done-zh-CN');
  await switchLanguage(page, 'en');
});
