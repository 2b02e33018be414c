/**
 * The engine's Web Worker: a thin adapter from messages to EngineHost.handle (engine-host.ts). The
 * main thread creates it with
 *   new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' })
 * (src/bridge/worker-client.ts), so Vite bundles it as its own file: no blob URL, no eval (CSP-safe).
 * No DOM here. The host answers errors itself (never throws); if posting the answer fails, a fatal
 * error is posted instead so the page can offer a restart.
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

scope.onmessage = (e) => {
  try {
    scope.postMessage(host.handle(e.data));
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
