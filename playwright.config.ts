// Playwright runs the e2e journeys in e2e/ against the production build (`vite build`, then
// `vite preview` on a fixed port). `npm run test:e2e` does both steps; running `npx playwright test`
// alone serves whatever is in dist/ (build first).
import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices, type LaunchOptions } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side on one machine.
const PORT = Number(process.env.E2E_PORT) || 4317;
const BASE_URL = `http://127.0.0.1:${PORT}/`;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Flags for a distribution-packaged Chromium running headless in containers and CI: no sandbox
// (often unavailable as root or in containers), no GPU, no background traffic to Google services.
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/**
 * Which Chromium to launch, in order of preference:
 * 1. $PLAYWRIGHT_CHROMIUM_EXECUTABLE, if set;
 * 2. Playwright's own download (`npx playwright install chromium`), if present;
 * 3. Debian/Ubuntu's `chromium` package at /usr/bin/chromium.
 * If none exists we fall through to Playwright's default, whose error explains how to install it.
 */
function chromiumLaunchOptions(): LaunchOptions {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    return { executablePath: fromEnv, args: SYSTEM_CHROMIUM_ARGS };
  }
  if (playwrightChromiumInstalled()) {
    return {};
  }
  if (existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS };
  }
  return {};
}

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    // Recording a trace of every test costs about a third of the suite's time on 2 cores (a11y + issue4:
    // 215 s with 'retain-on-failure', 137 s without). CI records one when it retries a failed test;
    // locally, rerun a failing test with `--trace on` to get one.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
