// Journey of issue 3: the production page loads without console errors or CSP violations, the engine
// runs in a Web Worker, and the figure carries the nine numbered arrows with the labels of the classic
// client-go figure, exactly.
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { cspViolations, recordCspViolations } from './support/csp';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

/** The nine numbered arrows of the Foo lane and the controller, by test id suffix, with their text. */
const ARROW_LABELS: readonly (readonly [string, string])[] = [
  ['1:Foo', '1) List & Watch'],
  ['2:Foo', '2) Add Object'],
  ['3:Foo', '3) Pop Object'],
  ['4:Foo', '4) Add Object'],
  ['5:Foo', '5) Store Object & Key'],
  ['6:Foo', '6) Dispatch Event Handler functions (Send Object to Custom Controller)'],
  ['7', '7) Enqueue Object Key'],
  ['8', '8) Get Key'],
  ['9:Foo', '9) Get Object for Key'],
];

test.describe('loading the app', () => {
  test('loads without console errors or CSP violations; the engine runs in a Worker; the nine labels', async ({
    page,
  }) => {
    await recordCspViolations(page);
    const app = new AppPage(page);
    await app.goto();

    // One dedicated Worker, loaded from its own bundled file (no blob: URL, which the CSP forbids).
    await expect.poll(() => page.workers().length).toBe(1);
    const worker = page.workers()[0]!;
    expect(worker.url()).toMatch(/\/assets\/engine\.worker-[\w-]+\.js$/);
    expect(await worker.evaluate(() => typeof (self as unknown as { document?: unknown }).document)).toBe(
      'undefined',
    );

    for (const [id, text] of ARROW_LABELS) {
      const label = app.figurePart(`arrow-label-${id}`);
      await expect(label, `arrow ${id}`).toHaveText(text);
      await expect(label, `arrow ${id}`).toBeVisible();
    }

    // Play for a moment (tokens, inspectors, narration all render), then pause.
    await app.speed.selectOption('10');
    await app.playButton.click();
    await expect.poll(() => app.step(), { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
    await app.pauseButton.click();
    await expect(app.playButton).toBeVisible();

    await page.waitForLoadState('networkidle');
    expect(app.errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the built page ships a CSP that refuses inline script', async ({ page }) => {
    await recordCspViolations(page);
    const app = new AppPage(page);
    await app.goto();

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');

    // A script injected as text does not run, and the recorder sees the violation: it works, so the
    // empty list in the journey above means something.
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inlineRan?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(async () => (await cspViolations(page)).map((v) => v.directive))
      .toContain('script-src-elem');
  });
});
