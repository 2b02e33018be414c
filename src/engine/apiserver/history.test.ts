/** The per-resource watch-cache ring's capacity dynamics (S19; as@26 watch_cache.go:342–392). */
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './events';
import { EVENT_FRESH_MS, historyPush, newHistory, RING_MAX_CAPACITY, RING_MIN_CAPACITY } from './history';
import { newFooObject } from './object-builders';

function ev(rv: number): HistoryEvent {
  const object = newFooObject({ namespace: 'n', name: `f${rv}` }, { deploymentName: '', replicas: 1 });
  return { type: 'ADDED', kind: 'Foo', object, rv, prev: null };
}

describe('S19: the watch-cache ring', () => {
  it('starts at 100 and doubles when full while its oldest event is younger than 75 s', () => {
    const h = newHistory(null);
    expect(h.capacity).toBe(RING_MIN_CAPACITY);
    for (let i = 1; i <= 100; i++) expect(historyPush(h, ev(i), 0)).toBe(0);
    expect(historyPush(h, ev(101), 74_999)).toBe(0);
    expect(h.capacity).toBe(200);
    expect(h.size).toBe(101);
  });

  it('evicts instead when the oldest event is 75 s old, and never shrinks below 100', () => {
    const h = newHistory(null);
    for (let i = 1; i <= 100; i++) historyPush(h, ev(i), 0);
    expect(historyPush(h, ev(101), EVENT_FRESH_MS)).toBe(1);
    expect(h.capacity).toBe(100);
    expect(h.size).toBe(100);
  });

  it('halves when full and the newest quarter began more than 75 s ago, keeping the newest events', () => {
    const h = newHistory(null);
    for (let i = 1; i <= 400; i++) historyPush(h, ev(i), 0);
    expect(h.capacity).toBe(400);
    // 200 dropped by the halving, 1 evicted to make room.
    expect(historyPush(h, ev(401), 80_000)).toBe(201);
    expect(h.capacity).toBe(200);
    expect(h.size).toBe(200);
  });

  it('grows up to 102 400 at most', () => {
    const h = newHistory(null);
    for (let i = 1; i <= RING_MAX_CAPACITY + 5; i++) historyPush(h, ev(i), 0);
    expect(h.capacity).toBe(RING_MAX_CAPACITY);
    expect(h.size).toBe(RING_MAX_CAPACITY);
  });

  it('a pinned ring (historyWindow) keeps its capacity', () => {
    const h = newHistory(10);
    for (let i = 1; i <= 30; i++) historyPush(h, ev(i), 0);
    expect(h.capacity).toBe(10);
    expect(h.size).toBe(10);
  });
});
