/*
 * The adopter test's checks in headless Chromium, against the adopter app
 * that adopter-test/run.sh installed and started (ADOPTER_URL). Chromium is
 * launched as for the portal's own end-to-end tests.
 */
import { defineConfig } from '@playwright/test';
import portalConfig from '../playwright.config';

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [
    ['list'],
    // Counted by scripts/test-summary.js in scripts/test.sh's closing line.
    ['json', { outputFile: '../node_modules/.cache/test-results/adopter.json' }],
  ],
  use: {
    baseURL: process.env.ADOPTER_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: portalConfig.use?.launchOptions,
  },
  outputDir: '../node_modules/.cache/adopter-test-results',
});
