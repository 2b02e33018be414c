/**
 * The main thread's client of the engine protocol (src/worker/protocol.ts). One interface, two
 * transports: the Web Worker (worker-client.ts) and an EngineHost in this thread (in-process-client.ts,
 * for tests and the CLI).
 *
 * Newest request wins. Requests that move the cursor (load, seek, seek-time, advance, run-until,
 * intervene: CURSOR_REQUESTS) share one channel. The engine still handles every request, in order, but
 * when the answer to a cursor request arrives after a later cursor request was sent, its promise
 * resolves to `null`: the caller ignores it (a newer answer is on its way). Other requests (records,
 * history, export-scenario) always resolve with their answer.
 *
 * Failures: a fatal answer, or the transport crashing (a Worker `error` event), calls the `onFatal`
 * listeners; requests still pending when the transport crashes resolve to a fatal error answer (or
 * `null` if superseded). `restart()` drops the engine (pending requests resolve to `null`) and starts a
 * fresh one with nothing loaded. After `dispose()` every request resolves to `null`.
 */
import {
  type AnswerTo,
  CURSOR_REQUESTS,
  type Request,
  type RequestBody,
  type Response,
} from '../worker/protocol';

export interface EngineClient {
  /** Sends a request; resolves to its answer, or `null` when a newer cursor request superseded it. */
  request<R extends RequestBody>(req: R): Promise<AnswerTo<R['type']> | null>;
  /** Calls `cb` with a message when the engine fails fatally; returns the unsubscribe function. */
  onFatal(cb: (message: string) => void): () => void;
  /** Replaces the engine with a fresh one (nothing loaded). */
  restart(): void;
  dispose(): void;
}

/** A message channel to an engine host. */
export interface Transport {
  /** Installs the receivers; called once by createClient before the first send. */
  connect(onResponse: (res: Response) => void, onCrash: (message: string) => void): void;
  send(req: Request): void;
  /** Drops the engine and starts a fresh one; answers to earlier requests must never arrive. */
  restart(): void;
  dispose(): void;
}

interface Pending {
  readonly resolve: (res: Response | null) => void;
  readonly cursor: boolean;
}

export function createClient(transport: Transport): EngineClient {
  let nextId = 1;
  let latestCursor = 0;
  let disposed = false;
  const pending = new Map<number, Pending>();
  const fatalListeners = new Set<(message: string) => void>();

  function emitFatal(message: string): void {
    for (const cb of [...fatalListeners]) cb(message);
  }

  function settleAll(answer: (id: number, p: Pending) => Response | null): void {
    const all = [...pending];
    pending.clear();
    for (const [id, p] of all) p.resolve(answer(id, p));
  }

  function crashed(message: string): void {
    settleAll((id, p) =>
      p.cursor && id !== latestCursor ? null : { id, type: 'error', message, details: [], fatal: true },
    );
    emitFatal(message);
  }

  transport.connect((res) => {
    const p = pending.get(res.id);
    if (p !== undefined) {
      pending.delete(res.id);
      p.resolve(p.cursor && res.id !== latestCursor ? null : res);
    }
    if (res.type === 'error' && res.fatal) emitFatal(res.message);
  }, crashed);

  return {
    request<R extends RequestBody>(body: R): Promise<AnswerTo<R['type']> | null> {
      if (disposed) return Promise.resolve(null);
      const id = nextId++;
      const cursor = CURSOR_REQUESTS.has(body.type);
      if (cursor) latestCursor = id;
      return new Promise<AnswerTo<R['type']> | null>((resolve) => {
        pending.set(id, { resolve: resolve as (res: Response | null) => void, cursor });
        try {
          transport.send({ ...body, id } as Request);
        } catch (e) {
          // The request could not be posted (e.g. it holds something structured clone refuses).
          pending.delete(id);
          const message = `The request could not be sent: ${e instanceof Error ? e.message : String(e)}`;
          resolve({ id, type: 'error', message, details: [], fatal: false } as AnswerTo<R['type']>);
        }
      });
    },
    onFatal(cb) {
      fatalListeners.add(cb);
      return () => {
        fatalListeners.delete(cb);
      };
    },
    restart() {
      if (disposed) return;
      settleAll(() => null);
      transport.restart();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      settleAll(() => null);
      fatalListeners.clear();
      transport.dispose();
    },
  };
}
