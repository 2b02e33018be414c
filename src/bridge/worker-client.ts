/**
 * The engine in a Web Worker (src/worker/engine.worker.ts). Vite recognises the
 * `new Worker(new URL(..., import.meta.url), { type: 'module' })` pattern and bundles the worker as its
 * own file, so the page needs no blob URL or eval (the CSP allows neither). A Worker `error` or
 * `messageerror` event counts as a fatal failure; restart() terminates the Worker and creates a new one.
 */
import type { Request, Response } from '../worker/protocol';
import { createClient, type EngineClient, type Transport } from './client';

function spawn(): Worker {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'informer-lab-engine',
  });
}

function workerTransport(create: () => Worker): Transport {
  let worker: Worker | null = null;
  let onResponse: (res: Response) => void = () => {};
  let onCrash: (message: string) => void = () => {};

  function start(): void {
    const w = create();
    w.onmessage = (e: MessageEvent<Response>) => {
      if (worker === w) onResponse(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (worker === w) onCrash(e.message || 'The engine worker failed to load or crashed.');
    };
    w.onmessageerror = () => {
      if (worker === w) onCrash('A message from the engine worker could not be read.');
    };
    worker = w;
  }

  return {
    connect(res, crash) {
      onResponse = res;
      onCrash = crash;
      start();
    },
    send(req: Request) {
      if (worker === null) throw new Error('the engine worker was disposed');
      worker.postMessage(req);
    },
    restart() {
      worker?.terminate();
      worker = null;
      start();
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}

/** A client whose engine runs in a dedicated module Worker. */
export function createWorkerClient(): EngineClient {
  return createClient(workerTransport(spawn));
}
