// Screenshots of the main states at desktop and tablet widths, for a person to look at (issue 3:
// "look at screenshots of the main states yourself"). Not assertions about pixels: the test only
// drives the app into each state. Runs only when E2E_SHOTS_DIR names a directory to write to:
//   E2E_SHOTS_DIR=/tmp/e2e-shots npx playwright test e2e/screenshots.spec.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
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
