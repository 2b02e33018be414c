// Screenshots of the main states at desktop and tablet widths, for a person to look at (issue 3:
// "look at screenshots of the main states yourself"), and issue 14's matrix: 1440×900, 768 and 390 px,
// light and dark, English and Chinese, the default page and a lesson stopped at a question (each as the
// screen shows it and as the whole page). Not assertions about pixels: the tests only drive the app
// into each state. Runs only when E2E_SHOTS_DIR names a directory to write to:
//   E2E_SHOTS_DIR=/tmp/e2e-shots npx playwright test e2e/screenshots.spec.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

const SHOTS_DIR = process.env.E2E_SHOTS_DIR ?? '';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

for (const vp of VIEWPORTS) {
  test.describe(`screenshots at ${vp.width}×${vp.height}`, () => {
    test.skip(SHOTS_DIR === '', 'set E2E_SHOTS_DIR to write screenshots');
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`main states (${vp.name})`, async ({ page }) => {
      test.setTimeout(60_000);
      mkdirSync(SHOTS_DIR, { recursive: true });
      const shot = async (name: string): Promise<void> => {
        await page.screenshot({ path: join(SHOTS_DIR, `${vp.name}-${name}.png`), fullPage: true });
      };
      const app = new AppPage(page);
      await app.goto();
      await page.waitForLoadState('networkidle');
      await shot('1-loaded');

      // Mid-step: a paused step animates its tokens over 900 ms; catch them half-way.
      await app.seekTo(17);
      await app.stepForwardButton.click();
      await app.waitForStep(18);
      await page.waitForTimeout(400);
      await expect(app.figurePart('figure-tokens').locator('*').first()).toBeAttached();
      await shot('2-mid-run-tokens');

      // A fault, the backoff in the Reflector inspector, then the relist.
      await app.seekTo(120);
      await app.interventions.breakWatch('410', 'Foo');
      await app.inspectors.open('Reflector');
      await app.inspectors.lane('Foo');
      const countdown = page.getByTestId('reflector-backoff-Foo');
      for (let i = 0; i < 40 && !(await countdown.isVisible()); i++) await app.stepForwardBy(1);
      await expect(countdown).toBeVisible();
      await shot('3-inspector-backoff');
      await app.runUntil('the next relist');
      await expect(app.narration).toContainText('DeltaFIFO.Replace');
      await page.waitForTimeout(1000);
      await shot('4-relist-after-fault');

      await app.inspectors.open('Event log');
      await expect(app.inspectors.eventLogRows).toBeVisible();
      await shot('5-event-log');

      await page.getByRole('radio', { name: 'Dark', exact: true }).check();
      await app.inspectors.open('Workqueue');
      await app.stepForwardButton.click();
      await page.waitForTimeout(450);
      await shot('6-dark-theme');
    });
  });
}

const MATRIX_VIEWPORTS = [
  { name: '1440', width: 1440, height: 900 },
  { name: '768', width: 768, height: 1024 },
  { name: '390', width: 390, height: 844 },
] as const;

/** Plays a lesson at 100 steps/s until it stops at a question (by markup: works in either language). */
async function playToQuestion(page: Page): Promise<void> {
  await page.locator('.ctl-transport select').first().selectOption('100');
  await page.locator('.ctl-transport .ctl-primary').click();
  await expect(page.getByTestId('lesson-question').locator('.ls-choice').first()).toBeVisible({
    timeout: 20_000,
  });
}

for (const vp of MATRIX_VIEWPORTS) {
  test.describe(`screenshot matrix at ${vp.width}×${vp.height}`, () => {
    test.skip(SHOTS_DIR === '', 'set E2E_SHOTS_DIR to write screenshots');
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`light and dark, English and Chinese, default and lesson (${vp.name})`, async ({ page }) => {
      test.setTimeout(180_000);
      mkdirSync(SHOTS_DIR, { recursive: true });
      for (const theme of ['light', 'dark'] as const)
        for (const lang of ['en', 'zh-CN'] as const)
          for (const state of ['default', 'lesson'] as const) {
            const params = new URLSearchParams();
            if (lang !== 'en') params.set('lang', lang);
            if (state === 'lesson') params.set('lesson', 'gone-410');
            await page.goto(`./?${params.toString()}`);
            await expect(page.locator('.workspace')).toHaveAttribute('data-step', /^\d+$/);
            await page.getByTestId('figure').waitFor();
            await page.locator(`.app-header input[value="${theme}"]`).check();
            if (state === 'lesson') await playToQuestion(page);
            else {
              await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
              for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
              await expect(page.locator('.workspace')).toHaveAttribute('data-step', '30');
            }
            await page.waitForTimeout(1000);
            const name = `matrix-${vp.name}-${theme}-${lang}-${state}`;
            await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
            await page.screenshot({ path: join(SHOTS_DIR, `${name}-full.png`), fullPage: true });
          }
    });
  });
}
