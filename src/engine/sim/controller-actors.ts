/**
 * The controller's actors (C1, C3): WaitForCacheSync (polls every 100 ms, SI9.3), the workers
 * (processNextWorkItem), and the delaying queue's waiting loop (W7). A worker blocked in Get is parked in
 * `waitingWorkers`; an Add that queues an item wakes one (W1/W2), Done's re-queue wakes one (W3).
 *
 * Mistakes of the worker loop (`settings.mistakes`): noForget skips Forget after a success, so the item's
 * NumRequeues keeps growing and its next failure backs off from there (W9, W10); noDone skips Done, so the
 * key stays in `processing` forever: later Adds only mark it dirty and it is never queued again (W1, W3).
 */

import { indexerGetByKey } from '../client-go/indexer';
import type { Notification } from '../client-go/process-deltas';
import {
  wqAdd,
  wqAddRateLimited,
  wqAdvance,
  wqDone,
  wqForget,
  wqGet,
  wqLen,
  wqNextReadyAt,
  wqNumRequeues,
} from '../client-go/workqueue';
import {
  type ControllerEnv,
  deploymentHandler,
  fooHandler,
  type SyncStepResult,
  syncOnResponse,
  syncStart,
  type WorkerState,
  type WriteResponse,
} from '../controller/sample-controller';
import { schedule } from '../kernel/agenda';
import { nextFloat } from '../kernel/prng';
import type { Kind, KObject } from '../model/objects';
import type { ControllerMistakes } from '../model/scenario';
import { actorTarget, aimActors } from './actor-target';
import { emitRecord, type StepOut } from './emit';
import { laneHasSynced } from './lanes';
import { drawLatency } from './latency';
import { restSend } from './rest-actors';
import type { SimContext, World } from './world';

export const CACHE_SYNC_POLL_MS = 100;

/**
 * Listener 0 of each lane is the controller's handler, registered before start (C2); any listener added
 * later by a scenario is a logging handler (SI8).
 */
export function handlerFor(
  lane: Kind,
  listenerId: number,
): (env: ControllerEnv, n: Notification<KObject>, key: string) => void {
  if (listenerId !== 0) return loggingHandler;
  return lane === 'Foo' ? fooHandler : deploymentHandler;
}

function loggingHandler(): void {}

/**
 * The controller's env, made once: it reads the world, context and step output from actorTarget
 * (actor-target.ts), which controllerEnv aims at the action's own before handing it out.
 */
const env: ControllerEnv = newControllerEnv();

/** The controller's env for one action of the step whose output is `out`. */
export function controllerEnv(w: World, ctx: SimContext, out: StepOut): ControllerEnv {
  aimActors(w, ctx, out);
  return env;
}

function newControllerEnv(): ControllerEnv {
  const t = actorTarget;
  return {
    get now() {
      return t.w!.now;
    },
    get mistakes() {
      return t.ctx!.scenario.settings.mistakes;
    },
    get foos() {
      return t.w!.lanes.Foo.indexer;
    },
    get deployments() {
      return t.w!.lanes.Deployment.indexer;
    },
    emit(component, arrow, message, params, key = null, object = null, lane = null) {
      emitRecord(t.w!, t.out!, lane, component, arrow, message, params, key, object);
    },
    enqueue(key) {
      const w = t.w!;
      const out = t.out!;
      const q = w.controller.queue;
      const res = wqAdd(q, key, w.now);
      if (res === 'dirty-while-processing') w.stats.addedWhileProcessing++;
      emitRecord(w, out, 'Foo', 'handler', 7, 'workqueue.add', { result: res, depth: wqLen(q) }, key, null);
      if (t.ctx!.scenario.settings.mistakes.noDone) emitIfStuck(w, out, key);
      if (res === 'queued') wakeWorker(w);
    },
    sendWrite(worker, req, thinkMs) {
      const w = t.w!;
      const ctx = t.ctx!;
      // The request latency is drawn now, as before the REST client existed, so an unthrottled write
      // replays the same draws; the call itself leaves after the reconcile's own work (K1's token then).
      const latency = drawLatency(w, ctx.scenario.settings.latency.request);
      restSend(w, ctx, { kind: 'write', worker: worker.id, token: worker.token, req }, thinkMs, latency);
    },
  };
}

