// Journeys of issue 3: stepping forward changes the inspectors, the inspectors (and the figure) match
// the engine's frame at a seeded step, and stepping back returns to exactly the same frame.
import { expect, type Locator, test } from '@playwright/test';
import { reflectorPhaseText } from '../src/diagram/format';
import { t } from '../src/i18n';
import { AppPage } from './pages/app-page';
import type { KeyRv } from './pages/inspectors';
import { NodeEngine } from './support/engine';

// The UI strings these journeys read are the English ones (the page follows the browser's language).
test.use({ locale: 'en-US' });

/**
 * The seeded step: `default`, seed 42, step 265 (≈6.2 s of virtual time). Five Foos, the Foo reflector
 * watching, one key in the workqueue, and the Foo cache one write behind the server
 * (a lagging cache is normal, I*). The test checks these properties first, so if the engine changes and
 * the step becomes dull, it says so instead of comparing empty lists.
 */
const SEEDED_STEP = 265;

function keyRvs(rows: readonly { key: string; rv: string }[]): KeyRv[] {
  return rows.map((r) => ({ key: r.key, rv: r.rv }));
}

test.describe('stepping', () => {
  test('stepping forward changes the inspectors', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const engine = new NodeEngine();

    await app.inspectors.open('API server');
    const apiAt0 = await app.inspectors.apiServer.textContent();
    await app.inspectors.open('Reflector');
    await app.inspectors.lane('Foo');
    const reflector = app.inspectors.reflector('Foo');
    const phase = () => app.inspectors.factText(reflector, t('inspectors.reflector.phase'));
    const lastSync = app.inspectors.fact(reflector, 'lastSyncResourceVersion');
    await expect.poll(phase).toBe(t('inspectors.reflector.phase.stopped'));

    // Step by step through the first LIST, checking the reflector against the engine at every step.
    for (let step = 1; step <= 5; step++) {
      await app.stepForwardButton.click();
      await app.waitForStep(step);
      const r = engine.seek(step).lanes.Foo.reflector;
      await expect.poll(phase).toBe(t(`inspectors.reflector.phase.${r.phase}`));
      await expect(lastSync).toHaveText(r.lastSyncResourceVersion === '' ? '—' : r.lastSyncResourceVersion);
    }
    // By step 5 the Foo LIST was answered and applied: the reflector moved on from "stopped".
    expect(await phase()).not.toBe(t('inspectors.reflector.phase.stopped'));
    await expect(lastSync).not.toHaveText('—');

    // The API server inspector now lists the LIST requests it answered.
    await app.inspectors.open('API server');
    const apiAt5 = await app.inspectors.apiServer.textContent();
    expect(apiAt5).not.toEqual(apiAt0);
    await expect(app.inspectors.apiServer.getByRole('table', { name: 'Recent requests' })).toContainText(
      'LIST',
    );
  });

  test("the inspectors and the figure match the engine's frame at a seeded step", async ({ page }) => {
    const engine = new NodeEngine();
    const f = engine.seek(SEEDED_STEP);
    const foo = f.lanes.Foo;
    // The step is worth checking (see SEEDED_STEP).
    expect(foo.reflector.phase).toBe('watching');
    expect(f.workqueue.depth).toBeGreaterThan(0);
    expect(foo.indexer.diff.length).toBeGreaterThan(0);
    expect(f.server.objects.Foo.length).toBeGreaterThanOrEqual(4);

    const app = new AppPage(page);
    await app.goto();
    await app.seekTo(SEEDED_STEP);

    // The whole frame: the digest the worker sent is the digest Node computes.
    expect(await app.digest()).toBe(f.digest);

    // Figure: global revision, reflector status, workqueue numbers.
    await expect(app.figurePart('api-revision')).toHaveText(
      t('diagram.api.revision', { rev: f.server.revision }),
    );
    const phase = reflectorPhaseText(foo.reflector.phase, foo.reflector.backoffUntil, f.time);
    const status = app.reflectorStatus('Foo');
    await expect(status.phase).toHaveText(t(phase.key, phase.params));
    await expect(status.rv).toHaveText(
      t('diagram.reflector.rv', { rv: foo.reflector.lastSyncResourceVersion }),
    );
    await expect(app.figurePart('workqueue').locator('.fig-wq-stats')).toHaveText(
      t('diagram.workqueue.stats', {
        depth: f.workqueue.depth,
        processing: f.workqueue.processing.length,
        waiting: f.workqueue.waiting.length,
      }),
    );

    // API server inspector: global revision and the Foos with their resourceVersions.
    const ins = app.inspectors;
    await ins.open('API server');
    await expect(ins.fact(ins.apiServer, t('inspectors.apiserver.revision'))).toHaveText(
      String(f.server.revision),
    );
    expect(await ins.keyRvRows(ins.apiServer, t('inspectors.apiserver.foos'))).toEqual(
      keyRvs(f.server.objects.Foo),
    );

    // Reflector inspector (Foo lane): phase and lastSyncResourceVersion.
    await ins.open('Reflector');
    await ins.lane('Foo');
    const reflector = ins.reflector('Foo');
    await expect
      .poll(() => ins.factText(reflector, t('inspectors.reflector.phase')))
      .toBe(t(`inspectors.reflector.phase.${foo.reflector.phase}`));
    await expect(ins.fact(reflector, 'lastSyncResourceVersion')).toHaveText(
      foo.reflector.lastSyncResourceVersion,
    );

    // Indexer inspector (Foo lane): the cached keys with their resourceVersions (the lagging one too).
    await ins.open('Indexer');
    const indexer = ins.indexer('Foo');
    expect(await ins.keyRvRows(indexer, t('inspectors.indexer.items'))).toEqual(keyRvs(foo.indexer.items));
    await expect(indexer.getByTestId('indexer-diff-Foo')).toContainText(foo.indexer.diff[0]?.key ?? '?');

    // Workqueue inspector: depth.
    await ins.open('Workqueue');
    await expect(ins.fact(ins.workqueue, t('inspectors.workqueue.depth'))).toHaveText(
      String(f.workqueue.metrics.depth),
    );
    await expect(
      ins.workqueue.getByRole('list', { name: t('inspectors.workqueue.queue'), exact: true }),
    ).toContainText(f.workqueue.queue[0] ?? '?');
  });

  test('stepping back returns to exactly the same frame', async ({ page }) => {
    // Four visits, each a step forward and back with settled reads: about 18 s on an idle 2-core machine.
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.goto();
    await app.inspectors.open('Workqueue');

    // Early steps one by one, then far on: the default world keyframes every few hundred steps
    // (src/engine/timeline/keyframes.ts), so stepping back from 1,000 and 1,001 restores a keyframe.
    const visits = [3, 40, 999, 1000];
    for (const step of visits) {
      if (step <= 40) await app.stepForwardBy(step - (await app.step()));
      else await app.seekTo(step);
      const before = await app.digest();
      // The inspectors render a deferred frame (they may lag the figure by one commit): read settled text.
      const inspectorBefore = await settledText(app.inspectors.workqueue);
      const narrationBefore = await settledText(app.narration);

      await app.stepForwardButton.click();
      await app.waitForStep(step + 1);
      expect(await app.digest(), `step ${step + 1} differs from step ${step}`).not.toBe(before);

      await app.stepBackButton.click();
      await app.waitForStep(step);
      expect(await app.digest(), `back at step ${step}`).toBe(before);
      await expect(app.inspectors.workqueue).toHaveText(inspectorBefore);
      await expect(app.narration).toHaveText(narrationBefore);
    }

    // A long jump back with the slider lands on the same frame as stepping there did.
    const at3 = new NodeEngine().seek(3).digest;
    await app.seekTo(3);
    expect(await app.digest()).toBe(at3);
  });

  test('fast-forward: the figure shows every frame, the narration a step every quarter second, then the paused one', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.speed.selectOption('max');
    await app.playButton.click();
    // Sample both steps on every display frame for 2 s: the figure's (the workspace) and the narration's
    // (its header, "Step N"). The narration says which step it narrates, and moves at most every 250 ms.
    const seen = await page.evaluate(
      () =>
        new Promise<{ figure: number; narration: number[] }>((resolve) => {
          const ws = document.querySelector('.workspace')!;
          const head = document.querySelector('[data-testid="narration"] h2')!;
          const figure = new Set<string>();
          const narration: number[] = [];
          const t0 = performance.now();
          const tick = (): void => {
            figure.add(ws.getAttribute('data-step') ?? '');
            const n = Number((head.textContent ?? '').replace(/\D/g, ''));
            if (narration.at(-1) !== n) narration.push(n);
            if (performance.now() - t0 < 2000) requestAnimationFrame(tick);
            else resolve({ figure: figure.size, narration });
          };
          requestAnimationFrame(tick);
        }),
    );
    await app.pauseButton.click();
    expect(seen.narration.length, 'the narration moves, paced').toBeGreaterThan(1);
    expect(seen.narration.length).toBeLessThanOrEqual(2000 / 250 + 2);
    expect(seen.figure, 'the figure shows more steps than the narration').toBeGreaterThan(
      seen.narration.length + 4,
    );
    // Paused, the narration narrates the step on screen.
    const step = await app.step();
    await expect(app.narration.getByRole('heading')).toHaveText(`Step ${step.toLocaleString('en-US')}`);
  });

  test('fast-forward: inspectors below the fold catch up once scrolled into view', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const pane = page.locator('.inspector-pane');
    const box = await pane.boundingBox();
    const viewport = page.viewportSize();
    expect(
      box !== null && viewport !== null && box.y >= viewport.height,
      'the inspectors start below the fold',
    ).toBe(true);
    await app.speed.selectOption('max');
    await app.playButton.click();
    // Below the fold they wait while frames keep coming (inspectors/pacing.ts; unit-tested there, as
    // whether frames pause long enough for a catch-up depends on the machine's load).
    await page.waitForTimeout(1500);
    // From here on, count the DOM changes inside the inspectors.
    await page.evaluate(() => {
      const w = window as unknown as { inspectorChanges: number };
      w.inspectorChanges = 0;
      new MutationObserver((list) => {
        w.inspectorChanges += list.length;
      }).observe(document.querySelector('.inspector-pane')!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    // Scrolled into view they follow the run (a busy machine may starve their deferred render while the
    // figure takes every frame: then they catch up at the pause, however long that takes to render).
    await pane.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await app.pauseButton.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { inspectorChanges: number }).inspectorChanges), {
        message: 'on screen, they follow the run',
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
  });
});

/**
 * The text of `loc` once two reads 400 ms apart agree (a deferred render has caught up; under load it can
 * lag the figure by more than 100 ms).
 */
async function settledText(loc: Locator): Promise<string> {
  let last = (await loc.textContent()) ?? '';
  for (let i = 0; i < 20; i++) {
    await loc.page().waitForTimeout(400);
    const now = (await loc.textContent()) ?? '';
    if (now === last) return now;
    last = now;
  }
  return last;
}
