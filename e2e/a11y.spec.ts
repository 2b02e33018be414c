// Issue 14, accessibility: axe-core finds no violation, of any impact, on the default page, the page in
// Chinese, a lesson stopped at a question, the sandbox, the era panel and modern mode (issue 12), embed
// mode and the dark theme (colour contrast included; no rule is switched off), and the compare view of
// issue 13 (English, Chinese, dark, embed). And the keyboard: tabbing through the page reaches the transport,
// the timeline, the fault buttons and the side panel, each focused element shows a visible focus ring,
// and a focused control works from the keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ComparePage } from './pages/compare-page';
import { LabPage } from './pages/lab-page';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

/**
 * Runs axe on the page (or only on the part `include` selects, once the whole page was checked in the
 * same state) and fails with one readable line per violation and node.
 */
async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const result = await (include === undefined ? builder : builder.include(include)).analyze();
  const lines = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} [${v.impact ?? '?'}] ${n.target.join(' ')}: ${v.help}`),
  );
  expect(lines).toEqual([]);
}

test.describe('axe finds no violation', () => {
  test('on the default page, with its inspector tabs', async ({ page }) => {
    test.setTimeout(120_000); // nine axe runs
    const lab = new LabPage(page);
    await lab.open('./');
    await expectNoAxeViolations(page);
    // Some steps on, every inspector tab (their tables and charts have content by then).
    await lab.stepForwardBy(40);
    for (const tab of [
      'API server',
      'Reflector',
      'DeltaFIFO',
      'Indexer',
      'Handlers',
      'Workqueue',
      'Workers',
    ] as const) {
      await lab.inspectors.open(tab);
      // The tab's panel; the whole page at this step is checked with the event log's tab below.
      await expectNoAxeViolations(page, '.inspector-tabs');
    }
    await lab.inspectors.open('Event log');
    await expect(lab.inspectors.eventLogRows).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('with the key history, the share panel and the help dialog open', async ({ page }) => {
    test.setTimeout(60_000);
    const lab = new LabPage(page);
    await lab.open('./');
    await lab.stepForwardBy(45);
    await lab.figure.locator('.fig-store-row-Foo [role="button"]').first().click();
    await expect(page.getByTestId('key-history')).toBeVisible();
    await expectNoAxeViolations(page);
    await lab.copyLinkButton.click();
    await expect(lab.shareUrl).toBeVisible();
    await expectNoAxeViolations(page);
    await lab.closeSharePanel();
    await lab.pressShortcut('?');
    await expect(lab.helpDialog).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the page in Chinese', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('./?lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoAxeViolations(page);
  });

  test('in a lesson stopped at a question, and once it is answered', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('./?lesson=gone-410');
    await lab.playToQuestion();
    await expectNoAxeViolations(page);
    await lab.lessonQuestion.locator('.ls-choice').first().click();
    await expect(lab.lessonQuestion.getByRole('button', { name: 'Continue' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('in the sandbox', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('./');
    await lab.sandboxMode.check();
    await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
    await expectNoAxeViolations(page);
  });

  test('with the era panel open, and after switching to modern mode (issue 12)', async ({ page }) => {
    test.setTimeout(60_000);
    const lab = new LabPage(page);
    await lab.open('./');
    await lab.stepForwardBy(10);
    await lab.interventions.breakWatch('500', 'all');
    const badge = page.locator('.app-era-badge');
    await badge.click();
    await expect(page.getByTestId('era-drops')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByTestId('era-switch').click();
    await expect(page.getByTestId('notice-era-switch')).toBeVisible();
    await expect(lab.badge).toHaveText('modern · client-go 1.36 · kube-apiserver 1.36');
    await expectNoAxeViolations(page);
    // A lesson's panel: no switch, the reason instead.
    await lab.open('./?lesson=gone-410');
    await badge.click();
    await expect(page.getByTestId('era-panel')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('in the compare view (issue 13), in English: at a difference, then with its panels open', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const cmp = new ComparePage(page);
    await cmp.open('./?compare=initial-list-classic-vs-modern');
    await cmp.nextDifference.click();
    await expect(cmp.summary).toBeVisible();
    await expectNoAxeViolations(page);
    // The inspectors' panel (one side at a time), both traces interleaved and the share panel.
    await page.getByTestId('compare-details').locator('summary').click();
    await page.locator('.cmp-both-log > summary').click();
    await expect(cmp.bothLog).toBeVisible();
    await cmp.shareButton.click();
    await expect(cmp.shareUrl).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('in the compare view (issue 13), in Chinese in the dark theme, and in embed mode', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const cmp = new ComparePage(page);
    await cmp.open('./?compare=resync-after-missed-delete&lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('radio', { name: '深色', exact: true }).check(); // Dark
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Keys typed in a form control are the control's own: leave the theme radio first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+ArrowRight'); // Next difference ("下一个差异")
    await expect(cmp.summary).toBeVisible();
    await expectNoAxeViolations(page);
    await cmp.open('./?compare=initial-list-classic-vs-modern&embed=1');
    await expect(cmp.root).toHaveAttribute('data-embed', 'true');
    await expectNoAxeViolations(page);
  });

  test('in embed mode', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open('./?embed=1');
    await expect(lab.embedRoot).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('in the dark theme', async ({ page }) => {
    test.setTimeout(60_000);
    const lab = new LabPage(page);
    await lab.open('./');
    await page.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await lab.stepForwardBy(30);
    await expectNoAxeViolations(page);
    // A lesson's question, then its answer, in the dark.
    await lab.open('./?lesson=gone-410');
    await page.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await lab.playToQuestion();
    await expectNoAxeViolations(page);
    await lab.lessonQuestion.locator('.ls-choice').first().click();
    await expect(lab.lessonQuestion.getByRole('button', { name: 'Continue' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

interface Focused {
  readonly tag: string;
  readonly name: string;
  readonly where: 'transport' | 'timeline' | 'faults' | 'side' | 'figure' | 'other';
  readonly ring: boolean;
}

/**
 * What has the focus: where it is on the page and whether a focus ring shows (an outline on the element,
 * on the visible part of a visually hidden radio, on its label, or the figure's thick selection stroke).
 */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return null;
    const outlined = (e: Element | null): boolean => {
      if (e === null) return false;
      const cs = getComputedStyle(e);
      return cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 1;
    };
    let ring = outlined(el);
    if (!ring && el instanceof HTMLInputElement)
      ring = outlined(el.nextElementSibling) || outlined(el.closest('label'));
    if (!ring && el instanceof SVGElement) {
      const shape = el.querySelector('rect, circle, polygon');
      ring = shape !== null && Number.parseFloat(getComputedStyle(shape).strokeWidth) >= 3;
    }
    const where = el.closest('.ctl-transport')
      ? 'transport'
      : el.closest('.ctl-timeline')
        ? 'timeline'
        : el.closest('.sb-faults')
          ? 'faults'
          : el.closest('.side-pane')
            ? 'side'
            : el.closest('[data-testid="figure"]')
              ? 'figure'
              : 'other';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return { tag: el.tagName.toLowerCase(), name, where, ring } as const;
  });
}

test('the keyboard reaches the transport, the timeline, the fault buttons and the side panel, with a visible focus', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open('./');
  await lab.sandboxMode.check();
  await expect(lab.sandboxStatus).toHaveText('No problems: ready to apply.');
  await lab.stepForwardBy(5);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const seen = new Set<string>();
  const noRing: string[] = [];
  for (let i = 0; i < 120 && seen.size < 4; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f === null) continue;
    if (!f.ring) noRing.push(`${f.tag} "${f.name}" (${f.where})`);
    if (f.where !== 'other' && f.where !== 'figure') seen.add(f.where);
  }
  expect([...seen].sort()).toEqual(['faults', 'side', 'timeline', 'transport']);
  expect(noRing, 'focused elements without a visible focus ring').toEqual([]);

  // Operable from the keyboard: Enter on "Step forward", then the arrow keys on the timeline.
  await lab.blur();
  const step = await lab.step();
  await lab.stepForwardButton.focus();
  await page.keyboard.press('Enter');
  await lab.waitForStep(step + 1);
  await lab.timeline.focus();
  await page.keyboard.press('ArrowLeft');
  await lab.waitForStep(step);
  expect(lab.errors).toEqual([]);
});
