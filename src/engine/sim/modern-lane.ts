/**
 * The informer lanes' actors in modern mode (settings.era modern, client-go v0.36.3): the WatchList
 * reflector (client-go/reflector-modern.ts) through its ModernReflectorEnv, and the informer's processLoop
 * over the atomic RealFIFO: `PopBatch` with `processDeltas` / `processDeltasInBatch` (F6, F7, SI2 [C],
 * SI7, I7).
 *
 * UnlockWhileProcessing (F6): a pop is two actions. `informer.pop` takes from the FIFO and processes
 * the take (one step: arrows 3 → 4 → 5 → 6); `informer.finish`, at the same virtual time but after every
 * action already due then, ends the processing (realFifoFinish: the initial population count drops, so
 * HasSynced may turn true). In between, other actors run: the reflector may append, unless the take left
 * two full batches or more queued (the real FIFO then keeps its lock). A reflector action that finds the
 * FIFO locked is held, in arrival order, with every later one of its lane (the reflector goroutine is
 * blocked on the lock); `informer.release` hands them back one at a time once the lock is free.
 *
 * Test-only rule switch (src/engine/rules.ts, on outside tests): F7_POP_BATCH (off: Pop, not PopBatch).
 */

import { indexerLen } from '../client-go/indexer';
import type { IndexerRvState } from '../client-go/indexer-rv';
import { processRealTake, type RealStoreOp } from '../client-go/process-real-deltas';
import {
  type RealDelta,
  realFifoFinish,
  realFifoLen,
  realFifoLocked,
  realFifoTake,
} from '../client-go/real-fifo';
import {
  type ModernReflectorEnv,
  modernReflectorOnListResponse,
  modernReflectorOnTimer,
  modernReflectorOnWatchClosed,
  modernReflectorOnWatchEvent,
  modernReflectorOnWatchOpened,
  modernReflectorRun,
} from '../client-go/reflector-modern';
import { processorDistribute, processorShouldResync } from '../client-go/shared-informer';
import { schedule } from '../kernel/agenda';
import type { Kind, KObject } from '../model/objects';
import { isTombstone, metaNamespaceKey } from '../model/objects';
import type { ParamValue } from '../model/trace';
import { RULES } from '../rules';
import type { Action } from './actions';
import { emitRecord, type StepOut } from './emit';
import { drawHandlerLatency } from './latency';
import { restSend } from './rest-actors';
import type { ModernLaneState, SimContext, World } from './world';

/** The agenda actions of a lane's reflector goroutine (what a locked FIFO holds back). */
export type ReflectorAction = Extract<
  Action,
  {
    readonly a:
      | 'reflector.run'
      | 'reflector.timer'
      | 'reflector.list-response'
      | 'reflector.watch-opened'
      | 'reflector.watch-event'
      | 'reflector.watch-closed';
  }
>;

function modernLane(w: World, lane: Kind): ModernLaneState {
  const L = w.lanes[lane];
  if (L.era !== 'modern') throw new Error(`${lane} lane is not a modern lane`);
  return L;
}

export function modernReflectorEnv(w: World, ctx: SimContext, out: StepOut, lane: Kind): ModernReflectorEnv {
  const L = modernLane(w, lane);
  const s = ctx.scenario.settings;
  return {
    now: w.now,
    rng: w.rng,
    fifo: L.fifo,
    watchTimeout: s.watchTimeout,
    pageSize: s.pageSize,
    sendList(req, epoch) {
      restSend(w, ctx, { kind: 'list', lane, req, epoch });
    },
    sendWatch(req, epoch) {
      restSend(w, ctx, { kind: 'watch', lane, req, epoch });
    },
    setTimer(delayMs, timer, epoch) {
      schedule(w.agenda, w.now + delayMs, { a: 'reflector.timer', lane, timer, epoch });
    },
    shouldResync() {
      return processorShouldResync(L.processor, w.now);
    },
    fifoChanged() {
      modernWakePop(w, lane);
    },
    emit(component, arrow, message, params, key = null, object = null) {
      if (
        message === 'reflector.replace-all' &&
        (params as Readonly<Record<string, ParamValue>>).relist === true
      )
        w.stats.relists++;
      emitRecord(w, out, lane, component, arrow, message, params, key, object);
    },
  };
}

/**
 * Runs a reflector action of a modern lane, or holds it while the FIFO is locked (or earlier actions
 * are held: the goroutine handles them in order). `released`: the action comes from the held list.
 */
export function modernReflectorDispatch(
  w: World,
  ctx: SimContext,
  out: StepOut,
  act: ReflectorAction,
  released = false,
): void {
  const L = modernLane(w, act.lane);
  if (!released && (realFifoLocked(L.fifo) || L.held.length > 0)) {
    L.held.push(act);
    return;
  }
  const r = L.reflector;
  const env = modernReflectorEnv(w, ctx, out, act.lane);
  switch (act.a) {
    case 'reflector.run':
      modernReflectorRun(r, env);
      return;
    case 'reflector.timer':
      modernReflectorOnTimer(r, env, act.timer, act.epoch);
      return;
    case 'reflector.list-response':
      modernReflectorOnListResponse(r, env, act.resp, act.epoch);
      return;
    case 'reflector.watch-opened':
      modernReflectorOnWatchOpened(r, env, act.result, act.epoch);
      return;
    case 'reflector.watch-event':
      modernReflectorOnWatchEvent(r, env, act.streamId, act.event);
      return;
    case 'reflector.watch-closed':
      modernReflectorOnWatchClosed(r, env, act.streamId);
      return;
  }
}

