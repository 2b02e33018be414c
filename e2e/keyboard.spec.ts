// Journey of issue 3: the keyboard shortcuts of the step-through controls (src/view/controls/shortcuts.ts).
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

test('Space toggles play, the arrows step, ? opens the help dialog and Escape closes it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto();

  await app.pressShortcut(' ');
  await expect(app.pauseButton).toBeVisible();
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  await app.pressShortcut(' ');
  await expect(app.playButton).toBeVisible();
  const paused = await app.step();
  // Paused means paused: the step stays put.
  await page.waitForTimeout(700);
  expect(await app.step()).toBe(paused);

  await app.pressShortcut('ArrowRight');
  await app.waitForStep(paused + 1);
  await app.pressShortcut('ArrowRight');
  await app.waitForStep(paused + 2);
  await app.pressShortcut('ArrowLeft');
  await app.waitForStep(paused + 1);

  await app.pressShortcut('?');
  await expect(app.helpDialog).toBeVisible();
  await expect(app.helpDialog.getByRole('row', { name: /Play or pause/ })).toBeVisible();
  // The dialog is modal: the step keys do nothing while it is open.
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  expect(await app.step()).toBe(paused + 1);
  await page.keyboard.press('Escape');
  await expect(app.helpDialog).toBeHidden();

  // Shortcuts work again once it is closed.
  await app.pressShortcut('ArrowRight');
  await app.waitForStep(paused + 2);
});
