import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = 4390;
export const E2E_SECRET = 'e2e-secret';

// One data folder per run, shared by the runner and its workers through the environment (workers inherit it).
process.env.VB_E2E_HOME ??= mkdtempSync(join(tmpdir(), 'video-builder-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  reporter: 'list',
  // The flows build on one project (media → edit → export), and the machine has two cores: one worker, in order.
  workers: 1,
  fullyParallel: false,
  // A 60-second 1080p render takes one to three minutes on a busy two-core machine.
  timeout: 420_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/?secret=${E2E_SECRET}`,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node bin/video-builder.js web --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/?secret=${E2E_SECRET}`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { VIDEO_BUILDER_WEB_SECRET: E2E_SECRET, VIDEO_BUILDER_HOME: process.env.VB_E2E_HOME },
  },
});