/** The lock is free again: hand the first held reflector action back (then the next, one per action). */
export function modernRelease(w: World, ctx: SimContext, out: StepOut, lane: Kind): void {
  const L = modernLane(w, lane);
  if (realFifoLocked(L.fifo)) return; // taken again under the lock: the next finish releases
  const act = L.held.shift();
  if (act === undefined) return;
  if (L.held.length > 0) schedule(w.agenda, w.now, { a: 'informer.release', lane });
  modernReflectorDispatch(w, ctx, out, act as ReflectorAction, true);
}

/** The FIFO has deltas and no take is being processed: make the processLoop runnable. */
export function modernWakePop(w: World, lane: Kind): void {
  const L = modernLane(w, lane);
  if (L.popScheduled || L.processing !== null || realFifoLen(L.fifo) === 0) return;
  L.popScheduled = true;
  schedule(w.agenda, w.now, { a: 'informer.pop', lane });
}

function deltaLabel(d: RealDelta<KObject>): string {
  switch (d.type) {
    case 'ReplacedAll':
      return `ReplacedAll(${d.objs.length})`;
    case 'Deleted':
      return isTombstone(d.obj) ? 'Deleted(DeletedFinalStateUnknown)' : 'Deleted';
    default:
      return d.type;
  }
}

function storeOpRecords(
  w: World,
  out: StepOut,
  L: ModernLaneState,
  ops: readonly RealStoreOp<KObject>[],
  batch: boolean,
): void {
  const lane = L.kind;
  for (const op of ops) {
    if (op.op === 'replace') {
      emitRecord(w, out, lane, 'informer', 4, 'informer.replaced-all', {
        items: op.items,
        tombstones: op.tombstones,
        rv: op.rv,
      });
      emitRecord(w, out, lane, 'indexer', 5, 'indexer.replace', { size: indexerLen(L.indexer), rv: op.rv });
    } else if (op.op === 'bookmark') {
      emitRecord(w, out, lane, 'indexer', 5, 'indexer.bookmark', { rv: op.rv });
    } else {
      emitRecord(
        w,
        out,
        lane,
        'informer',
        4,
        `informer.store-${op.op}`,
        { type: op.delta, batch },
        op.key,
        op.obj,
      );
      // A single delta: one threadSafeMap call per op; a batch: one Transaction (below).
      if (!batch)
        emitRecord(
          w,
          out,
          lane,
          'indexer',
          5,
          `indexer.${op.op}`,
          { size: indexerLen(L.indexer) },
          op.key,
          op.obj,
        );
    }
  }
  if (batch)
    emitRecord(w, out, lane, 'indexer', 5, 'indexer.transaction', {
      size: indexerLen(L.indexer),
      ops: ops.length,
      rv: L.indexerRv,
    });
}

/** One PopBatch with its process function, then the finish is scheduled (UnlockWhileProcessing). */
export function modernInformerPop(w: World, ctx: SimContext, out: StepOut, lane: Kind): void {
  const L = modernLane(w, lane);
  L.popScheduled = false;
  if (L.processing !== null) return;
  // RULES.F7_POP_BATCH off (tests only): Pop, one delta per take.
  const take = realFifoTake(L.fifo, RULES.F7_POP_BATCH);
  if (take === 'empty' || take === 'closed') return;
  L.processing = take;
  const first = take.deltas[0]!;
  const single = take.deltas.length === 1 && 'obj' in first;
  const firstObj = single ? first.obj : null;
  emitRecord(
    w,
    out,
    lane,
    'informer',
    3,
    'informer.pop-batch',
    {
      deltas: take.deltas.map(deltaLabel).join(', '),
      count: take.deltas.length,
      isInInitialList: take.isInInitialList,
      batch: take.batch,
    },
    firstObj === null ? null : isTombstone(firstObj) ? firstObj.key : metaNamespaceKey(firstObj),
    firstObj,
  );
  const store: IndexerRvState<KObject> = { indexer: L.indexer, resourceVersion: L.indexerRv };
  const processed = processRealTake(store, take);
  L.indexerRv = store.resourceVersion;
  storeOpRecords(w, out, L, processed.storeOps, take.batch);
  const settings = ctx.scenario.settings;
  for (const pn of processed.notifications) {
    const n = pn.notification;
    const got = processorDistribute(L.processor, n);
    const sync = n.kind === 'update' && n.old.metadata.resourceVersion === n.new.metadata.resourceVersion;
    const nobj = n.kind === 'update' ? n.new : n.obj;
    emitRecord(
      w,
      out,
      lane,
      'informer',
      6,
      'informer.dispatch',
      {
        callback: n.kind === 'add' ? 'OnAdd' : n.kind === 'update' ? 'OnUpdate' : 'OnDelete',
        type: pn.cause,
        isSync: sync,
        listeners: got.length,
        filtered: L.processor.listeners.length - got.length,
        isInInitialList: n.kind === 'add' ? n.isInInitialList : false,
      },
      pn.key,
      nobj,
    );
    for (const l of got) {
      if (!l.busy) {
        l.busy = true;
        schedule(w.agenda, w.now + drawHandlerLatency(w, settings.latency.handler), {
          a: 'listener.deliver',
          lane,
          listener: l.id,
        });
      }
    }
  }
  schedule(w.agenda, w.now, { a: 'informer.finish', lane });
}

/** The take's processing is over: the FIFO's deferred bookkeeping, then the next pop and held actions. */
export function modernInformerFinish(w: World, lane: Kind): void {
  const L = modernLane(w, lane);
  if (L.processing === null) return;
  realFifoFinish(L.fifo);
  L.processing = null;
  if (L.held.length > 0) schedule(w.agenda, w.now, { a: 'informer.release', lane });
  modernWakePop(w, lane);
}
