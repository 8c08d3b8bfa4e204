/*
 * End-to-end tests of the demo portal in headless Chromium.
 *
 * `scripts/test.sh` builds the app and runs these against the backend serving
 * the built app on :7007 (scripts/e2e-server.sh starts it). Set PLAYWRIGHT_URL
 * to test a portal that is already running.
 */
import { defineConfig } from '@playwright/test';

const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007';

export default defineConfig({
  // Generous for a busy machine; nothing waits on a short clock of its own:
  // the setup project waits until the demo data is in, then each test opens
  // its pages once.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'node_modules/.cache/e2e-results.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : {
        command: 'bash scripts/e2e-server.sh',
        url: `${baseURL}/api/aws-organizations/health`,
        reuseExistingServer: !process.env.CI,
        timeout: 240_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  // The backend syncs only when asked (app-config.e2e.yaml): first-sync
  // opens the explorer before the first sync and starts it, ready waits for
  // the catalog, then the tests run. A portal that has synced already
  // (PLAYWRIGHT_URL, a reused server) fails first-sync, saying so.
  projects: [
    {
      name: 'first-sync',
      testDir: 'packages/app/e2e-tests',
      testMatch: /firstSync\.setup\.ts$/,
    },
    {
      name: 'ready',
      testDir: 'packages/app/e2e-tests',
      testMatch: /ready\.setup\.ts$/,
      dependencies: ['first-sync'],
    },
    {
      name: 'app',
      testDir: 'packages/app/e2e-tests',
      dependencies: ['ready'],
    },
  ],
});
