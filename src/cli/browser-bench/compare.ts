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
import { type FrameSample, injectScenario, sampleFrames } from './page-probes';
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
  const sample = await page.evaluate(sampleFrames, { ms: p.seconds * 1000, selector: '[data-compare-side]' });
  await page.keyboard.press(' ');
  const heaps = await workerHeaps(browser);
  const mainHeap = await pageHeap(page);
  await page.close();
  return {
    foos,
    sample,
    leftSteps: (sample.stepTo[0] ?? 0) - (sample.stepFrom[0] ?? 0),
    rightSteps: (sample.stepTo[1] ?? 0) - (sample.stepFrom[1] ?? 0),
    workerHeaps: heaps,
    pageHeap: mainHeap,
  };
}
