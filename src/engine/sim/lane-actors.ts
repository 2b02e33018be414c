/**
 * The informer lanes' actors: the reflector goroutine (through its ReflectorEnv), the informer's
 * processLoop (Pop under the FIFO lock: one step whose records travel arrows 3, 4, 5, 6 in order, D9/SI2),
 * and each listener's run loop (SI5: delivery is asynchronous, so a handler may find the lister ahead of
 * the notification it is handling).
 */

import { type Delta, fifoLen, fifoPop } from '../client-go/delta-fifo';
import { indexerGetByKey, indexerLen } from '../client-go/indexer';
import { processDeltas } from '../client-go/process-deltas';
import type { ReflectorEnv } from '../client-go/reflector';
import {
  listenerDelivered,
  listenerNextKey,
  listenerPending,
  listenerTake,
  processorDistribute,
  processorShouldResync,
} from '../client-go/shared-informer';
import { schedule } from '../kernel/agenda';
import type { Kind, KObject } from '../model/objects';
import { type DeletedFinalStateUnknown, isTombstone } from '../model/objects';
import type { ParamValue } from '../model/trace';
import { actorTarget, aimActors } from './actor-target';
import { controllerEnv, handlerFor } from './controller-actors';
import { emitRecord, type StepOut } from './emit';
import { drawHandlerLatency } from './latency';
import { restSend } from './rest-actors';
import type { ClassicLaneState, SimContext, World } from './world';

function classicLane(w: World, lane: Kind): ClassicLaneState {
  const L = w.lanes[lane];
  if (L.era !== 'classic') throw new Error(`${lane} lane is not a classic lane`);
  return L;
}

/**
 * The lanes' ReflectorEnvs, made once: they read the world, context and step output from actorTarget
 * (actor-target.ts), which reflectorEnv aims at the action's own before handing one out.
 */
const reflectorEnvs: Readonly<Record<Kind, ReflectorEnv>> = {
  Foo: newReflectorEnv('Foo'),
  Deployment: newReflectorEnv('Deployment'),
};

function newReflectorEnv(lane: Kind): ReflectorEnv {
  const t = actorTarget;
  return {
    get now() {
      return t.w!.now;
    },
    get rng() {
      return t.w!.rng;
    },
    get fifo() {
      return classicLane(t.w!, lane).fifo;
    },
    get indexer() {
      return classicLane(t.w!, lane).indexer;
    },
    get watchTimeout() {
      return t.ctx!.scenario.settings.watchTimeout;
    },
    get pageSize() {
      return t.ctx!.scenario.settings.pageSize;
    },
    // Through the lane's REST client (K1: a LIST takes a token, a WATCH's first attempt does not).
    sendList(req, epoch) {
      restSend(t.w!, t.ctx!, { kind: 'list', lane, req, epoch });
    },
    sendWatch(req, epoch) {
      restSend(t.w!, t.ctx!, { kind: 'watch', lane, req, epoch });
    },
    setTimer(delayMs, timer, epoch) {
      const w = t.w!;
      schedule(w.agenda, w.now + delayMs, { a: 'reflector.timer', lane, timer, epoch });
    },
    shouldResync() {
      const w = t.w!;
      return processorShouldResync(w.lanes[lane].processor, w.now);
    },
    fifoChanged() {
      wakePop(t.w!, lane);
    },
    emit(component, arrow, message, params, key = null, object = null) {
      const w = t.w!;
      if (message === 'reflector.replace' && (params as Readonly<Record<string, ParamValue>>).relist === true)
        w.stats.relists++;
      emitRecord(w, t.out!, lane, component, arrow, message, params, key, object);
    },
  };
}

/** The ReflectorEnv of a lane for one action of the step whose output is `out`. */
export function reflectorEnv(w: World, ctx: SimContext, out: StepOut, lane: Kind): ReflectorEnv {
  aimActors(w, ctx, out);
  return reflectorEnvs[lane];
}

/** The FIFO has items: make the processLoop runnable (Pop wakes at once; ordering by agenda sequence). */
export function wakePop(w: World, lane: Kind): void {
  const L = classicLane(w, lane);
  if (L.popScheduled || fifoLen(L.fifo) === 0) return;
  L.popScheduled = true;
  schedule(w.agenda, w.now, { a: 'informer.pop', lane });
}

/** The Pop's records per store operation (constants: a template string per delta allocates a new string). */
const INFORMER_STORE_MESSAGE = {
  add: 'informer.indexer-add',
  update: 'informer.indexer-update',
  delete: 'informer.indexer-delete',
} as const;
const INDEXER_MESSAGE = { add: 'indexer.add', update: 'indexer.update', delete: 'indexer.delete' } as const;

