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
    waiting: wqWaiting(q),
  };
}

/**
 * The waiting items in the order they would leave the heap: pops a copy of the heap with the same
 * algorithm, so ties come out in the order the loop would add them.
 */
export function wqWaiting(q: WorkqueueState): { item: string; readyAt: number }[] {
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
// up/down move a "hole" instead of swapping pairs: the resulting layout is exactly the one Go's
// swap-based sift produces, with one array write and one index update per moved entry.

function up(q: WorkqueueState, j: number): void {
  const h = q.waiting;
  const e = h[j]!;
  while (j > 0) {
    const i = (j - 1) >> 1; // parent
    const p = h[i]!;
    if (!(e.readyAt < p.readyAt)) break; // Less(j, i): readyAt.Before, ready time only
    h[j] = p;
    q.waitingIndex.set(p.item, j);
    j = i;
  }
  h[j] = e;
  q.waitingIndex.set(e.item, j);
}

/** Sift down from i0 within the first n entries; true if the entry moved. */
function down(q: WorkqueueState, i0: number, n: number): boolean {
  const h = q.waiting;
  const e = h[i0]!;
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && h[j2]!.readyAt < h[j1]!.readyAt) j = j2;
    const c = h[j]!;
    if (!(c.readyAt < e.readyAt)) break;
    h[i] = c;
    q.waitingIndex.set(c.item, i);
    i = j;
  }
  if (i !== i0) {
    h[i] = e;
    q.waitingIndex.set(e.item, i);
  }
  return i > i0;
}

function heapPush(q: WorkqueueState, e: WaitFor): void {
  const n = q.waiting.length;
  q.waiting.push(e);
  up(q, n); // records e's index
}

/** heap.Pop: swap the root with the last entry, sift down over the other n−1, remove the last. */
function heapPop(q: WorkqueueState): WaitFor {
  const h = q.waiting;
  const n = h.length - 1;
  const top = h[0]!;
  if (n > 0) {
    h[0] = h[n]!;
    q.waitingIndex.set(h[0].item, 0);
    h[n] = top;
    down(q, 0, n);
  }
  h.pop();
  q.waitingIndex.delete(top.item);
  return top;
}

function heapFix(q: WorkqueueState, i: number): void {
  if (!down(q, i, q.waiting.length)) up(q, i);
}
