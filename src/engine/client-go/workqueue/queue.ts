/**
 * The basic workqueue: models cg:util/workqueue/queue.go (`Type`, v0.26) — Add, Get, Done, Len, ShutDown,
 * ShutDownWithDrain, ShuttingDown — and defines the one plain-data state object of the whole
 * rate-limiting queue stack (basic queue + delaying queue's waiting heap + rate limiter + metrics).
 *
 * Rules: W1 Add, W2 Get, W3 Done, W4 Len, W5 ShutDown / ShutDownWithDrain / ShuttingDown.
 *
 * Simplifications:
 * - Nothing blocks. `wqGet` answers `{ empty: true }` where a real Get would block; the caller (the
 *   simulation's worker actor) parks the worker and retries when an Add or Done reports that it queued
 *   something ('queued', 'requeued'), which is where Go's `cond.Signal` would wake one getter.
 * - ShutDownWithDrain cannot block either: `wqShutDownWithDrain` sets the flags and `wqIsDraining` tells
 *   the caller whether the real call would still be waiting for Done calls.
 * - The queue slice is an array with a head index (O(1) pop), compacted when the consumed prefix is large.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): W1_DEDUP.
 */

import { SharedSet } from '../../kernel/shared-map';
import { RULES } from '../../rules';
import {
  metricsAdd,
  metricsDone,
  metricsGet,
  newWorkqueueMetricsState,
  type WorkqueueMetricsState,
} from './metrics';
import { type LimiterSpec, type LimiterState, newLimiterState } from './rate-limiters';

/** One entry of the delaying queue's waiting heap (`waitFor`; its heap index lives in `waitingIndex`). */
export interface WaitFor {
  item: string;
  readyAt: number;
}

/** The whole rate-limiting queue stack as data (timeline/keyframes.ts copies it exactly). */
export interface WorkqueueState {
  /** Queue name (metrics label; '' = unnamed, which real client-go never reports metrics for). */
  name: string;
  // --- basic queue (queue.go) ---
  /** The queue slice; live part is `queue[head..]`. Every live element is dirty and, normally, not processing. */
  queue: string[];
  head: number;
  /** Items that need processing (W1); shared with keyframes shard by shard (kernel/shared-map.ts). */
  dirty: SharedSet;
  /** Items handed out by Get and not yet Done (W2, W3). */
  processing: Set<string>;
  shuttingDown: boolean;
  /** Set by ShutDownWithDrain, cleared by ShutDown (W5). */
  drain: boolean;
  // --- delaying queue (delaying_queue.go waitingLoop's locals) ---
  /** Binary min-heap by readyAt only (W7; Go's container/heap order on ties). */
  waiting: WaitFor[];
  /** Item → its index in `waiting` (`waitingEntryByData` + `waitFor.index`). */
  waitingIndex: Map<string, number>;
  // --- rate-limiting queue (rate_limiting_queue.go) ---
  limiterSpec: LimiterSpec | null;
  /** null: a plain delaying queue, without AddRateLimited / Forget / NumRequeues. */
  limiter: LimiterState | null;
  metrics: WorkqueueMetricsState;
}

/** Compact the queue slice once this many consumed slots are in front and they are at least half of it. */
const COMPACT_MIN_HEAD = 1024;

export function newWorkqueue(opts: {
  name: string;
  limiter: LimiterSpec | null;
  now: number;
}): WorkqueueState {
  return {
    name: opts.name,
    queue: [],
    head: 0,
    dirty: new SharedSet(),
    processing: new Set(),
    shuttingDown: false,
    drain: false,
    waiting: [],
    waitingIndex: new Map(),
    limiterSpec: opts.limiter,
    limiter: opts.limiter === null ? null : newLimiterState(opts.limiter, opts.now),
    metrics: newWorkqueueMetricsState(),
  };
}

export type AddResult = 'queued' | 'dirty-while-processing' | 'already-dirty' | 'shutting-down';

