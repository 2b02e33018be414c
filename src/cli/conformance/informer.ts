/**
 * The `informer` conformance harness (conformance/README.md, component `informer`): the simulation's own
 * Reflector, DeltaFIFO, indexer and processDeltas, run on the engine's agenda and virtual clock against a
 * tiny scripted API server (the only harness-specific part, as the README describes it).
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
import type { TraceLine, VectorScript } from './types';
import { type CObj, fromObj, renderNotification, toObj, type VObj } from './vector-objects';

type Ev = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; obj: CObj; rv: number };

type HAction =
  | { a: 'list'; req: ListRequest; epoch: number }
  | { a: 'watch'; req: WatchRequest; epoch: number }
  | { a: 'timer'; timer: ReflectorTimer; epoch: number }
  | { a: 'opened'; result: { streamId: number } | ApiError; epoch: number }
  | { a: 'event'; streamId: number; ev: ClientWatchEvent }
  | { a: 'closed'; streamId: number }
  | { a: 'listed'; resp: ListResponse; epoch: number };

/** The scripted server of the README: one kind, rv counter, event log, compaction point, one live watch. */
interface Server {
  rv: number;
  objects: Map<string, CObj>;
  log: Ev[];
  compacted: number;
  live: number | null;
  nextStream: number;
}

function asK(o: CObj): KObject {
  return o as unknown as KObject;
}

function toClientEvent(e: Ev): ClientWatchEvent {
  return { type: e.type, object: asK(e.obj) };
}

export function replay(script: VectorScript): TraceLine[] {
  const srv: Server = { rv: 0, objects: new Map(), log: [], compacted: 0, live: null, nextStream: 1 };
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

  const send = (streamId: number, ev: ClientWatchEvent) =>
    schedule(agenda, now, { a: 'event', streamId, ev });

  function handle(act: HAction): void {
    const r = reflector!;
    switch (act.a) {
      case 'list': {
        calls.push({ call: 'list', rv: act.req.resourceVersion });
        const items = [...srv.objects.keys()].sort().map((k) => asK(srv.objects.get(k)!));
        schedule(agenda, now, {
          a: 'listed',
          resp: { code: 200, items, resourceVersion: String(srv.rv) },
          epoch: act.epoch,
        });
        return;
      }
      case 'listed':
        reflectorOnListResponse(r, env(), act.resp, act.epoch);
        return;
      case 'watch': {
        const reqRv = act.req.resourceVersion;
        calls.push({ call: 'watch', rv: reqRv });
        const from = reqRv === '' || reqRv === '0' ? srv.rv : Number(reqRv);
        const streamId = srv.nextStream++;
        schedule(agenda, now, { a: 'opened', result: { streamId }, epoch: act.epoch });
        if (from < srv.compacted) {
          send(streamId, {
            type: 'ERROR',
            object: null,
            status: {
              code: 410,
              reason: 'Expired',
              message: `too old resource version: ${from} (${srv.compacted})`,
            },
          });
          return;
        }
        for (const e of srv.log) if (e.rv > from) send(streamId, toClientEvent(e));
        srv.live = streamId;
        return;
      }
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

  function write(type: Ev['type'], obj: CObj, silent: boolean): string {
    srv.rv++;
    const stored: CObj = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(srv.rv) } };
    if (type === 'DELETED') srv.objects.delete(metaNamespaceKey(obj));
    else srv.objects.set(metaNamespaceKey(obj), stored);
    const ev: Ev = { type, obj: stored, rv: srv.rv };
    srv.log.push(ev);
    if (!silent && srv.live !== null) send(srv.live, toClientEvent(ev));
    return String(srv.rv);
  }

  const out: TraceLine[] = [];
  script.ops.forEach((op, i) => {
    const name = String(op.op);
    const line: TraceLine = { i, op: name };
    const v = op.obj as Partial<VObj> | undefined;
    const key = v ? (v.ns ? `${v.ns}/${v.name}` : String(v.name)) : '';
    const silent = op.silent === true;
    switch (name) {
      case 'create':
        if (srv.objects.has(key)) line.err = 'already exists';
        else
          line.rv = write(
            'ADDED',
            toObj({ ns: v!.ns ?? '', name: v!.name ?? '', rv: '', data: v!.data ?? '' }),
            silent,
          );
        break;
      case 'update':
        if (!srv.objects.has(key)) line.err = 'not found';
        else
          line.rv = write(
            'MODIFIED',
            toObj({ ns: v!.ns ?? '', name: v!.name ?? '', rv: '', data: v!.data ?? '' }),
            silent,
          );
        break;
      case 'delete':
        if (!srv.objects.has(key)) line.err = 'not found';
        else line.rv = write('DELETED', srv.objects.get(key)!, silent);
        break;
      case 'start':
        if (reflector !== null) line.err = 'already started';
        else {
          reflector = newReflector('Foo', now, 0);
          reflectorRun(reflector, env());
        }
        break;
      case 'watchClose':
      case 'watchError':
      case 'bookmark': {
        if (srv.live === null) {
          line.err = 'no live watch';
          break;
        }
        const sid = srv.live;
        if (name === 'watchClose') {
          srv.live = null;
          schedule(agenda, now, { a: 'closed', streamId: sid });
        } else if (name === 'watchError') {
          srv.live = null;
          const code = Number(op.code);
          const status: ApiError =
            code === 410
              ? {
                  code: 410,
                  reason: 'Expired',
                  message: `too old resource version: ${srv.rv} (${srv.compacted})`,
                }
              : { code, reason: 'InternalError', message: 'Internal error occurred' };
          send(sid, { type: 'ERROR', object: null, status });
        } else {
          send(sid, { type: 'BOOKMARK', object: null, resourceVersion: String(srv.rv) });
          line.rv = String(srv.rv);
        }
        break;
      }
      case 'compact':
        srv.compacted = srv.rv;
        line.rv = String(srv.rv);
        break;
      case 'list':
      case 'hasSynced':
      case 'lastSyncRV':
        break;
      default:
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
