// Journey of issue 3: the page keeps working when the engine fails. Two ways to fail are injected from
// the test into the Worker's global scope (Playwright's worker.evaluate; no hook in the app):
// - an uncaught exception in the Worker (its `error` event reaches the bridge: transport crash);
// - an exception inside the engine while it answers a request (the host answers `fatal: true`).
// Either way the page shows what failed and offers Restart, which brings back the same step.
import { expect, type Page, test, type Worker } from '@playwright/test';
import { AppPage } from './pages/app-page';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

async function engineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length).toBe(1);
  return page.workers()[0]!;
}

async function restartAndCheck(app: AppPage, step: number, digest: string): Promise<void> {
  await app.page.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await app.waitForStep(step);
  expect(await app.digest()).toBe(digest);
  // The old Worker was terminated and a new one answers.
  await expect.poll(() => app.page.workers().length).toBe(1);
  await app.stepForwardButton.click();
  await app.waitForStep(step + 1);
}

test.describe('when the engine fails', () => {
  test('an uncaught error in the Worker shows the failure and Restart returns to the same step', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.stepForwardBy(7);
    const digest = await app.digest();

    const worker = await engineWorker(page);
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: injected worker crash');
      }, 0);
    });

    const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped:' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('e2e: injected worker crash');
    await expect(app.stepForwardButton).toBeDisabled();
    await expect(app.playButton).toBeDisabled();
    await expect(app.timeline).toBeDisabled();

    await restartAndCheck(app, 7, digest);
  });

  test('an exception inside the engine shows the failure and Restart returns to the same step', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.stepForwardBy(7);
    const digest = await app.digest();

    // Stepping back restores a keyframe, which copies the world's Maps (engine/timeline/keyframes.ts);
    // make that throw inside the engine.
    const worker = await engineWorker(page);
    await worker.evaluate(() => {
      Map.prototype.forEach = () => {
        throw new Error('e2e: injected engine failure');
      };
    });
    await app.stepBackButton.click();

    const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped:' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('e2e: injected engine failure');
    await expect(app.stepForwardButton).toBeDisabled();

    await restartAndCheck(app, 7, digest);
  });
});
