/**
 * The `informer` conformance harness (conformance/README.md, component `informer`): the simulation's own
 * Reflector, DeltaFIFO, indexer and processDeltas, run on the engine's agenda and virtual clock against a
 * tiny scripted API server (scripted-server.ts, the only harness-specific part, as the README describes it).
 *
 * Requests and stream traffic take no virtual time; backoff sleeps do. After every op the agenda runs until
 * it is empty ("the client is left to run until it is idle"), popping the FIFO after every action.
 */
import { fifoHasSynced, fifoLen, fifoPop, newDeltaFifo } from '../../engine/client-go/delta-fifo';
import { indexerList, newIndexer } from '../../engine/client-go/indexer';
import { processDeltas } from '../../engine/client-go/process-deltas';
import {
  type ApiError,
  type ClientWatchEvent,
  type ListRequest,
  type ListResponse,
  newReflector,
  type ReflectorEnv,
  type ReflectorState,
  type ReflectorTimer,
  reflectorOnListResponse,
  reflectorOnTimer,
  reflectorOnWatchClosed,
  reflectorOnWatchEvent,
  reflectorOnWatchOpened,
  reflectorRun,
  type WatchRequest,
} from '../../engine/client-go/reflector';
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
  | { a: 'timer'; timer: ReflectorTimer; epoch: number }
  | { a: 'opened'; result: { streamId: number } | ApiError; epoch: number }
  | { a: 'event'; streamId: number; ev: ClientWatchEvent }
  | { a: 'closed'; streamId: number }
  | { a: 'listed'; resp: ListResponse; epoch: number };

export function replay(script: VectorScript): TraceLine[] {
  const srv = newScriptedServer({ watchList: false, holdInitialEventsEnd: false });
  const agenda: Agenda<HAction> = newAgenda();
  let now = 0;
  const rng = seedRng(1);
  const fifo = newDeltaFifo<KObject>({ emitReplaced: true });
  const indexer = newIndexer<KObject>(['namespace']);
  let reflector: ReflectorState | null = null;
  let calls: Array<{ call: 'list' | 'watch'; rv: string }> = [];
  let notifications: Array<Record<string, unknown>> = [];

  const env = (): ReflectorEnv => ({
    now,
    rng,
    fifo,
    indexer,
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
        reflectorOnListResponse(r, env(), act.resp, act.epoch);
        return;
      case 'watch':
        calls.push({ call: 'watch', rv: act.req.resourceVersion });
        serverWatch(srv, act.req, io(act.epoch));
        return;
      case 'opened':
        reflectorOnWatchOpened(r, env(), act.result, act.epoch);
        return;
      case 'event':
        reflectorOnWatchEvent(r, env(), act.streamId, act.ev);
        return;
      case 'closed':
        reflectorOnWatchClosed(r, env(), act.streamId);
        return;
      case 'timer':
        reflectorOnTimer(r, env(), act.timer, act.epoch);
        return;
    }
  }

  /** Pop everything the FIFO holds, recording the handler's notifications in order. */
  function drainFifo(): void {
    while (fifoLen(fifo) > 0) {
      const p = fifoPop(fifo)!;
      for (const pd of processDeltas(indexer, p.deltas, p.isInInitialList)) {
        notifications.push(renderNotification(pd.notification as never, false));
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
    const server = serverOp(srv, name, op, io(0), false);
    if (server !== null) Object.assign(line, server);
    else if (name === 'start') {
      if (reflector !== null) line.err = 'already started';
      else {
        reflector = newReflector('Foo', now, 0);
        reflectorRun(reflector, env());
      }
    } else if (name !== 'list' && name !== 'hasSynced' && name !== 'lastSyncRV') {
      line.err = `unknown op ${name}`;
    }
    if (reflector !== null) {
      runUntilIdle();
      if (name === 'list')
        line.store = indexerList(indexer).map((o) => ({
          key: metaNamespaceKey(o),
          obj: fromObj(o as unknown as CObj),
        }));
      if (name === 'hasSynced') line.hasSynced = fifoHasSynced(fifo);
      if (name === 'lastSyncRV') line.lastSyncRV = reflector.lastSyncResourceVersion;
      line.calls = calls;
      line.notifications = notifications;
      calls = [];
      notifications = [];
    } else if (name === 'list' || name === 'hasSynced' || name === 'lastSyncRV') {
      line.err = 'not started';
    }
    out.push(line);
  });
  return out;
}
