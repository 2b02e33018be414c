/**
 * The delaying queue: models cg:util/workqueue/delaying_queue.go (v0.26) — `AddAfter` and the
 * `waitingLoop` goroutine with its `waitForPriorityQueue` (a container/heap min-heap by ready time) and
 * `waitingEntryByData` map.
 *
 * Rules: W6 AddAfter, W7 waiting loop (earlier ready time wins, due entries go through Add, dropped at
 * shutdown), W8 the waiting set and the queue are independent.
 *
 * Heap order matters and is Go's exactly (conformance README): entries are ordered by ready time only;
 * Push appends and sifts up; a due entry leaves by heap.Pop (swap root with last, sift down over n−1);
 * an earlier AddAfter for a waiting item lowers its ready time in place and calls heap.Fix (sift down, and
 * if it did not move, sift up). So items due at the same instant leave in heap order, not insertion order
 * (a..g with equal delays come out a g f e d c b).
 *
 * Simplifications: the goroutine becomes calls. `wqAddAfter` does what the loop does when it receives the
 * entry (there is no channel in between: the loop drains its channel before it next looks at the clock).
 * `wqAdvance(q, now)` is the loop waking at `now`: the caller schedules it at `wqNextReadyAt(q)` (the
 * loop's timer); the 10 s heartbeat (`WAITING_LOOP_MAX_WAIT_MS`) only ever re-runs that same check.
 */
import { metricsRetry } from './metrics';
import { type WaitFor, type WorkqueueState, wqAdd } from './queue';

/** `maxWait` of delaying_queue.go: the waiting loop wakes at least this often. */
export const WAITING_LOOP_MAX_WAIT_MS = 10_000;

export type AddAfterResult = 'added-now' | 'waiting' | 'kept-earlier' | 'moved-earlier' | 'shutting-down';

/**
 * W6 `AddAfter(item, delay)`: ignored while shutting down (no retry counted); otherwise counts a retry;
 * delay ≤ 0 → `Add` at once ('added-now'). Otherwise the entry (item, now + delay) goes to the waiting
 * heap (W7): a new item is pushed ('waiting'); an item already waiting keeps the earlier ready time
 * ('kept-earlier' when the new one is not earlier, 'moved-earlier' when it is). Whether the item is
 * also queued, dirty or processing does not matter (W8).
 */
export function wqAddAfter(q: WorkqueueState, item: string, delayMs: number, now: number): AddAfterResult {
  if (q.shuttingDown) return 'shutting-down';
  metricsRetry(q.metrics);
  if (delayMs <= 0) {
    wqAdd(q, item, now);
    return 'added-now';
  }
  const readyAt = now + delayMs;
  const i = q.waitingIndex.get(item);
  if (i !== undefined) {
    const existing = q.waiting[i]!;
    if (existing.readyAt > readyAt) {
      existing.readyAt = readyAt;
      heapFix(q, i);
      return 'moved-earlier';
    }
    return 'kept-earlier';
  }
  heapPush(q, { item, readyAt });
  return 'waiting';
}

/**
 * The waiting loop waking at `now`: every waiting entry with readyAt ≤ now leaves the heap in heap
 * order and is `Add`ed (W1 dedup applies, so a dirty item is not queued twice). Returns the items moved,
 * in that order. Does nothing once shut down (the loop has exited).
 */
export function wqAdvance(q: WorkqueueState, now: number): string[] {
  const moved: string[] = [];
  if (q.shuttingDown) return moved;
  const h = q.waiting;
  while (h.length > 0 && h[0]!.readyAt <= now) {
    const e = heapPop(q);
    wqAdd(q, e.item, now);
    moved.push(e.item);
  }
  return moved;
}

/** The earliest ready time among waiting items (when the loop's timer fires), or undefined if none. */
export function wqNextReadyAt(q: WorkqueueState): number | undefined {
  return q.waiting[0]?.readyAt;
}

/**
 * What a view (or the conformance harness) shows: the queue in order, dirty and processing sorted, and the
 * waiting items in the order they would leave the heap.
 */
export function wqSnapshot(q: WorkqueueState): {
  queue: string[];
  dirty: string[];
  processing: string[];
  waiting: { item: string; readyAt: number }[];
} {
  return {
    queue: q.queue.slice(q.head),
    dirty: [...q.dirty].sort(),
    processing: [...q.processing].sort(),
    waiting: waitingInPopOrder(q),
  };
}

/** Pops a copy of the heap with the same algorithm, so ties come out in the order the loop would add them. */
function waitingInPopOrder(q: WorkqueueState): { item: string; readyAt: number }[] {
  const copy: WorkqueueState = {
    ...q,
    waiting: q.waiting.map((e) => ({ item: e.item, readyAt: e.readyAt })),
    waitingIndex: new Map(q.waitingIndex),
  };
  const out: { item: string; readyAt: number }[] = [];
  while (copy.waiting.length > 0) out.push(heapPop(copy));
  return out;
}

// --- container/heap over `waiting`, keeping `waitingIndex` in step (waitForPriorityQueue.Swap) ---

function less(h: WaitFor[], i: number, j: number): boolean {
  return h[i]!.readyAt < h[j]!.readyAt; // readyAt.Before: ready time only, no tie-breaker
}

function swap(q: WorkqueueState, i: number, j: number): void {
  const h = q.waiting;
  const a = h[i]!;
  const b = h[j]!;
  h[i] = b;
  h[j] = a;
  q.waitingIndex.set(b.item, i);
  q.waitingIndex.set(a.item, j);
}

function up(q: WorkqueueState, j: number): void {
  while (j > 0) {
    const i = (j - 1) >> 1; // parent
    if (!less(q.waiting, j, i)) break;
    swap(q, i, j);
    j = i;
  }
}

/** Sift down from i0 within the first n entries; true if the entry moved. */
function down(q: WorkqueueState, i0: number, n: number): boolean {
  const h = q.waiting;
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && less(h, j2, j1)) j = j2;
    if (!less(h, j, i)) break;
    swap(q, i, j);
    i = j;
  }
  return i > i0;
}

function heapPush(q: WorkqueueState, e: WaitFor): void {
  const n = q.waiting.length;
  q.waiting.push(e);
  q.waitingIndex.set(e.item, n);
  up(q, n);
}

function heapPop(q: WorkqueueState): WaitFor {
  const n = q.waiting.length - 1;
  swap(q, 0, n);
  down(q, 0, n);
  const e = q.waiting.pop()!;
  q.waitingIndex.delete(e.item);
  return e;
}

function heapFix(q: WorkqueueState, i: number): void {
  if (!down(q, i, q.waiting.length)) up(q, i);
}