/**
 * W1 `Add(item)`: ignored while shutting down; a dirty item is left where it is (dedup); otherwise it
 * becomes dirty (metrics add) and is appended — unless it is processing, in which case Done re-queues it.
 * 'queued' means a blocked Get would be woken.
 */
export function wqAdd(q: WorkqueueState, item: string, now: number): AddResult {
  if (q.shuttingDown) return 'shutting-down';
  // RULES.W1_DEDUP off (tests only, src/engine/rules.ts): a dirty item that is not processing is queued again.
  if (q.dirty.has(item) && (RULES.W1_DEDUP || q.processing.has(item))) return 'already-dirty';
  metricsAdd(q.metrics, item, now);
  q.dirty.add(item);
  if (q.processing.has(item)) return 'dirty-while-processing';
  q.queue.push(item);
  return 'queued';
}

export type GetResult = { item: string } | { empty: true } | { shutdown: true };

/**
 * W2 `Get()`: pops the head, moves it to processing and out of dirty. After ShutDown the remaining items
 * are still handed out (shutdown=false) until the queue is empty; then `{ shutdown: true }`. An empty,
 * running queue answers `{ empty: true }` (the real Get would block).
 */
export function wqGet(q: WorkqueueState, now: number): GetResult {
  if (q.head === q.queue.length) return q.shuttingDown ? { shutdown: true } : { empty: true };
  const item = q.queue[q.head]!;
  q.head++;
  if (q.head === q.queue.length) {
    q.queue.length = 0;
    q.head = 0;
  } else if (q.head >= COMPACT_MIN_HEAD && q.head * 2 >= q.queue.length) {
    q.queue.splice(0, q.head);
    q.head = 0;
  }
  metricsGet(q.metrics, item, now);
  q.processing.add(item);
  q.dirty.delete(item);
  return { item };
}

/**
 * W3 `Done(item)`: removes it from processing; if it was re-added meanwhile (dirty) it goes to the queue
 * tail now ('requeued'). Mirrors the real code exactly, including its misuse case: Done of an item that is
 * queued but not processing appends it a second time (it is dirty), so two Gets hand it out twice.
 */
export function wqDone(q: WorkqueueState, item: string, now: number): 'requeued' | 'done' {
  metricsDone(q.metrics, item, now);
  q.processing.delete(item);
  if (q.dirty.has(item)) {
    q.queue.push(item);
    return 'requeued';
  }
  return 'done';
}

/** W4 `Len()`: the queue slice only — not processing items, not items waiting for Done to re-queue them. */
export function wqLen(q: WorkqueueState): number {
  return q.queue.length - q.head;
}

/**
 * W5 `ShutDown()` of the delaying queue: the basic queue stops accepting adds (drain off, getters woken)
 * and the waiting loop stops, so pending delayed items are dropped (W7).
 */
export function wqShutDown(q: WorkqueueState): void {
  q.drain = false;
  q.shuttingDown = true;
  dropWaiting(q);
}

/**
 * W5 `ShutDownWithDrain()`: like ShutDown, but the real call then blocks until every handed-out item is
 * Done; see `wqIsDraining`. (The waiting loop exits at its next wake because the queue is shutting down.)
 */
export function wqShutDownWithDrain(q: WorkqueueState): void {
  q.drain = true;
  q.shuttingDown = true;
  dropWaiting(q);
}

/** True while a ShutDownWithDrain call would still be blocked (drain requested, items still processing). */
export function wqIsDraining(q: WorkqueueState): boolean {
  return q.drain && q.processing.size > 0;
}

/** W5 `ShuttingDown()`. */
export function wqShuttingDown(q: WorkqueueState): boolean {
  return q.shuttingDown;
}

function dropWaiting(q: WorkqueueState): void {
  q.waiting.length = 0;
  q.waitingIndex.clear();
}
