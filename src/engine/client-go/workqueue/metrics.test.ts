import { describe, expect, it } from 'vitest';
import { wqAddAfter } from './delaying';
import { UNFINISHED_WORK_UPDATE_PERIOD_MS, WORKQUEUE_HISTOGRAM_BUCKETS_MS, wqMetrics } from './metrics';
import { newWorkqueue, type WorkqueueState, wqAdd, wqDone, wqGet, wqLen, wqShutDown } from './queue';
import { wqAddRateLimited } from './rate-limiting';

function fresh(name = 'Foos'): WorkqueueState {
  return newWorkqueue({ name, limiter: { type: 'default' }, now: 0 });
}

describe('workqueue metrics (§6.5)', () => {
  it('depth and adds_total count newly-dirtying adds, including adds during processing; depth is not Len', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAdd(q, 'a', 0); // dedup: not counted
    wqGet(q, 0);
    wqAdd(q, 'a', 1); // dirty while processing: counted, but Len stays 0
    expect(wqLen(q)).toBe(0);
    expect(wqMetrics(q, 1)).toMatchObject({ depth: 1, addsTotal: 2 });
    wqDone(q, 'a', 2); // re-queued by Done: no new add
    expect(wqLen(q)).toBe(1);
    expect(wqMetrics(q, 2)).toMatchObject({ depth: 1, addsTotal: 2 });
    wqGet(q, 3);
    expect(wqMetrics(q, 3)).toMatchObject({ depth: 0, addsTotal: 2 });
  });

  it('depth goes below zero when Done of a queued item duplicates it and both copies are taken', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqDone(q, 'a', 0);
    expect(wqLen(q)).toBe(2);
    expect(wqMetrics(q, 0).depth).toBe(1);
    wqGet(q, 0);
    wqGet(q, 0);
    expect(wqMetrics(q, 0).depth).toBe(-1);
  });

  it('queue duration runs from the first add since the last Get; work duration from Get to Done', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAdd(q, 'a', 5); // dedup: the first add time stays
    wqGet(q, 10); // queue duration 10
    wqAdd(q, 'a', 20); // while processing: a new add time
    wqDone(q, 'a', 30); // work duration 20; re-queued
    wqGet(q, 40); // queue duration 20 (from the add at 20, not the Done at 30)
    wqDone(q, 'a', 41); // work duration 1
    const m = wqMetrics(q, 50);
    expect(m.queueDuration).toMatchObject({ count: 2, sumMs: 30 });
    expect(m.workDuration).toMatchObject({ count: 2, sumMs: 21 });
    const le = (ms: number) => m.workDuration.buckets.find((b) => b.leMs === ms)!.count;
    expect(le(1)).toBe(1);
    expect(le(10)).toBe(1);
    expect(le(100)).toBe(2);
  });

  it('histogram buckets are cumulative, Prometheus ExponentialBuckets(10ns, 10, 10); overflow counts only in count', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqGet(q, 0); // 0 ms → first bucket
    wqAdd(q, 'b', 0);
    wqGet(q, 20_000); // 20 s → +Inf only
    const h = wqMetrics(q, 20_000).queueDuration;
    expect(h.buckets.map((b) => b.leMs)).toEqual([...WORKQUEUE_HISTOGRAM_BUCKETS_MS]);
    expect(h.buckets[0]!.count).toBe(1);
    expect(h.buckets[h.buckets.length - 1]!.count).toBe(1);
    expect(h.count).toBe(2);
  });

  it('unfinished work sums the ages of processing items; longest running processor is the oldest age', () => {
    const q = fresh();
    wqAdd(q, 'a', 0);
    wqAdd(q, 'b', 0);
    wqGet(q, 0);
    wqGet(q, 100);
    expect(wqMetrics(q, 250)).toMatchObject({ unfinishedWorkMs: 400, longestRunningProcessorMs: 250 });
    wqDone(q, 'a', 300);
    expect(wqMetrics(q, 300)).toMatchObject({ unfinishedWorkMs: 200, longestRunningProcessorMs: 200 });
    expect(UNFINISHED_WORK_UPDATE_PERIOD_MS).toBe(500);
  });

  it('retries_total counts every AddAfter and AddRateLimited, except those ignored at shutdown', () => {
    const q = fresh();
    wqAddAfter(q, 'a', 0, 0);
    wqAddAfter(q, 'a', -1, 0);
    wqAddAfter(q, 'b', 10, 0);
    wqAddAfter(q, 'b', 20, 0); // kept-earlier still counts
    wqAddRateLimited(q, 'c', 0);
    expect(wqMetrics(q, 0).retriesTotal).toBe(5);
    wqShutDown(q);
    wqAddAfter(q, 'a', 0, 0);
    wqAddRateLimited(q, 'c', 0);
    expect(wqMetrics(q, 0).retriesTotal).toBe(5);
  });

  it('an unnamed queue would emit nothing in real client-go', () => {
    expect(wqMetrics(fresh(''), 0).emitted).toBe(false);
    expect(wqMetrics(fresh('Foos'), 0)).toMatchObject({ emitted: true, name: 'Foos' });
  });
});