/**
 * noDone: an Add of a key that is still in `processing` although no worker holds it only marks it dirty;
 * only Done would queue it again, and Done is never called (W1, W3).
 */
function emitIfStuck(w: World, out: StepOut, key: string): void {
  const c = w.controller;
  if (!c.queue.processing.has(key) || c.workers.some((wk) => wk.key === key)) return;
  emitRecord(w, out, 'Foo', 'workqueue', 'internal', 'workqueue.add-stuck', {}, key, null);
}

/** W2: an item was queued: wake one worker blocked in Get. */
export function wakeWorker(w: World): void {
  const id = w.controller.waitingWorkers.shift();
  if (id !== undefined) schedule(w.agenda, w.now, { a: 'worker.get', worker: id });
}

export function waitForCacheSync(w: World, out: StepOut): void {
  const c = w.controller;
  if (c.started) return;
  if (!laneHasSynced(w.lanes.Foo) || !laneHasSynced(w.lanes.Deployment)) {
    schedule(w.agenda, w.now + CACHE_SYNC_POLL_MS, { a: 'controller.wait-for-cache-sync' });
    return;
  }
  c.started = true;
  emitRecord(w, out, null, 'controller', 'internal', 'controller.caches-synced', {
    workers: c.workers.length,
  });
  for (const wk of c.workers) schedule(w.agenda, w.now, { a: 'worker.get', worker: wk.id });
}

export function workerGet(w: World, out: StepOut, id: number): void {
  const c = w.controller;
  const wk = c.workers[id]!;
  if (wk.phase !== 'idle') return;
  const r = wqGet(c.queue, w.now);
  if ('empty' in r) {
    if (!c.waitingWorkers.includes(id)) c.waitingWorkers.push(id);
    return;
  }
  if ('shutdown' in r) return;
  wk.key = r.item;
  wk.phase = 'reconciling';
  wk.token++;
  emitRecord(w, out, 'Foo', 'worker', 8, 'worker.get', { worker: id, depth: wqLen(c.queue) }, r.item, null);
  schedule(w.agenda, w.now, { a: 'worker.sync', worker: id, token: wk.token });
}

export function workerSync(w: World, ctx: SimContext, out: StepOut, id: number, token: number): void {
  const wk = w.controller.workers[id]!;
  if (wk.token !== token || wk.phase !== 'reconciling') return;
  let injected = false;
  if (w.faults.failNextReconciles > 0) {
    w.faults.failNextReconciles--;
    injected = true;
  } else if (ctx.scenario.settings.reconcile.failureRate > 0) {
    injected = nextFloat(w.rng) < ctx.scenario.settings.reconcile.failureRate;
  }
  const env = controllerEnv(w, ctx, out);
  // The reconcile's own work (business logic) happens between reading the listers and the first write.
  const thinkMs = drawLatency(w, ctx.scenario.settings.reconcile.duration, false);
  const r = syncStart(env, wk, injected, thinkMs);
  if (!r.done) wk.phase = 'awaiting-response';
  else finishItem(w, ctx, out, wk, r, env.mistakes);
}

export function workerWriteResponse(
  w: World,
  ctx: SimContext,
  out: StepOut,
  id: number,
  token: number,
  resp: WriteResponse,
): void {
  const wk = w.controller.workers[id]!;
  if (wk.token !== token || wk.phase !== 'awaiting-response') return;
  wk.phase = 'reconciling';
  const env = controllerEnv(w, ctx, out);
  const r = syncOnResponse(env, wk, resp);
  if (!r.done) wk.phase = 'awaiting-response';
  else finishItem(w, ctx, out, wk, r, env.mistakes);
}

/**
 * The sample-controller's EventRecorder (client-go tools/record): Event() hands the event to the
 * broadcaster's own goroutine, which writes it through the CoreV1 client; the worker does not wait. Here
 * the write reaches the API server one request latency later (server-cluster.ts serverRecordEvent).
 */
