/**
 * The controller's actors (C1, C3): WaitForCacheSync (polls every 100 ms, SI9.3), the workers
 * (processNextWorkItem), and the delaying queue's waiting loop (W7). A worker blocked in Get is parked in
 * `waitingWorkers`; an Add that queues an item wakes one (W1/W2), Done's re-queue wakes one (W3).
 */

import { fifoHasSynced } from '../client-go/delta-fifo';
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
import type { Kind, KObject } from '../objects';
import { emitRecord, type StepOut } from './emit';
import { drawLatency } from './latency';
import type { SimContext, World } from './world';

export const CACHE_SYNC_POLL_MS = 100;

/**
 * Listener 0 of each lane is the controller's handler, registered before start (C2); any listener added
 * later by a scenario is a logging handler (SI8).
 */
export function handlerFor(
  lane: Kind,
  listenerId: number,
): (env: ControllerEnv, n: Notification<KObject>) => void {
  if (listenerId !== 0) return loggingHandler;
  return lane === 'Foo' ? fooHandler : deploymentHandler;
}

function loggingHandler(): void {}

export function controllerEnv(w: World, ctx: SimContext, out: StepOut): ControllerEnv {
  const q = w.controller.queue;
  return {
    now: w.now,
    foos: w.lanes.Foo.indexer,
    deployments: w.lanes.Deployment.indexer,
    emit(component, arrow, message, params, key = null, object = null, lane = null) {
      emitRecord(w, out, lane, component, arrow, message, params, key, object);
    },
    enqueue(key) {
      const res = wqAdd(q, key, w.now);
      if (res === 'dirty-while-processing') w.stats.addedWhileProcessing++;
      emitRecord(w, out, 'Foo', 'handler', 7, 'workqueue.add', { result: res, depth: wqLen(q) }, key, null);
      if (res === 'queued') wakeWorker(w);
    },
    sendWrite(worker, req, thinkMs) {
      const s = ctx.scenario.settings;
      schedule(w.agenda, w.now + thinkMs + drawLatency(w, s.latency.request), {
        a: 'server.write',
        worker: worker.id,
        token: worker.token,
        req,
      });
    },
  };
}

/** W2: an item was queued: wake one worker blocked in Get. */
export function wakeWorker(w: World): void {
  const id = w.controller.waitingWorkers.shift();
  if (id !== undefined) schedule(w.agenda, w.now, { a: 'worker.get', worker: id });
}

export function waitForCacheSync(w: World, out: StepOut): void {
  const c = w.controller;
  if (c.started) return;
  if (!fifoHasSynced(w.lanes.Foo.fifo) || !fifoHasSynced(w.lanes.Deployment.fifo)) {
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
  else finishItem(w, out, wk, r);
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
  const r = syncOnResponse(controllerEnv(w, ctx, out), wk, resp);
  if (!r.done) wk.phase = 'awaiting-response';
  else finishItem(w, out, wk, r);
}

/** C3: Forget on success, AddRateLimited on error, then Done; the worker loops back to Get. */
function finishItem(w: World, out: StepOut, wk: WorkerState, r: SyncStepResult & { done: true }): void {
  const c = w.controller;
  const key = wk.key!;
  w.stats.reconciles++;
  if (r.error === null) {
    wqForget(c.queue, key);
    wk.lastResult = { key, outcome: 'success', code: null, message: '' };
    emitRecord(w, out, 'Foo', 'worker', 'requeue', 'worker.forget', { worker: wk.id }, key, null);
  } else {
    w.stats.failedReconciles++;
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
        code: r.error.code,
        error: r.error.message,
      },
      key,
      null,
    );
    ensureWaitingLoop(w);
  }
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
    wakeWorker(w);
  }
  ensureWaitingLoop(w);
}
