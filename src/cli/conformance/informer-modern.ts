/**
 * The `informer` conformance harness for client-go v0.36.3 (conformance/README.md, "Component `informer` in
 * modern mode"): the simulation's modern Reflector (reflector-modern.ts, WatchList first), RealFIFO,
 * indexer with its resourceVersion and the modern delta processing, run on the engine's agenda and virtual
 * clock against the scripted server (scripted-server.ts) with its watch-list additions.
 *
 * Requests and stream traffic take no virtual time; backoff sleeps do. After every op the agenda runs until
 * it is empty ("the client is left to run until it is idle"), the informer's pop loop taking a PopBatch
 * after every action until the FIFO is empty.
 */
import { indexerList } from '../../engine/client-go/indexer';
import {
  type IndexerRvState,
  lastStoreSyncResourceVersion,
  newIndexerRv,
} from '../../engine/client-go/indexer-rv';
import { realPopAndProcess } from '../../engine/client-go/process-real-deltas';
import { newRealFifo, realFifoHasSynced } from '../../engine/client-go/real-fifo';
import {
  type ModernReflectorEnv,
  type ModernReflectorState,
  type ModernReflectorTimer,
  modernReflectorOnListResponse,
  modernReflectorOnTimer,
  modernReflectorOnWatchClosed,
  modernReflectorOnWatchEvent,
  modernReflectorOnWatchOpened,
  modernReflectorRun,
  newModernReflector,
} from '../../engine/client-go/reflector-modern';
import type {
  ApiError,
  ClientWatchEvent,
  ListRequest,
  ListResponse,
  WatchRequest,
} from '../../engine/client-go/reflector-types';
import { type Agenda, newAgenda, popNext, schedule } from '../../engine/kernel/agenda';
import { seedRng } from '../../engine/kernel/prng';
import type { KObject } from '../../engine/model/objects';
import { metaNamespaceKey } from '../../engine/model/objects';
import { newScriptedServer, type ServerIO, serverList, serverOp, serverWatch } from './scripted-server';
import type { TraceLine, VectorScript } from './types';
import { type CObj, fromObj, renderNotification } from './vector-objects';

type HAction =
  | { a: 'list'; req: ListRequest; epoch: number }
  | { a: 'watch'; req: WatchRequest; epoch: number }
  | { a: 'timer'; timer: ModernReflectorTimer; epoch: number }
  | { a: 'opened'; result: { streamId: number } | ApiError; epoch: number }
  | { a: 'event'; streamId: number; ev: ClientWatchEvent }
  | { a: 'closed'; streamId: number }
  | { a: 'listed'; resp: ListResponse; epoch: number };

/** A request as the vectors list it in `calls`. */
type Call = { call: 'list' | 'watch'; rv: string; sendInitialEvents?: true; resourceVersionMatch?: string };

export function replay(script: VectorScript): TraceLine[] {
  const srv = newScriptedServer({
    watchList: script.serverWatchList !== false,
    holdInitialEventsEnd: script.holdInitialEventsEnd === true,
  });
  const agenda: Agenda<HAction> = newAgenda();
  let now = 0;
  const rng = seedRng(1);
  const fifo = newRealFifo<KObject>();
  const store: IndexerRvState<KObject> = newIndexerRv<KObject>(['namespace']);
  let reflector: ModernReflectorState | null = null;
  let calls: Call[] = [];
  let notifications: Array<Record<string, unknown>> = [];

  const env = (): ModernReflectorEnv => ({
    now,
    rng,
    fifo,
    watchTimeout: { min: 300_000, max: 600_000 },
    pageSize: 500,
    sendList: (req, epoch) => schedule(agenda, now, { a: 'list', req, epoch }),
    sendWatch: (req, epoch) => schedule(agenda, now, { a: 'watch', req, epoch }),
    setTimer: (ms, timer, epoch) => schedule(agenda, now + ms, { a: 'timer', timer, epoch }),
    shouldResync: () => false,
    fifoChanged: () => {},
    emit: () => {},
  });

  function io(epoch: number): ServerIO {
    return {
      opened: (result) => schedule(agenda, now, { a: 'opened', result, epoch }),
      send: (streamId, ev) => schedule(agenda, now, { a: 'event', streamId, ev }),
      close: (streamId) => schedule(agenda, now, { a: 'closed', streamId }),
    };
  }

  function handle(act: HAction): void {
    const r = reflector!;
    switch (act.a) {
      case 'list':
        calls.push({ call: 'list', rv: act.req.resourceVersion });
        schedule(agenda, now, { a: 'listed', resp: serverList(srv), epoch: act.epoch });
        return;
      case 'listed':
        modernReflectorOnListResponse(r, env(), act.resp, act.epoch);
        return;
      case 'watch': {
        const c: Call = { call: 'watch', rv: act.req.resourceVersion };
        if (act.req.sendInitialEvents === true) c.sendInitialEvents = true;
        if (act.req.resourceVersionMatch !== undefined) c.resourceVersionMatch = act.req.resourceVersionMatch;
        calls.push(c);
        serverWatch(srv, act.req, io(act.epoch));
        return;
      }
      case 'opened':
        modernReflectorOnWatchOpened(r, env(), act.result, act.epoch);
        return;
      case 'event':
        modernReflectorOnWatchEvent(r, env(), act.streamId, act.ev);
        return;
      case 'closed':
        modernReflectorOnWatchClosed(r, env(), act.streamId);
        return;
      case 'timer':
        modernReflectorOnTimer(r, env(), act.timer, act.epoch);
        return;
    }
  }

  /** The pop loop: PopBatch until the FIFO is empty, recording the handler's notifications in order. */
  function drainFifo(): void {
    for (;;) {
      const popped = realPopAndProcess(fifo, store);
      if (popped === 'empty' || popped === 'closed') return;
      for (const n of popped.processed.notifications) {
        notifications.push(renderNotification(n.notification as never, false, true));
      }
    }
  }

  function runUntilIdle(): void {
    drainFifo();
    for (;;) {
      const e = popNext(agenda);
      if (e === undefined) break;
      now = Math.max(now, e.time);
      handle(e.action);
      drainFifo();
    }
  }

  const out: TraceLine[] = [];
  script.ops.forEach((op, i) => {
    const name = String(op.op);
    const line: TraceLine = { i, op: name };
    const server = serverOp(srv, name, op, io(reflector?.epoch ?? 0), true);
    if (server !== null) Object.assign(line, server);
    else if (name === 'start') {
      if (reflector !== null) line.err = 'already started';
      else {
        reflector = newModernReflector('Foo', now, 0);
        modernReflectorRun(reflector, env());
      }
    } else if (!['list', 'hasSynced', 'lastSyncRV', 'storeRV'].includes(name)) {
      line.err = `unknown op ${name}`;
    }
    if (reflector !== null) {
      runUntilIdle();
      if (name === 'list')
        line.store = indexerList(store.indexer).map((o) => ({
          key: metaNamespaceKey(o),
          obj: fromObj(o as unknown as CObj),
        }));
      if (name === 'hasSynced') line.hasSynced = realFifoHasSynced(fifo);
      if (name === 'lastSyncRV') line.lastSyncRV = reflector.lastSyncResourceVersion;
      if (name === 'storeRV') line.storeRV = lastStoreSyncResourceVersion(store);
      line.calls = calls;
      line.notifications = notifications;
      calls = [];
      notifications = [];
    } else if (['list', 'hasSynced', 'lastSyncRV', 'storeRV'].includes(name)) {
      line.err = 'not started';
    }
    out.push(line);
  });
  return out;
}