function deltaLabel(d: Delta<KObject>): string {
  // Only a Deleted delta ever carries a tombstone (D1): the other types need no look at the object.
  return d.type === 'Deleted' && isTombstone(d.obj) ? `${d.type}(DeletedFinalStateUnknown)` : d.type;
}

/** The Pop record's `deltas` param: the delta types, oldest first, joined by ", " (one delta: its label). */
function deltasParam(deltas: readonly Delta<KObject>[]): string {
  if (deltas.length === 0) return '';
  let text = deltaLabel(deltas[0]!);
  for (let i = 1; i < deltas.length; i++) text += `, ${deltaLabel(deltas[i]!)}`;
  return text;
}

/** One Pop with its process function (HandleDeltas), atomically: arrows 3 → 4 → 5 → 6. */
export function informerPop(w: World, ctx: SimContext, out: StepOut, lane: Kind): void {
  const L = classicLane(w, lane);
  L.popScheduled = false;
  const p = fifoPop(L.fifo);
  if (p === undefined) return;
  const last = p.deltas[p.deltas.length - 1]!;
  emitRecord(
    w,
    out,
    lane,
    'informer',
    3,
    'informer.pop',
    {
      deltas: deltasParam(p.deltas),
      count: p.deltas.length,
      isInInitialList: p.isInInitialList,
    },
    p.key,
    last.obj,
  );
  // The popped key is every delta's key (D2) and already hashed by the FIFO's map.
  const processed = processDeltas(L.indexer, p.deltas, p.isInInitialList, p.key);
  const settings = ctx.scenario.settings;
  for (const pd of processed) {
    const obj = pd.delta.obj;
    emitRecord(
      w,
      out,
      lane,
      'informer',
      4,
      INFORMER_STORE_MESSAGE[pd.storeOp],
      { type: pd.delta.type },
      pd.key,
      obj,
    );
    emitRecord(
      w,
      out,
      lane,
      'indexer',
      5,
      INDEXER_MESSAGE[pd.storeOp],
      { size: indexerLen(L.indexer) },
      pd.key,
      obj,
    );
    const n = pd.notification;
    const got = processorDistribute(L.processor, n, pd.key);
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
        type: pd.delta.type,
        isSync: sync,
        listeners: got.length,
        filtered: L.processor.listeners.length - got.length,
        isInInitialList: n.kind === 'add' ? n.isInInitialList : false,
      },
      pd.key,
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
  wakePop(w, lane);
}

/** A listener runs its handler on the next buffered notification (SI5). */
export function listenerDeliver(w: World, ctx: SimContext, out: StepOut, lane: Kind, id: number): void {
  const L = w.lanes[lane];
  const l = L.processor.listeners[id]!;
  // The key the informer popped (already hashed by the FIFO's map): the object's key (I1).
  const key = listenerNextKey(l);
  const n = listenerTake(l);
  if (n === undefined || key === undefined) {
    l.busy = false;
    return;
  }
  const obj = n.kind === 'update' ? n.new : n.obj;
  // Only OnDelete may carry a DeletedFinalStateUnknown (SI12).
  const tombstone = n.kind === 'delete' && isTombstone(n.obj);
  const inner = tombstone ? (n.obj as DeletedFinalStateUnknown<KObject>).obj : (obj as KObject);
  const cached = indexerGetByKey(L.indexer, key);
  // Is the lister already ahead of (or behind) what this notification carries? (SI5)
  const notifRv = inner?.metadata.resourceVersion ?? null;
  const listerRv = cached?.metadata.resourceVersion ?? null;
  const listerAhead = n.kind === 'delete' ? cached !== undefined : listerRv !== notifRv;
  if (listerAhead) w.stats.listerAhead++;
  emitRecord(
    w,
    out,
    lane,
    'handler',
    'internal',
    n.kind === 'add' ? 'handler.OnAdd' : n.kind === 'update' ? 'handler.OnUpdate' : 'handler.OnDelete',
    {
      handler: l.handler,
      rv: notifRv,
      oldRv: n.kind === 'update' ? n.old.metadata.resourceVersion : null,
      listerRv,
      listerAhead,
      isInInitialList: n.kind === 'add' ? n.isInInitialList : false,
      tombstone,
    },
    key,
    obj,
  );
  handlerFor(lane, l.id)(controllerEnv(w, ctx, out), n, key);
  listenerDelivered(l, n);
  if (listenerPending(l) > 0) {
    schedule(w.agenda, w.now + drawHandlerLatency(w, ctx.scenario.settings.latency.handler), {
      a: 'listener.deliver',
      lane,
      listener: id,
    });
  } else {
    l.busy = false;
  }
}
