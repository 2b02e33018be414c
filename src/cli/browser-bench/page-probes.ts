/**
 * Code that runs inside the page or the engine Worker (passed to Playwright's evaluate, so each
 * function must be self-contained: no imports, no outer variables).
 */

export interface FrameSample {
  /** requestAnimationFrame timestamps, ms. */
  readonly times: number[];
  /** Long tasks (> 50 ms on the main thread) seen meanwhile, and their total duration. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  /** data-step of each element sampled (the workspace; each side of the compare view), at the start and at the end. */
  readonly stepFrom: number[];
  readonly stepTo: number[];
  /** Animation frames that showed another step (on any element) than the frame before (new engine frames on screen). */
  readonly updates: number;
}

/**
 * Records every animation frame's timestamp for `ms` milliseconds, and the steps shown by the elements
 * `selector` matches (their `data-step`: `.workspace` on the main page, `[data-compare-side]` in the
 * compare view).
 */
export async function sampleFrames({ ms, selector }: { ms: number; selector: string }): Promise<FrameSample> {
  const els = [...document.querySelectorAll(selector)];
  const stepsNow = (): number[] => els.map((e) => Number(e.getAttribute('data-step') ?? 'NaN'));
  const stepFrom = stepsNow();
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
  let last = stepFrom.join('/');
  await new Promise<void>((resolve) => {
    const end = performance.now() + ms;
    const tick = (t: number): void => {
      times.push(t);
      const now = stepsNow().join('/');
      if (now !== last) updates++;
      last = now;
      if (t < end) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  po.disconnect();
  return { times, longTasks, longTaskMs, stepFrom, stepTo: stepsNow(), updates };
}

export interface SeekSample {
  readonly target: number;
  /** From the slider's input event to the new frame's DOM commit (data-step changed), ms. */
  readonly commitMs: number;
  /**
   * To the display frame that paints the new step: that animation frame's timestamp (its begin time
   * on the display's clock, the argument requestAnimationFrame passes), ms. Each seek starts just after
   * a frame was painted, so a seek shown in the very next display frame measures under 16.7 ms and one
   * that misses it measures over 16.7 ms: the p95 is at most 16.7 when 95% of seeks make the next frame.
   */
  readonly shownMs: number;
  /**
   * To the end of that frame's main-thread work (the task after its paint), ms. Includes the frame
   * interval and the main thread's jitter: a no-op DOM change measures about 16.7 ms median this way
   * (see noOpFrames).
   */
  readonly paintedMs: number;
  /**
   * The seek's own work: the commit plus the rendering of the frame that shows it (from that frame's
   * animation-frame callback to the task after its paint), without the wait for the display's next
   * frame in between. At most 16.7 ms means a seek per display frame could be kept up with.
   */
  readonly workMs: number;
}

/**
 * Seeks with the timeline slider (the same input event a user's drag produces) to each target in
 * turn and times it until the frame for that step is on screen.
 */
export async function timeSeeks(targets: readonly number[]): Promise<SeekSample[]> {
  const input = document.querySelector<HTMLInputElement>('input[type="range"][aria-label="Timeline"]');
  const ws = document.querySelector('.workspace');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (input === null || ws === null || setValue === undefined) throw new Error('timeline slider not found');
  const out: SeekSample[] = [];
  for (const target of targets) {
    const want = String(target);
    if (ws.getAttribute('data-step') === want) continue;
    const landed = new Promise<boolean>((resolve) => {
      const mo = new MutationObserver(() => {
        if (ws.getAttribute('data-step') === want) {
          mo.disconnect();
          clearTimeout(timer);
          resolve(true);
        }
      });
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve(false);
      }, 15_000);
      mo.observe(ws, { attributes: true, attributeFilter: ['data-step'] });
    });
    const t0 = performance.now();
    // React tracks the input's value: set it through the prototype's setter, then fire `input`.
    setValue.call(input, want);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (!(await landed)) throw new Error(`seek to ${want} did not land within 15 s`);
    const commitMs = performance.now() - t0;
    // rAF runs before the frame is painted; a task queued from it runs after that frame.
    let frameStart = 0;
    let frameTime = 0;
    await new Promise<void>((r) =>
      requestAnimationFrame((ts) => {
        frameTime = ts;
        frameStart = performance.now();
        setTimeout(r, 0);
      }),
    );
    const end = performance.now();
    out.push({
      target,
      commitMs,
      shownMs: frameTime - t0,
      paintedMs: end - t0,
      workMs: commitMs + (end - frameStart),
    });
  }
  return out;
}

/**
 * The same timing for a change that costs nothing (an attribute on <body>, `n` times): the floor of
 * each measure on this machine and display clock. Returns [shown, painted] ms per change.
 */
export async function noOpFrames(n: number): Promise<[number, number][]> {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    // Start just after a frame, as a seek does.
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    document.body.setAttribute('data-bench-noop', String(i));
    let frameTime = 0;
    await new Promise<void>((r) =>
      requestAnimationFrame((ts) => {
        frameTime = ts;
        setTimeout(r, 0);
      }),
    );
    out.push([frameTime - t0, performance.now() - t0]);
  }
  return out;
}

export interface InjectedLoad {
  readonly ok: boolean;
  readonly foos: number;
  readonly message: string;
}

/**
 * Runs inside the engine Worker: hands a `load` request for scenario text straight to the worker's
 * message handler, as if the page had sent it, and returns the answer's gist. The answer is not
 * posted to the page (the page keeps its old scenario title until issue 4's URL loading exists); the
 * page's next cursor request (Home, or End after an open at `step`) then shows the new run.
 */
export function injectScenario(args: { text: string; frameLimit: number; step?: number }): InjectedLoad {
  interface Answer {
    id: number;
    type: string;
    message?: string;
    frame?: { server: { counts: { Foo: number } } };
  }
  const scope = self as unknown as {
    onmessage: ((e: { data: unknown }) => void) | null;
    postMessage: (m: unknown) => void;
  };
  const id = -424_242;
  let answer: Answer | null = null;
  const original = scope.postMessage;
  scope.postMessage = (m: unknown) => {
    if ((m as Answer).id === id) answer = m as Answer;
    else original.call(scope, m);
  };
  try {
    scope.onmessage?.({
      data: {
        id,
        type: 'open',
        session: { source: { kind: 'text', text: args.text }, interventions: [], step: args.step ?? 0 },
        frameLimit: args.frameLimit,
      },
    });
  } finally {
    scope.postMessage = original;
  }
  const a = answer as Answer | null;
  if (a === null) return { ok: false, foos: 0, message: 'no answer from the engine' };
  if (a.type !== 'opened') return { ok: false, foos: 0, message: a.message ?? a.type };
  return { ok: true, foos: a.frame?.server.counts.Foo ?? 0, message: '' };
}
