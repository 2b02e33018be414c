// Issue 10, on the page: HA apiserver replicas (spec S38, S39). A lesson with two replicas draws them
// side by side in the figure's server region (on screen with the rest of the figure at 1440×900, text
// at 11 px or more), marks the one the controller's connection is on, names the replica a reflector's
// watch is on, lists them in the API server inspector (and which replica served each request), offers
// the replica faults in the interventions panel, and has no accessibility violation, in English and
// Chinese. A one-apiserver page draws no replica.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const lines = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} [${v.impact ?? '?'}] ${n.target.join(' ')}: ${v.help}`),
  );
  expect(lines).toEqual([]);
}

/** Fails unless the element's whole box lies inside the viewport. */
async function expectOnScreen(page: Page, selector: string): Promise<void> {
  const vp = page.viewportSize()!;
  const b = await page.locator(selector).boundingBox();
  expect(b, `${selector} is laid out`).not.toBeNull();
  expect(b!.x).toBeGreaterThanOrEqual(0);
  expect(b!.y).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width).toBeLessThanOrEqual(vp.width);
  expect(b!.y + b!.height).toBeLessThanOrEqual(vp.height);
}

test('a one-apiserver page draws no replica and offers no replica fault', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('./');
  await expect(lab.figure.getByTestId('replicas-row')).toHaveCount(0);
  await page.getByText('Interventions', { exact: true }).click();
  await expect(page.locator('option', { hasText: 'Make an API server replica lag' })).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('lesson 17: the replicas side by side, the connection, the inspector and the replica faults', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const lab = new LabPage(page);
  await lab.open('./?lesson=lagging-replica');
  await lab.playToQuestion();
  const row = lab.figure.getByTestId('replicas-row');
  await expect(row.locator('.fig-replica')).toHaveCount(2);
  await expectOnScreen(page, '[data-testid="replicas-row"]');
  // The controller's one connection is on B (S38), and B lags etcd by far more than 3 s (S37).
  const b = row.getByTestId('replica-B');
  await expect(b).toHaveClass(/is-connected/);
  await expect(row.getByTestId('replica-A')).not.toHaveClass(/is-connected/);
  await expect(b.locator('title')).toContainText("the controller's connection");
  await expect(b.locator('.fig-replica-lag')).toHaveText(/^\d+s$/);
  // Chip text stays readable at this size (the figure's 11 px floor, e2e/layout.spec.ts).
  const px = await row
    .locator('text')
    .first()
    .evaluate((el) => {
      const m = (el as SVGTextElement).getScreenCTM()!;
      return Number.parseFloat(getComputedStyle(el).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    });
  expect(px).toBeGreaterThanOrEqual(11);

  // The API server inspector lists both replicas; the requests name the replica that served them.
  await lab.inspectors.open('API server');
  const table = page.getByTestId('replicas-table');
  await expect(table.getByRole('row')).toHaveCount(3); // the header and A, B
  await expect(table.getByRole('row', { name: /^B\b/ })).toContainText('⇄');
  await expect(page.getByTestId('inspector-apiserver')).toContainText(
    'The controller’s connection (both clientsets, every request and watch) is on B',
  );
  await expectNoAxeViolations(page);

  // The interventions panel offers the replica faults of this run.
  await page.getByText('Interventions', { exact: true }).click();
  await page
    .getByLabel('Intervention', { exact: true })
    .selectOption({ label: 'Make an API server replica lag' });
  await expect(page.getByLabel('Replica', { exact: true }).locator('option')).toHaveText([
    'Replica A',
    'Replica B',
  ]);
  await page.getByLabel('Intervention', { exact: true }).selectOption({ label: 'Restart the API server' });
  await expect(page.getByLabel('Replica', { exact: true }).locator('option')).toHaveText([
    'Every replica (the whole control plane)',
    'Replica A',
    'Replica B',
  ]);
  expect(lab.errors).toEqual([]);
});

test('lesson 16 in Chinese: the replicas, the watch on its replica, no accessibility violation', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const lab = new LabPage(page);
  await lab.open('./?lesson=replica-restart&lang=zh-CN');
  // lab.playToQuestion finds its controls by their English names: by markup here.
  await page.locator('.controls-bar select:has(option[value="100"])').selectOption('100');
  await page.locator('.controls-bar .ctl-transport .ctl-primary').click();
  await expect(lab.lessonQuestion.locator('.ls-choice').first()).toBeVisible({ timeout: 20_000 });
  const row = lab.figure.getByTestId('replicas-row');
  await expect(row.locator('.fig-replica')).toHaveCount(2);
  await expect(row.getByTestId('replica-A').locator('title')).toContainText('APIServer 实例 A');
  await expect(lab.figure.getByTestId('reflector-phase-Foo')).toContainText('实例 A');
  await expectNoAxeViolations(page);
  expect(lab.errors).toEqual([]);
});
