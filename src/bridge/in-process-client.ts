/**
 * The engine in this thread: an EngineHost behind the same EngineClient interface as the Worker, for
 * tests and the CLI. The caller builds the host (src/worker/engine-host.ts `createEngineHost`), so the
 * bridge knows only the protocol. Requests are handled one by one in a microtask after `request()` returns, so the
 * order and the "newest request wins" rule behave as with the Worker. Answers are not cloned.
 */
import type { Request, Response } from '../worker/protocol';
import { createClient, type EngineClient, type Transport } from './client';

/** What answers the protocol in this thread: an EngineHost. */
export interface EngineHost {
  handle(req: Request): Response;
}

function inProcessTransport(create: () => EngineHost): Transport {
  let host: EngineHost | null = null;
  let onResponse: (res: Response) => void = () => {};
  let onCrash: (message: string) => void = () => {};
  return {
    connect(res, crash) {
      onResponse = res;
      onCrash = crash;
      host = create();
    },
    send(req: Request) {
      const h = host;
      if (h === null) throw new Error('the in-process engine was disposed');
      queueMicrotask(() => {
        if (host !== h) return; // restarted or disposed meanwhile: the answer must not arrive
        let res: Response;
        try {
          res = h.handle(req);
        } catch (e) {
          onCrash(`Engine host error: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        onResponse(res);
      });
    },
    restart() {
      host = create();
    },
    dispose() {
      host = null;
    },
  };
}

/** A client of a host built by `createHost` (called again on restart()). */
export function createInProcessClient(createHost: () => EngineHost): EngineClient {
  return createClient(inProcessTransport(createHost));
}
