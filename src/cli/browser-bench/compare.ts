/**
 * The compare view's bench (issue 13): both sides playing at 1× with N Foos each, and the memory of
 * the two timelines.
 *
 * The page opens a built-in comparison (`?compare=<id>`: two engine Workers, one per side); the bench
 * hands each Worker a load of the N-Foo bench scenario (left classic, right modern: the comparison's
 * own eras) from inside it (page-probes.ts `injectScenario`), presses Home so both sides pull the new
 * runs' first frames, then plays at 1× and samples animation frames. Memory: each Worker's JS heap,
 * read over the browser's DevTools protocol (a dedicated Worker has no `performance.memory`, and
 * Playwright's per-page CDP session cannot attach to one: the browser session attaches to the worker
 * target and asks `Runtime.getHeapUsage`), and the page's own heap.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { type FrameSample, injectScenario } from './page-probes';
import { benchScenarioText } from './scenario';

/** The comparison the bench opens (its eras: left classic, right modern). */
export const COMPARE_BENCH_ID = 'initial-list-classic-vs-modern';

export interface CompareBenchResult {
  readonly foos: number;
  /** Frames sampled while both sides play at 1×. */
  readonly sample: FrameSample;
  /** Steps each side moved while sampled. */
  readonly leftSteps: number;
  readonly rightSteps: number;
  /** JS heap used per Worker after playing, bytes (null when the protocol did not answer). */
  readonly workerHeaps: readonly (number | null)[];
  /** The page's own JS heap used, bytes. */
  readonly pageHeap: number | null;
}

/**
 * Runs inside the page: samples animation frames for `ms` and counts, per side, the frames that show
 * a new step (the side containers carry `data-compare-side` and `data-step`).
 */
export async function sampleCompareFrames(
  ms: number,
): Promise<FrameSample & { left: number; right: number }> {
  const side = (s: string): Element | null => document.querySelector(`[data-compare-side="${s}"]`);
  const stepOf = (s: string): number => Number(side(s)?.getAttribute('data-step') ?? 'NaN');
  const from = { left: stepOf('left'), right: stepOf('right') };
  let longTasks = 0;
  let longTaskMs = 0;
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks++;
      longTaskMs += e.duration;
    }
  });
  try {
    po.observe({ type: 'longtask', buffered: false });
  } catch {
    // longtask entries are not supported: counts stay 0.
  }
  const times: number[] = [];
  let updates = 0;
  let last = `${from.left}/${from.right}`;
  await new Promise<void>((resolve) => {
    const end = performance.now() + ms;
    const tick = (t: number): void => {
      times.push(t);
      const now = `${stepOf('left')}/${stepOf('right')}`;
      if (now !== last) updates++;
      last = now;
      if (t < end) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  po.disconnect();
  return {
    times,
    longTasks,
    longTaskMs,
    stepFrom: from.left,
    stepTo: stepOf('left'),
    updates,
    left: stepOf('left') - from.left,
    right: stepOf('right') - from.right,
  };
}

/** The JS heap used by each dedicated Worker of the browser, bytes, through the browser's CDP session. */
export async function workerHeaps(browser: Browser): Promise<(number | null)[]> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    const out: (number | null)[] = [];
    for (const t of targetInfos.filter((x) => x.type === 'worker')) {
      const { sessionId } = (await cdp.send('Target.attachToTarget', {
        targetId: t.targetId,
        flatten: false,
      })) as {
        sessionId: string;
      };
      const id = 7;
      const used = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        const onMessage = (e: { sessionId?: string; message: string }): void => {
          if (e.sessionId !== sessionId) return;
          const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
          if (m.id !== id) return;
          clearTimeout(timer);
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(m.result?.usedSize ?? null);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        });
      });
      out.push(used);
      await cdp.send('Target.detachFromTarget', { sessionId });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

async function pageHeap(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const r = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return r.usedSize;
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

export interface CompareBenchPage {
  /** Page setup shared with the single-run bench (init script, error collection). */
  readonly open: (url: string) => Promise<Page>;
  readonly nameShim: string;
  readonly frameLimit: number;
  readonly seconds: number;
}

/** Both sides at 1× with `foos` Foos each. */
export async function benchCompare(
  browser: Browser,
  url: string,
  foos: number,
  p: CompareBenchPage,
): Promise<CompareBenchResult> {
  const page = await p.open(`${url}?compare=${COMPARE_BENCH_ID}`);
  const left = page.locator('[data-compare-side="left"]');
  const right = page.locator('[data-compare-side="right"]');
  await left.getByTestId('figure').waitFor();
  await right.getByTestId('figure').waitFor();
  const before = {
    left: (await left.getAttribute('data-digest')) ?? '',
    right: (await right.getAttribute('data-digest')) ?? '',
  };
  const workers = page.workers();
  if (workers.length !== 2) throw new Error(`expected two engine workers, found ${workers.length}`);
  const eras = ['classic', 'modern'] as const;
  for (const [i, w] of workers.entries()) {
    await w.evaluate(p.nameShim);
    const loaded = await w.evaluate(injectScenario, {
      text: benchScenarioText(foos, eras[i] ?? 'classic'),
      frameLimit: p.frameLimit,
    });
    if (!loaded.ok || loaded.foos !== foos) throw new Error(`scenario load failed: ${loaded.message}`);
  }
  await page.evaluate(() => {
    const el = document.activeElement;
    if (el instanceof HTMLElement) el.blur();
  });
  await page.keyboard.press('Home');
  // Both sides show the new runs once their frames' digests change (step 0 of another scenario).
  for (const [side, was] of [
    [left, before.left],
    [right, before.right],
  ] as const)
    await side.and(page.locator(`:not([data-digest="${was}"])`)).waitFor({ timeout: 30_000 });
  await page.getByLabel('Speed', { exact: true }).selectOption('1');
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  const sample = await page.evaluate(sampleCompareFrames, p.seconds * 1000);
  await page.keyboard.press(' ');
  const heaps = await workerHeaps(browser);
  const mainHeap = await pageHeap(page);
  await page.close();
  return {
    foos,
    sample,
    leftSteps: sample.left,
    rightSteps: sample.right,
    workerHeaps: heaps,
    pageHeap: mainHeap,
  };
}
