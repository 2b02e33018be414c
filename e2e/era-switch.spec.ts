// Issue 12, the era in the page: the header badge names the mode and is its switch. Switching classic →
// modern → classic reloads the same story at step 0 on the other era's pipeline (the page's frames are
// the ones the engine computes in Node for that era; the narration names RealFIFO.PopBatch in modern),
// the badge changes, and interventions are dropped: the panel warns before, a notice says so after. A
// link made in each era reopens in that era with the same digest. In a lesson the era is the lesson's.
import { expect, type Page, test } from '@playwright/test';
import type { Era } from '../src/engine/model/scenario';
import { LabPage } from './pages/lab-page';
import { NodeEngine } from './support/engine';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

const BADGE = {
  classic: 'classic · client-go 1.26 · kube-apiserver 1.26',
  modern: 'modern · client-go 1.36 · kube-apiserver 1.36',
} as const;

function engineIn(era: Era): NodeEngine {
  return new NodeEngine({ kind: 'library', name: 'default', changes: { era } });
}

/** The first step whose records include `message`, in Node. */
function firstStepWith(era: Era, message: string, max = 400): number {
  const e = engineIn(era);
  for (let s = 1; s <= max; s++) if (e.seek(s).records.some((r) => r.message === message)) return s;
  throw new Error(`no ${message} in the first ${max} steps`);
}

function eraButton(page: Page) {
  return page.locator('.app-era-badge');
}

test('switching classic → modern → classic reloads the story at step 0 on the other pipeline, dropping interventions with a notice', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const lab = new LabPage(page);
  await lab.goto('./');
  await expect(lab.badge).toHaveText(BADGE.classic);
  const classicStart = await lab.digest();
  expect(classicStart).toBe(engineIn('classic').frame.digest);

  // An intervention, then the switch: the panel warns that it will be dropped before anything happens.
  await lab.stepForwardBy(30);
  await lab.interventions.breakWatch('410', 'Foo');
  await expect(lab.interventions.status).toContainText('Sent ERROR 410');
  await eraButton(page).click();
  const panel = page.getByTestId('era-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('era-drops')).toContainText('Your interventions (1) will be dropped');
  await expect(lab.workspace).toHaveAttribute('data-step', '30');
  await panel.getByRole('button', { name: 'Reload in modern mode' }).click();

  await lab.waitForStep(0);
  await expect(lab.badge).toHaveText(BADGE.modern);
  await expect(page.getByTestId('notice-era-switch')).toContainText(
    'Reloaded in modern mode (client-go v0.36.3) at step 0. Interventions dropped: 1.',
  );
  expect(await lab.digest()).toBe(engineIn('modern').frame.digest);
  // The modern pipeline: its first batch pop is narrated as RealFIFO.PopBatch, on Node's frame.
  const pop = firstStepWith('modern', 'informer.pop-batch');
  await lab.stepForwardBy(pop);
  await expect(lab.narration).toContainText('RealFIFO.PopBatch');
  expect(await lab.digest()).toBe(engineIn('modern').seek(pop).digest);

  // Back to classic, from the keyboard: Enter opens the panel on its action, Escape closes it.
  await eraButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Reload in classic mode' })).toBeFocused();
  await expect(panel.getByTestId('era-drops')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(eraButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await lab.waitForStep(0);
  await expect(lab.badge).toHaveText(BADGE.classic);
  await expect(page.getByTestId('notice-era-switch')).toContainText(
    'Reloaded in classic mode (client-go v0.26.15) at step 0.',
  );
  expect(await lab.digest()).toBe(classicStart);
  const classicPop = firstStepWith('classic', 'informer.pop');
  await lab.stepForwardBy(classicPop);
  await expect(lab.narration).not.toContainText('RealFIFO');
  expect(await lab.digest()).toBe(engineIn('classic').seek(classicPop).digest);
  expect(lab.errors).toEqual([]);
});

for (const era of ['modern', 'classic'] as const) {
  test(`a link made in the ${era} era reopens in it with the same digest`, async ({ page }) => {
    test.setTimeout(60_000);
    const lab = new LabPage(page);
    await lab.goto('./');
    if (era === 'modern') {
      await eraButton(page).click();
      await page.getByTestId('era-switch').click();
      await expect(lab.badge).toHaveText(BADGE.modern);
    }
    await lab.stepForwardBy(25);
    const digest = await lab.digest();
    expect(digest).toBe(engineIn(era).seek(25).digest);
    const url = await lab.copyLink();

    const again = new LabPage(await page.context().newPage());
    await again.open(url);
    await again.waitForStep(25);
    await expect(again.badge).toHaveText(BADGE[era]);
    expect(await again.digest()).toBe(digest);
    await expect(again.notice('link-replay')).toHaveCount(0);
    expect([...lab.errors, ...again.errors]).toEqual([]);
  });
}

test('in a lesson the era is the lesson’s: the panel says so and offers no switch', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('./?lesson=gone-410');
  await expect(lab.badge).toHaveText(BADGE.classic);
  await eraButton(page).click();
  const panel = page.getByTestId('era-panel');
  await expect(panel).toContainText('This lesson is written for classic mode and keeps it.');
  await expect(panel.getByTestId('era-switch')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
});