function recordEvent(w: World, ctx: SimContext, reason: string, eventType: string, key: string): void {
  schedule(w.agenda, w.now + drawLatency(w, ctx.scenario.settings.latency.request), {
    a: 'recorder.event',
    reason,
    eventType,
    key,
  });
}

/**
 * C3: Forget on success, AddRateLimited on error, then Done; the worker loops back to Get. With noForget
 * the Forget is skipped, with noDone the Done (see the header).
 */
function finishItem(
  w: World,
  ctx: SimContext,
  out: StepOut,
  wk: WorkerState,
  r: SyncStepResult & { done: true },
  mistakes: ControllerMistakes,
): void {
  const c = w.controller;
  const key = wk.key!;
  w.stats.reconciles++;
  if (r.error === null) {
    wk.lastResult = { key, outcome: 'success', code: null, message: '' };
    // sc controller.go syncHandler: recorder.Event(foo, Normal, "Synced", …) when the Foo was there.
    if (indexerGetByKey(w.lanes.Foo.indexer, key) !== undefined) recordEvent(w, ctx, 'Synced', 'Normal', key);
    if (mistakes.noForget) {
      emitRecord(
        w,
        out,
        'Foo',
        'worker',
        'requeue',
        'worker.forget-skipped',
        { worker: wk.id, requeues: wqNumRequeues(c.queue, key) },
        key,
        null,
      );
    } else {
      wqForget(c.queue, key);
      emitRecord(w, out, 'Foo', 'worker', 'requeue', 'worker.forget', { worker: wk.id }, key, null);
    }
  } else {
    w.stats.failedReconciles++;
    // C4: recorder.Event(foo, Warning, "ErrResourceExists", …) for a Deployment it does not control.
    if (r.error.kind === 'not-controlled') recordEvent(w, ctx, 'ErrResourceExists', 'Warning', key);
    const { delayMs } = wqAddRateLimited(c.queue, key, w.now);
    wk.lastResult = { key, outcome: 'error', code: r.error.code, message: r.error.message };
    emitRecord(
      w,
      out,
      'Foo',
      'worker',
      'requeue',
      'worker.add-rate-limited',
      {
        worker: wk.id,
        delayMs,
        requeues: wqNumRequeues(c.queue, key),
        error: r.error.kind,
        code: r.error.code,
        reason: r.error.reason,
      },
      key,
      null,
    );
    ensureWaitingLoop(w);
  }
  if (mistakes.noDone) {
    emitRecord(w, out, 'Foo', 'worker', 'requeue', 'worker.done-skipped', { worker: wk.id }, key, null);
  } else {
    const done = wqDone(c.queue, key, w.now);
    emitRecord(
      w,
      out,
      'Foo',
      'worker',
      'requeue',
      'worker.done',
      { worker: wk.id, requeued: done === 'requeued' },
      key,
      null,
    );
    if (done === 'requeued') wakeWorker(w);
  }
  wk.phase = 'idle';
  wk.key = null;
  wk.sync = null;
  wk.processed++;
  schedule(w.agenda, w.now, { a: 'worker.get', worker: wk.id });
}

/** Make sure the waiting loop wakes at the earliest ready time (W7). */
export function ensureWaitingLoop(w: World): void {
  const c = w.controller;
  const next = wqNextReadyAt(c.queue);
  if (next === undefined) return;
  if (c.waitingLoopAt !== null && c.waitingLoopAt <= next) return;
  c.waitingLoopAt = next;
  schedule(w.agenda, Math.max(next, w.now), { a: 'workqueue.waiting-loop' });
}

export function waitingLoop(w: World, out: StepOut): void {
  const c = w.controller;
  if (c.waitingLoopAt === null || c.waitingLoopAt > w.now) return;
  c.waitingLoopAt = null;
  const items = wqAdvance(c.queue, w.now);
  for (const item of items) {
    emitRecord(
      w,
      out,
      'Foo',
      'workqueue',
      'internal',
      'workqueue.delayed-ready',
      { depth: wqLen(c.queue) },
      item,
      null,
    );
    // Only a skipped Done (noDone) leaves a key in processing with no worker holding it.
    emitIfStuck(w, out, item);
    wakeWorker(w);
  }
  ensureWaitingLoop(w);
}
