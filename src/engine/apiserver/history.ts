/**
 * One resource's watch-cache ring (apiserver pkg/storage/cacher/watch_cache.go, the `cache` slice with
 * `startIndex`/`endIndex`, `updateCache`, `resizeCacheLocked`, `doCacheResizeLocked`; as@26:
 * watch_cache.go:52–63, 208–214, 342–392). Rule S19: one ring per resource, holding only that resource's
 * events, each with the time it was recorded.
 *
 * Capacity dynamics (unpinned): it starts at 100 (the minimum) and changes only when an event arrives
 * while the ring is full: if the oldest event was recorded less than 75 s ago the capacity doubles (up to
 * 102 400); otherwise, if the first event of the newest quarter was recorded more than 75 s ago, it
 * halves (down to 100), keeping the newest events; then, if the ring is still full, the oldest event is
 * evicted. [1.36] `EventsHistoryWindow` may raise the 75 s and with it the maximum (not modelled: the
 * classic server is 1.26).
 *
 * A pinned ring (the scenario's `historyWindow`) has a fixed capacity and never resizes: a declared
 * compression of time, so that a lesson can overflow a ring with a dozen events instead of a hundred.
 *
 * Plain data: `buf` grows lazily up to `capacity` and then wraps; evicted slots are nulled. Entries are
 * immutable (a keyframe copy shares them).
 */
import type { HistoryEvent } from './events';

/** S19: watch_cache.go defaultLowerBoundCapacity / defaultUpperBoundCapacity / eventFreshDuration. */
export const RING_MIN_CAPACITY = 100;
export const RING_MAX_CAPACITY = 102_400;
export const EVENT_FRESH_MS = 75_000;

/** watchCacheEvent: the event and its RecordTime. */
export interface CacheEntry {
  readonly event: HistoryEvent;
  readonly recordedAt: number;
}

export interface HistoryRing {
  capacity: number;
  /** A fixed capacity (historyWindow), or null for S19's dynamics. */
  readonly pinned: number | null;
  buf: Array<CacheEntry | null>;
  /** Index in `buf` of the oldest entry. */
  head: number;
  size: number;
}

export function newHistory(pinned: number | null): HistoryRing {
  const capacity = pinned === null ? RING_MIN_CAPACITY : Math.max(1, Math.trunc(pinned));
  return { capacity, pinned, buf: [], head: 0, size: 0 };
}

/** The i-th oldest entry (0 ≤ i < size). */
export function historyAt(h: HistoryRing, i: number): CacheEntry {
  return h.buf[(h.head + i) % h.capacity]!;
}

/** doCacheResizeLocked: a new capacity, keeping the newest min(size, capacity) entries in order. */
function resize(h: HistoryRing, capacity: number): void {
  const keep = Math.min(h.size, capacity);
  const buf = new Array<CacheEntry | null>(keep);
  for (let i = 0; i < keep; i++) buf[i] = historyAt(h, h.size - keep + i);
  h.buf = buf;
  h.head = 0;
  h.size = keep;
  h.capacity = capacity;
}

/** resizeCacheLocked (S19), run before an append at `now` while the ring is full. */
function resizeIfFull(h: HistoryRing, now: number): void {
  if (h.pinned !== null || h.size < h.capacity) return;
  if (now - historyAt(h, 0).recordedAt < EVENT_FRESH_MS) {
    const bigger = Math.min(h.capacity * 2, RING_MAX_CAPACITY);
    if (bigger > h.capacity) resize(h, bigger);
    return;
  }
  const quarter = historyAt(h, h.size - Math.trunc(h.capacity / 4));
  if (now - quarter.recordedAt > EVENT_FRESH_MS) {
    const smaller = Math.max(Math.trunc(h.capacity / 2), RING_MIN_CAPACITY);
    if (smaller < h.capacity) resize(h, smaller);
  }
}

/**
 * updateCache: appends an event recorded at `now`; returns how many events left the ring (by a halving
 * or by eviction), so the cacher knows its oldest servable RV moved (S18).
 */
export function historyPush(h: HistoryRing, ev: HistoryEvent, now: number): number {
  const before = h.size;
  resizeIfFull(h, now);
  let dropped = before - h.size;
  const entry: CacheEntry = { event: ev, recordedAt: now };
  if (h.size < h.capacity) {
    const idx = (h.head + h.size) % h.capacity;
    if (idx === h.buf.length) h.buf.push(entry);
    else h.buf[idx] = entry;
    h.size++;
    return dropped;
  }
  h.buf[h.head] = entry;
  h.head = (h.head + 1) % h.capacity;
  dropped++;
  return dropped;
}

/** Empties the ring and sets its capacity back to where a new cache starts (S33 re-initialisation). */
export function historyReset(h: HistoryRing): void {
  h.buf = [];
  h.head = 0;
  h.size = 0;
  h.capacity = h.pinned === null ? RING_MIN_CAPACITY : Math.max(1, Math.trunc(h.pinned));
}

/** All events, oldest first (a copy, for inspectors and tests). */
export function historyToArray(h: HistoryRing): HistoryEvent[] {
  const out = new Array<HistoryEvent>(h.size);
  for (let i = 0; i < h.size; i++) out[i] = historyAt(h, i).event;
  return out;
}
