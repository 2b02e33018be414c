/**
 * The engine's Web Worker: a thin adapter from messages to EngineHost.handle (engine-host.ts). The
 * main thread creates it with
 *   new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' })
 * (src/bridge/worker-client.ts), so Vite bundles it as its own file: no blob URL, no eval (CSP-safe).
 * No DOM here. The host answers errors itself (never throws); if posting the answer fails, a fatal
 * error is posted instead so the page can offer a restart.
 *
 * After each load (`opened`) it warms the engine up in idle time (engine-host.ts `warmUp`): slices of
 * about WARM_SLICE_MS between messages, so a request waits at most about one slice.
 */
import { createEngineHost } from './engine-host';
import { lessonScenario } from './lessons';
import type { Request, Response } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Response): void;
}

const scope = globalThis as unknown as WorkerScope;
const host = createEngineHost({ lessons: lessonScenario });

const WARM_SLICE_MS = 4;
let warmTimer: ReturnType<typeof setTimeout> | null = null;

function warm(): void {
  warmTimer = host.warmUp(WARM_SLICE_MS) ? setTimeout(warm, 0) : null;
}

scope.onmessage = (e) => {
  try {
    const answer = host.handle(e.data);
    scope.postMessage(answer);
    if (answer.type === 'opened') {
      if (warmTimer !== null) clearTimeout(warmTimer);
      warmTimer = setTimeout(warm, 0);
    }
  } catch (err) {
    // handle() never throws; this is postMessage failing (e.g. a value that cannot be cloned).
    const id =
      typeof e.data === 'object' && e.data !== null && typeof e.data.id === 'number' ? e.data.id : -1;
    scope.postMessage({
      id,
      type: 'error',
      message: `Engine worker error: ${err instanceof Error ? err.message : String(err)}`,
      details: [],
      fatal: true,
    });
  }
};
