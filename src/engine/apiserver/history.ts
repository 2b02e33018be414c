/**
 * The watch cache's event window (apiserver pkg/storage/cacher/watch_cache.go, the `cache` ring):
 * a ring buffer of history events shared by all kinds, with O(1) append and eviction.
 *
 * Plain data: `buf` grows lazily up to `capacity` and then wraps; evicted slots are nulled so the
 * objects they held can be collected. Rule S19 (simplified to a fixed capacity in events).
 */
import type { HistoryEvent } from './events';

export interface HistoryRing {
  readonly capacity: number;
  readonly buf: Array<HistoryEvent | null>;
  /** Index in `buf` of the oldest event. */
  head: number;
  size: number;
}

export function newHistory(capacity: number): HistoryRing {
  return { capacity, buf: [], head: 0, size: 0 };
}

/** Appends an event; returns the event evicted to make room, or null. */
export function historyPush(h: HistoryRing, ev: HistoryEvent): HistoryEvent | null {
  if (h.size < h.capacity) {
    const idx = (h.head + h.size) % h.capacity;
    if (idx === h.buf.length) h.buf.push(ev);
    else h.buf[idx] = ev;
    h.size++;
    return null;
  }
  const evicted = h.buf[h.head]!;
  h.buf[h.head] = ev;
  h.head = (h.head + 1) % h.capacity;
  return evicted;
}

/** The i-th oldest event (0 ≤ i < size). */
export function historyAt(h: HistoryRing, i: number): HistoryEvent {
  return h.buf[(h.head + i) % h.capacity]!;
}

/** Drops the oldest events while their rv ≤ rv. */
export function historyDropThrough(h: HistoryRing, rv: number): void {
  while (h.size > 0) {
    const ev = h.buf[h.head]!;
    if (ev.rv > rv) return;
    h.buf[h.head] = null;
    h.head = (h.head + 1) % h.capacity;
    h.size--;
  }
}

/** All events, oldest first (a copy, for inspectors and tests). */
export function historyToArray(h: HistoryRing): HistoryEvent[] {
  const out = new Array<HistoryEvent>(h.size);
  for (let i = 0; i < h.size; i++) out[i] = historyAt(h, i);
  return out;
}
