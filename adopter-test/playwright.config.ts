/*
 * The adopter test's checks in headless Chromium, against the adopter app
 * that adopter-test/run.sh installed and started (ADOPTER_URL).
 */
import { defineConfig } from '@playwright/test';

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
  outputDir: '../node_modules/.cache/adopter-test-results',
});
